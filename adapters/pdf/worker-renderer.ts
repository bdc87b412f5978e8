// The PDF renderer on a pool of worker threads, so that the message thread only decides and
// records: checking an upload, making a receipt's PDF and laying out a 60-page report all run
// here. Same DocumentRenderer, every method forwarded by name (arguments and result
// structured-cloned, a PDF's bytes transferred), so a method added to PdfRenderer works here
// without a line changed.
//
// Three lanes, each with workers of its own, sized to the machine (poolSize), so that long work never
// queues in front of short work a message is waiting for (below 4 cores, documents share the intake
// lane's workers: poolSize says why):
//   intake     a message's uploads: checkImages, checkPdf, receiptFromImages (a few ms each)
//   documents  the documents a command sends back (note sheets, orders, TA bills, letters): up to a
//              second or so for a long file
//   reports    the pendency report (seconds for a whole office, built by the morning job or asked
//              for), on workers that run at a lower OS priority (nice +10, Linux, per thread), so
//              that on a busy machine the chat goes first.
//
// Workers start on a lane's first call (start-up pays nothing) and are unref'd while idle, so an
// idle pool never keeps a process alive. A worker that dies fails its call and is replaced.
import { Worker } from 'node:worker_threads';
import { WORKER_BOOT } from '../worker-boot.ts';
import os from 'node:os';
import type { Clock, DocumentRenderer } from '../../core/ports.ts';
import type { RenderAnswer, RenderRequest } from './worker-thread.ts';

export type Lane = 'intake' | 'documents' | 'reports';

/** The renderer methods of a message's uploads. */
export const INTAKE_METHODS: ReadonlySet<string> = new Set(['checkImages', 'checkPdf', 'receiptFromImages']);
/** The renderer methods of long reports; every other method runs in the documents lane. */
export const REPORT_METHODS: ReadonlySet<string> = new Set(['pendencyReport']);

export const laneOf = (method: string): Lane => (INTAKE_METHODS.has(method) ? 'intake' : REPORT_METHODS.has(method) ? 'reports' : 'documents');

export type PoolSize = Record<Lane, number>;

/**
 * Workers per lane for a machine with `cpus` cores: intake every core but the message thread's (at
 * most 4), documents half the cores (at most 4), reports one per four cores (at most 2), at least one.
 * Below 4 cores documents get no workers of their own and share the intake lane's: each worker
 * holds its own copy of pdfkit and the fonts (≈ 60–70 MB, and seconds to start), and a note sheet
 * is short next to a report. On 2 cores: intake 1 (uploads and documents), reports 1; each worker
 * starts when first needed.
 */
export function poolSize(cpus = os.availableParallelism()): PoolSize {
  return {
    intake: Math.max(1, Math.min(4, cpus - 1)),
    documents: cpus < 4 ? 0 : Math.min(4, Math.floor(cpus / 2)),
    reports: Math.max(1, Math.min(2, Math.floor(cpus / 4))),
  };
}

/** How much lower the reports lane runs (nice, Linux only; elsewhere it runs at the usual priority). */
export const REPORTS_NICE = 10;

export interface WorkerRendererOptions {
  clock: Clock;
  /** Worker threads: one number for each lane, or each lane's own (default: poolSize()). */
  threads?: number | Partial<PoolSize>;
}

/** A call that failed inside a worker: the renderer's own error name and message. */
export class RenderError extends Error {
  constructor(readonly method: string, readonly errorName: string, message: string) {
    super(message);
    this.name = errorName === 'Error' ? 'RenderError' : errorName;
  }
}

interface Task {
  request: RenderRequest;
  resolve(value: unknown): void;
  reject(error: unknown): void;
}

interface Slot {
  worker: Worker;
  task: Task | null;
}

interface LaneState {
  slots: Slot[];
  queue: Task[];
  size: number;
}


export class WorkerRenderer {
  private readonly lanes: Record<Lane, LaneState>;
  private nextId = 1;
  private closed = false;

  constructor(private readonly options: WorkerRendererOptions) {
    const threads = options.threads;
    const size = { ...poolSize(), ...(typeof threads === 'number' ? { intake: threads, documents: threads, reports: threads } : (threads ?? {})) };
    const lane = (n: number, least: number): LaneState => ({ slots: [], queue: [], size: Math.max(least, Math.floor(n)) });
    // Documents may have no workers of their own (small machines): they then run in the intake lane.
    this.lanes = { intake: lane(size.intake, 1), documents: lane(size.documents, 0), reports: lane(size.reports, 1) };
  }

