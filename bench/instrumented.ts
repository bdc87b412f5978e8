// The real assistant over the real store (openStore: Kysely on the adapter's own connection, SQLite or
// PostgreSQL), with meters on the edges: every SQL statement the store sends (openStore's onQuery, fed
// by Kysely's query log), repository calls (a Proxy on the store's `tx`), whole store transactions and
// the work inside them (a wrapper on the store), language.parse, the PDF renderer and the blob store.
// Nothing inside the assistant or the store changes.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { openStore, type StoreLocation } from '../adapters/storage/open-store.ts';
import type { SqlStore } from '../adapters/storage/sql-store.ts';
import { PdfRenderer } from '../adapters/pdf/pdf-renderer.ts';
import { WorkerRenderer } from '../adapters/pdf/worker-renderer.ts';
import { FileBlobStore } from '../adapters/blobs/file-blob-store.ts';
import type { BlobStore, Clock, DocumentRenderer, DocumentSigner, Store, Tx } from '../core/ports.ts';
import { SIGNABLE } from '../core/signing/sign-policy.ts';
import { DEFAULT_LEAVE_RULES } from '../core/leave/rules.ts';
import { DEFAULT_CALENDAR } from '../core/calendar/holidays.ts';
import { DEFAULT_TOUR_RULES } from '../core/tour/ta-rates.ts';
import { DEFAULT_OTP_POLICY } from '../core/otp/otp-policy.ts';
import { DEFAULT_NUMBER_FORMATS } from '../core/efile/numbering.ts';
import { createAssistant, type Assistant } from '../bots/assistant.ts';
import { silentLogger } from '../bots/log.ts';
import type { LanguageModel } from '../bots/language/index.ts';

/** Running totals; a per-message figure is the difference of two snapshots (sequential runs only). */
export interface Meters {
  /**
   * Data statements (everything but BEGIN/COMMIT/ROLLBACK) and the milliseconds Kysely's log gives
   * them: from the driver's executeQuery call to its answer (binding, running, reading the rows; on
   * PostgreSQL the round trip, and for a write under a savepoint its SAVEPOINT/RELEASE round trips too).
   * Not in it: building and compiling the query, mapping rows to records.
   */
  sqlCalls: number;
  sqlMs: number;
  /** Milliseconds and count per statement text (its start and end), over the whole run. */
  sqlMsByStatement: Map<string, number>;
  sqlCallsByStatement: Map<string, number>;
  /**
   * BEGIN IMMEDIATE / COMMIT / ROLLBACK as statements. Only SQLite's driver sends them through the
   * logged connection; PostgreSQL's sends BEGIN, the office lock and COMMIT itself (unlogged: they are
   * in txOverheadMs either way).
   */
  controlCalls: number;
  controlMs: number;
  /** PostgreSQL: writes the adapter runs under a savepoint (SAVEPOINT + RELEASE: two more round trips each). */
  savepointWrites: number;
  /** Store transactions, from the call to its answer (store mutex, BEGIN, work, COMMIT). */
  transactions: number;
  transactionMs: number;
  /** Time inside the transactions' work callbacks (what the command does between BEGIN and COMMIT). */
  workMs: number;
  repoCalls: number;
  /** Wall time with at least one repository call in flight: query building and compiling, statements, row mapping. */
  repoBusyMs: number;
  repoInFlight: number;
  repoBusySince: number;
  parseMs: number;
  renderMs: number;
  blobMs: number;
  /** Of parse, render and blob time, the part spent inside a transaction (commands may render outside). */
  inTxExtrasMs: number;
  inTransaction: number;
  byRepoOp: Map<string, number>;
  /** When set, every repository call is appended, in order (to show one message's calls). */
  trace: string[] | null;
}

export const newMeters = (): Meters => ({
  sqlCalls: 0, sqlMs: 0, sqlMsByStatement: new Map(), sqlCallsByStatement: new Map(), controlCalls: 0, controlMs: 0, savepointWrites: 0,
  transactions: 0, transactionMs: 0, workMs: 0, repoCalls: 0, repoBusyMs: 0, repoInFlight: 0, repoBusySince: 0,
  parseMs: 0, renderMs: 0, blobMs: 0, inTxExtrasMs: 0, inTransaction: 0, byRepoOp: new Map(), trace: null,
});

