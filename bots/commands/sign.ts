// eSign-style signing from a chat: the signer sees exactly what will be signed, consents, proves
// possession of the mobile/e-mail on the roll with an OTP bound to the decision's hash, and only
// then does the decision take effect and a signed document come back.
//
// What can be signed is a small table of subjects (file decision, leave sanction, tour approval, TA
// approval, letter dispatch). Each says how to find it as it stands and hash it, what the signer is
// shown, and how to take the decision and render the document; the consent → OTP → sign → store →
// audit path around them is one.
import { OfficeError, OtpDeliveryError } from '../../core/errors.ts';
import { recordEvent } from '../../core/audit/record-event.ts';
import { issueChallenge } from '../../core/otp/issue-challenge.ts';
import { checkChallenge } from '../../core/otp/check-challenge.ts';
import { decideFile } from '../../core/efile/files.ts';
import { noteSheetOf } from '../../core/efile/queries.ts';
import type { VisibleSignature } from '../../core/efile/documents.ts';
import type { Decision, EFile } from '../../core/efile/types.ts';
import type { LeaveApplication } from '../../core/leave/types.ts';
import type { TaClaim, TourProgramme } from '../../core/tour/types.ts';
import type { OutgoingLetter } from '../../core/signing/letter-types.ts';
import type { Employee, OtpChallenge, UiLanguage } from '../../core/types.ts';
import { decideLeave } from '../../core/leave/decide-leave.ts';
import { decideTour } from '../../core/tour/decide-tour.ts';
import { decideTaClaim } from '../../core/tour/decide-ta-claim.ts';
import { taBillOf } from '../../core/tour/ta-bill.ts';
import { checkDispatchable, dispatchLetter, takeDispatchNumber } from '../../core/signing/dispatch-letter.ts';
import {
  documentHash, fileDecisionDocument, leaveSanctionDocument, letterDispatchDocument, taApprovalDocument, tourApprovalDocument,
} from '../../core/signing/decision-document.ts';
import { istDateTime } from '../../core/time.ts';
import type { CommandContext, Outcome } from '../context.ts';
import type { Reply } from '../reply.ts';
import { failureText } from '../messages/failures.ts';
import { stext } from '../messages/efile-texts.ts';
import { sgtext } from '../messages/sign-texts.ts';
import { absenceText, leaveOrderOf } from './leave.ts';
import { tourOrderOf } from './tour.ts';
import { letterDocumentOf } from './letter.ts';
import { chatState, updateChatState, type Pending } from './conversation.ts';

type SignPending = Extract<Pending, { kind: 'sign.consent' | 'sign.otp' }>;
export type SignSubject = NonNullable<SignPending['subject']>;

const say = (text: string): Outcome => ({ replies: [{ text }] });
const defaultText = (d: Decision) => (d === 'approve' ? 'Approved. / स्वीकृत।' : 'Returned. / वापस।');
const ddmmyyyy = (iso: string) => iso.split('-').reverse().join('-');
const who = (e: Employee | null) => (e === null ? '' : `${e.name} (${e.code})`);

/** A decision taken and its document rendered, waiting for the signature. */
interface Applied {
  pdf: Uint8Array;
  /** The signature's reason: "Approval of tour TR/2026/000003". */
  what: string;
  /** Where the signed document is filed (signedDocuments, audit). */
  subjectId: string;
  filename: string;
  /** Work that needs the stored PDF's blob id (the letter keeps it); its reply text. */
  finish(blob: string, challengeId: string): Promise<string>;
  audit?: Record<string, unknown>;
}

interface SignableSubject<T> {
  /** How replies name it. */
  label(p: SignPending, lang: UiLanguage): string;
  /** The subject as it stands, if the signer may still decide it, with the hash of what they would sign. */
  current(ctx: CommandContext, me: Employee, p: SignPending): Promise<{ item: T; hash: string } | null>;
  /** What the signer is shown before consenting. */
  summary(ctx: CommandContext, me: Employee, p: SignPending, item: T): Promise<string>;
  /** Takes the decision and renders the document with the visible signature; a string is a refusal to say. */
  apply(ctx: CommandContext, me: Employee, p: SignPending, item: T, signature: Omit<VisibleSignature, 'what'>): Promise<Applied | string>;
  cancelled(p: SignPending, lang: UiLanguage): string;
}

