// Signing a decision from a chat: what will be signed is shown with its hash, the signer consents,
// the OTP bound to that hash is sent, and the code brings the decision and the signed document.
// The office's side of it — what can be signed, the hash, the OTP, the decision, the signed copy,
// the audit — is core/signing/sign-decision.ts; this keeps the chat's place in it and words it.
import {
  beginSignature, cancelSignature, completeSignature, describeSignature,
} from '../../core/signing/sign-decision.ts';
import { sendSigningCode } from '../../core/signing/send-signing-code.ts';
import type { SignedDecision, SigningDeps, SignRequest, SignSubject } from '../../core/signing/sign-types.ts';
import type { Decision, EFile } from '../../core/efile/types.ts';
import type { Employee } from '../../core/types.ts';
import type { Failure } from '../../core/errors.ts';
import { officeOf, type CommandContext, type Outcome } from '../context.ts';
import type { Reply } from '../reply.ts';
import { failureText } from '../messages/failures.ts';
import { stext } from '../messages/efile-texts.ts';
import { signCancelledText, signedText, signLabel, signSummaryText, sgtext } from '../messages/sign-texts.ts';
import { chatState, updateChatState, type Pending } from './conversation.ts';

export type { SignSubject } from '../../core/signing/sign-types.ts';

type SignPending = Extract<Pending, { kind: 'sign.consent' | 'sign.otp' }>;

const say = (text: string): Outcome => ({ replies: [{ text }] });

/** The ports and settings of the signing use cases, from the assistant's. */
function signingDeps(ctx: CommandContext): SigningDeps {
  const { clock, renderer, signer, blobs, otpSender, otpPolicy, leavePolicy } = ctx.deps;
  const office = officeOf(ctx.deps);
  return { clock, renderer, signer, blobs, otpSender, otpPolicy, leavePolicy, office: { name: office.name, place: office.place, dispatchCode: office.formats.office } };
}

/** A pending signature without a subject is a file's (as chats stored it before there were others). */
const requestOf = (p: SignPending): SignRequest => ({ subject: p.subject ?? 'file', number: p.number, decision: p.decision, remark: p.remark });

/** A failure of the signing use cases, said; a changed document is named as the signer knows it. */
function failed(ctx: CommandContext, failure: Failure, request: SignRequest): Outcome {
  const params = failure.code === 'SIGN.DOCUMENT_CHANGED' ? { ...failure.params, number: signLabel(request, ctx.lang) } : failure.params;
  return say(failureText(failure.code, params, ctx.lang));
}

async function pendingSign(ctx: CommandContext): Promise<SignPending | null> {
  const pending = (await chatState(ctx)).pending;
  return pending?.kind === 'sign.consent' || pending?.kind === 'sign.otp' ? pending : null;
}

const clearPending = (ctx: CommandContext) => updateChatState(ctx, (s) => ({ ...s, pending: undefined }));

/**
 * Shows what will be signed and asks consent. The caller has checked that the decision needs a
 * signature; whether the signer may take it now (holder, status) is the core's to say.
 */
