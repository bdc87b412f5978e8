// The inside of a render worker (see worker-renderer.ts): one PdfRenderer, any of its methods called
// by name with the arguments as sent; the clock reading travels with each call, so a document made
// here is byte for byte the one the main thread would have made at that instant.
import { readlinkSync } from 'node:fs';
import os from 'node:os';
import { parentPort, workerData } from 'node:worker_threads';
import { PdfRenderer } from './pdf-renderer.ts';

export interface RenderRequest {
  id: number;
  method: string;
  args: unknown[];
  /** The caller's clock, epoch ms. */
  now: number;
}

export type RenderAnswer =
  | { id: number; ok: true; result: unknown }
  | { id: number; ok: false; name: string; message: string; stack?: string };

if (parentPort === null) throw new Error('worker-thread.ts runs inside a worker (see worker-renderer.ts)');
const port = parentPort;

/**
 * Lowers this thread's own scheduling priority (the reports lane). On Linux a thread is a task
 * with its own nice value: /proc/thread-self names its id, and setpriority on that id changes this
 * thread only, not the message thread. Elsewhere, or if it fails, the thread keeps the usual priority.
 */
function lowerPriority(nice: number): void {
  if (nice <= 0 || process.platform !== 'linux') return;
  try {
    const tid = Number(readlinkSync('/proc/thread-self').split('/').pop());
    if (Number.isInteger(tid) && tid > 0 && tid !== process.pid) os.setPriority(tid, Math.min(19, os.getPriority(tid) + nice));
  } catch {
    // not permitted or not available: the usual priority
  }
}
lowerPriority(Number((workerData as { nice?: number } | null)?.nice ?? 0));
let now = new Date(0);
const renderer = new PdfRenderer({ now: () => now });

port.on('message', (request: RenderRequest) => {
  void (async () => {
    try {
      now = new Date(request.now);
      const method = (renderer as unknown as Record<string, unknown>)[request.method];
      if (typeof method !== 'function' || request.method === 'constructor') throw new TypeError(`the PDF renderer has no method ${request.method}`);
      const result: unknown = await (method as (...a: unknown[]) => unknown).apply(renderer, request.args);
      // A PDF's bytes move to the main thread instead of being copied.
      const transfer = result instanceof Uint8Array && result.byteOffset === 0 && result.byteLength === result.buffer.byteLength ? [result.buffer as ArrayBuffer] : [];
      port.postMessage({ id: request.id, ok: true, result } satisfies RenderAnswer, transfer);
    } catch (error) {
      const e = error instanceof Error ? error : new Error(String(error));
      port.postMessage({ id: request.id, ok: false, name: e.name, message: e.message, ...(e.stack !== undefined ? { stack: e.stack } : {}) } satisfies RenderAnswer);
    }
  })();
});
