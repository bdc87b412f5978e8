// The real assistant over the real Prisma store, with meters on the edges: Prisma calls (a Proxy on
// the transaction client the store hands its repositories), the store's prepared statements on the
// same connection (a wrapper on its `Sql`), repository calls (a Proxy on the store's `tx`),
// language.parse, the PDF renderer and the blob store. Nothing inside the assistant changes.
import os from 'node:os';
import path from 'node:path';
import type { PrismaClient } from '../adapters/storage/generated/client.ts';
import { migrateDatabase } from '../adapters/storage/migrate.ts';
import { connectPrisma } from '../adapters/storage/open-store.ts';
import { sqlOn, type Sql } from '../adapters/storage/prisma-common.ts';
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
  /** Prepared statements the store ran on Prisma's connection instead of Prisma calls. */
  sqlCalls: number;
  sqlMs: number;
  /** Milliseconds per statement text (its first words), over the whole run. */
  sqlMsByStatement: Map<string, number>;
  parseMs: number;
  renderMs: number;
  blobMs: number;
  /** Of parse, render and blob time, the part spent inside a transaction (commands may render outside). */
  inTxExtrasMs: number;
  inTransaction: number;
  byPrismaOp: Map<string, number>;
  byRepoOp: Map<string, number>;
  /** When set, every repository call is appended, in order (to show one message's calls). */
  trace: string[] | null;
}

export const newMeters = (): Meters => ({
  prismaCalls: 0, prismaMs: 0, prismaBusyMs: 0, inFlight: 0, busySince: 0, transactions: 0, transactionMs: 0, repoCalls: 0, sqlCalls: 0, sqlMs: 0, sqlMsByStatement: new Map(), parseMs: 0, renderMs: 0, blobMs: 0, inTxExtrasMs: 0, inTransaction: 0,
  byPrismaOp: new Map(), byRepoOp: new Map(), trace: null,
});

export type MeterSnapshot = Omit<Meters, 'byPrismaOp' | 'byRepoOp' | 'sqlMsByStatement' | 'inTransaction' | 'inFlight' | 'busySince' | 'trace'>;
export const snapshot = (m: Meters): MeterSnapshot => ({
  prismaCalls: m.prismaCalls, prismaMs: m.prismaMs, prismaBusyMs: m.prismaBusyMs, transactions: m.transactions, transactionMs: m.transactionMs,
  repoCalls: m.repoCalls, sqlCalls: m.sqlCalls, sqlMs: m.sqlMs, parseMs: m.parseMs, renderMs: m.renderMs, blobMs: m.blobMs, inTxExtrasMs: m.inTxExtrasMs,
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
          return await (value as (w: unknown, o: unknown) => Promise<unknown>).call(obj, async (db: object) => {
            meters.inTransaction += 1;
            try {
              return await work(meteredDb(db, meters));
            } finally {
              meters.inTransaction -= 1;
            }
          }, options);
        } finally {
          meters.transactions += 1;
          meters.transactionMs += performance.now() - t0;
        }
      };
    },
  });
}

/** The store's prepared statements, counted and timed (they are synchronous: no overlap). */
function meteredSql(sql: Sql, meters: Meters): Sql {
  const wrap = <A extends [string, ...unknown[]], R>(run: (...args: A) => R) => (...args: A): R => {
    const t0 = performance.now();
    try {
      return run(...args);
    } finally {
      const ms = performance.now() - t0;
      meters.sqlCalls += 1;
      meters.sqlMs += ms;
      // Its start and end: statements that list the same columns differ in their WHERE.
      const key = args[0].length <= 90 ? args[0] : `${args[0].slice(0, 45)} … ${args[0].slice(-40)}`;
      meters.sqlMsByStatement.set(key, (meters.sqlMsByStatement.get(key) ?? 0) + ms);
    }
  };
  return { get: wrap(sql.get.bind(sql)) as Sql['get'], all: wrap(sql.all.bind(sql)) as Sql['all'], run: wrap(sql.run.bind(sql)) };
}

/** The store's `tx` with every repository method counted. */
function meteredStore(store: Store, meters: Meters): Store {
  const wrapTx = (tx: Tx): Tx => {
    // One counting Proxy per repository per transaction (not per property read), so that the
    // meters cost the message as little as they can.
    const wrapped = new Map<PropertyKey, object>();
    return new Proxy(tx, {
      get(obj, prop, receiver) {
        const repo: unknown = Reflect.get(obj, prop, receiver);
        if (typeof repo !== 'object' || repo === null) return repo;
        let metered = wrapped.get(prop);
        if (metered === undefined) {
          metered = timed(repo, (_ms, op) => {
            meters.repoCalls += 1;
            meters.trace?.push(`${String(prop)}.${op}`);
            bump(meters.byRepoOp, `${String(prop)}.${op}`);
          });
          wrapped.set(prop, metered);
        }
        return metered;
      },
    });
  };
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
  const { client, connection } = await connectPrisma(file);
  const prismaStore = new PrismaStore(meteredClient(client, meters), meteredSql(sqlOn(connection), meters));
  const store = meteredStore(prismaStore, meters);
  const clock = benchClock();
  const metered = (ms: number, key: 'parseMs' | 'renderMs' | 'blobMs') => {
    meters[key] += ms;
    if (meters.inTransaction > 0) meters.inTxExtrasMs += ms;
  };
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
