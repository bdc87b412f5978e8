// Scans forwarded to the bot become receipts. Every upload is checked (upload-check.ts) before
// anything is kept. A message's own pages are one receipt, made in the message's transaction. Pages
// that belong to an album spread over several messages (Telegram's media_group_id; a run of photos
// on WhatsApp) are stored durably as they come, each in its message's transaction, and the album is
// closed into receipts (core/intake/albums.ts) once it has been quiet for the album window — by
// whichever process looks first, also after a crash (closeDueAlbums, run at start-up and on a
// timer). The album's answer goes out through the outbox, written in the closing transaction.
import { diariseReceipt } from '../../core/efile/receipts.ts';
import { safeFileName } from '../../core/intake/file-name.ts';
import { albumKeys, lettersOf } from '../../core/intake/albums.ts';
import { queueChatReply } from '../../core/outbox/notify.ts';
import { istDate, istDateTime } from '../../core/time.ts';
import type { Tx } from '../../core/ports.ts';
import type { ChatAccount, Employee, UploadDraft } from '../../core/types.ts';
import type { AssistantDeps, CommandContext, Outcome } from '../context.ts';
import { failpoint } from '../failpoints.ts';
import { failureText } from '../messages/failures.ts';
import { etext } from '../messages/efile-texts.ts';
import type { Inbound, InboundAttachment, Reply } from '../reply.ts';
import { saveChatState, chatState } from './conversation.ts';
import { proposalReply } from './deadline.ts';
import { checkUpload, isPdf, precheckUpload, type CheckedUpload } from './upload-check.ts';

/** An upload checked (and, if good, stored) before its message's transaction: see prepareUploads. */
interface Prepared { checked: CheckedUpload; blob?: string; deps: AssistantDeps }
// By the bytes' identity: the same attachment object reaches receiveUpload inside the transaction.
// (Kept with the assistant it was prepared for: tests run several offices on one set of bytes.)
const preparedFor = new WeakMap<Uint8Array, Prepared>();
const prepared = {
  get: (deps: AssistantDeps, bytes: Uint8Array) => {
    const entry = preparedFor.get(bytes);
    return entry?.deps === deps ? entry : undefined;
  },
};
/** A message's receipt PDF made before its transaction, keyed by the message's first image. */
const preparedPdfFor = new WeakMap<Uint8Array, { pdfBlob: string; deps: AssistantDeps; pages: number }>();

/** Where a message's images go: a receipt of their own now, or an album that closes later. */
export function albumKeyOf(inbound: Inbound): { kind: 'now' } | { kind: 'named'; key: string } | { kind: 'loose' } {
  if (inbound.albumId !== undefined) return { kind: 'named', key: albumKeys.named(inbound.albumId) };
  if (inbound.looseAlbums === true) return { kind: 'loose' };
  return { kind: 'now' };
}

/**
 * Checks the sender's uploads and stores the good ones before the message's transaction, so that
 * checking, the PDF and the disk writes (with their syncs) hold up neither the message thread nor
 * the transactions that run one at a time. On this thread only headers are read (precheckUpload:
 * size, type, declared pixels); the rest runs on a renderer worker. For a message whose images are
 * a receipt of their own, one worker pass checks every page as it embeds it and makes the PDF
 * (receiptFromImages: each page opened once, none decoded); only if that fails is each file
 * checked alone, to say which one and why. Then the pages and the PDF are written side by side and
 * made durable in one round of syncs (FileBlobStore.put), before the transaction that names them.
 * Stored blobs are content-addressed, so a page kept here and then not used (a redelivery, a lost
 * race) costs disk space, never a wrong answer. The assistant calls this only for a linked, active
 * sender; anything that fails here is simply done again inside.
 */
