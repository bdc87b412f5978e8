// The PDF renderer on worker threads, so that laying out a 60-page report, turning a scanned page
// into a PDF or checking an image does not hold up the chat: same DocumentRenderer, every method
// forwarded by name (arguments and result structured-cloned, a PDF's bytes transferred), so a
// method added to PdfRenderer works here without a line changed.
//
// Workers start on the first call (start-up pays nothing) and are unref'd while idle, so an idle
// pool never keeps a process alive. A worker that dies fails its call and is replaced.
import { Worker } from 'node:worker_threads';
import os from 'node:os';
import type { Clock, DocumentRenderer } from '../../core/ports.ts';
import type { RenderAnswer, RenderRequest } from './worker-thread.ts';

export interface WorkerRendererOptions {
  clock: Clock;
  /** Worker threads (default: one less than the CPUs, at least 1, at most 4). */
  threads?: number;
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

// The worker is TypeScript: it registers tsx's loader itself (the main thread may be under vitest,
// tsx or a loader of its own), then loads worker-thread.ts.
const BOOT = `
const { workerData } = require('node:worker_threads');
import('tsx/esm/api').then((tsx) => { tsx.register(); return import(workerData.entry); })
  .catch((error) => { setImmediate(() => { throw error; }); });
`;

export class WorkerRenderer {
  private readonly slots: Slot[] = [];
  private readonly queue: Task[] = [];
  private readonly size: number;
  private nextId = 1;
  private closed = false;

  constructor(private readonly options: WorkerRendererOptions) {
    this.size = Math.max(1, Math.min(4, options.threads ?? os.availableParallelism() - 1));
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
    return new Promise((resolve, reject) => {
      this.queue.push({ request: { id: this.nextId++, method, args, now: this.options.clock.now().getTime() }, resolve, reject });
      this.pump();
    });
  }

  /** Stops the workers; calls still queued or running fail. */
  async close(): Promise<void> {
    this.closed = true;
    for (const task of this.queue.splice(0)) task.reject(new Error('the worker renderer was closed'));
    await Promise.all(this.slots.splice(0).map(async (slot) => {
      slot.task?.reject(new Error('the worker renderer was closed'));
      await slot.worker.terminate();
    }));
  }

  private pump(): void {
    while (this.queue.length > 0) {
      let slot = this.slots.find((s) => s.task === null);
      if (slot === undefined && this.slots.length < this.size) slot = this.spawn();
      if (slot === undefined) return;
      const task = this.queue.shift() as Task;
      slot.task = task;
      slot.worker.ref();
      slot.worker.postMessage(task.request);
    }
  }

  private spawn(): Slot {
    const entry = new URL('./worker-thread.ts', import.meta.url).href;
    const worker = new Worker(BOOT, { eval: true, workerData: { entry } });
    const slot: Slot = { worker, task: null };
    worker.on('message', (answer: RenderAnswer) => {
      const task = slot.task;
      if (task === null || task.request.id !== answer.id) return;
      slot.task = null;
      worker.unref();
      if (answer.ok) task.resolve(answer.result);
      else task.reject(new RenderError(task.request.method, answer.name, answer.message));
      this.pump();
    });
    const lost = (error: Error) => {
      const i = this.slots.indexOf(slot);
      if (i < 0) return;
      this.slots.splice(i, 1);
      slot.task?.reject(error);
      slot.task = null;
      if (!this.closed) this.pump();
    };
    worker.on('error', (error) => lost(error));
    worker.on('exit', (code) => lost(new Error(`a PDF worker stopped (exit code ${code})`)));
    worker.unref();
    this.slots.push(slot);
    return slot;
  }
}

/** The renderer the composition root uses: PdfRenderer's methods, run on worker threads. */
export function workerRenderer(options: WorkerRendererOptions): { renderer: DocumentRenderer; close(): Promise<void> } {
  const pool = new WorkerRenderer(options);
  return { renderer: pool.renderer(), close: () => pool.close() };
}
