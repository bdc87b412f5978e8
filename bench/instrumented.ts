// The real assistant over the real Prisma store, with meters on the edges: Prisma calls (a Proxy on
// the transaction client the store hands its repositories), repository calls (a Proxy on the store's
// `tx`), language.parse, the PDF renderer and the blob store. Nothing inside the assistant changes.
import os from 'node:os';
import path from 'node:path';
import { PrismaBetterSQLite3 } from '@prisma/adapter-better-sqlite3';
import { PrismaClient } from '../adapters/storage/generated/client.ts';
import { BUSY_TIMEOUT_MS, migrateDatabase } from '../adapters/storage/migrate.ts';
import { PrismaStore } from '../adapters/storage/prisma-store.ts';
import { PdfRenderer } from '../adapters/pdf/pdf-renderer.ts';
import { FileBlobStore } from '../adapters/blobs/file-blob-store.ts';
import type { BlobStore, Clock, DocumentRenderer, DocumentSigner, Store, Tx } from '../core/ports.ts';
import { SIGNABLE } from '../core/signing/sign-policy.ts';
import { DEFAULT_LEAVE_RULES } from '../core/leave/rules.ts';
import { DEFAULT_CALENDAR } from '../core/calendar/holidays.ts';
import { DEFAULT_TOUR_RULES } from '../core/tour/ta-rates.ts';
import { DEFAULT_OTP_POLICY } from '../core/otp/otp-policy.ts';
import { DEFAULT_NUMBER_FORMATS } from '../core/efile/numbering.ts';
import { createAssistant, type Assistant } from '../bots/assistant.ts';
import { AlbumGate } from '../bots/commands/receipt.ts';
import { silentLogger } from '../bots/log.ts';
import type { LanguageModel } from '../bots/language/index.ts';

/** Running totals; a per-message figure is the difference of two snapshots (sequential runs only). */
export interface Meters {
  prismaCalls: number;
  /** Sum of call durations; calls started together (Promise.all) overlap, so this can exceed the wall time. */
  prismaMs: number;
  /** Wall time with at least one Prisma call in flight. */
  prismaBusyMs: number;
  inFlight: number;
  busySince: number;
  /** Whole interactive transactions as Prisma runs them (BEGIN … COMMIT, the work inside included). */
  transactions: number;
  transactionMs: number;
  repoCalls: number;
  parseMs: number;
  renderMs: number;
  blobMs: number;
  byPrismaOp: Map<string, number>;
  byRepoOp: Map<string, number>;
  /** When set, every repository call is appended, in order (to show one message's calls). */
  trace: string[] | null;
}

export const newMeters = (): Meters => ({
  prismaCalls: 0, prismaMs: 0, prismaBusyMs: 0, inFlight: 0, busySince: 0, transactions: 0, transactionMs: 0, repoCalls: 0, parseMs: 0, renderMs: 0, blobMs: 0,
  byPrismaOp: new Map(), byRepoOp: new Map(), trace: null,
});

export type MeterSnapshot = Omit<Meters, 'byPrismaOp' | 'byRepoOp' | 'inFlight' | 'busySince' | 'trace'>;
export const snapshot = (m: Meters): MeterSnapshot => ({
  prismaCalls: m.prismaCalls, prismaMs: m.prismaMs, prismaBusyMs: m.prismaBusyMs, transactions: m.transactions, transactionMs: m.transactionMs,
  repoCalls: m.repoCalls, parseMs: m.parseMs, renderMs: m.renderMs, blobMs: m.blobMs,
});

const bump = (map: Map<string, number>, key: string) => map.set(key, (map.get(key) ?? 0) + 1);

/** Times every call of the object's functions, async or not, into `add`. */
function timed<T extends object>(target: T, add: (ms: number, name: string) => void, start?: () => void): T {
  return new Proxy(target, {
    get(obj, prop, receiver) {
      const value: unknown = Reflect.get(obj, prop, receiver);
      if (typeof value !== 'function') return value;
      return (...args: unknown[]) => {
        start?.();
        const t0 = performance.now();
        const result: unknown = (value as (...a: unknown[]) => unknown).apply(obj, args);
        if (result instanceof Promise || (typeof result === 'object' && result !== null && 'then' in result)) {
          return (async () => {
            try {
              return await (result as Promise<unknown>);
            } finally {
              add(performance.now() - t0, String(prop));
            }
          })();
        }
        add(performance.now() - t0, String(prop));
        return result;
      };
    },
  });
}