export async function prepareUploads(deps: AssistantDeps, inbound: Inbound, sender: Employee): Promise<void> {
  const files = inbound.attachments ?? [];
  const images = files.filter((f) => !isPdf(f.bytes));
  const first = images[0];
  let pdf: Uint8Array | null = null;
  if (first !== undefined && albumKeyOf(inbound).kind === 'now' && images.every((f) => precheckUpload(deps, f).kind === 'image')) {
    pdf = await deps.renderer.receiptFromImages(images.map((f) => ({ bytes: f.bytes, mime: f.mime })), receiptHeader(deps, sender.name)).catch(() => null);
  }
  const good: InboundAttachment[] = [];
  await Promise.all(files.map(async (file) => {
    try {
      // Pages the receipt's pass embedded have passed every check a page gets.
      const checked: CheckedUpload = pdf !== null && images.includes(file) ? { ok: true, pdf: false, pages: 1 } : await checkUpload(deps, file);
      preparedFor.set(file.bytes, { checked, deps });
      if (checked.ok) good.push(file);
    } catch {
      preparedFor.delete(file.bytes);
    }
  }));
  // The pages' blobs and the receipt's PDF are written side by side: their syncs overlap.
  await Promise.all([
    ...good.map(async (file) => {
      try {
        const entry = preparedFor.get(file.bytes);
        if (entry !== undefined) entry.blob = await deps.blobs.put(file.bytes);
      } catch {
        preparedFor.delete(file.bytes);
      }
    }),
    (async () => {
      if (pdf === null || first === undefined) return;
      try {
        preparedPdfFor.set(first.bytes, { pdfBlob: await deps.blobs.put(pdf), deps, pages: images.length });
      } catch {
        preparedPdfFor.delete(first.bytes);
      }
    })(),
  ]);
  failpoint('upload.blobs-stored');
}

async function checked(ctx: CommandContext, file: InboundAttachment): Promise<CheckedUpload> {
  return prepared.get(ctx.deps, file.bytes)?.checked ?? checkUpload(ctx.deps, file);
}

export async function receiveUpload(ctx: CommandContext): Promise<Outcome> {
  const { tx, deps, lang, account } = ctx;
  const me = ctx.employee;
  if (me === null) return { replies: [] };
  const files = ctx.inbound.attachments ?? [];
  const pagesOf = new Map<Uint8Array, number>();
  for (const file of files) {
    const result = await checked(ctx, file);
    if (!result.ok) return { replies: [{ text: failureText(result.problem.code, result.problem.params, lang) }] };
    pagesOf.set(file.bytes, result.pages);
  }
  const caption = ctx.inbound.text?.trim() || null;
  const replies: Reply[] = [];
  // A PDF is a receipt of its own, at once.
  for (const pdf of files.filter((f) => isPdf(f.bytes))) {
    const pages = pagesOf.get(pdf.bytes) ?? 1;
    const blob = prepared.get(deps, pdf.bytes)?.blob ?? (await deps.blobs.put(pdf.bytes));
    const receipt = await diariseReceipt(tx, deps.clock, {
      actor: me, subject: caption ?? etext('noSubject', lang), fromWhom: null, pdfBlob: blob, pages,
      originals: [{ blob, filename: pdf.filename, mime: 'application/pdf' }], formats: deps.formats,
    });
    replies.push(...(await diarisedReplies(ctx, receipt.diaryNumber, receipt.subject, receipt.pages, caption === null)));
  }
  const images = files.filter((f) => !isPdf(f.bytes));
  const first = images[0];
  if (first === undefined) return { replies };
  const blobs = await Promise.all(images.map(async (image) => prepared.get(deps, image.bytes)?.blob ?? deps.blobs.put(image.bytes)));
  const where = albumKeyOf(ctx.inbound);
  if (where.kind === 'now') {
    // This message's images are one receipt, made in this transaction: acknowledged means diarised.
    const made = preparedPdfFor.get(first.bytes);
    const pdfBlob = made?.deps === deps && made.pages === images.length
      ? made.pdfBlob : await receiptPdf(deps, me.name, images.map((f) => ({ bytes: f.bytes, mime: f.mime })));
    const receipt = await diariseReceipt(tx, deps.clock, {
      actor: me, subject: caption ?? etext('noSubject', lang), fromWhom: null, pdfBlob, pages: images.length,
      originals: images.map((f, i) => ({ blob: blobs[i] ?? '', filename: safeFileName(f.filename, f.mime), mime: f.mime })), formats: deps.formats,
    });
    replies.push(...(await diarisedReplies(ctx, receipt.diaryNumber, receipt.subject, receipt.pages, caption === null)));
    return { replies };
  }
  // A page of an album: kept durably now, made into a receipt when the album closes.
  const since = new Date(deps.clock.now().getTime() - deps.uploads.albumWindowMs);
  const albumKey = where.kind === 'named' ? where.key
    : (caption === null ? await tx.uploads.openAlbum(account.id, since) : null) ?? albumKeys.ofMessage(ctx.inbound.messageId);
  for (const [i, image] of images.entries()) {
    await tx.uploads.add({
      accountId: account.id, blob: blobs[i] ?? '', filename: safeFileName(image.filename, image.mime), mime: image.mime,
      caption: i === 0 ? caption : null, createdAt: deps.clock.now(), albumKey,
    });
  }
  return { replies, albumPageStored: true };
}

