// Checking a signed PDF from a chat, and fetching a file's signed copy again.
import { istDateTime } from '../../core/time.ts';
import { canSeeFile } from '../../core/efile/guards.ts';
import type { SignatureCheck } from '../../core/ports.ts';
import type { UiLanguage } from '../../core/types.ts';
import type { CommandContext, Outcome } from '../context.ts';
import { failureText } from '../messages/failures.ts';
import { vtext } from '../messages/efile-texts.ts';
import { repliedTo } from './conversation.ts';

export const VERIFY_WORD = /^(?:verify|check signature|सत्यापन|सत्यापित करें|हस्ताक्षर जाँचें|satyapan)\b/i;

export function describeCheck(check: SignatureCheck, lang: UiLanguage): string {
  if (!check.signed) return vtext('unsigned', lang);
  const params = {
    name: check.signer.name, post: check.signer.post ?? '', code: check.signer.code ?? '',
    at: check.signedAt === null ? '—' : istDateTime(check.signedAt), reason: check.reason ?? '—', trusted: check.trusted ? 1 : 0,
  };
  return check.intact && check.wholeDocument ? vtext('valid', lang, params) : vtext('changed', lang, params);
}

/** PDFs sent with a "verify" caption are checked, not diarised. */
export async function verifyUploads(ctx: CommandContext): Promise<Outcome> {
  const pdfs = (ctx.inbound.attachments ?? []).filter((a) => Buffer.from(a.bytes.subarray(0, 5)).toString('latin1') === '%PDF-');
  if (pdfs.length === 0) return { replies: [{ text: vtext('sendPdf', ctx.lang) }] };
  const replies = [];
  for (const pdf of pdfs) replies.push({ text: `${pdf.filename}\n${describeCheck(await ctx.deps.signer.verify(pdf.bytes), ctx.lang)}` });
  return { replies };
}

/** "verify" in reply to the message that carried a signed PDF. */
export async function verifyRepliedDocument(ctx: CommandContext): Promise<Outcome> {
  const sent = await repliedTo(ctx);
  if (sent?.subjectType !== 'signed' || sent.subjectId === null) return { replies: [{ text: vtext('sendPdf', ctx.lang) }] };
  const bytes = await ctx.deps.blobs.get(sent.subjectId);
  if (bytes === null) return { replies: [{ text: vtext('sendPdf', ctx.lang) }] };
  return { replies: [{ text: describeCheck(await ctx.deps.signer.verify(bytes), ctx.lang) }] };
}

const ABSENCE_NUMBER = /^(LV|TR|TA)\/(\d{4})\/(\d{1,6})$/i;

/** "signed EST-12/2026": the newest signed copy of the file's note sheet; "signed LV/2026/12": a leave, tour or TA order. */
export async function signedCopyCommand(ctx: CommandContext, number: string): Promise<Outcome> {
  const absence = ABSENCE_NUMBER.exec(number.trim());
  if (absence !== null) return signedAbsenceCopy(ctx, absence[1]!.toUpperCase() as 'LV' | 'TR' | 'TA', `${absence[1]!.toUpperCase()}/${absence[2]}/${absence[3]!.padStart(6, '0')}`);
  const file = (await ctx.tx.files.byNumber(number.toUpperCase())) ?? (await ctx.tx.files.byNumber(number));
  if (file === null) return { replies: [{ text: failureText('FILE.NOT_FOUND', { number }, ctx.lang) }] };
  if (ctx.employee === null || !(await canSeeFile(ctx.tx, ctx.employee, file))) {
    const holder = await ctx.tx.employees.byId(file.holderId);
    return { replies: [{ text: failureText('FILE.NOT_VISIBLE', { number: file.fileNumber, holder: holder === null ? '—' : `${holder.name} (${holder.post})` }, ctx.lang) }] };
  }
  const latest = (await ctx.tx.signedDocuments.listFor('file', file.fileNumber))[0];
  const bytes = latest === undefined ? null : await ctx.deps.blobs.get(latest.blob);
  if (latest === undefined || bytes === null) return { replies: [{ text: vtext('noSigned', ctx.lang, { number: file.fileNumber }) }] };
  return {
    replies: [{
      text: vtext('signedCopy', ctx.lang, { number: file.fileNumber, at: istDateTime(latest.createdAt) }),
      document: { filename: `${file.fileNumber.replace(/[^\w-]+/g, '_')}-signed.pdf`, mime: 'application/pdf', base64: Buffer.from(bytes).toString('base64') },
      subject: { type: 'signed', id: latest.blob },
    }],
  };
}

/** A signed leave order, tour approval order or TA bill, for the applicant, the sanctioning officer and the signer. */
async function signedAbsenceCopy(ctx: CommandContext, kind: 'LV' | 'TR' | 'TA', number: string): Promise<Outcome> {
  const { tx, lang } = ctx;
  const item = kind === 'LV' ? await tx.leave.byNumber(number) : kind === 'TR' ? await tx.tours.byNumber(number) : await tx.taClaims.byNumber(number);
  if (item === null) {
    const code = kind === 'LV' ? 'LEAVE.NOT_FOUND' : kind === 'TR' ? 'TOUR.NOT_FOUND' : 'TOUR.CLAIM_NOT_FOUND';
    return { replies: [{ text: failureText(code, { number }, lang) }] };
  }
  const subjectType = kind === 'LV' ? 'leave' : kind === 'TR' ? 'tour' : 'ta';
  const latest = (await tx.signedDocuments.listFor(subjectType, number))[0];
  const me = ctx.employee;
  const allowed = me !== null && [item.employeeId, item.sanctionerId, latest?.signerId].includes(me.id);
  if (!allowed) return { replies: [{ text: vtext('notYourSignedCopy', lang, { number }) }] };
  const bytes = latest === undefined ? null : await ctx.deps.blobs.get(latest.blob);
  if (latest === undefined || bytes === null) return { replies: [{ text: vtext('noSigned', lang, { number }) }] };
  return {
    replies: [{
      text: vtext('signedCopy', lang, { number, at: istDateTime(latest.createdAt) }),
      document: { filename: `${number.replace(/\//g, '-')}-signed.pdf`, mime: 'application/pdf', base64: Buffer.from(bytes).toString('base64') },
      subject: { type: 'signed', id: latest.blob },
    }],
  };
}
