// Chat commands for outgoing letters and their dispatch (पत्र / प्रेषण).
//
// Grammar (kept small; anything else that starts with the word and a number gets the example):
//   letter on <file no.> to <addressee>: subject: <subject> text: <body>
//   पत्र <file no.> सेवा में: <addressee> विषय: <subject> पाठ: <body>
//   letter on <file no.> | पत्र <file no.>     — by steps: addressee, subject, text
//   letter <dispatch no.> | पत्र <dispatch no.> — the dispatched letter again
// A draft comes back with Dispatch / Cancel buttons (/letter.dispatch <id>, /letter.cancel <id>).
import { canSeeFile, checkFileHeld } from '../../core/efile/guards.ts';
import type { EFile } from '../../core/efile/types.ts';
import { cancelLetter, draftLetter } from '../../core/signing/draft-letter.ts';
import { DISPATCH_NUMBER } from '../../core/signing/dispatch-letter.ts';
import { dispatchUnsigned } from '../../core/signing/dispatch-unsigned.ts';
import { letterRef } from '../../core/signing/letter-document.ts';
import type { OutgoingLetter } from '../../core/signing/letter-types.ts';
import { requiresSignature } from '../../core/signing/sign-policy.ts';
import { istDateTime } from '../../core/time.ts';
import type { Employee } from '../../core/types.ts';
import { officeOf, type CommandContext, type Outcome } from '../context.ts';
import type { Reply } from '../reply.ts';
import { failureText } from '../messages/failures.ts';
import { lttext } from '../messages/letter-texts.ts';
import { chatState, updateChatState, type Pending } from './conversation.ts';
import { beginSubjectSigning } from './sign.ts';

const say = (text: string): Outcome => ({ replies: [{ text }] });

const FILE_NO = '[A-Z]{2,6}-\\d{1,6}\\/\\d{4}';
/** The letter word, then optionally "on"/"पर"/"संचिका", then a file or dispatch number or nothing. */
const START = new RegExp(`^\\s*(?:letter|पत्र|patra)(?:\\s+(?:on|for|पर|संचिका|file))?(?:\\s+(${FILE_NO}|[A-Z]{2,6}\\/D\\/\\d{4}\\/\\d{1,6})(?![\\w/])|\\s*$)`, 'i');
const FULL = new RegExp(
  `^\\s*(?:letter|पत्र|patra)(?:\\s+(?:on|for|पर|संचिका|file))?\\s+(${FILE_NO})\\s+(?:to|सेवा\\s*में)\\s*[:,–—-]?\\s*([\\s\\S]+?)\\s*[:;,.–—-]?\\s*(?:subject|विषय)\\s*[:–—-]\\s*([\\s\\S]+?)\\s*(?:text|body|पाठ|मजमून)\\s*[:–—-]\\s*([\\s\\S]+)$`,
  'i',
);
const STOP = /^\s*(?:cancel|stop|रद्द|रद्द करें|छोड़ें|बंद)\s*[.!।]?\s*$/i;

/** A message this feature answers, or null to let the router go on. Costs no storage call when it is not one. */
export async function routeLetter(ctx: CommandContext, me: Employee, raw: string): Promise<Outcome | null> {
  const start = START.exec(raw);
  if (start === null) return null;
  const number = start[1]?.toUpperCase();
  if (number === undefined) {
    const current = (await chatState(ctx)).current;
    return current?.target === 'file' ? startSteps(ctx, me, current.number) : say(lttext('whichFile', ctx.lang));
  }
  if (DISPATCH_NUMBER.test(number)) return fetchLetter(ctx, me, number);
  const full = FULL.exec(raw);
  if (full !== null) {
    const [, , addressee = '', subject = '', body = ''] = full;
    return draftCommand(ctx, me, number, { addressee, subject, body });
  }
  // Only the file named: the rest is asked step by step; anything more that cannot be read, the example.
  if (raw.trim().length <= start[0].trim().length) return startSteps(ctx, me, number);
  return say(lttext('example', ctx.lang));
}