/** The line above every page of a receipt's PDF. */
const receiptHeader = (deps: AssistantDeps, name: string): string => `प्राप्ति / Receipt — ${name}, ${istDateTime(deps.clock.now())}`;

/** A receipt's PDF from its pages' images, stored; returns its blob. */
async function receiptPdf(deps: AssistantDeps, name: string, images: { bytes: Uint8Array; mime: string }[]): Promise<string> {
  return deps.blobs.put(await deps.renderer.receiptFromImages(images, receiptHeader(deps, name)));
}

async function pagesOfDrafts(deps: AssistantDeps, drafts: UploadDraft[]): Promise<{ bytes: Uint8Array; mime: string }[]> {
  return Promise.all(drafts.map(async (d) => {
    const bytes = await deps.blobs.get(d.blob);
    if (bytes === null) throw new Error(`blob ${d.blob} of an upload draft is missing`);
    return { bytes, mime: d.mime };
  }));
}

const draftKey = (drafts: UploadDraft[]) => drafts.map((d) => `${d.id}:${d.blob}`).join(',');

/** How many albums one pass closes before looking again (a pass is bounded, the next one goes on). */
const ALBUMS_PER_PASS = 20;

/**
 * Closes every album that has been quiet for the album window into its receipts, whichever process
 * or crash left it open. Safe to run anywhere at any time: an album is closed in one transaction
 * that deletes its pages, so two closers make its receipts once. Returns how many albums it closed.
 */
export async function closeDueAlbums(deps: AssistantDeps): Promise<number> {
  let closed = 0;
  for (;;) {
    const quietSince = new Date(deps.clock.now().getTime() - deps.uploads.albumWindowMs);
    const due = await deps.store.transaction((tx) => tx.uploads.dueAlbums(quietSince, ALBUMS_PER_PASS));
    for (const album of due) if (await closeAlbum(deps, album.accountId, album.albumKey)) closed += 1;
    if (due.length < ALBUMS_PER_PASS) break;
  }
  if (closed > 0) deps.onNotificationsQueued?.();
  return closed;
}

interface AlbumOwner { account: ChatAccount; employee: Employee | null; drafts: UploadDraft[] }

async function albumOwner(tx: Tx, accountId: number, albumKey: string): Promise<AlbumOwner | null> {
  const drafts = await tx.uploads.album(accountId, albumKey);
  if (drafts.length === 0) return null;
  const account = await tx.accounts.byId(accountId);
  if (account === null) return null;
  const employee = account.employeeId === null ? null : await tx.employees.byId(account.employeeId);
  return { account, employee, drafts };
}

