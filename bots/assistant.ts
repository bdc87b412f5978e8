// The assistant: one inbound message in, replies out, the same for every channel.
// Each message is handled in one transaction that also records its id and its replies, so a
// redelivered message is answered from the record and never executed twice, and a crash before the
// commit leaves nothing behind for the redelivery to trip over. A command whose work goes on after
// its transaction (an OTP being sent) leaves its id held for HOLD_MS: should its process die, a
// redelivery after that (or at once, after a restart that released the holds) takes it up again.
import { languageOfText } from './reader-language.ts';
import { OfficeError } from '../core/errors.ts';
import type { Tx } from '../core/ports.ts';
import type { UiLanguage } from '../core/types.ts';
import { istDate } from '../core/time.ts';
import { officeOf, type AssistantDeps, type CommandContext, type Outcome } from './context.ts';
import { withOfficeNumbers } from './routing/numbers.ts';
import type { Parse } from './language/index.ts';
import { failureText } from './messages/failures.ts';
import { text } from './messages/texts.ts';
import type { Inbound, Reply } from './reply.ts';
import { route } from './router.ts';
import { prepareUploads } from './commands/receipt.ts';
import { VERIFY_WORD } from './commands/verify.ts';
import { DEFAULT_INTAKE_LIMITS } from '../core/intake/limits.ts';
import { closeDueAlbums } from './commands/receipt.ts';
import { failpoint } from './failpoints.ts';
import { queueChatReply } from '../core/outbox/notify.ts';

/** A reply as kept with its message: a document by its blob. */
type StoredReply = Omit<Reply, 'document'> & { document?: { filename: string; mime: string; blob: string } };

export interface Assistant {
  handle(inbound: Inbound): Promise<Reply[]>;
  /** Closes the albums quiet for the album window into receipts (any chat, any process's). */
  closeAlbums(): Promise<number>;
  /**
   * At start-up, when no other process can be working (the embedded database has one process):
   * releases the holds a crashed run left on its messages and the outbox items it had claimed.
   * Albums it left open are not closed here: the channel redelivers the pages that were in flight
   * once it can reach this process, so they are closed by the album sweep once the channels have
   * been live for the album window (app/main.ts).
   */
  recover(options: { releaseHolds: boolean }): Promise<{ released: number; outbox: number }>;
  /** Stops the album timers and waits for a close under way (before the store is closed). */
  stop(): Promise<void>;
}

/** How long a message whose work goes on after its transaction stays held by its process. */
export const HOLD_MS = 2 * 60_000;
/** After the album window, a little more, so the last page's commit is surely in. */
const ALBUM_CLOSE_SLACK_MS = 50;

type Handled = { kind: 'repeat'; replies: Reply[] } | { kind: 'done'; outcome: Outcome; lang: UiLanguage };