async function fileNamed(ctx: CommandContext, number: string): Promise<EFile | null> {
  return ctx.tx.files.byNumber(number);
}

/** Asks for the letter step by step; drafts already waiting on the file (e.g. put up by a clerk) are shown first. */
async function startSteps(ctx: CommandContext, me: Employee, fileNumber: string): Promise<Outcome> {
  const file = await fileNamed(ctx, fileNumber);
  if (file === null) return say(failureText('FILE.NOT_FOUND', { number: fileNumber }, ctx.lang));
  const refused = await checkFileHeld(ctx.tx, me, file);
  if (refused !== null && !refused.ok) return say(failureText(refused.failure.code, refused.failure.params, ctx.lang));
  const drafts = (await ctx.tx.letters.listByFile(file.id)).filter((l) => l.status === 'draft');
  await updateChatState(ctx, (s) => ({ ...s, pending: { kind: 'letter', step: 'addressee', data: { file: file.fileNumber } } }));
  return { replies: [...drafts.map((l) => draftReply(ctx, me, l, file.fileNumber)), { text: lttext('askAddressee', ctx.lang, { file: file.fileNumber }) }] };
}

function draftReply(ctx: CommandContext, me: Employee, letter: OutgoingLetter, fileNumber: string): Reply {
  const { lang } = ctx;
  return {
    text: lttext('draft', lang, {
      id: letter.id, file: fileNumber, addressee: letter.addressee, subject: letter.subject, body: letter.body,
      signed: requiresSignature(ctx.deps.signPolicy, me, 'letter.dispatch') ? 1 : 0,
    }),
    buttons: [
      { label: lttext('btnDispatch', lang), command: `/letter.dispatch ${letter.id}` },
      { label: lttext('btnCancel', lang), command: `/letter.cancel ${letter.id}` },
    ],
  };
}

async function draftCommand(ctx: CommandContext, me: Employee, fileNumber: string, parts: { addressee: string; subject: string; body: string }): Promise<Outcome> {
  const { lang } = ctx;
  const file = await fileNamed(ctx, fileNumber);
  if (file === null) return say(failureText('FILE.NOT_FOUND', { number: fileNumber }, lang));
  const drafted = await draftLetter(ctx.tx, ctx.deps.clock, { actor: me, file, ...parts });
  if (!drafted.ok) return say(failureText(drafted.failure.code, drafted.failure.params, lang));
  const letter = drafted.value;
  await updateChatState(ctx, (s) => ({ ...s, pending: undefined }));
  return { replies: [draftReply(ctx, me, letter, file.fileNumber)] };
}

/** A button action `/letter.<verb> args…`, or null when the verb is not one of ours. */
export async function letterAction(ctx: CommandContext, me: Employee, verb: string, args: string[]): Promise<Outcome | null> {
  if (verb !== '/letter.dispatch' && verb !== '/letter.cancel') return null;
  const id = Number(args[0]);
  const letter = Number.isSafeInteger(id) && id > 0 ? await ctx.tx.letters.byId(id) : null;
  const file = letter === null ? null : await ctx.tx.files.byId(letter.fileId);
  if (letter === null || file === null) return say(failureText('LETTER.NOT_FOUND', { number: `#${args[0] ?? ''}` }, ctx.lang));
  return verb === '/letter.dispatch' ? dispatchCommand(ctx, me, letter, file) : cancelCommand(ctx, me, letter, file);
}

async function cancelCommand(ctx: CommandContext, me: Employee, letter: OutgoingLetter, file: EFile): Promise<Outcome> {
  const cancelled = await cancelLetter(ctx.tx, ctx.deps.clock, { actor: me, letter, file });
  if (!cancelled.ok) return say(failureText(cancelled.failure.code, cancelled.failure.params, ctx.lang));
  return say(lttext('cancelled', ctx.lang, { id: letter.id }));
}