export type MeterSnapshot = Pick<Meters, 'sqlCalls' | 'sqlMs' | 'controlCalls' | 'controlMs' | 'savepointWrites' | 'transactions' | 'transactionMs'
  | 'workMs' | 'repoCalls' | 'repoBusyMs' | 'parseMs' | 'renderMs' | 'blobMs' | 'inTxExtrasMs'>;
export const snapshot = (m: Meters): MeterSnapshot => ({
  sqlCalls: m.sqlCalls, sqlMs: m.sqlMs, controlCalls: m.controlCalls, controlMs: m.controlMs, savepointWrites: m.savepointWrites,
  transactions: m.transactions, transactionMs: m.transactionMs, workMs: m.workMs, repoCalls: m.repoCalls, repoBusyMs: m.repoBusyMs,
  parseMs: m.parseMs, renderMs: m.renderMs, blobMs: m.blobMs, inTxExtrasMs: m.inTxExtrasMs,
});

const bump = (map: Map<string, number>, key: string, by = 1) => map.set(key, (map.get(key) ?? 0) + by);

const CONTROL = /^\s*(begin|commit|rollback|savepoint|release)\b/i;
// What postgres/connection.ts runs under a savepoint, read from the text (the meter sees no query node):
// an INSERT without ON CONFLICT, or an UPDATE.
const clashable = (text: string) => /^\s*update\b/i.test(text) || (/^\s*insert\b/i.test(text) && !/\bon\s+conflict\b/i.test(text));

/** The statement key: its start and end, since statements listing the same columns differ in their WHERE. */
export const statementKey = (text: string): string => {
  const flat = text.replace(/\s+/g, ' ');
  return flat.length <= 110 ? flat : `${flat.slice(0, 60)} … ${flat.slice(-45)}`;
};

interface StatementClass { control: boolean; clashable: boolean; key: string }

/**
 * The onQuery hook: counts and times each statement the store sends. A statement's class and key are
 * worked out once per text (the texts come from the code, so there are a few dozen): the hook runs on
 * every statement, and regular expressions there would put the meter's own cost into the figures.
 */
function statementMeter(meters: Meters, postgres: boolean): (sql: string, ms: number) => void {
  const classes = new Map<string, StatementClass>();
  return (text, ms) => {
    let c = classes.get(text);
    if (c === undefined) {
      c = { control: CONTROL.test(text), clashable: postgres && clashable(text), key: statementKey(text) };
      classes.set(text, c);
    }
    if (c.control) {
      meters.controlCalls += 1;
      meters.controlMs += ms;
      return;
    }
    meters.sqlCalls += 1;
    meters.sqlMs += ms;
    if (c.clashable && meters.inTransaction > 0) meters.savepointWrites += 1;
    bump(meters.sqlMsByStatement, c.key, ms);
    bump(meters.sqlCallsByStatement, c.key);
  };
}

/** Times every call of the object's functions, async or not, into `add`. */
function timed<T extends object>(target: T, add: (ms: number, name: string) => void, start?: () => void): T {
  return new Proxy(target, {
    get(obj, prop, receiver) {
      const value: unknown = Reflect.get(obj, prop, receiver);
      if (typeof value !== 'function') return value;
      return (...args: unknown[]) => {
        start?.();
        const t0 = performance.now();
        let result: unknown;
        try {
          result = (value as (...a: unknown[]) => unknown).apply(obj, args);
        } catch (error) {
          add(performance.now() - t0, String(prop));
          throw error;
        }
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

/** The store with every transaction timed (whole, and its work) and every repository method counted and timed. */
function meteredStore(store: Store, meters: Meters): Store {
  // Busy time, not a sum: the core starts some repository calls together (Promise.all over a trail's
  // people), and on PostgreSQL those queue on the one connection, so a sum would count the wait twice.
  const start = () => {
    if (meters.repoInFlight === 0) meters.repoBusySince = performance.now();
    meters.repoInFlight += 1;
  };
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
            meters.repoInFlight -= 1;
            if (meters.repoInFlight === 0) meters.repoBusyMs += performance.now() - meters.repoBusySince;
            meters.trace?.push(`${String(prop)}.${op}`);
            bump(meters.byRepoOp, `${String(prop)}.${op}`);
          }, start);
          wrapped.set(prop, metered);
        }
        return metered;
      },
    });
  };
  return {
    transaction: async (work) => {
      const t0 = performance.now();
      try {
        return await store.transaction(async (tx) => {
          const w0 = performance.now();
          meters.inTransaction += 1;
          try {
            return await work(wrapTx(tx));
          } finally {
            meters.inTransaction -= 1;
            meters.workMs += performance.now() - w0;
          }
        });
      } finally {
        meters.transactions += 1;
        meters.transactionMs += performance.now() - t0;
      }
    },
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
  /** The metered store (what the assistant uses). */
  store: Store;
  /** The store as openStore made it (its engine, its Kysely). */
  sqlStore: SqlStore;
  meters: Meters;
  /** The renderer pool (null with `renderer: 'thread'`): background jobs in the bench use its reports lane, as the app's do. */
  pool: WorkerRenderer | null;
  clock: Clock;
  close(): Promise<void>;
}

