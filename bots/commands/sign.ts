// eSign-style signing from a chat: the signer sees exactly what will be signed, consents, proves
// possession of the mobile/e-mail on the roll with an OTP bound to the decision's hash, and only
// then does the decision take effect and a signed note sheet come back.
import { OtpDeliveryError } from '../../core/errors.ts';
import { recordEvent } from '../../core/audit/record-event.ts';
import { issueChallenge } from '../../core/otp/issue-challenge.ts';
import { checkChallenge } from '../../core/otp/check-challenge.ts';
import { decideFile } from '../../core/efile/files.ts';
import { noteSheetOf } from '../../core/efile/queries.ts';
import type { Decision, EFile } from '../../core/efile/types.ts';
import type { LeaveApplication } from '../../core/leave/types.ts';
import type { OtpChallenge } from '../../core/types.ts';
import { decideLeave } from '../../core/leave/decide-leave.ts';
import { absenceText, leaveOrderOf } from './leave.ts';
import { documentHash, fileDecisionDocument, leaveSanctionDocument } from '../../core/signing/decision-document.ts';
import { istDateTime } from '../../core/time.ts';
import type { Employee } from '../../core/types.ts';
import type { CommandContext, Outcome } from '../context.ts';
import { failureText } from '../messages/failures.ts';
import { stext } from '../messages/efile-texts.ts';
import { chatState, updateChatState, type Pending } from './conversation.ts';

type SignPending = Extract<Pending, { kind: 'sign.consent' | 'sign.otp' }>;

const say = (text: string): Outcome => ({ replies: [{ text }] });
const defaultText = (d: Decision) => (d === 'approve' ? 'Approved. / स्वीकृत।' : 'Returned. / वापस।');

async function currentHash(ctx: CommandContext, me: Employee, file: EFile, decision: Decision, remark: string | null): Promise<{ hash: string; note: number }> {
  const notes = await ctx.tx.notes.count(file.id);
  const doc = fileDecisionDocument(file, notes, decision, remark?.trim() || defaultText(decision), me);
  return { hash: documentHash(doc), note: doc.noteNumber };
}

export async function beginSigning(ctx: CommandContext, me: Employee, file: EFile, decision: Decision, remark: string | null): Promise<Outcome> {
  const { hash, note } = await currentHash(ctx, me, file, decision, remark);
  await updateChatState(ctx, (s) => ({ ...s, pending: { kind: 'sign.consent', number: file.fileNumber, decision, remark, hash } }));
  const lang = ctx.lang;
  return {
    replies: [{
      text: stext('summary', lang, {
        number: file.fileNumber, note, decision: stext(decision === 'approve' ? 'decisionApprove' : 'decisionReturn', lang),
        text: remark?.trim() || defaultText(decision), hash,
        channelHint: ctx.deps.otpSender.kinds[0] === 'email' ? 'e-mail' : lang === 'hi' ? 'मोबाइल/ई-मेल' : 'mobile/e-mail',
      }),
      buttons: [
        { label: stext('btnConsent', lang), command: '/sign.consent' },
        { label: stext('btnCancel', lang), command: '/sign.cancel' },
      ],
    }],
  };
}

async function pendingSign(ctx: CommandContext): Promise<SignPending | null> {
  const pending = (await chatState(ctx)).pending;
  return pending?.kind === 'sign.consent' || pending?.kind === 'sign.otp' ? pending : null;
}

/** Still the same decision on the same file in the same state? */
async function stillSame(ctx: CommandContext, me: Employee, p: SignPending): Promise<EFile | null> {
  const file = await ctx.tx.files.byNumber(p.number);
  if (file === null || file.holderId !== me.id || file.status === 'closed') return null;
  return (await currentHash(ctx, me, file, p.decision, p.remark)).hash === p.hash ? file : null;
}

/** A sanction that needs a signature: shown, consented to, then confirmed with the OTP. */
export async function beginLeaveSigning(ctx: CommandContext, me: Employee, leave: LeaveApplication): Promise<Outcome> {
  const applicant = await ctx.tx.employees.byId(leave.employeeId);
  const hash = documentHash(leaveSanctionDocument(leave, applicant, me));
  await updateChatState(ctx, (s) => ({ ...s, pending: { kind: 'sign.consent', subject: 'leave', number: leave.number, decision: 'approve', remark: null, hash } }));
  const lang = ctx.lang;
  return {
    replies: [{
      text: stext('leaveSummary', lang, {
        number: leave.number, applicant: applicant === null ? '' : `${applicant.name} (${applicant.code})`, type: leave.type,
        from: leave.startDate.split('-').reverse().join('-'), to: leave.endDate.split('-').reverse().join('-'), days: leave.days, hash,
      }),
      buttons: [
        { label: stext('btnConsent', lang), command: '/sign.consent' },
        { label: stext('btnCancel', lang), command: '/sign.cancel' },
      ],
    }],
  };
}

