// Files over chat: open, attach, note, send on, approve or return by reply, park, close, reopen.
import { addNote, closeFile, createFile, decideFile, forwardFile, parkFile, reopenFile } from '../../core/efile/files.ts';
import { attachReceipt, forwardReceipt } from '../../core/efile/receipts.ts';
import type { Result } from '../../core/errors.ts';
import type { Decision } from '../../core/efile/types.ts';
import type { Employee } from '../../core/types.ts';
import { officeOf, type CommandContext, type Outcome } from '../context.ts';
import { failureText } from '../messages/failures.ts';
import { etext } from '../messages/efile-texts.ts';
import type { Reply } from '../reply.ts';
import { findTarget, resolvePerson, resolveTarget, type Target, type TargetResult } from './resolve.ts';
import { updateChatState } from './conversation.ts';
import { beginSigning } from './sign.ts';
import { requiresSignature } from '../../core/signing/sign-policy.ts';
import { canSeeFile, checkFileHeld, holderLabel } from '../../core/efile/guards.ts';
import { letterAt, parseReferences } from '../../core/efile/references.ts';
import { dtext } from '../messages/efile-depth-texts.ts';

const say = (text: string, extra: Partial<Reply> = {}): Outcome => ({ replies: [{ text, ...extra }] });

export function failed(ctx: CommandContext, result: Extract<Result<unknown>, { ok: false }>): Outcome {
  return say(failureText(result.failure.code, result.failure.params, ctx.lang));
}

export function targetProblem(ctx: CommandContext, result: Extract<TargetResult, { ok: false }>): Outcome {
  if (result.reason === 'unknown') return say(etext('whichFile', ctx.lang));
  return say(failureText(result.reason === 'not_found_file' ? 'FILE.NOT_FOUND' : 'RECEIPT.NOT_FOUND', { number: result.number }, ctx.lang));
}

const numberOf = (t: Target) => (t.kind === 'file' ? t.file.fileNumber : t.receipt.diaryNumber);
const who = (e: Employee) => `${e.name} (${e.post})`;

async function remember(ctx: CommandContext, target: Target): Promise<void> {
  await updateChatState(ctx, (s) => ({ ...s, current: { target: target.kind, number: numberOf(target) } }));
}

/** "new file: subject" — in the sender's own section; a receipt in context goes into it. */
export async function createFileCommand(ctx: CommandContext, me: Employee, fromReceipt?: string): Promise<Outcome> {
  const { tx, deps, lang } = ctx;
  let receiptTarget: Target | null = null;
  if (fromReceipt !== undefined) {
    const found = await findTarget(ctx, fromReceipt, 'receipt');
    if (!found.ok) return targetProblem(ctx, found);
    receiptTarget = found.target;
  }
  const subject = ctx.parse.entities.subject ?? ctx.parse.entities.remark
    ?? (receiptTarget?.kind === 'receipt' ? receiptTarget.receipt.subject : undefined);
  if (subject === undefined || subject.trim() === '') return say(etext('createNeedsSubject', lang));
  const section = await tx.sections.byId(me.sectionId);
  if (section === null) throw new Error(`section ${me.sectionId} of ${me.code} is missing`);
  const file = await createFile(tx, deps.clock, { actor: me, subject, section, formats: deps.formats });
  if (receiptTarget?.kind === 'receipt') {
    const attached = await attachReceipt(tx, deps.clock, { actor: me, receipt: receiptTarget.receipt, file });
    if (!attached.ok) return failed(ctx, attached);
  }
  await remember(ctx, { kind: 'file', file });
  return say(etext('fileCreated', lang, { number: file.fileNumber, subject: file.subject, receipt: receiptTarget ? numberOf(receiptTarget) : '' }),
    { subject: { type: 'file', id: file.fileNumber } });
}

export async function attachCommand(ctx: CommandContext, me: Employee, receiptNo: string, fileNo: string): Promise<Outcome> {
  const receipt = await findTarget(ctx, receiptNo, 'receipt');
  if (!receipt.ok) return targetProblem(ctx, receipt);
  const file = await findTarget(ctx, fileNo, 'file');
  if (!file.ok) return targetProblem(ctx, file);
  if (receipt.target.kind !== 'receipt' || file.target.kind !== 'file') return say(etext('whichFile', ctx.lang));
  const done = await attachReceipt(ctx.tx, ctx.deps.clock, { actor: me, receipt: receipt.target.receipt, file: file.target.file });
  if (!done.ok) return failed(ctx, done);
  await remember(ctx, file.target);
  return say(etext('attached', ctx.lang, { receipt: receiptNo, file: file.target.file.fileNumber }));
}