export function createAssistant(deps: AssistantDeps): Assistant {
  const { store, clock, log } = deps;
  const maxTextChars = deps.maxTextChars ?? DEFAULT_INTAKE_LIMITS.maxTextChars;

  const albumTimers = new Set<NodeJS.Timeout>();
  let closing: Promise<number> = Promise.resolve(0);
  let stopped = false;

  /** One close at a time in this process (another process may close too: the store keeps that safe). */
  function closeAlbums(): Promise<number> {
    const run = closing.catch(() => 0).then(() => (stopped ? 0 : closeDueAlbums(deps)));
    closing = run.catch((error: unknown) => {
      log.error('closing albums failed', error);
      return 0;
    });
    return run;
  }

  function scheduleAlbumClose(): void {
    if (stopped) return;
    const timer = setTimeout(() => {
      albumTimers.delete(timer);
      void closeAlbums().catch(() => undefined);
    }, deps.uploads.albumWindowMs + ALBUM_CLOSE_SLACK_MS);
    timer.unref();
    albumTimers.add(timer);
  }

  async function handle(inbound: Inbound): Promise<Reply[]> {
    // Before anything else: a text over the limit is answered without being parsed or its files kept.
    const longest = Math.max(inbound.text?.length ?? 0, inbound.action?.length ?? 0);
    if (longest > maxTextChars) return refuseTooLong(inbound, longest);
    let handled: Handled;
    try {
      await uploadsFirst(inbound);
      // Understood before the transaction: parsing is pure CPU and needs nothing from the database,
      // so it does not hold up the transactions of other messages (they run one at a time).
      const today = istDate(clock.now());
      const said = inbound.action ?? inbound.text ?? '';
      const parse = withOfficeNumbers(deps.language.parse(said, { today }), said, officeOf(deps).numbers);
      handled = await store.transaction(async (tx) => {
        const result = await handleInTx(tx, inbound, parse, today);
        failpoint('inbound.before-commit');
        return result;
      });
    } catch (error) {
      if (error instanceof OfficeError) return recordFailure(inbound, failureText(error.failure.code, error.failure.params, await languageOfSender(inbound)));
      // A bug or broken infrastructure: everything rolled back, the message id is not recorded,
      // so a redelivery (or the user resending) gets a fresh try.
      log.error(`handling ${inbound.channel} message failed`, error);
      return [{ text: text('internalError', await languageOfSender(inbound)) }];
    }
    failpoint('inbound.after-commit');
    if (handled.kind === 'repeat') return rehydrate(handled.replies);
    const { outcome } = handled;
    if (outcome.albumPageStored === true) {
      failpoint('album.page-stored');
      scheduleAlbumClose();
    }
    let replies = outcome.replies;
    if (outcome.afterCommit !== undefined) {
      failpoint('inbound.after-commit-work');
      replies = await outcome.afterCommit();
      const stored = await storable(replies);
      await store.transaction((tx) => tx.inbound.complete(inbound.channel, inbound.messageId, stored));
    }
    if (outcome.queuedNotifications) deps.onNotificationsQueued?.();
    return replies;
  }

  async function recover(options: { releaseHolds: boolean }): Promise<{ released: number; outbox: number }> {
    if (!options.releaseHolds) return { released: 0, outbox: 0 };
    const { released, outbox } = await store.transaction(async (tx) => ({
      released: await tx.inbound.releaseAll(), outbox: await tx.outbox.releaseClaims(clock.now()),
    }));
    if (released > 0) log.warn(`${released} message(s) left half-handled by an earlier run will be taken up again when redelivered`);
    return { released, outbox };
  }

  /**
   * The sender's own language for a message whose transaction failed: the linked employee's, read
   * afresh (a scan with no caption says nothing of its writer's language); if even that read fails
   * (the store itself is the trouble), a guess from the text.
   */
  async function languageOfSender(inbound: Inbound): Promise<UiLanguage> {
    try {
      const employee = await store.transaction(async (tx) => {
        const account = await tx.accounts.find(inbound.channel, inbound.chatId);
        return account?.employeeId == null ? null : tx.employees.byId(account.employeeId);
      });
      return employee?.language ?? languageOfText(inbound.text);
    } catch {
      return languageOfText(inbound.text);
    }
  }

  async function stop(): Promise<void> {
    stopped = true;
    for (const timer of albumTimers) clearTimeout(timer);
    albumTimers.clear();
    await closing;
  }

  async function handleInTx(tx: Tx, inbound: Inbound, parse: Parse, today: string): Promise<Handled> {
    const repeated = await claimOrRepeat(tx, inbound);
    if (repeated !== null) return { kind: 'repeat', replies: repeated };
    const account = (await tx.accounts.find(inbound.channel, inbound.chatId))
      ?? (await tx.accounts.create({ channel: inbound.channel, address: inbound.chatId, displayName: inbound.senderName ?? null }));
    const employee = account.employeeId === null ? null : await tx.employees.byId(account.employeeId);
    const lang: UiLanguage = employee?.language ?? (parse.language === 'hi' ? 'hi' : languageOfText(inbound.text));
    const ctx: CommandContext = { tx, deps, inbound, account, employee, lang, parse, today };
    let outcome = await route(ctx);
    if (outcome.afterCommit === undefined) {
      const stored = await storable(outcome.replies);
      await tx.inbound.complete(inbound.channel, inbound.messageId, stored);
      if (inbound.repliesViaOutbox === true && outcome.replies.length > 0) {
        await queueReplies(tx, inbound, JSON.parse(stored) as StoredReply[]);
        outcome = { ...outcome, replies: [], queuedNotifications: true };
      }
    } else {
      await tx.inbound.hold(inbound.channel, inbound.messageId, new Date(clock.now().getTime() + HOLD_MS));
    }
    return { kind: 'done', outcome, lang };
  }

  /** Claims the message id; for one seen before, its stored answer instead (null: a new message). */
  async function claimOrRepeat(tx: Tx, inbound: Inbound): Promise<Reply[] | null> {
    // Claim first: a new message (the usual case) costs one statement; only a repeat is looked up.
    const claimed = await tx.inbound.claim({ channel: inbound.channel, messageId: inbound.messageId, chatId: inbound.chatId, receivedAt: clock.now() });
    if (claimed) return null;
    const seen = await tx.inbound.find(inbound.channel, inbound.messageId);
    if (seen?.replies != null) return JSON.parse(seen.replies) as Reply[];
    // Left processing by work after its transaction: taken up again once its hold ran out (its
    // process died) — the command then answers from the state as it is now.
    const now = clock.now();
    if (await tx.inbound.retake(inbound.channel, inbound.messageId, now, new Date(now.getTime() + HOLD_MS))) return null;
    return [{ text: text('inProgress', languageOfText(inbound.text)) }];
  }

  /**
   * A linked, active employee's scans are checked and stored before the transaction (see
   * prepareUploads); for anyone else, and for a signed copy sent to be verified, nothing is.
   */
  async function uploadsFirst(inbound: Inbound): Promise<void> {
    const files = inbound.attachments ?? [];
    if (files.length === 0 || VERIFY_WORD.test((inbound.action ?? inbound.text ?? '').trim())) return;
    const sender = await store.transaction(async (tx) => {
      const account = await tx.accounts.find(inbound.channel, inbound.chatId);
      return account?.employeeId == null ? null : tx.employees.byId(account.employeeId);
    });
    if (sender?.active === true) await prepareUploads(deps, inbound, sender);
  }

  /**
   * A text over MAX_TEXT_CHARS: one transaction that only records the message id as answered (a
   * redelivery gets the stored answer), in the linked employee's language. No chat account is
   * created for a stranger, nothing is parsed, no attachment is looked at.
   */
  async function refuseTooLong(inbound: Inbound, length: number): Promise<Reply[]> {
    return store.transaction(async (tx) => {
      const repeated = await claimOrRepeat(tx, inbound);
      if (repeated !== null) return repeated;
      const account = await tx.accounts.find(inbound.channel, inbound.chatId);
      const employee = account?.employeeId == null ? null : await tx.employees.byId(account.employeeId);
      const lang = employee?.language ?? languageOfText(inbound.text);
      const replies = [{ text: failureText('INBOUND.TOO_LONG', { length, max: maxTextChars }, lang) }];
      await tx.inbound.complete(inbound.channel, inbound.messageId, JSON.stringify(replies));
      return replies;
    });
  }

  /** A lost race rolled everything back; the answer is recorded so a redelivery gets the same one. */
  async function recordFailure(inbound: Inbound, message: string): Promise<Reply[]> {
    const replies = [{ text: message }];
    await store.transaction(async (tx) => {
      if (await tx.inbound.claim({ channel: inbound.channel, messageId: inbound.messageId, chatId: inbound.chatId, receivedAt: clock.now() })) {
        await tx.inbound.complete(inbound.channel, inbound.messageId, JSON.stringify(replies));
      }
    });
    return replies;
  }

  /** The answer to a message, as outbox items addressed to its chat (see Inbound.repliesViaOutbox). */
  async function queueReplies(tx: Tx, inbound: Inbound, replies: StoredReply[]): Promise<void> {
    for (const r of replies) {
      await queueChatReply(tx, clock, {
        employeeId: null, chat: { channel: inbound.channel, address: inbound.chatId }, reply: r,
        ...(r.subject !== undefined ? { subject: r.subject } : {}), ...(r.document !== undefined ? { document: r.document } : {}),
      });
    }
  }

  /** Replies are kept for redelivered messages; a document is kept as its blob, not its bytes. */
  async function storable(replies: Reply[]): Promise<string> {
    const kept = await Promise.all(replies.map(async (r) => {
      if (r.document === undefined) return r;
      const blob = await deps.blobs.put(Buffer.from(r.document.base64, 'base64'));
      return { ...r, document: { filename: r.document.filename, mime: r.document.mime, blob } };
    }));
    return JSON.stringify(kept);
  }

  async function rehydrate(replies: Reply[]): Promise<Reply[]> {
    return Promise.all(replies.map(async (r) => {
      const doc = r.document as (Reply['document'] & { blob?: string }) | undefined;
      if (doc?.blob === undefined) return r;
      const bytes = await deps.blobs.get(doc.blob);
      return { ...r, document: { filename: doc.filename, mime: doc.mime, base64: bytes === null ? '' : Buffer.from(bytes).toString('base64') } };
    }));
  }

  return { handle, closeAlbums, recover, stop };
}