const fileSubject: SignableSubject<EFile> = {
  label: (p) => p.number,
  async current(ctx, me, p) {
    const file = await ctx.tx.files.byNumber(p.number);
    if (file === null || file.holderId !== me.id || file.status === 'closed') return null;
    const notes = await ctx.tx.notes.count(file.id);
    return { item: file, hash: documentHash(fileDecisionDocument(file, notes, p.decision, p.remark?.trim() || defaultText(p.decision), me)) };
  },
  async summary(ctx, _me, p, file) {
    const lang = ctx.lang;
    return stext('summary', lang, {
      number: file.fileNumber, note: (await ctx.tx.notes.count(file.id)) + 1, decision: stext(p.decision === 'approve' ? 'decisionApprove' : 'decisionReturn', lang),
      text: p.remark?.trim() || defaultText(p.decision), hash: p.hash,
      channelHint: ctx.deps.otpSender.kinds[0] === 'email' ? 'e-mail' : lang === 'hi' ? 'मोबाइल/ई-मेल' : 'mobile/e-mail',
    });
  },
  async apply(ctx, me, p, file, signature) {
    const { tx, deps, lang } = ctx;
    const decided = await decideFile(tx, deps.clock, { actor: me, file, decision: p.decision, remark: p.remark });
    if (!decided.ok) return failureText(decided.failure.code, decided.failure.params, lang);
    const sheet = await noteSheetOf(tx, decided.value.file, deps.clock.now());
    const what = `${p.decision === 'approve' ? 'Approval' : 'Return'} of ${file.fileNumber}, note ${decided.value.note.number}`;
    sheet.signature = { ...signature, what };
    const decision = stext(p.decision === 'approve' ? 'decisionApprove' : 'decisionReturn', lang);
    const to = `${decided.value.to.name} (${decided.value.to.post})`;
    return {
      pdf: await deps.renderer.noteSheet(sheet), what, subjectId: file.fileNumber, filename: `${file.fileNumber.replace(/[^\w-]+/g, '_')}-signed.pdf`,
      audit: { note: decided.value.note.number },
      finish: async () => stext('signed', lang, { number: file.fileNumber, note: decided.value.note.number, decision, to }),
    };
  },
  cancelled: (p, lang) => stext('cancelled', lang, { number: p.number }),
};

const leaveSubject: SignableSubject<LeaveApplication> = {
  label: (p) => p.number,
  async current(ctx, me, p) {
    const leave = await ctx.tx.leave.byNumber(p.number);
    if (leave === null || leave.holderId !== me.id || leave.status !== 'pending') return null;
    const applicant = await ctx.tx.employees.byId(leave.employeeId);
    return { item: leave, hash: documentHash(leaveSanctionDocument(leave, applicant, me)) };
  },
  async summary(ctx, _me, p, leave) {
    const applicant = await ctx.tx.employees.byId(leave.employeeId);
    return stext('leaveSummary', ctx.lang, {
      number: leave.number, applicant: who(applicant), type: leave.type, from: ddmmyyyy(leave.startDate), to: ddmmyyyy(leave.endDate), days: leave.days, hash: p.hash,
    });
  },
  async apply(ctx, me, _p, leave, signature) {
    const { tx, deps, lang } = ctx;
    const decided = await decideLeave(tx, deps.clock, { actor: me, leave, decision: 'sanction', remark: null, policy: deps.leavePolicy });
    if (!decided.ok) return absenceText(decided.failure, lang);
    const applicant = await tx.employees.byId(leave.employeeId);
    if (applicant === null) return absenceText({ code: 'LEAVE.NOT_FOUND', params: { number: leave.number } }, lang);
    const order = await leaveOrderOf(ctx, decided.value.leave, applicant, me, decided.value.balanceAfter);
    const what = `Sanction of leave ${leave.number}`;
    order.signature = { ...signature, what };
    return {
      pdf: await deps.renderer.leaveOrder(order), what, subjectId: leave.number, filename: `${leave.number.replace(/\//g, '-')}-order-signed.pdf`,
      finish: async () => stext('leaveSigned', lang, { number: leave.number, applicant: applicant.name }),
    };
  },
  cancelled: (p, lang) => sgtext('cancelledPending', lang, { number: p.number }),
};