export async function beginSubjectSigning(
  ctx: CommandContext, me: Employee, subject: SignSubject, number: string, decision: Decision = 'approve', remark: string | null = null,
): Promise<Outcome> {
  const request: SignRequest = { subject, number, decision, remark };
  const described = await describeSignature(ctx.tx, signingDeps(ctx), { signer: me, request });
  if (!described.ok) return failed(ctx, described.failure, request);
  const { hash, preview } = described.value;
  const p: SignPending = { kind: 'sign.consent', number, decision, remark, hash, ...(subject === 'file' ? {} : { subject }) };
  await updateChatState(ctx, (s) => ({ ...s, pending: p }));
  return {
    replies: [{
      text: signSummaryText(preview, hash, ctx.lang, ctx.deps.otpSender.kinds),
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

export async function consentToSign(ctx: CommandContext, me: Employee): Promise<Outcome> {
  const { deps, lang } = ctx;
  const p = await pendingSign(ctx);
  if (p === null) return say(failureText('SIGN.NOTHING_TO_SIGN', {}, lang));
  const request = requestOf(p);
  const begun = await beginSignature(ctx.tx, signingDeps(ctx), { signer: me, accountId: ctx.account.id, request, hash: p.hash });
  if (!begun.ok) {
    if (begun.failure.code === 'SIGN.DOCUMENT_CHANGED') await clearPending(ctx);
    return failed(ctx, begun.failure, request);
  }
  await updateChatState(ctx, (s) => ({ ...s, pending: { ...p, kind: 'sign.otp' } }));
  const context = sgtext('otpContext', me.language, { label: signLabel(request, me.language) });
  return {
    replies: [],
    afterCommit: async () => {
      const sent = await sendSigningCode(deps.store, deps.otpSender, {
        issued: begun.value, language: me.language, context, policy: deps.otpPolicy,
        onUndelivered: (error) => deps.log.warn(`signing OTP delivery failed (${error.kind}): ${error.message}`),
      });
      if (!sent.ok) return [{ text: failureText(sent.failure.code, sent.failure.params, lang) }];
      return [{ text: stext(otpOnConsole(deps) ? 'otpOnConsole' : 'otpSent', lang, { destination: sent.value.destination, minutes: sent.value.minutes }) }];
    },
  };
}

/**
 * Whether OTPs are printed on the server console (development, OTP_CONSOLE): then the reply says
 * so instead of "sent to ••••0002". Read from the assistant's deps (`otpOnConsole`, set by the
 * composition root from the configuration).
 */
export function otpOnConsole(deps: CommandContext['deps']): boolean {
  return deps.otpOnConsole === true;
}

/** The signed copy's file name, by what was signed. */
const FILENAME: Record<SignSubject, (id: string) => string> = {
  file: (id) => `${id.replace(/[^\w-]+/g, '_')}-signed.pdf`,
  leave: (id) => `${id.replace(/\//g, '-')}-order-signed.pdf`,
  tour: (id) => `${id.replace(/\//g, '-')}-approval-signed.pdf`,
  ta: (id) => `${id.replace(/\//g, '-')}-bill-signed.pdf`,
  letter: (id) => `${id.replace(/\//g, '-')}-signed.pdf`,
};

function signedReply(done: SignedDecision, subject: SignSubject, lang: CommandContext['lang']): Reply {
  return {
    text: signedText(done, lang),
    document: { filename: FILENAME[subject](done.subjectId), mime: 'application/pdf', base64: Buffer.from(done.pdf).toString('base64') },
    subject: { type: 'signed', id: done.blob },
  };
}

export async function completeSigning(ctx: CommandContext, me: Employee, code: string): Promise<Outcome> {
  const { lang } = ctx;
  const p = await pendingSign(ctx);
  if (p === null || p.kind !== 'sign.otp') return say(failureText('OTP.NO_PENDING', {}, lang));
  const request = requestOf(p);
  const done = await completeSignature(ctx.tx, signingDeps(ctx), {
    signer: me, accountId: ctx.account.id, channel: ctx.account.channel, request, hash: p.hash, code,
  });
  if (!done.ok) {
    if (done.failure.code === 'SIGN.DOCUMENT_CHANGED') await clearPending(ctx);
    return failed(ctx, done.failure, request);
  }
  await updateChatState(ctx, (s) => ({ ...s, pending: undefined, ...(request.subject === 'file' ? { current: undefined } : {}) }));
  return { queuedNotifications: true, replies: [signedReply(done.value, request.subject, lang)] };
}

export async function cancelSigning(ctx: CommandContext): Promise<Outcome> {
  const p = await pendingSign(ctx);
  if (p === null) return say(failureText('SIGN.NOTHING_TO_SIGN', {}, ctx.lang));
  await cancelSignature(ctx.tx, { accountId: ctx.account.id });
  await clearPending(ctx);
  return say(signCancelledText(requestOf(p), ctx.lang));
}