async function closeAlbum(deps: AssistantDeps, accountId: number, albumKey: string): Promise<boolean> {
  failpoint('album.before-close');
  const before = await deps.store.transaction((tx) => albumOwner(tx, accountId, albumKey));
  if (before === null) return false;
  // The PDFs are made and stored before the closing transaction, so that rendering does not hold up
  // every other message; should the pages have changed in between, they are made again inside.
  const made = before.employee === null ? null : { key: draftKey(before.drafts), pdfs: await lettersPdfs(deps, before.employee.name, before.drafts) };
  failpoint('album.pdf-made');
  const done = await deps.store.transaction(async (tx) => {
    const owner = await albumOwner(tx, accountId, albumKey);
    if (owner === null) return false;
    const { account, employee, drafts } = owner;
    await tx.uploads.clearAlbum(accountId, albumKey);
    // Pages of a chat no longer linked to an active employee are not made into anyone's receipt.
    if (employee === null || !employee.active) {
      deps.log.info(`album of ${drafts.length} page(s) dropped: chat ${account.id} has no active employee any more`);
      return true;
    }
    const pdfs = made !== null && made.key === draftKey(drafts) ? made.pdfs : await lettersPdfs(deps, employee.name, drafts);
    const lang = employee.language;
    const ctx = albumContext(tx, deps, account, employee);
    const replies: Reply[] = [];
    for (const [i, letter] of lettersOf(drafts).entries()) {
      const receipt = await diariseReceipt(tx, deps.clock, {
        actor: employee, subject: letter.subject ?? etext('noSubject', lang), fromWhom: null, pdfBlob: pdfs[i] ?? '', pages: letter.pages.length,
        originals: letter.pages.map((d) => ({ blob: d.blob, filename: d.filename, mime: d.mime })), formats: deps.formats,
      });
      replies.push(...(await diarisedReplies(ctx, receipt.diaryNumber, receipt.subject, receipt.pages, letter.subject === null)));
    }
    for (const reply of replies) {
      await queueChatReply(tx, deps.clock, {
        employeeId: employee.id, chat: account, reply, ...(reply.subject !== undefined ? { subject: reply.subject } : {}),
      });
    }
    return true;
  });
  failpoint('album.closed');
  return done;
}

async function lettersPdfs(deps: AssistantDeps, name: string, drafts: UploadDraft[]): Promise<string[]> {
  const pdfs: string[] = [];
  for (const letter of lettersOf(drafts)) pdfs.push(await receiptPdf(deps, name, await pagesOfDrafts(deps, letter.pages)));
  return pdfs;
}

/**
 * The closing transaction answers the chat as a message would; the chat's state (the receipt now
 * in hand, the subject asked for) is the same record. No message is being answered, so the parse
 * is empty and the inbound names the album.
 */
function albumContext(tx: Tx, deps: AssistantDeps, account: ChatAccount, employee: Employee): CommandContext {
  const today = istDate(deps.clock.now());
  return {
    tx: tx as CommandContext['tx'], deps, account, employee, lang: employee.language, today,
    inbound: { channel: account.channel, chatId: account.address, messageId: `album-close:${account.id}` },
    parse: { intent: 'unknown', confidence: 0, alternatives: [], entities: {}, language: employee.language, normalized: '' },
  };
}

async function diarisedReplies(ctx: CommandContext, number: string, subject: string, pages: number, askSubject: boolean): Promise<Reply[]> {
  const { lang } = ctx;
  const state = await chatState(ctx);
  await saveChatState(ctx, {
    ...state, current: { target: 'receipt', number }, ...(askSubject ? { pending: { kind: 'receipt.subject', receipt: number } } : {}),
  });
  const replies: Reply[] = [{
    text: etext('receiptDiarised', lang, { number, subject, pages }),
    subject: { type: 'receipt', id: number },
    buttons: [
      { label: etext('btnNewFile', lang), command: `/receipt.newfile ${number}` },
      { label: etext('btnExistingFile', lang), command: `/receipt.attach ${number}` },
      { label: etext('btnForward', lang), command: `/receipt.forward ${number}` },
    ],
  }];
  // A letter whose words name a statutory deadline (an RTI application, a court case…): proposed at once.
  const receipt = await ctx.tx.receipts.byDiaryNumber(number);
  const proposal = receipt === null ? null : await proposalReply(ctx, receipt);
  if (proposal !== null) replies.push(proposal);
  if (askSubject) replies.push({ text: etext('askSubject', lang, { number }) });
  return replies;
}