const tourSubject: SignableSubject<TourProgramme> = {
  label: (p) => p.number,
  async current(ctx, me, p) {
    const tour = await ctx.tx.tours.byNumber(p.number);
    if (tour === null || tour.holderId !== me.id || tour.status !== 'pending') return null;
    return { item: tour, hash: documentHash(tourApprovalDocument(tour, await ctx.tx.employees.byId(tour.employeeId), me)) };
  },
  async summary(ctx, _me, p, tour) {
    return sgtext('tourSummary', ctx.lang, {
      number: tour.number, officer: who(await ctx.tx.employees.byId(tour.employeeId)), places: tour.destinations.join(', '),
      from: ddmmyyyy(tour.startDate), to: ddmmyyyy(tour.endDate), purpose: tour.purpose, mode: tour.travelMode ?? '', hash: p.hash,
    });
  },
  async apply(ctx, me, p, tour, signature) {
    const { tx, deps, lang } = ctx;
    const decided = await decideTour(tx, deps.clock, { actor: me, tour, decision: 'approve', remark: p.remark });
    if (!decided.ok) return absenceText(decided.failure, lang);
    const order = await tourOrderOf(ctx, decided.value, me);
    const what = `Approval of tour ${tour.number}`;
    order.signature = { ...signature, what };
    const officer = (await tx.employees.byId(tour.employeeId))?.name ?? '';
    return {
      pdf: await deps.renderer.tourOrder(order), what, subjectId: tour.number, filename: `${tour.number.replace(/\//g, '-')}-approval-signed.pdf`,
      finish: async () => sgtext('tourSigned', lang, { number: tour.number, officer }),
    };
  },
  cancelled: (p, lang) => sgtext('cancelledPending', lang, { number: p.number }),
};

const taSubject: SignableSubject<{ claim: TaClaim; tour: TourProgramme }> = {
  label: (p) => p.number,
  async current(ctx, me, p) {
    const claim = await ctx.tx.taClaims.byNumber(p.number);
    if (claim === null || claim.holderId !== me.id || claim.status !== 'pending') return null;
    const tour = await ctx.tx.tours.byId(claim.tourId);
    if (tour === null) return null;
    return { item: { claim, tour }, hash: documentHash(taApprovalDocument(claim, tour.number, await ctx.tx.employees.byId(claim.employeeId), me)) };
  },
  async summary(ctx, _me, p, { claim, tour }) {
    return sgtext('taSummary', ctx.lang, {
      number: claim.number, tour: tour.number, officer: who(await ctx.tx.employees.byId(claim.employeeId)),
      fares: claim.journeys.reduce((sum, j) => sum + j.fare, 0), daDays: claim.daDays, daRate: claim.daRate, total: claim.total, hash: p.hash,
    });
  },
  async apply(ctx, me, p, { claim }, signature) {
    const { tx, deps, lang } = ctx;
    const decided = await decideTaClaim(tx, deps.clock, { actor: me, claim, decision: 'approve', remark: p.remark });
    if (!decided.ok) return absenceText(decided.failure, lang);
    const bill = await taBillOf(tx, { claim: decided.value, office: { en: 'Collectorate, Saharsa', hi: 'समाहरणालय, सहरसा' }, payLevel: null });
    if (bill === null) return absenceText({ code: 'TOUR.CLAIM_NOT_FOUND', params: { number: claim.number } }, lang);
    const what = `Approval of TA claim ${claim.number}`;
    return {
      pdf: await deps.renderer.signedTaBill(bill, { ...signature, what }), what, subjectId: claim.number, filename: `${claim.number.replace(/\//g, '-')}-bill-signed.pdf`,
      finish: async () => sgtext('taSigned', lang, { number: claim.number, officer: bill.employee.name, total: claim.total }),
    };
  },
  cancelled: (p, lang) => sgtext('cancelledPending', lang, { number: p.number }),
};

/** A letter's pending number is "<file number>#<letter id>": the draft has no dispatch number yet. */
export const letterRef = (fileNumber: string, letterId: number): string => `${fileNumber}#${letterId}`;
const parseLetterRef = (ref: string) => ({ file: ref.slice(0, ref.lastIndexOf('#')), id: Number(ref.slice(ref.lastIndexOf('#') + 1)) });

