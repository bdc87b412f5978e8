// Scans forwarded to the bot become receipts. Every upload is checked (upload-check.ts) before
// anything is kept; pages sent within the album window become one receipt.
import { diariseReceipt } from '../../core/efile/receipts.ts';
import { safeFileName } from '../../core/intake/file-name.ts';
import { istDateTime } from '../../core/time.ts';
import type { AssistantDeps, CommandContext, Outcome } from '../context.ts';
import { failureText } from '../messages/failures.ts';
import { etext } from '../messages/efile-texts.ts';
import type { InboundAttachment, Reply } from '../reply.ts';
import type { UploadDraft } from '../../core/types.ts';
import { saveChatState, chatState } from './conversation.ts';
import { checkUpload, isPdf, type CheckedUpload } from './upload-check.ts';

/** Waits out the album window; true for the last page of a burst, which then makes the receipt. */
export class AlbumGate {
  private readonly latest = new Map<string, number>();

  async isLast(key: string, windowMs: number): Promise<boolean> {
    const token = (this.latest.get(key) ?? 0) + 1;
    this.latest.set(key, token);
    await new Promise((resolve) => setTimeout(resolve, windowMs));
    if (this.latest.get(key) !== token) return false;
    this.latest.delete(key);
    return true;
  }
}

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

/**
 * Checks the sender's uploads and stores the good ones before the message's transaction, so that
 * decoding the image and the disk write (with its fsync) do not hold up every other message while
 * transactions run one at a time. Stored blobs are content-addressed, so a page kept here and then
 * not used (a redelivery, a lost race) costs disk space, never a wrong answer. The assistant calls
 * this only for a linked, active sender; anything that fails here is simply done again inside.
 */
export async function prepareUploads(deps: AssistantDeps, files: readonly InboundAttachment[]): Promise<void> {
  for (const file of files) {
    try {
      const checked = await checkUpload(deps, file);
      const entry: Prepared = { checked, deps };
      if (checked.ok) entry.blob = await deps.blobs.put(file.bytes);
      preparedFor.set(file.bytes, entry);
    } catch {
      preparedFor.delete(file.bytes);
    }
  }
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
  // This message's pages, by blob: making the receipt from them needs no read back from the disk.
  const pages = new Map<string, Uint8Array>();
  for (const image of images) {
    const blob = prepared.get(deps, image.bytes)?.blob ?? (await deps.blobs.put(image.bytes));
    pages.set(blob, image.bytes);
    await tx.uploads.add({ accountId: account.id, blob, filename: safeFileName(image.filename, image.mime), mime: image.mime, caption, createdAt: deps.clock.now() });
  }
  if (images.length === 0) return { replies };
  return {
    replies,
    afterCommit: async () => {
      if (!(await deps.albumGate.isLast(`${account.id}`, deps.uploads.albumWindowMs))) return replies;
      // The PDF is made and stored before the transaction that diarises it, so that rendering and the
      // disk write do not hold up every other message (transactions run one at a time). Should the
      // waiting pages have changed in between, diariseDrafts makes it again inside.
      const waiting = await deps.store.transaction((t) => t.uploads.list(account.id));
      const made = waiting.length === 0 || ctx.employee === null ? undefined : await receiptPdf(ctx, ctx.employee.name, waiting, pages);
      return [...replies, ...(await deps.store.transaction((t) => diariseDrafts({ ...ctx, tx: t as CommandContext['tx'] }, made, pages)))];
    },
  };
}

interface MadePdf { drafts: string; pdfBlob: string }
const draftKey = (drafts: UploadDraft[]) => drafts.map((d) => `${d.id}:${d.blob}`).join(',');

/** The receipt's PDF from the waiting pages, stored; `pages` are bytes already in hand by blob. */
async function receiptPdf(ctx: CommandContext, name: string, drafts: UploadDraft[], pages?: Map<string, Uint8Array>): Promise<MadePdf> {
  const { deps } = ctx;
  const images = await Promise.all(drafts.map(async (d) => {
    const bytes = pages?.get(d.blob) ?? (await deps.blobs.get(d.blob));
    if (bytes === null) throw new Error(`blob ${d.blob} of an upload draft is missing`);
    return { bytes, mime: d.mime };
  }));
  const pdf = await deps.renderer.receiptFromImages(images, `प्राप्ति / Receipt — ${name}, ${istDateTime(deps.clock.now())}`);
  return { drafts: draftKey(drafts), pdfBlob: await deps.blobs.put(pdf) };
}

/**
 * Makes one receipt of every page this chat has waiting, in the order they came. `made`: the PDF
 * already made from the same drafts (used only if they are still exactly the ones waiting).
 */
export async function diariseDrafts(ctx: CommandContext, made?: MadePdf, pages?: Map<string, Uint8Array>): Promise<Reply[]> {
  const { tx, deps, lang, account } = ctx;
  const me = ctx.employee;
  if (me === null) return [];
  const drafts = await tx.uploads.list(account.id);
  if (drafts.length === 0) return [];
  const { pdfBlob } = made !== undefined && made.drafts === draftKey(drafts) ? made : await receiptPdf(ctx, me.name, drafts, pages);
  const caption = drafts.map((d) => d.caption).find((c) => c !== null) ?? null;
  const receipt = await diariseReceipt(tx, deps.clock, {
    actor: me, subject: caption ?? etext('noSubject', lang), fromWhom: null, pdfBlob, pages: drafts.length,
    originals: drafts.map((d) => ({ blob: d.blob, filename: d.filename, mime: d.mime })), formats: deps.formats,
  });
  await tx.uploads.clear(account.id);
  return diarisedReplies(ctx, receipt.diaryNumber, receipt.subject, receipt.pages, caption === null);
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
  if (askSubject) replies.push({ text: etext('askSubject', lang, { number }) });
  return replies;
}
