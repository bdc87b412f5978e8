// Signing off the message thread. Signing a PDF is seconds of JavaScript for a long one (the
// placeholder pass over the whole file, the CMS in node-forge, a signer certificate issued per
// signature): measured ≈ 350 ms for a 52-page report on this project's 2-core machine, during which a
// signer on the message thread answered no one (issue 16). Here the same PdfSigner runs on a worker
// thread of its own, one call at a time, started on first use and unref'd while idle. Same
// DocumentSigner: what the worker returns is exactly what PdfSigner returns on the main thread.
import { Worker } from 'node:worker_threads';
import { WORKER_BOOT } from '../worker-boot.ts';
import type { Clock, DocumentSigner, SignatureCheck, SignerIdentity } from '../../core/ports.ts';
import type { SigningAuthority } from './office-ca.ts';
import { authorityToPems, type SignAnswer, type SignerWorkerData, type SignRequest } from './signer-thread.ts';

export interface WorkerSignerOptions {
  authority: SigningAuthority;
  clock: Clock;
  location?: string;
  contactInfo?: string;
}

/** A signing call that failed inside the worker: the signer's own error name and message. */
export class SignWorkerError extends Error {
  constructor(readonly errorName: string, message: string) {
    super(message);
    this.name = errorName === 'Error' ? 'SignWorkerError' : errorName;
  }
}

interface Task {
  request: SignRequest;
  resolve(value: unknown): void;
  reject(error: unknown): void;
}


export class WorkerSigner implements DocumentSigner {
  private worker: Worker | null = null;
  private running: Task | null = null;
  private readonly queue: Task[] = [];
  private readonly data: SignerWorkerData;
  private nextId = 1;
  private closed = false;

  constructor(private readonly options: WorkerSignerOptions) {
    this.data = {
      authority: authorityToPems(options.authority),
      ...(options.location !== undefined ? { location: options.location } : {}),
      ...(options.contactInfo !== undefined ? { contactInfo: options.contactInfo } : {}),
    };
  }

  sign(pdf: Uint8Array, signer: SignerIdentity): Promise<Uint8Array> {
    return this.call({ id: this.nextId++, op: 'sign', pdf, signer, now: this.options.clock.now().getTime() }) as Promise<Uint8Array>;
  }

  verify(pdf: Uint8Array): Promise<SignatureCheck> {
    return this.call({ id: this.nextId++, op: 'verify', pdf, now: this.options.clock.now().getTime() }) as Promise<SignatureCheck>;
  }

  /**
   * A signing has begun (the OTP went out): starts the worker if it is not running and has it make
   * signer keys while the officer types the code, so that the confirmation does not wait for one.
   */
  warm(): void {
    if (this.closed) return;
    this.call({ id: this.nextId++, op: 'warm', now: this.options.clock.now().getTime() }).catch(() => undefined);
  }

  /** Stops the worker; a call queued or running fails. */
  async close(): Promise<void> {
    this.closed = true;
    for (const task of this.queue.splice(0)) task.reject(new Error('the signer was closed'));
    this.running?.reject(new Error('the signer was closed'));
    this.running = null;
    const worker = this.worker;
    this.worker = null;
    await worker?.terminate();
  }

  private call(request: SignRequest): Promise<unknown> {
    if (this.closed) return Promise.reject(new Error('the signer is closed'));
    return new Promise((resolve, reject) => {
      this.queue.push({ request, resolve, reject });
      this.pump();
    });
  }

  private pump(): void {
    if (this.running !== null || this.queue.length === 0) return;
    const worker = this.worker ?? this.spawn();
    const task = this.queue.shift() as Task;
    this.running = task;
    worker.ref();
    // The caller keeps its PDF: it is copied, not transferred (the signed bytes come back transferred).
    worker.postMessage(task.request);
  }

  private spawn(): Worker {
    const entry = new URL('./signer-thread.ts', import.meta.url).href;
    const worker = new Worker(WORKER_BOOT, { eval: true, workerData: { entry, signerThread: true, options: this.data } });
    worker.on('message', (answer: SignAnswer) => {
      const task = this.running;
      if (task === null || task.request.id !== answer.id) return;
      this.running = null;
      worker.unref();
      if (answer.ok) task.resolve(answer.result);
      else task.reject(new SignWorkerError(answer.name, answer.message));
      this.pump();
    });
    const lost = (error: Error) => {
      if (this.worker !== worker) return;
      this.worker = null;
      this.running?.reject(error);
      this.running = null;
      if (!this.closed) this.pump();
    };
    worker.on('error', (error) => lost(error));
    worker.on('exit', (code) => lost(new Error(`the signing worker stopped (exit code ${code})`)));
    worker.unref();
    this.worker = worker;
    return worker;
  }
}
