// One `daftar start` on a data folder of its own (the embedded SQLite), Telegram by webhook against
// a loopback Bot API peer, and the incarnations it goes through: a process that dies (a failpoint's
// SIGKILL) is started again on the same folder and port, without the failpoint, as an operator's
// supervisor (systemd Restart=always) would. Also: a prepared office to copy for each run — the demo
// roll seeded and some chats linked the honest way, "link SAH00xx" and the OTP off the console.
import fs from 'node:fs';
import path from 'node:path';
import { BotApiPeer } from '../helpers/bot-api-peer.ts';
import { childEnv, DaftarProcess } from './daftar-process.ts';
import { escapeRe, freePort, READY, seedLanguageCache, sleep, sqliteRows, TelegramStandIn, textOf } from './harness.ts';

/** Shaped like BotFather's (Daftar's configuration checks the shape). */
export const TOKEN = '123456789:AAreliability-loopback-token';
export const PUBLIC_WEBHOOK = 'https://daftar.saharsa.example.in/telegram/hook';
export const WEBHOOK_SECRET = 'reliability_single_process_secret';
export const DAFTAR_SECRET = 'f3a1c9d27be04a5c8e61f0b2d4c7a9e1f3a1c9d27be04a5c8e61f0b2d4c7a9e1';

export interface Person { code: string; chat: number }

/** What a process of a run is given; `extra` on top (DAFTAR_FAILPOINT, …). */
export function officeEnv(dataDir: string, peer: { token: string; apiRoot: string }, port: number, extra: Record<string, string> = {}): Record<string, string> {
  return childEnv({
    DAFTAR_ENV: 'development',
    DAFTAR_DATA_DIR: dataDir,
    DAFTAR_SECRET,
    DAFTAR_DEMO: 'true',
    OTP_CONSOLE: 'true',
    OCR_ENABLED: 'false',
    WEB_ENABLED: 'false',
    WHATSAPP_ENABLED: 'false',
    LOG_LEVEL: 'info',
    UPLOAD_ALBUM_WINDOW_MS: '1000',
    // The morning digest's catch-up runs at start-up only after this time: no digest in the outbox
    // (it would come due again in the middle of a run and shift the outbox failpoints' counts).
    REMINDER_TIME: '23:59',
    TELEGRAM_BOT_TOKEN: peer.token,
    TELEGRAM_API_ROOT: peer.apiRoot,
    TELEGRAM_WEBHOOK_URL: PUBLIC_WEBHOOK,
    TELEGRAM_WEBHOOK_SECRET: WEBHOOK_SECRET,
    TELEGRAM_WEBHOOK_HOST: '127.0.0.1',
    TELEGRAM_WEBHOOK_PORT: String(port),
    ...extra,
  });
}

export interface Death {
  process: DaftarProcess;
  /** performance.now() when its exit was seen. */
  at: number;
  signal: NodeJS.Signals | null;
  code: number | null;
  /** "name@n" from its "failpoint … dying now" line, or null when it died of something else. */
  failpoint: string | null;
  /** How many messages the peer had received by then (those after came from a later incarnation). */
  peerMessages: number;
}

/**
 * The incarnations of one office's process. `start(extra)` starts the first with `extra` in its
 * environment; each later one (after a death) without it. At most `maxIncarnations` are started.
 */
export class Incarnations {
  readonly all: DaftarProcess[] = [];
  readonly deaths: Death[] = [];
  current: DaftarProcess | null = null;
  /** Told of each death (before the next incarnation starts). */
  onDeath: ((death: Death) => void) | null = null;
  private stopping = false;

  constructor(private readonly name: string, private readonly env: (extra: Record<string, string>) => Record<string, string>,
    private readonly watch: { peer: BotApiPeer }, private readonly maxIncarnations = 3) {}

  start(extra: Record<string, string> = {}): DaftarProcess {
    const p = DaftarProcess.start(`${this.name}#${this.all.length + 1}`, this.env(extra));
    this.all.push(p);
    this.current = p;
    void p.exited.then((exit) => this.died(p, exit));
    return p;
  }

  private died(p: DaftarProcess, exit: { code: number | null; signal: NodeJS.Signals | null }): void {
    if (this.stopping) return;
    const line = p.lines.find((l) => /^failpoint \S+: dying now/.test(l.text));
    const death: Death = {
      process: p, at: performance.now(), signal: exit.signal, code: exit.code,
      failpoint: line === undefined ? null : (/^failpoint (\S+): dying now/.exec(line.text)?.[1] ?? null),
      peerMessages: this.watch.peer.sent.length,
    };
    this.deaths.push(death);
    this.onDeath?.(death);
    if (this.all.length < this.maxIncarnations) this.start();
  }

  /** Resolves with the process once one is ready and its channels are live (surviving deaths on the way). */
  async ready(timeoutMs = 45_000): Promise<DaftarProcess> {
    const until = performance.now() + timeoutMs;
    for (;;) {
      const p = this.current;
      if (p === null) throw new Error(`${this.name}: never started`);
      try {
        const from = (await p.waitFor(READY, Math.max(1, until - performance.now()))).index;
        await p.waitFor(/^Channels live: /, 10_000, from);
        return p;
      } catch (error) {
        if (p.alive) throw error;
        // It died; died() has started the next one (unless the limit was reached).
        await p.exited;
        await sleep(20);
        if (this.current === p) throw error;
      }
    }
  }