/** The leave is still pending with the signer, unchanged since consent was asked. */
async function stillSameLeave(ctx: CommandContext, me: Employee, p: SignPending): Promise<LeaveApplication | null> {
  const leave = await ctx.tx.leave.byNumber(p.number);
  if (leave === null || leave.holderId !== me.id || leave.status !== 'pending') return null;
  const applicant = await ctx.tx.employees.byId(leave.employeeId);
  return documentHash(leaveSanctionDocument(leave, applicant, me)) === p.hash ? leave : null;
}

export async function consentToSign(ctx: CommandContext, me: Employee): Promise<Outcome> {
  const { tx, deps, lang } = ctx;
  const p = await pendingSign(ctx);
  if (p === null) return say(failureText('SIGN.NOTHING_TO_SIGN', {}, lang));
  const file = p.subject === 'leave' ? await stillSameLeave(ctx, me, p) : await stillSame(ctx, me, p);
  if (file === null) {
    await updateChatState(ctx, (s) => ({ ...s, pending: undefined }));
    return say(failureText('SIGN.DOCUMENT_CHANGED', { number: p.number }, lang));
  }
  const issued = await issueChallenge(tx, deps.clock, {
    purpose: 'sign', employee: me, accountId: ctx.account.id, kinds: deps.otpSender.kinds, policy: deps.otpPolicy,
    subjectHash: p.hash, subjectRef: p.number,
  });
  if (!issued.ok) return say(failureText(issued.failure.code, issued.failure.params, lang));
  const { challenge, code, to } = issued.value;
  await updateChatState(ctx, (s) => ({ ...s, pending: { ...p, kind: 'sign.otp' } }));
  return {
    replies: [],
    afterCommit: async () => {
      try {
        await deps.otpSender.send({
          to, code, purpose: 'sign', language: me.language, expiresInMinutes: deps.otpPolicy.ttlMinutes,
          context: me.language === 'hi' ? `Daftar: ${p.number} पर हस्ताक्षर हेतु` : `Daftar: to sign ${p.number}`,
        });
      } catch (error) {
        if (!(error instanceof OtpDeliveryError)) throw error;
        deps.log.warn(`signing OTP delivery failed (${error.kind}): ${error.message}`);
        await deps.store.transaction((t) => t.otps.update(challenge.id, { status: 'cancelled' }));
        return [{ text: failureText('OTP.NOT_SENT', {}, lang) }];
      }
      return [{ text: stext('otpSent', lang, { destination: challenge.destination, minutes: deps.otpPolicy.ttlMinutes }) }];
    },
  };
}

export async function completeSigning(ctx: CommandContext, me: Employee, code: string): Promise<Outcome> {
  const { tx, deps, lang } = ctx;
  const challenge = await tx.otps.latestPendingForAccount(ctx.account.id, 'sign');
  const p = await pendingSign(ctx);
  if (challenge === null || p === null || p.kind !== 'sign.otp' || challenge.subjectHash !== p.hash) {
    return say(failureText('OTP.NO_PENDING', {}, lang));
  }
  if (p.subject === 'leave') return completeLeaveSigning(ctx, me, p, challenge, code);
  const file = await stillSame(ctx, me, p);
  if (file === null) {
    await tx.otps.update(challenge.id, { status: 'cancelled' });
    await recordEvent(tx, deps.clock, { actor: me.code, type: 'signature.refused', subjectType: 'file', subjectId: p.number, data: { reason: 'document_changed', challengeId: challenge.id } });
    await updateChatState(ctx, (s) => ({ ...s, pending: undefined }));
    return say(failureText('SIGN.DOCUMENT_CHANGED', { number: p.number }, lang));
  }
  const checked = await checkChallenge(tx, deps.clock, { challenge, code, policy: deps.otpPolicy, actor: me.code });
  if (!checked.ok) return say(failureText(checked.failure.code, checked.failure.params, lang));

  const decided = await decideFile(tx, deps.clock, { actor: me, file, decision: p.decision, remark: p.remark });
  if (!decided.ok) return say(failureText(decided.failure.code, decided.failure.params, lang));
  const now = deps.clock.now();
  const decisionWord = stext(p.decision === 'approve' ? 'decisionApprove' : 'decisionReturn', lang);
  const sheet = await noteSheetOf(tx, decided.value.file, now);
  sheet.signature = {
    name: me.name, post: me.post, code: me.code, at: istDateTime(now), via: `signed via OTP to ${challenge.destination}`,
    what: `${p.decision === 'approve' ? 'Approval' : 'Return'} of ${file.fileNumber}, note ${decided.value.note.number}`, documentHash: p.hash,
  };
  const unsigned = await deps.renderer.noteSheet(sheet);
  const signed = await deps.signer.sign(unsigned, { name: me.name, code: me.code, post: me.post, reason: sheet.signature.what });
  const blob = await deps.blobs.put(signed);
  await tx.signedDocuments.add({
    subjectType: 'file', subjectId: file.fileNumber, blob, signerId: me.id, documentHash: p.hash, challengeId: challenge.id, createdAt: now,
  });
  await recordEvent(tx, deps.clock, {
    actor: me.code, type: 'signature.applied', subjectType: 'file', subjectId: file.fileNumber,
    data: { documentHash: p.hash, challengeId: challenge.id, channel: ctx.account.channel, note: decided.value.note.number, pdf: blob },
  });
  await updateChatState(ctx, (s) => ({ ...s, pending: undefined, current: undefined }));
  return {
    queuedNotifications: true,
    replies: [{
      text: stext('signed', lang, { number: file.fileNumber, note: decided.value.note.number, decision: decisionWord, to: `${decided.value.to.name} (${decided.value.to.post})` }),
      document: { filename: `${file.fileNumber.replace(/[^\w-]+/g, '_')}-signed.pdf`, mime: 'application/pdf', base64: Buffer.from(signed).toString('base64') },
      subject: { type: 'signed', id: blob },
    }],
  };
}