export interface RigOptions {
  albumWindowMs: number;
  blobDir?: string;
  /**
   * false: no onQuery hook, so Kysely adds no logging wrapper to each statement (its two extra awaits);
   * the sql*, control* and savepoint meters then stay at zero. Used to see what the statement meter costs.
   */
  statementMeter?: boolean;
  /**
   * SQLite only, a diagnostic: sets the store connection's `synchronous` after openStore (which sets
   * FULL: an fsync per COMMIT). The Prisma store before it ran with better-sqlite3's default for a file
   * already in WAL mode, NORMAL (no fsync per COMMIT), and its figures were measured so; this lets the
   * code path be compared apart from the durability. Unset: the store's own setting.
   */
  sqliteSynchronous?: 'normal' | 'full';
  /**
   * Where PDFs are made and uploads checked: 'pool' (default) on the worker pool, as app/main.ts
   * wires it (adapters/pdf/worker-renderer.ts); 'thread' on the message thread, as this bench did
   * before issue 16 (a diagnostic: what the pool takes off the message thread).
   */
  renderer?: 'pool' | 'thread';
}

/** The assistant as app/main.ts wires it, on the given SQLite file or PostgreSQL URL, with the meters in place. */
export async function openRig(location: StoreLocation, language: LanguageModel, options: RigOptions): Promise<Rig> {
  const meters = newMeters();
  const onQuery = options.statementMeter === false ? undefined : statementMeter(meters, 'url' in location);
  const sqlStore = await openStore(location, onQuery === undefined ? {} : { onQuery });
  if (options.sqliteSynchronous !== undefined && 'file' in location) {
    await sql.raw(`PRAGMA synchronous = ${options.sqliteSynchronous === 'normal' ? 'NORMAL' : 'FULL'}`).execute(sqlStore.db);
  }
  const store = meteredStore(sqlStore, meters);
  const clock = benchClock();
  const metered = (ms: number, key: 'parseMs' | 'renderMs' | 'blobMs') => {
    meters[key] += ms;
    if (meters.inTransaction > 0) meters.inTxExtrasMs += ms;
  };
  // A folder of its own, removed at close (a soak writes gigabytes of receipt PDFs).
  const blobDir = options.blobDir ?? fs.mkdtempSync(path.join(os.tmpdir(), `daftar-bench-blobs-${process.pid}-`));
  const blobs: BlobStore = timed(new FileBlobStore(blobDir), (ms) => metered(ms, 'blobMs'));
  const pool = options.renderer === 'thread' ? null : new WorkerRenderer({ clock });
  const renderer: DocumentRenderer = timed(pool?.renderer() ?? new PdfRenderer(clock), (ms) => metered(ms, 'renderMs'));
  const lang: LanguageModel = timed(language, (ms) => metered(ms, 'parseMs'));
  const assistant = createAssistant({
    store, clock, language: lang, otpSender: { kinds: ['sms'], send: async () => {} },
    otpPolicy: { ...DEFAULT_OTP_POLICY, key: 'bench-key-that-is-long-enough-for-hmac' }, log: silentLogger,
    renderer, blobs, formats: DEFAULT_NUMBER_FORMATS, uploads: { maxBytes: 10 * 1024 * 1024, albumWindowMs: options.albumWindowMs },
    decisionConfidence: 0.6, signer: noSigner, signPolicy: { posts: [], decisions: [...SIGNABLE] },
    leavePolicy: { rules: DEFAULT_LEAVE_RULES, calendar: DEFAULT_CALENDAR }, tourRules: DEFAULT_TOUR_RULES,
  });
  return {
    assistant, store, sqlStore, meters, pool, clock,
    close: async () => {
      await pool?.close();
      await sqlStore.close();
      if (options.blobDir === undefined) fs.rmSync(blobDir, { recursive: true, force: true });
    },
  };
}