  /** Stops the live one cleanly (SIGTERM), and no restart after that. */
  async stop(): Promise<void> {
    this.stopping = true;
    await Promise.all(this.all.map((p) => p.stop(5_000).catch(() => p.kill('SIGKILL'))));
  }

  /** Every line of every incarnation (or the last `tail` of each), each cut to 300 characters, for a failure's report. */
  log(tail?: number): string {
    return this.all.map((p) => {
      const lines = p.log().split('\n').map((l) => (l.length > 300 ? `${l.slice(0, 300)}…` : l));
      return (tail === undefined ? lines : lines.slice(-tail)).join('\n');
    }).join('\n');
  }
}

export interface PreparedOffice {
  /** The folder to copy for each run. */
  dataDir: string;
  /** Employee ids by code. */
  ids: Map<string, number>;
  /** Mobile numbers by code (the console OTP line names the last four digits). */
  mobiles: Map<string, string>;
  ms: number;
}

/** The OTP the development sender printed for `mobile`, newest first across processes, or null. */
export function otpFromConsole(processes: DaftarProcess[], mobile: string): string | null {
  // The line is in the employee's language ("… is your Daftar OTP" or "… आपका Daftar OTP है").
  const line = new RegExp(`^\\[development OTP sender — not sent anywhere\\] to •+${escapeRe(mobile.slice(-4))}: (\\d{6}) `);
  let found: { code: string; at: number } | null = null;
  for (const p of processes) {
    for (const l of p.lines) {
      const m = line.exec(l.text);
      if (m !== null && (found === null || l.at > found.at)) found = { code: m[1] ?? '', at: l.at };
    }
  }
  return found?.code ?? null;
}

/** Links `who`'s Telegram chat as a person would: "link <code>", then the OTP the console shows. */
export async function linkTelegramChat(peer: BotApiPeer, telegram: TelegramStandIn, processes: DaftarProcess[], who: Person, mobile: string): Promise<void> {
  const logs = () => processes.map((p) => p.log()).join('\n');
  const say = async (words: string, answer: RegExp) => {
    const from = peer.sentTo(who.chat).length;
    const posted = await telegram.deliver(who.chat, words, peer.textMessage(who.chat, telegram.nextMessageId(who.chat), words));
    if (posted.acceptedAt === null) throw new Error(`"${words}" from ${who.code} was never answered 2xx:\n${logs()}`);
    await peer.until(() => peer.sentTo(who.chat).slice(from).some((m) => answer.test(textOf(m))), 15_000)
      .catch(() => { throw new Error(`"${words}" from ${who.code} got no ${answer} but ${JSON.stringify(peer.sentTo(who.chat).slice(from).map(textOf))}:\n${logs()}`); });
  };
  await say(`link ${who.code}`, /demo mode: the OTP was not sent to any phone or e-mail — it is printed on the server console|डेमो मोड: OTP किसी फ़ोन या ई-मेल पर नहीं भेजा गया — वह सर्वर के कंसोल पर छपा है/);
  const otp = otpFromConsole(processes, mobile);
  if (otp === null) throw new Error(`no OTP on the console for ${who.code}:\n${logs()}`);
  // Answered in the employee's language.
  await say(otp, /This chat is now linked to you|यह खाता आपसे जुड़ गया/);
}

/**
 * Seeds the demo office in `dataDir` and links `people`'s Telegram chats through the chat ("link",
 * then the OTP from the console), then stops the process cleanly: a folder to copy for each run.
 */
export async function prepareOffice(dataDir: string, people: Person[]): Promise<PreparedOffice> {
  const started = performance.now();
  await seedLanguageCache([dataDir]);
  const peer = await BotApiPeer.start(TOKEN);
  const port = await freePort();
  const office = new Incarnations('template', (extra) => officeEnv(dataDir, peer, port, extra), { peer }, 1);
  office.start();
  try {
    const p = await office.ready();
    const telegram = new TelegramStandIn(peer, `http://127.0.0.1:${port}/telegram/hook`, WEBHOOK_SECRET);
    const dbFile = path.join(dataDir, 'daftar.db');
    const roll = sqliteRows<{ id: number; code: string; mobile: string }>(dbFile, 'SELECT id, code, mobile FROM "Employee"');
    const ids = new Map(roll.map((r) => [r.code, r.id]));
    const mobiles = new Map(roll.map((r) => [r.code, r.mobile]));
    for (const who of people) await linkTelegramChat(peer, telegram, [p], who, mobiles.get(who.code) ?? '');
    await office.stop();
    if (p.exit?.code !== 0) throw new Error(`template: the process did not stop cleanly (${JSON.stringify(p.exit)}):\n${office.log()}`);
    // A clean stop checkpoints the WAL into the file; the copies start from one consistent file.
    return { dataDir, ids, mobiles, ms: Math.round(performance.now() - started) };
  } finally {
    await office.stop();
    await peer.close();
  }
}

/** The data folder's database file. */
export const dbFileOf = (dataDir: string) => path.join(dataDir, 'daftar.db');

export function removeFolder(dir: string): void {
  fs.rmSync(dir, { recursive: true, force: true });
}