/** The transaction client with each model call and raw statement counted and timed. */
function meteredDb(db: object, meters: Meters): object {
  const models = new Map<PropertyKey, object>();
  const start = () => {
    if (meters.inFlight === 0) meters.busySince = performance.now();
    meters.inFlight += 1;
  };
  const end = (ms: number, op: string) => {
    meters.prismaCalls += 1;
    meters.prismaMs += ms;
    bump(meters.byPrismaOp, op);
    meters.inFlight -= 1;
    if (meters.inFlight === 0) meters.prismaBusyMs += performance.now() - meters.busySince;
  };
  return new Proxy(db, {
    get(obj, prop, receiver) {
      const value: unknown = Reflect.get(obj, prop, receiver);
      if (typeof prop === 'string' && prop.startsWith('$') && typeof value === 'function') {
        return timed({ [prop]: (...args: unknown[]) => (value as (...a: unknown[]) => unknown).apply(obj, args) }, (ms) => end(ms, prop), start)[prop];
      }
      if (typeof value !== 'object' || value === null) return value;
      let model = models.get(prop);
      if (model === undefined) {
        model = timed(value, (ms, op) => end(ms, `${String(prop)}.${op}`), start);
        models.set(prop, model);
      }
      return model;
    },
  });
}

function meteredClient(client: PrismaClient, meters: Meters): PrismaClient {
  return new Proxy(client, {
    get(obj, prop, receiver) {
      const value: unknown = Reflect.get(obj, prop, receiver);
      if (prop !== '$transaction' || typeof value !== 'function') return typeof value === 'function' ? value.bind(obj) : value;
      return async (work: (db: object) => Promise<unknown>, options: unknown) => {
        const t0 = performance.now();
        try {
          return await (value as (w: unknown, o: unknown) => Promise<unknown>).call(obj, (db: object) => work(meteredDb(db, meters)), options);
        } finally {
          meters.transactions += 1;
          meters.transactionMs += performance.now() - t0;
        }
      };
    },
  });
}

/** The store's `tx` with every repository method counted. */
function meteredStore(store: Store, meters: Meters): Store {
  const wrapTx = (tx: Tx): Tx => new Proxy(tx, {
    get(obj, prop, receiver) {
      const repo: unknown = Reflect.get(obj, prop, receiver);
      if (typeof repo !== 'object' || repo === null) return repo;
      return timed(repo, (_ms, op) => {
        meters.repoCalls += 1;
        meters.trace?.push(`${String(prop)}.${op}`);
        bump(meters.byRepoOp, `${String(prop)}.${op}`);
      });
    },
  });
  return {
    transaction: (work) => store.transaction((tx) => work(wrapTx(tx))),
    close: () => store.close(),
  };
}

/** The bench clock: the office's day (25 Nov 2026, 11:30 IST) moving with real time. */
export function benchClock(): Clock {
  const base = Date.UTC(2026, 10, 25, 6, 0, 0);
  const started = performance.now();
  return { now: () => new Date(base + Math.floor(performance.now() - started)) };
}

const noSigner: DocumentSigner = {
  sign: async () => { throw new Error('signing is not part of this bench'); },
  verify: async () => ({ signed: false }),
};

export interface Rig {
  assistant: Assistant;
  store: Store;
  meters: Meters;
  close(): Promise<void>;
}

/** The assistant as bots/main.ts wires it, on the given file, with the meters in place. */
export async function openRig(file: string, language: LanguageModel, options: { albumWindowMs: number; blobDir?: string }): Promise<Rig> {
  const meters = newMeters();
  migrateDatabase(file);
  const client = new PrismaClient({ adapter: new PrismaBetterSQLite3({ url: file, timeout: BUSY_TIMEOUT_MS }) });
  await client.$connect();
  const prismaStore = new PrismaStore(meteredClient(client, meters));
  const store = meteredStore(prismaStore, meters);
  const clock = benchClock();
  const metered = (ms: number, key: 'parseMs' | 'renderMs' | 'blobMs') => { meters[key] += ms; };
  const blobs: BlobStore = timed(new FileBlobStore(options.blobDir ?? path.join(os.tmpdir(), `daftar-bench-blobs-${process.pid}`)), (ms) => metered(ms, 'blobMs'));
  const renderer: DocumentRenderer = timed(new PdfRenderer(clock), (ms) => metered(ms, 'renderMs'));
  const lang: LanguageModel = timed(language, (ms) => metered(ms, 'parseMs'));
  const assistant = createAssistant({
    store, clock, language: lang, otpSender: { kinds: ['sms'], send: async () => {} },
    otpPolicy: { ...DEFAULT_OTP_POLICY, key: 'bench-key-that-is-long-enough-for-hmac' }, log: silentLogger,
    renderer, blobs, formats: DEFAULT_NUMBER_FORMATS, uploads: { maxBytes: 10 * 1024 * 1024, albumWindowMs: options.albumWindowMs },
    decisionConfidence: 0.6, albumGate: new AlbumGate(), signer: noSigner, signPolicy: { posts: [], decisions: [...SIGNABLE] },
    leavePolicy: { rules: DEFAULT_LEAVE_RULES, calendar: DEFAULT_CALENDAR }, tourRules: DEFAULT_TOUR_RULES,
  });
  return { assistant, store, meters, close: () => prismaStore.close() };
}