const letterSubject: SignableSubject<{ letter: OutgoingLetter; file: EFile }> = {
  label: (p, lang) => sgtext('letterLabel', lang, parseLetterRef(p.number)),
  async current(ctx, me, p) {
    const letter = await ctx.tx.letters.byId(parseLetterRef(p.number).id);
    const file = letter === null ? null : await ctx.tx.files.byId(letter.fileId);
    if (letter === null || file === null || (await checkDispatchable(ctx.tx, me, letter, file)) !== null) return null;
    return { item: { letter, file }, hash: documentHash(letterDispatchDocument(letter, file.fileNumber, me)) };
  },
  async summary(ctx, _me, p, { letter, file }) {
    return sgtext('letterSummary', ctx.lang, { file: file.fileNumber, addressee: letter.addressee, subject: letter.subject, body: letter.body, hash: p.hash });
  },
  async apply(ctx, me, p, { letter, file }, signature) {
    const { tx, deps, lang } = ctx;
    const number = await takeDispatchNumber(tx, deps.clock, deps.formats.office);
    const what = `Dispatch of letter ${number} on ${file.fileNumber}`;
    const doc = await letterDocumentOf(ctx, letter, file, number, me);
    doc.signature = { ...signature, what };
    return {
      pdf: await deps.renderer.outgoingLetter(doc), what, subjectId: number, filename: `${number.replace(/\//g, '-')}-signed.pdf`,
      audit: { file: file.fileNumber },
      finish: async (blob, challengeId) => {
        const done = await dispatchLetter(tx, deps.clock, {
          actor: me, letter, file, number, blob, signature: { documentHash: p.hash, challengeId, channel: ctx.account.channel },
        });
        // The number is taken in this transaction: a refusal rolls it back with everything else.
        if (!done.ok) throw new OfficeError(done.failure);
        return sgtext('letterSigned', lang, { number, addressee: letter.addressee, file: file.fileNumber, note: done.value.note });
      },
    };
  },
  cancelled: (p, lang) => sgtext('cancelledLetter', lang, { number: letterSubject.label(p, lang) }),
};

const SUBJECTS: Record<SignSubject, SignableSubject<unknown>> = {
  file: fileSubject as SignableSubject<unknown>,
  leave: leaveSubject as SignableSubject<unknown>,
  tour: tourSubject as SignableSubject<unknown>,
  ta: taSubject as SignableSubject<unknown>,
  letter: letterSubject as SignableSubject<unknown>,
};

const subjectOf = (p: SignPending) => SUBJECTS[p.subject ?? 'file'];

/**
 * Shows what will be signed and asks consent. The caller has checked that the signer may take the
 * decision now (holder, status); if the subject cannot be found as it stands, nothing is asked.
 */
export async function beginSubjectSigning(
  ctx: CommandContext, me: Employee, subject: SignSubject, number: string, decision: Decision = 'approve', remark: string | null = null,
): Promise<Outcome> {
  const draft: SignPending = { kind: 'sign.consent', subject, number, decision, remark, hash: '' };
  const s = SUBJECTS[subject];
  const found = await s.current(ctx, me, draft);
  if (found === null) return say(failureText('SIGN.DOCUMENT_CHANGED', { number: s.label(draft, ctx.lang) }, ctx.lang));
  const p: SignPending = { ...draft, hash: found.hash, ...(subject === 'file' ? { subject: undefined } : {}) };
  await updateChatState(ctx, (st) => ({ ...st, pending: p }));
  return {
    replies: [{
      text: await s.summary(ctx, me, p, found.item),
      buttons: [
        { label: stext('btnConsent', ctx.lang), command: '/sign.consent' },
        { label: stext('btnCancel', ctx.lang), command: '/sign.cancel' },
      ],
    }],
  };
}

export function beginSigning(ctx: CommandContext, me: Employee, file: EFile, decision: Decision, remark: string | null): Promise<Outcome> {
  return beginSubjectSigning(ctx, me, 'file', file.fileNumber, decision, remark);
}

/** A sanction that needs a signature: shown, consented to, then confirmed with the OTP. */
export function beginLeaveSigning(ctx: CommandContext, me: Employee, leave: LeaveApplication): Promise<Outcome> {
  return beginSubjectSigning(ctx, me, 'leave', leave.number);
}

async function pendingSign(ctx: CommandContext): Promise<SignPending | null> {
  const pending = (await chatState(ctx)).pending;
  return pending?.kind === 'sign.consent' || pending?.kind === 'sign.otp' ? pending : null;
}

/** Still the same subject in the same state, hashing to what the signer was shown? */
async function stillSame(ctx: CommandContext, me: Employee, p: SignPending): Promise<{ item: unknown } | null> {
  const found = await subjectOf(p).current(ctx, me, p);
  return found !== null && found.hash === p.hash ? found : null;
}

