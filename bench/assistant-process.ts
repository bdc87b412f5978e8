// One of the N processes of `--processes N` (run.ts forks it): opens its own assistant and store on the
// shared PostgreSQL database, then runs the phases run.ts asks for, one at a time, on its share of the
// load (assistant.ts says how the load is split), and answers each with its raw results. It prints
// nothing on stdout (run.ts's stdout is JSON lines) and leaves when run.ts says so or goes away.
import { loadLanguage } from '../bots/language/index.ts';
import { openRig, type Rig } from './instrumented.ts';
import { ShareRunner, type PhaseRequest, type Share } from './assistant.ts';
import { Workload } from './workload.ts';

export interface OpenRequest {
  type: 'open';
  url: string;
  /** The generated office's SQLite file: the workload draws its files and people from it (the database is its copy). */
  officeFile: string;
  seed: number;
  image: 'jpeg' | 'png';
  albumWindowMs: number;
  statementMeter: boolean;
  share: Share;
  renderer: 'pool' | 'thread';
  samePage: boolean;
}
export type ToChild = OpenRequest | { type: 'phase'; request: PhaseRequest } | { type: 'close' };
export type FromChild = { type: 'ready' } | { type: 'result'; result: unknown } | { type: 'error'; message: string } | { type: 'closed' };

const send = (message: FromChild) => process.send?.(message);

let rig: Rig | null = null;
let runner: ShareRunner | null = null;

async function handle(message: ToChild): Promise<void> {
  switch (message.type) {
    case 'open': {
      const language = await loadLanguage({ cacheDir: 'data/bench' });
      rig = await openRig({ url: message.url }, language, { albumWindowMs: message.albumWindowMs, statementMeter: message.statementMeter, renderer: message.renderer });
      runner = new ShareRunner(rig, new Workload(message.officeFile, message.seed, message.image, { samePage: message.samePage }), message.share);
      send({ type: 'ready' });
      return;
    }
    case 'phase': {
      if (runner === null) throw new Error('phase before open');
      send({ type: 'result', result: await runner.run(message.request) });
      return;
    }
    case 'close': {
      await rig?.close();
      send({ type: 'closed' });
      process.disconnect();
      return;
    }
  }
}

process.on('message', (message: ToChild) => {
  handle(message).catch((error: unknown) => send({ type: 'error', message: error instanceof Error ? (error.stack ?? error.message) : String(error) }));
});
// run.ts gone (killed, or ended at a bound): nothing is left to answer to.
process.on('disconnect', () => {
  setTimeout(() => process.exit(0), 5_000).unref();
  void rig?.close();
});