export async function noteCommand(ctx: CommandContext, me: Employee, text: string): Promise<Outcome> {
  // A letter the note refers to by its diary number ("vide SAH/R/2026/000012") is not what the note is on.
  const { entities } = ctx.parse;
  const referred = entities.diaryNumber !== undefined && entities.fileNumber === undefined
    && parseReferences(text, officeOf(ctx.deps).numbers).some((r) => r.kind === 'diary' && r.diary === entities.diaryNumber?.toUpperCase());
  const target = await resolveTarget(referred ? { ...ctx, parse: { ...ctx.parse, entities: { ...entities, diaryNumber: undefined } } } : ctx);
  if (!target.ok) return targetProblem(ctx, target);
  if (target.target.kind !== 'file') return say(etext('whichFile', ctx.lang));
  const noted = await addNote(ctx.tx, ctx.deps.clock, { actor: me, file: target.target.file, text, numbers: officeOf(ctx.deps).numbers });
  if (!noted.ok) return failed(ctx, noted);
  await remember(ctx, target.target);
  return say(etext('noted', ctx.lang, { file: target.target.file.fileNumber, note: noted.value.number }));
}

/** Sends the file or receipt on; an ambiguous addressee is asked back with a button each. */
export async function forwardCommand(ctx: CommandContext, me: Employee, target: Target, raw: string, remark: string | null): Promise<Outcome> {
  const person = await resolvePerson(ctx, me, ctx.parse.entities.addressee, raw);
  const number = numberOf(target);
  if (person.kind === 'none') return say(failureText('STAFF.NO_SUCH_ADDRESSEE', { name: person.query }, ctx.lang));
  if (person.kind === 'many') {
    return say(etext('chooseAddressee', ctx.lang, { query: raw }), {
      buttons: person.candidates.map((c) => ({ label: `${c.name}, ${c.post}`, command: `/forward ${target.kind} ${number} ${c.code}` })),
    });
  }
  return forwardTo(ctx, me, target, person.employee, remark);
}

export async function forwardTo(ctx: CommandContext, me: Employee, target: Target, to: Employee, remark: string | null): Promise<Outcome> {
  const result = target.kind === 'file'
    ? await forwardFile(ctx.tx, ctx.deps.clock, { actor: me, file: target.file, to, remark })
    : await forwardReceipt(ctx.tx, ctx.deps.clock, { actor: me, receipt: target.receipt, to, remark });
  if (!result.ok) return failed(ctx, result);
  await updateChatState(ctx, (s) => ({
    ...s, current: undefined, pending: undefined, lastSent: target.kind === 'file' ? { number: target.file.fileNumber } : undefined,
  }));
  const value = result.value;
  const routed = 'routedFrom' in value ? { from: value.routedFrom, to: value.to } : null;
  const text = routed?.from == null
    ? etext('forwarded', ctx.lang, { number: numberOf(target), to: who(to) })
    : etext('forwardedToCharge', ctx.lang, { number: numberOf(target), to: who(routed.from), inCharge: who(routed.to) });
  // Sent to the wrong person? The sender may pull it back until they act on it (commands/pull-back.ts).
  const pullBack = { label: dtext('btnPullBack', ctx.lang), command: `/pullback ${target.kind} ${numberOf(target)}` };
  return { replies: [{ text, buttons: [pullBack] }], queuedNotifications: true };
}

export async function decideCommand(ctx: CommandContext, me: Employee, target: Target, decision: Decision, remark: string | null): Promise<Outcome> {
  if (target.kind !== 'file') return say(etext('whichFile', ctx.lang));
  if (decision === 'return' && (remark === null || remark.trim() === '')) {
    await updateChatState(ctx, (s) => ({ ...s, pending: { kind: 'file.return', number: target.file.fileNumber } }));
    return say(etext('askReturnRemark', ctx.lang, { number: target.file.fileNumber }));
  }
  // A decision that needs a signature waits for consent and an OTP (commands/sign.ts).
  if (requiresSignature(ctx.deps.signPolicy, me, decision === 'approve' ? 'file.approve' : 'file.return')) {
    const refused = await checkFileHeld(ctx.tx, me, target.file);
    if (refused !== null && !refused.ok) return failed(ctx, refused);
    return beginSigning(ctx, me, target.file, decision, remark);
  }
  const done = await decideFile(ctx.tx, ctx.deps.clock, { actor: me, file: target.file, decision, remark });
  if (!done.ok) return failed(ctx, done);
  await updateChatState(ctx, (s) => ({ ...s, pending: undefined, current: undefined }));
  const key = decision === 'approve' ? 'approvedDone' : 'returnedDone';
  return { replies: [{ text: etext(key, ctx.lang, { number: target.file.fileNumber, to: who(done.value.to) }) }], queuedNotifications: true };
}

