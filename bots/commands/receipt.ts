// Scans forwarded to the bot become receipts. Every upload is checked (size, real type by its
// bytes, decodable) before anything is kept; pages sent within the album window become one receipt.
import { diariseReceipt } from '../../core/efile/receipts.ts';
import type { FailureCode } from '../../core/errors.ts';
import { istDateTime } from '../../core/time.ts';
import type { CommandContext, Outcome } from '../context.ts';
import { failureText } from '../messages/failures.ts';
import { etext } from '../messages/efile-texts.ts';
import type { InboundAttachment, Reply } from '../reply.ts';
import { saveChatState, chatState } from './conversation.ts';

const isPdf = (bytes: Uint8Array) => bytes.length >= 5 && Buffer.from(bytes.subarray(0, 5)).toString('latin1') === '%PDF-';

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

async function checkUpload(ctx: CommandContext, file: InboundAttachment): Promise<{ code: FailureCode; params: Record<string, string | number> } | null> {
  const { uploads, renderer } = ctx.deps;
  const name = file.filename;
  if (file.bytes.length === 0) return { code: 'UPLOAD.EMPTY', params: { name } };
  if (file.bytes.length > uploads.maxBytes) return { code: 'UPLOAD.TOO_LARGE', params: { name, maxMb: Math.floor(uploads.maxBytes / 1048576) } };
  if (isPdf(file.bytes)) {
    const checked = await renderer.checkPdf(file.bytes);
    if (checked.ok) return null;
    const code = ({ corrupt: 'UPLOAD.CORRUPT', encrypted: 'UPLOAD.ENCRYPTED', empty: 'UPLOAD.EMPTY' } as const)[checked.reason];
    return { code, params: { name } };
  }
  const checked = await renderer.checkImages([{ bytes: file.bytes, mime: file.mime }]);
  if (checked.ok) return null;
  const code = ({ corrupt_image: 'UPLOAD.CORRUPT', unsupported_type: 'UPLOAD.UNSUPPORTED_TYPE', empty: 'UPLOAD.EMPTY' } as const)[checked.reason];
  return { code, params: { name } };
}

export async function receiveUpload(ctx: CommandContext): Promise<Outcome> {
  const { tx, deps, lang, account } = ctx;
  const me = ctx.employee;
  if (me === null) return { replies: [] };
  const files = ctx.inbound.attachments ?? [];
  for (const file of files) {
    const problem = await checkUpload(ctx, file);
    if (problem !== null) return { replies: [{ text: failureText(problem.code, problem.params, lang) }] };
  }
  const caption = ctx.inbound.text?.trim() || null;
  const replies: Reply[] = [];
  // A PDF is a receipt of its own, at once.
  for (const pdf of files.filter((f) => isPdf(f.bytes))) {
    const checked = await deps.renderer.checkPdf(pdf.bytes);
    const blob = await deps.blobs.put(pdf.bytes);
    const receipt = await diariseReceipt(tx, deps.clock, {
      actor: me, subject: caption ?? etext('noSubject', lang), fromWhom: null, pdfBlob: blob, pages: checked.ok ? checked.pages : 1,
      originals: [{ blob, filename: pdf.filename, mime: 'application/pdf' }], formats: deps.formats,
    });
    replies.push(...(await diarisedReplies(ctx, receipt.diaryNumber, receipt.subject, receipt.pages, caption === null)));
  }
  const images = files.filter((f) => !isPdf(f.bytes));
  for (const image of images) {
    const blob = await deps.blobs.put(image.bytes);
    await tx.uploads.add({ accountId: account.id, blob, filename: image.filename, mime: image.mime, caption, createdAt: deps.clock.now() });
  }
  if (images.length === 0) return { replies };
  return {
    replies,
    afterCommit: async () => {
      if (!(await deps.albumGate.isLast(`${account.id}`, deps.uploads.albumWindowMs))) return replies;
      return [...replies, ...(await deps.store.transaction((t) => diariseDrafts({ ...ctx, tx: t as CommandContext['tx'] })))];
    },
  };
}

/** Makes one receipt of every page this chat has waiting, in the order they came. */
export async function diariseDrafts(ctx: CommandContext): Promise<Reply[]> {
  const { tx, deps, lang, account } = ctx;
  const me = ctx.employee;
  if (me === null) return [];
  const drafts = await tx.uploads.list(account.id);
  if (drafts.length === 0) return [];
  const images = await Promise.all(drafts.map(async (d) => {
    const bytes = await deps.blobs.get(d.blob);
    if (bytes === null) throw new Error(`blob ${d.blob} of an upload draft is missing`);
    return { bytes, mime: d.mime };
  }));
  const pdf = await deps.renderer.receiptFromImages(images, `प्राप्ति / Receipt — ${me.name}, ${istDateTime(deps.clock.now())}`);
  const pdfBlob = await deps.blobs.put(pdf);
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