/** By the file's holder: signed through consent and OTP when the policy asks it of their post, else numbered unsigned. */
async function dispatchCommand(ctx: CommandContext, me: Employee, letter: OutgoingLetter, file: EFile): Promise<Outcome> {
  const { tx, deps, lang } = ctx;
  if (requiresSignature(deps.signPolicy, me, 'letter.dispatch')) return beginSubjectSigning(ctx, me, 'letter', letterRef(file.fileNumber, letter.id));
  const office = officeOf(deps);
  const done = await dispatchUnsigned(tx, { ...deps, office: { name: office.name, place: office.place, dispatchCode: office.formats.office } }, { actor: me, letter, file });
  if (!done.ok) return say(failureText(done.failure.code, done.failure.params, lang));
  const { number, note, pdf } = done.value;
  return {
    replies: [{
      text: lttext('dispatchedUnsigned', lang, { number, addressee: letter.addressee, file: file.fileNumber, note }),
      document: { filename: `${number.replace(/\//g, '-')}.pdf`, mime: 'application/pdf', base64: Buffer.from(pdf).toString('base64') },
    }],
  };
}

/** "letter SAH/D/2026/000001": the dispatched PDF again, for those who may see its file. */
async function fetchLetter(ctx: CommandContext, me: Employee, number: string): Promise<Outcome> {
  const { tx, lang } = ctx;
  const letter = await tx.letters.byNumber(number);
  const file = letter === null ? null : await tx.files.byId(letter.fileId);
  if (letter === null || file === null || letter.blob === null) return say(failureText('LETTER.NOT_FOUND', { number }, lang));
  if (!(await canSeeFile(tx, me, file))) {
    const holder = await tx.employees.byId(file.holderId);
    return say(failureText('FILE.NOT_VISIBLE', { number: file.fileNumber, holder: holder === null ? '—' : `${holder.name} (${holder.post})` }, lang));
  }
  const bytes = await ctx.deps.blobs.get(letter.blob);
  if (bytes === null) return say(failureText('LETTER.NOT_FOUND', { number }, lang));
  const signed = (await tx.signedDocuments.listFor('letter', number)).length > 0;
  return {
    replies: [{
      text: lttext('copy', lang, { number, file: file.fileNumber, at: letter.dispatchedAt === null ? '—' : istDateTime(letter.dispatchedAt), signed: signed ? 1 : 0 }),
      document: { filename: `${number.replace(/\//g, '-')}${signed ? '-signed' : ''}.pdf`, mime: 'application/pdf', base64: Buffer.from(bytes).toString('base64') },
      ...(signed ? { subject: { type: 'signed', id: letter.blob } } : {}),
    }],
  };
}

/** The chat asked a question of this feature (pending kind 'letter'); this message may be its answer. Null: a new request instead. */
export async function answerLetter(ctx: CommandContext, me: Employee, pending: Extract<Pending, { kind: 'letter' }>, raw: string): Promise<Outcome | null> {
  const clear = () => updateChatState(ctx, (s) => ({ ...s, pending: undefined }));
  if (STOP.test(raw)) {
    await clear();
    return say(lttext('stepsCancelled', ctx.lang));
  }
  const data = pending.data as { file?: string; addressee?: string; subject?: string };
  if (typeof data.file !== 'string') {
    await clear();
    return null;
  }
  const text = raw.trim();
  if (text === '') return say(lttext(pending.step === 'addressee' ? 'askAddressee' : pending.step === 'subject' ? 'askSubject' : 'askBody', ctx.lang, { file: data.file }));
  switch (pending.step) {
    case 'addressee':
      await updateChatState(ctx, (s) => ({ ...s, pending: { kind: 'letter', step: 'subject', data: { ...data, addressee: text } } }));
      return say(lttext('askSubject', ctx.lang));
    case 'subject':
      await updateChatState(ctx, (s) => ({ ...s, pending: { kind: 'letter', step: 'body', data: { ...data, subject: text } } }));
      return say(lttext('askBody', ctx.lang));
    case 'body':
      return draftCommand(ctx, me, data.file, { addressee: data.addressee ?? '', subject: data.subject ?? '', body: text });
    default:
      await clear();
      return null;
  }
}