/** A decision word the model is unsure of is never acted on: it is asked back with buttons. */
export async function askDecision(ctx: CommandContext, target: Target, text: string): Promise<Outcome> {
  const number = numberOf(target);
  return say(etext('confirmDecision', ctx.lang, { text, number }), {
    buttons: [
      { label: etext('btnApprove', ctx.lang), command: `/file.approve ${number}` },
      { label: etext('btnReturn', ctx.lang), command: `/file.return ${number}` },
      { label: etext('btnJustNote', ctx.lang), command: `/file.note ${number} ${text}` },
    ],
  });
}

export async function parkCommand(ctx: CommandContext, me: Employee, target: Target, remark: string | null): Promise<Outcome> {
  if (target.kind !== 'file') return say(etext('whichFile', ctx.lang));
  const done = await parkFile(ctx.tx, ctx.deps.clock, { actor: me, file: target.file, remark });
  return done.ok ? say(etext('parked', ctx.lang, { number: target.file.fileNumber })) : failed(ctx, done);
}

export async function closeCommand(ctx: CommandContext, me: Employee, target: Target, remark: string | null): Promise<Outcome> {
  if (target.kind !== 'file') return say(etext('whichFile', ctx.lang));
  if (remark === null || remark.trim() === '') return say(etext('closeNeedsRemark', ctx.lang));
  const done = await closeFile(ctx.tx, ctx.deps.clock, { actor: me, file: target.file, remark });
  return done.ok ? say(etext('closed', ctx.lang, { number: target.file.fileNumber })) : failed(ctx, done);
}

export async function reopenCommand(ctx: CommandContext, me: Employee, target: Target): Promise<Outcome> {
  if (target.kind !== 'file') return say(etext('whichFile', ctx.lang));
  const done = await reopenFile(ctx.tx, ctx.deps.clock, { actor: me, file: target.file });
  if (!done.ok) return failed(ctx, done);
  await remember(ctx, target);
  return say(etext('reopened', ctx.lang, { number: target.file.fileNumber }));
}

/**
 * "file GOP-1/2026 C/3" / "फाइल GOP-1/2026 प/3": the third letter of the file's correspondence, as its
 * PDF, for anyone who may read the file (the letter a note refers to by "see C/3").
 */
export async function letterOfFileCommand(ctx: CommandContext, me: Employee, number: string, place: number, said: string): Promise<Outcome> {
  const found = await findTarget(ctx, number, 'file');
  if (!found.ok) return targetProblem(ctx, found);
  if (found.target.kind !== 'file') return say(etext('whichFile', ctx.lang));
  const file = found.target.file;
  if (!(await canSeeFile(ctx.tx, me, file))) {
    return say(failureText('FILE.NOT_VISIBLE', { number: file.fileNumber, holder: await holderLabel(ctx.tx, file.holderId) }, ctx.lang));
  }
  const letter = await letterAt(ctx.tx, file, place);
  if (letter.receipt === null) return say(dtext('noSuchLetter', ctx.lang, { number: file.fileNumber, place: said, count: letter.count }));
  const pdf = await ctx.deps.blobs.get(letter.receipt.pdfBlob);
  if (pdf === null) throw new Error(`the PDF of ${letter.receipt.diaryNumber} (${letter.receipt.pdfBlob}) is missing from the blob store`);
  const receipt = letter.receipt;
  return {
    replies: [{
      text: dtext('letterCaption', ctx.lang, { number: file.fileNumber, place: said, diary: receipt.diaryNumber, subject: receipt.subject }),
      document: { filename: `${receipt.diaryNumber.replace(/[^\w-]+/g, '_')}.pdf`, mime: 'application/pdf', base64: Buffer.from(pdf).toString('base64') },
      subject: { type: 'receipt', id: receipt.diaryNumber },
    }],
  };
}
