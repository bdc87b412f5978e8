// Shared by the single-process reliability tests (kill-points, fuzz): free ports, the language model
// cache, a process's trouble lines, read-only looks into the SQLite file, a data folder copied from a
// prepared template, and a Telegram stand-in that posts updates to the webhook as Telegram does —
// again and again, with a small back-off, until one is answered 2xx.
import Database from 'better-sqlite3';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import type { Update } from 'telegraf/types';
import type { BotApiPeer, PeerMessage, WebhookAttempt } from '../helpers/bot-api-peer.ts';
import { loadLanguage } from '../../bots/language/index.ts';
import { REPO_ROOT, type DaftarProcess } from './daftar-process.ts';

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
export const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
export const textOf = (m: PeerMessage) => m.text ?? m.caption ?? (m.document !== undefined ? `[document ${m.document.filename}]` : '');
export const READY = /^Daftar is ready \(\d+ ms\)/;

/** At most `size` at a time: a waiting take() gets the slot the next give() frees. */
export class Slots {
  private free: number;
  private readonly waiting: (() => void)[] = [];
  constructor(size: number) { this.free = size; }
  async take(): Promise<void> {
    if (this.free > 0) { this.free -= 1; return; }
    await new Promise<void>((resolve) => this.waiting.push(resolve));
  }
  give(): void {
    const next = this.waiting.shift();
    if (next !== undefined) next();
    else this.free += 1;
  }
}

/**
 * A port free now, below the kernel's ephemeral range (32768 up on Linux), so that none of the run's
 * own outgoing connections takes it before the child process binds it.
 */
export async function freePort(taken: Set<number> = new Set()): Promise<number> {
  for (;;) {
    const port = 20_000 + Math.floor(Math.random() * 12_000);
    if (taken.has(port)) continue;
    const free = await new Promise<boolean>((resolve) => {
      const server = net.createServer();
      server.once('error', () => resolve(false));
      server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
    });
    if (free) {
      taken.add(port);
      return port;
    }
  }
}

/** The language model is trained once per corpus and cached; each data folder gets the cache. */
export async function seedLanguageCache(dataDirs: string[]): Promise<void> {
  const cacheDir = path.resolve(REPO_ROOT, process.env.DAFTAR_TEST_CACHE ?? 'data/test-cache');
  await loadLanguage({ cacheDir });
  const models = fs.readdirSync(cacheDir).filter((f) => /^language-model-.+\.json$/.test(f));
  for (const dir of dataDirs) {
    fs.mkdirSync(dir, { recursive: true });
    for (const model of models) fs.copyFileSync(path.join(cacheDir, model), path.join(dir, model));
  }
}

/** Lines that mean something went wrong inside a process (its own error log, a crash, a stack). */
export function troubleIn(p: DaftarProcess): string[] {
  return p.lines
    .filter((l) => /^\[error\]|unhandled|uncaught|^\s+at .+:\d+:\d+\)?$|^\w*Error\b/i.test(l.text))
    .map((l) => `${p.name}: ${l.text}`);
}

/** Rows from the SQLite file, read-only (the process may be running: WAL lets a reader in beside it). */
export function sqliteRows<T>(file: string, sql: string, params: unknown[] = []): T[] {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    db.pragma('busy_timeout = 5000');
    return db.prepare(sql).all(...params) as T[];
  } finally {
    db.close();
  }
}

export function sqliteTables(file: string): Set<string> {
  return new Set(sqliteRows<{ name: string }>(file, "SELECT name FROM sqlite_master WHERE type = 'table'").map((r) => r.name));
}

/** The outbox table's name (the schema has called it Outbox; OutboxItem is accepted too). */
export function outboxTable(file: string): string {
  const tables = sqliteTables(file);
  return tables.has('Outbox') ? 'Outbox' : tables.has('OutboxItem') ? 'OutboxItem' : 'Outbox';
}

/** A prepared data folder copied for one run (database with its WAL, anchors, CA, blobs, model). */
export function copyDataFolder(template: string, to: string): void {
  fs.cpSync(template, to, { recursive: true });
}

/** An update as the peer's builders make it (a message or a button press), before its update_id. */
export type UpdateBody = ReturnType<BotApiPeer['textMessage']>;

/** One update given to the stand-in Telegram, and what became of its posts. */
export interface Posted {
  updateId: number;
  chat: number;
  label: string;
  /** The id the assistant keys it by (InboundMessage.messageId). */
  inboundId: string;
  /** Each post's outcome: an HTTP status or a network error. */
  attempts: { status: number | null; error?: string; startedAt: number; endedAt: number }[];
  /** performance.now() of the 2xx, or null while not yet answered so. */
  acceptedAt: number | null;
}

/**
 * Telegram, as far as webhook delivery goes: an update is posted until the bot answers 2xx; a
 * refused or dropped connection, a timeout or another status is posted again after a short back-off
 * (Telegram's own back-off is longer; a test cannot wait minutes). Each chat's message ids count up.
 */
export class TelegramStandIn {
  readonly posted: Posted[] = [];
  private nextUpdateId = 910_000;
  private readonly messageIds = new Map<number, number>();

  constructor(readonly peer: BotApiPeer, private readonly endpoint: string, private readonly secretToken: string,
    private readonly options: { giveUpMs?: number; attemptTimeoutMs?: number; firstMessageId?: number } = {}) {}

  /**
   * The chat's next message id. Telegram's ids count up per chat for good: a chat that wrote before
   * (in a prepared office) goes on from `firstMessageId`, or its new message would be an old one.
   */
  nextMessageId(chat: number): number {
    const id = (this.messageIds.get(chat) ?? (this.options.firstMessageId ?? 1) - 1) + 1;
    this.messageIds.set(chat, id);
    return id;
  }

  /** Posts `body` as a new update until it is answered 2xx (or `giveUpMs` passes: then acceptedAt stays null). */
  async deliver(chat: number, label: string, body: UpdateBody): Promise<Posted> {
    const update = { ...body, update_id: this.nextUpdateId++ } as Update;
    const inboundId = 'callback_query' in update ? `cb:${update.callback_query.id}` : `${chat}:${(update as Update.MessageUpdate).message.message_id}`;
    const posted: Posted = { updateId: update.update_id, chat, label, inboundId, attempts: [], acceptedAt: null };
    this.posted.push(posted);
    await this.post(posted, update);
    return posted;
  }

  /** Posts an update as it is (any shape, even one Telegram never sends) until answered 2xx or given up. */
  async post(posted: Posted, update: Update): Promise<WebhookAttempt | null> {
    const giveUpAt = performance.now() + (this.options.giveUpMs ?? 60_000);
    for (let attempt = 1; ; attempt++) {
      const result = await this.peer.deliverToWebhook(this.endpoint, update, { secretToken: this.secretToken, timeoutMs: this.options.attemptTimeoutMs ?? 30_000 });
      posted.attempts.push({ status: result.status, ...(result.error !== undefined ? { error: result.error } : {}), startedAt: result.startedAt, endedAt: result.endedAt });
      if (result.status !== null && result.status >= 200 && result.status < 300) {
        posted.acceptedAt = performance.now();
        return result;
      }
      if (performance.now() > giveUpAt) return null;
      await sleep(Math.min(400, 20 * attempt));
    }
  }
}