export async function consentToSign(ctx: CommandContext, me: Employee): Promise<Outcome> {
  const { tx, deps, lang } = ctx;
  const p = await pendingSign(ctx);
  if (p === null) return say(failureText('SIGN.NOTHING_TO_SIGN', {}, lang));
  if ((await stillSame(ctx, me, p)) === null) {
    await updateChatState(ctx, (s) => ({ ...s, pending: undefined }));
    return say(failureText('SIGN.DOCUMENT_CHANGED', { number: subjectOf(p).label(p, lang) }, lang));
  }
  const issued = await issueChallenge(tx, deps.clock, {
    purpose: 'sign', employee: me, accountId: ctx.account.id, kinds: deps.otpSender.kinds, policy: deps.otpPolicy,
    subjectHash: p.hash, subjectRef: p.number,
  });
  if (!issued.ok) return say(failureText(issued.failure.code, issued.failure.params, lang));
  const { challenge, code, to } = issued.value;
  await updateChatState(ctx, (s) => ({ ...s, pending: { ...p, kind: 'sign.otp' } }));
  const label = subjectOf(p).label(p, me.language);
  return {
    replies: [],
    afterCommit: async () => {
      try {
        await deps.otpSender.send({
          to, code, purpose: 'sign', language: me.language, expiresInMinutes: deps.otpPolicy.ttlMinutes,
          context: me.language === 'hi' ? `Daftar: ${label} पर हस्ताक्षर हेतु` : `Daftar: to sign ${label}`,
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
  const subjectType = p.subject ?? 'file';
  const subject = SUBJECTS[subjectType];
  const found = await stillSame(ctx, me, p);
  if (found === null) return refuseChanged(ctx, me, p, challenge);
  const checked = await checkChallenge(tx, deps.clock, { challenge, code, policy: deps.otpPolicy, actor: me.code });
  if (!checked.ok) return say(failureText(checked.failure.code, checked.failure.params, lang));

  const now = deps.clock.now();
  const applied = await subject.apply(ctx, me, p, found.item, {
    name: me.name, post: me.post, code: me.code, at: istDateTime(now), via: `signed via OTP to ${challenge.destination}`, documentHash: p.hash,
  });
  if (typeof applied === 'string') return say(applied);
  const signed = await deps.signer.sign(applied.pdf, { name: me.name, code: me.code, post: me.post, reason: applied.what });
  const blob = await deps.blobs.put(signed);
  await tx.signedDocuments.add({ subjectType, subjectId: applied.subjectId, blob, signerId: me.id, documentHash: p.hash, challengeId: challenge.id, createdAt: now });
  const text = await applied.finish(blob, challenge.id);
  await recordEvent(tx, deps.clock, {
    actor: me.code, type: 'signature.applied', subjectType, subjectId: applied.subjectId,
    data: { documentHash: p.hash, challengeId: challenge.id, channel: ctx.account.channel, pdf: blob, ...applied.audit },
  });
  await updateChatState(ctx, (s) => ({ ...s, pending: undefined, ...(subjectType === 'file' ? { current: undefined } : {}) }));
  const reply: Reply = {
    text,
    document: { filename: applied.filename, mime: 'application/pdf', base64: Buffer.from(signed).toString('base64') },
    subject: { type: 'signed', id: blob },
  };
  return { queuedNotifications: true, replies: [reply] };
}

async function refuseChanged(ctx: CommandContext, me: Employee, p: SignPending, challenge: OtpChallenge): Promise<Outcome> {
  const { tx, deps, lang } = ctx;
  await tx.otps.update(challenge.id, { status: 'cancelled' });
  await recordEvent(tx, deps.clock, {
    actor: me.code, type: 'signature.refused', subjectType: p.subject ?? 'file', subjectId: p.number, data: { reason: 'document_changed', challengeId: challenge.id },
  });
  await updateChatState(ctx, (s) => ({ ...s, pending: undefined }));
  return say(failureText('SIGN.DOCUMENT_CHANGED', { number: subjectOf(p).label(p, lang) }, lang));
}

export async function cancelSigning(ctx: CommandContext): Promise<Outcome> {
  const p = await pendingSign(ctx);
  if (p === null) return say(failureText('SIGN.NOTHING_TO_SIGN', {}, ctx.lang));
  const challenge = await ctx.tx.otps.latestPendingForAccount(ctx.account.id, 'sign');
  if (challenge !== null) await ctx.tx.otps.update(challenge.id, { status: 'cancelled' });
  await updateChatState(ctx, (s) => ({ ...s, pending: undefined }));
  return say(subjectOf(p).cancelled(p, ctx.lang));
}