  /** Workers per lane (what the pool may start; they start on demand). */
  get size(): PoolSize {
    return { intake: this.lanes.intake.size, documents: this.lanes.documents.size, reports: this.lanes.reports.size };
  }

  /** The DocumentRenderer face: any method name becomes a call on a worker. */
  renderer(): DocumentRenderer {
    return new Proxy({} as DocumentRenderer, {
      get: (_target, prop) => {
        if (typeof prop !== 'string' || prop === 'then') return undefined;
        return (...args: unknown[]) => this.call(prop, args);
      },
    });
  }

  call(method: string, args: unknown[]): Promise<unknown> {
    if (this.closed) return Promise.reject(new Error('the worker renderer is closed'));
    const own = laneOf(method);
    const lane = own === 'documents' && this.lanes.documents.size === 0 ? 'intake' : own;
    return new Promise((resolve, reject) => {
      this.lanes[lane].queue.push({ request: { id: this.nextId++, method, args, now: this.options.clock.now().getTime() }, resolve, reject });
      this.pump(lane);
    });
  }

  /**
   * Starts a lane's first worker now if it has none, so that the first call after a (re)start does
   * not wait for a worker to boot (tsx, pdfkit and the fonts: a second or two on a busy machine).
   * The server warms the intake lane when its channels go live: pages a channel redelivers after a
   * crash are then checked and joined to their album before the album's window runs out.
   */
  warm(lane: Lane): void {
    if (this.closed) return;
    const own = lane === 'documents' && this.lanes.documents.size === 0 ? 'intake' : lane;
    if (this.lanes[own].slots.length === 0) this.spawn(own);
  }

  /** Stops the workers; calls still queued or running fail. */
  async close(): Promise<void> {
    this.closed = true;
    await Promise.all(Object.values(this.lanes).map(async (lane) => {
      for (const task of lane.queue.splice(0)) task.reject(new Error('the worker renderer was closed'));
      await Promise.all(lane.slots.splice(0).map(async (slot) => {
        slot.task?.reject(new Error('the worker renderer was closed'));
        await slot.worker.terminate();
      }));
    }));
  }

  private pump(name: Lane): void {
    const lane = this.lanes[name];
    while (lane.queue.length > 0) {
      let slot = lane.slots.find((s) => s.task === null);
      if (slot === undefined && lane.slots.length < lane.size) slot = this.spawn(name);
      if (slot === undefined) return;
      const task = lane.queue.shift() as Task;
      slot.task = task;
      slot.worker.ref();
      slot.worker.postMessage(task.request);
    }
  }

  private spawn(name: Lane): Slot {
    const lane = this.lanes[name];
    const entry = new URL('./worker-thread.ts', import.meta.url).href;
    const worker = new Worker(WORKER_BOOT, { eval: true, workerData: { entry, nice: name === 'reports' ? REPORTS_NICE : 0 } });
    const slot: Slot = { worker, task: null };
    worker.on('message', (answer: RenderAnswer) => {
      const task = slot.task;
      if (task === null || task.request.id !== answer.id) return;
      slot.task = null;
      worker.unref();
      if (answer.ok) task.resolve(answer.result);
      else task.reject(new RenderError(task.request.method, answer.name, answer.message));
      this.pump(name);
    });
    const lost = (error: Error) => {
      const i = lane.slots.indexOf(slot);
      if (i < 0) return;
      lane.slots.splice(i, 1);
      slot.task?.reject(error);
      slot.task = null;
      if (!this.closed) this.pump(name);
    };
    worker.on('error', (error) => lost(error));
    worker.on('exit', (code) => lost(new Error(`a PDF worker stopped (exit code ${code})`)));
    worker.unref();
    lane.slots.push(slot);
    return slot;
  }
}

/** The renderer the composition root uses: PdfRenderer's methods, run on worker threads. */
export function workerRenderer(options: WorkerRendererOptions): { renderer: DocumentRenderer; close(): Promise<void>; warm(lane: Lane): void } {
  const pool = new WorkerRenderer(options);
  return { renderer: pool.renderer(), close: () => pool.close(), warm: (lane) => pool.warm(lane) };
}