export async function cancelSigning(ctx: CommandContext): Promise<Outcome> {
  const p = await pendingSign(ctx);
  if (p === null) return say(failureText('SIGN.NOTHING_TO_SIGN', {}, ctx.lang));
  const challenge = await ctx.tx.otps.latestPendingForAccount(ctx.account.id, 'sign');
  if (challenge !== null) await ctx.tx.otps.update(challenge.id, { status: 'cancelled' });
  await updateChatState(ctx, (s) => ({ ...s, pending: undefined }));
  return say(stext('cancelled', ctx.lang, { number: p.number }));
}

async function completeLeaveSigning(ctx: CommandContext, me: Employee, p: SignPending, challenge: OtpChallenge, code: string): Promise<Outcome> {
  const { tx, deps, lang } = ctx;
  const leave = await stillSameLeave(ctx, me, p);
  if (leave === null) {
    await tx.otps.update(challenge.id, { status: 'cancelled' });
    await recordEvent(tx, deps.clock, { actor: me.code, type: 'signature.refused', subjectType: 'leave', subjectId: p.number, data: { reason: 'document_changed', challengeId: challenge.id } });
    await updateChatState(ctx, (s) => ({ ...s, pending: undefined }));
    return say(failureText('SIGN.DOCUMENT_CHANGED', { number: p.number }, lang));
  }
  const checked = await checkChallenge(tx, deps.clock, { challenge, code, policy: deps.otpPolicy, actor: me.code });
  if (!checked.ok) return say(failureText(checked.failure.code, checked.failure.params, lang));
  const decided = await decideLeave(tx, deps.clock, { actor: me, leave, decision: 'sanction', remark: null, policy: deps.leavePolicy });
  if (!decided.ok) return say(absenceText(decided.failure, lang));
  const applicant = await tx.employees.byId(leave.employeeId);
  if (applicant === null) return say(absenceText({ code: 'LEAVE.NOT_FOUND', params: { number: leave.number } }, lang));
  const now = deps.clock.now();
  const order = await leaveOrderOf(ctx, decided.value.leave, applicant, me, decided.value.balanceAfter);
  order.signature = {
    name: me.name, post: me.post, code: me.code, at: istDateTime(now), via: `signed via OTP to ${challenge.destination}`,
    what: `Sanction of leave ${leave.number}`, documentHash: p.hash,
  };
  const signed = await deps.signer.sign(await deps.renderer.leaveOrder(order), { name: me.name, code: me.code, post: me.post, reason: order.signature.what });
  const blob = await deps.blobs.put(signed);
  await tx.signedDocuments.add({ subjectType: 'leave', subjectId: leave.number, blob, signerId: me.id, documentHash: p.hash, challengeId: challenge.id, createdAt: now });
  await recordEvent(tx, deps.clock, {
    actor: me.code, type: 'signature.applied', subjectType: 'leave', subjectId: leave.number,
    data: { documentHash: p.hash, challengeId: challenge.id, channel: ctx.account.channel, pdf: blob },
  });
  await updateChatState(ctx, (s) => ({ ...s, pending: undefined }));
  return {
    queuedNotifications: true,
    replies: [{
      text: stext('leaveSigned', lang, { number: leave.number, applicant: applicant.name }),
      document: { filename: `${leave.number.replace(/\//g, '-')}-order-signed.pdf`, mime: 'application/pdf', base64: Buffer.from(signed).toString('base64') },
      subject: { type: 'signed', id: blob },
    }],
  };
}
