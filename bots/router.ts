// Which command answers a message: button actions first, then what the chat was in the middle of,
// then the understood intent. Only linked, active employees get past the door (assistant.ts).
import type { Employee } from '../core/types.ts';
import type { CommandContext, Outcome } from './context.ts';
import type { Intent } from './language/index.ts';
import { text } from './messages/texts.ts';
import { etext } from './messages/efile-texts.ts';
import { chatState, repliedTo, updateChatState, type Pending } from './commands/conversation.ts';
import { receiveUpload } from './commands/receipt.ts';
import {
  askDecision, attachCommand, closeCommand, createFileCommand, decideCommand, forwardCommand, forwardTo, noteCommand,
  parkCommand, reopenCommand, targetProblem,
} from './commands/file.ts';
import { myItemsCommand, noteSheetCommand, searchCommand, sentCommand, statusCommand } from './commands/track.ts';
import { findTarget, resolveTarget } from './commands/resolve.ts';
import { findByCode } from '../core/staff/link-account.ts';
import { directMessageCommand, directMessageTo, replyToMessage } from './commands/message.ts';
import { addNote } from '../core/efile/files.ts';
import { setReceiptSubject } from '../core/efile/receipts.ts';
import { failureText } from './messages/failures.ts';
import { cancelSigning, consentToSign } from './commands/sign.ts';
import { signedCopyCommand, verifyRepliedDocument, verifyUploads, VERIFY_WORD } from './commands/verify.ts';
import {
  absenceText, applyLeaveCommand, cancelLeaveCommand, decideLeaveCommand, discardLeaveCommand, LEAVE_NUMBER, myLeaveCommand, submitLeaveCommand, whoIsOutCommand,
} from './commands/leave.ts';
import type { LeaveApplication } from '../core/leave/types.ts';
import { remindersCommand, reportPendencyCommand, REPORT_PENDENCY } from './commands/pendency.ts';
import type { TaClaim, TourProgramme } from '../core/tour/types.ts';
import {
  applyTourCommand, CLAIM_NUMBER, decideClaimCommand, decideTourCommand, submitTourCommand, taClaimCommand, TOUR_NUMBER, tourDiaryCommand,
} from './commands/tour.ts';
import { answerCircular, circularAction, routeCircular } from './commands/circular.ts';
import { routeTraining, trainingAction, trainingPausedNote } from './commands/training.ts';
import type { Reply } from './reply.ts';
import { answerLetter, letterAction, routeLetter } from './commands/letter.ts';
import { notifyHereCommand } from './commands/link.ts';

const say = (t: string): Outcome => ({ replies: [{ text: t }] });
const NOTE_SHEET = /^(?:file|फाइल|फ़ाइल|संचिका|sanchika|notesheet|note sheet|नोटशीट)\s+([A-Z]{2,6}-\d{1,6}\/\d{4})\s*(?:pdf)?$/i;
const DECISIONS: Intent[] = ['approve', 'return', 'refuse'];

const TOUR_DIARY = /^(?:tour\s+diary|diary|दैनिकी|भ्रमण\s+दैनिकी|दौरा\s+डायरी|tour\s+dairy)\s*[:\-–—]\s*(.+)$/is;
/** Like "me", a setting of the chat itself: answered before any walkthrough or pending question. */
const NOTIFY_HERE = /^(?:notify\s+(?:me\s+)?here|(?:send\s+)?notifications\s+here|सूचना(?:ए[ँं])?\s+यहा[ँं]|suchna\s+yaha[n]?|yahan?\s+suchna)\s*[.!।]?$/i;
const SIGNED_COPY = /^(?:signed|हस्ताक्षरित)\s+([A-Z]{2,6}-\d{1,6}\/\d{4}|(?:LV|TR|TA)\/\d{4}\/\d{1,6})$/i;

export async function routeEmployee(ctx: CommandContext, me: Employee, raw: string): Promise<Outcome> {
  const outcome = await routeEmployeeMessage(ctx, me, raw);
  // Real work (a button, a reply to a real message) that set a training walkthrough aside says so.
  const note = trainingPausedNote(ctx);
  if (note === null) return outcome;
  const withNote = (replies: Reply[]): Reply[] => [...replies, { text: note }];
  return outcome.afterCommit === undefined
    ? { ...outcome, replies: withNote(outcome.replies) }
    : { ...outcome, afterCommit: async () => withNote(await outcome.afterCommit!()) };
}

async function routeEmployeeMessage(ctx: CommandContext, me: Employee, raw: string): Promise<Outcome> {
  if (NOTIFY_HERE.test(raw)) return notifyHereCommand(ctx);
  // While a training walkthrough is on, its practice steps answer first (nothing real is touched).
  const practice = await routeTraining(ctx, me, raw);
  if (practice !== null) return practice;
  // Before uploads: a circular may come with its PDF.
  const circular = await routeCircular(ctx, me, raw);
  if (circular !== null) return circular;
  if ((ctx.inbound.attachments?.length ?? 0) > 0) return VERIFY_WORD.test(raw) ? verifyUploads(ctx) : receiveUpload(ctx);
  if (raw.startsWith('/')) return routeAction(ctx, me, raw);
  // An explicit "tour diary:" prefix is a command, whatever the words after it resemble.
  const diary = TOUR_DIARY.exec(raw);
  if (diary?.[1] !== undefined) return tourDiaryCommand(ctx, me, diary[1]);
  const signedCopy = SIGNED_COPY.exec(raw);
  if (signedCopy?.[1] !== undefined) return signedCopyCommand(ctx, signedCopy[1]);
  if (VERIFY_WORD.test(raw) || (ctx.parse.intent === 'verify' && ctx.parse.confidence >= 0.6 && ctx.inbound.replyToMessageId !== undefined)) {
    return verifyRepliedDocument(ctx);
  }
  const sheet = NOTE_SHEET.exec(raw);
  if (sheet?.[1] !== undefined) return noteSheetCommand(ctx, sheet[1]);
  if (REPORT_PENDENCY.test(raw)) return reportPendencyCommand(ctx, me);
  const letter = await routeLetter(ctx, me, raw);
  if (letter !== null) return letter;

  // A reply to a direct message goes back to whoever wrote it, whatever the words look like.
  if (ctx.inbound.replyToMessageId !== undefined) {
    const sent = await repliedTo(ctx);
    if (sent?.subjectType === 'message' && sent.subjectId !== null) return replyToMessage(ctx, me, sent.subjectId, raw);
  }
  const state = await chatState(ctx);
  if (state.pending !== undefined) {
    const answered = await answerPending(ctx, me, state.pending, raw);
    if (answered !== null) return answered;
  }
  return routeIntent(ctx, me, raw);
}

async function routeAction(ctx: CommandContext, me: Employee, raw: string): Promise<Outcome> {
  const [verb = '', ...args] = raw.split(/\s+/);
  const [a0, a1, a2] = args;
  switch (verb) {
    case '/receipt.newfile':
      return a0 ? createFileCommand(ctx, me, a0) : say(etext('whichFile', ctx.lang));
    case '/receipt.attach':
      if (!a0) break;
      await updateChatState(ctx, (s) => ({ ...s, pending: { kind: 'receipt.attach', receipt: a0 } }));
      return say(etext('askFileNumber', ctx.lang, { number: a0 }));
    case '/receipt.forward':
    case '/file.forward': {
      if (!a0) break;
      const target = verb === '/file.forward' ? 'file' : 'receipt';
      await updateChatState(ctx, (s) => ({ ...s, pending: { kind: 'forward', target, number: a0 } }));
      return say(etext('askAddressee', ctx.lang, { number: a0 }));
    }
    case '/file.approve':
    case '/file.return': {
      if (!a0) break;
      const found = await findTarget(ctx, a0, 'file');
      if (!found.ok) return targetProblem(ctx, found);
      return decideCommand(ctx, me, found.target, verb === '/file.approve' ? 'approve' : 'return', null);
    }
    case '/file.sheet':
      return a0 ? noteSheetCommand(ctx, a0) : say(etext('whichFile', ctx.lang));
    case '/file.note': {
      if (!a0) break;
      const found = await findTarget(ctx, a0, 'file');
      if (!found.ok) return targetProblem(ctx, found);
      if (found.target.kind !== 'file') break;
      const noted = await addNote(ctx.tx, ctx.deps.clock, { actor: me, file: found.target.file, text: args.slice(1).join(' ') });
      if (!noted.ok) return say(failureText(noted.failure.code, noted.failure.params, ctx.lang));
      return say(etext('noted', ctx.lang, { file: found.target.file.fileNumber, note: noted.value.number }));
    }
    case '/leave.submit':
      return submitLeaveCommand(ctx, me);
    case '/leave.discard':
      return discardLeaveCommand(ctx);
    case '/leave.sanction':
    case '/leave.refuse':
    case '/leave.return': {
      const leave = a0 ? await ctx.tx.leave.byNumber(a0) : null;
      if (leave === null) return say(absenceText({ code: 'LEAVE.NOT_FOUND', params: { number: a0 ?? '' } }, ctx.lang));
      const decision = verb === '/leave.sanction' ? 'sanction' : verb === '/leave.refuse' ? 'refuse' : 'return';
      return decideLeaveCommand(ctx, me, leave, decision, null);
    }
    case '/tour.submit':
      return submitTourCommand(ctx, me);
    case '/tour.discard':
      return discardLeaveCommand(ctx);
    case '/tour.approve':
    case '/tour.refuse': {
      const tour = a0 ? await ctx.tx.tours.byNumber(a0) : null;
      if (tour === null) return say(absenceText({ code: 'TOUR.NOT_FOUND', params: { number: a0 ?? '' } }, ctx.lang));
      return decideTourCommand(ctx, me, tour, verb === '/tour.approve' ? 'approve' : 'refuse', args.slice(1).join(' ') || null);
    }
    case '/ta.approve':
    case '/ta.refuse': {
      const claim = a0 ? await ctx.tx.taClaims.byNumber(a0) : null;
      if (claim === null) return say(absenceText({ code: 'TOUR.CLAIM_NOT_FOUND', params: { number: a0 ?? '' } }, ctx.lang));
      return decideClaimCommand(ctx, me, claim, verb === '/ta.approve' ? 'approve' : 'refuse', args.slice(1).join(' ') || null);
    }
    case '/msg':
      if (!a0) break;
      return directMessageTo(ctx, me, a0, args.slice(1).join(' '));
    case '/sign.consent':
      return consentToSign(ctx, me);
    case '/sign.cancel':
      return cancelSigning(ctx);
    case '/forward': {
      if (!a0 || !a1 || !a2 || (a0 !== 'file' && a0 !== 'receipt')) break;
      const found = await findTarget(ctx, a1, a0);
      if (!found.ok) return targetProblem(ctx, found);
      const to = await findByCode(ctx.tx, a2);
      if (to === null) return say(failureText('STAFF.UNKNOWN_CODE', { code: a2 }, ctx.lang));
      return forwardTo(ctx, me, found.target, to, null);
    }
    default: {
      const extra = verb.startsWith('/circular.') ? await circularAction(ctx, me, verb, args)
        : verb.startsWith('/training.') ? await trainingAction(ctx, me, verb, args)
          : verb.startsWith('/letter.') ? await letterAction(ctx, me, verb, args) : null;
      if (extra !== null) return extra;
      break;
    }
  }
  return say(text('notUnderstood', ctx.lang));
}

/**
 * Requests that take no words of their own ("my files", "मेरी फाइलें", "status", "help"): a short
 * message understood as one of these is that request, never a letter's subject, even at a
 * confidence below the general "moved on" bar (a subject such as "Flood relief claim from CO
 * Kahara" may resemble a TA claim at 0.6, but it is not short, and its intent takes words).
 */
const WORDLESS_REQUESTS: ReadonlySet<Intent> = new Set<Intent>([
  'help', 'status', 'my_items', 'sent', 'my_leave', 'who_is_out', 'report', 'reminders_off', 'reminders_on', 'training', 'verify',
]);
const SHORT_COMMAND_WORDS = 4;

function looksLikeCommand(ctx: CommandContext, raw: string): boolean {
  const words = raw.split(/\s+/).filter((w) => w !== '').length;
  return words <= SHORT_COMMAND_WORDS && WORDLESS_REQUESTS.has(ctx.parse.intent) && ctx.parse.confidence >= 0.5;
}

/** The chat asked a question; this message may be its answer. Null: it is a new request instead. */
async function answerPending(ctx: CommandContext, me: Employee, pending: Pending, raw: string): Promise<Outcome | null> {
  const { parse } = ctx;
  const clear = () => updateChatState(ctx, (s) => ({ ...s, pending: undefined }));
  // A clear, confident command wins over the question asked (the user moved on).
  const movedOn = parse.confidence >= 0.85 && !['unknown', 'note', 'search', 'create_file', 'forward', 'return', 'refuse', 'attach'].includes(parse.intent);
  switch (pending.kind) {
    case 'receipt.subject': {
      if (movedOn || looksLikeCommand(ctx, raw)) { await clear(); return null; }
      const receipt = await ctx.tx.receipts.byDiaryNumber(pending.receipt);
      if (receipt === null) { await clear(); return null; }
      const updated = await setReceiptSubject(ctx.tx, ctx.deps.clock, { actor: me, receipt, subject: raw });
      await clear();
      if (updated === null) return null;
      return say(etext('subjectSet', ctx.lang, { subject: raw }));
    }
    case 'receipt.attach': {
      const fileNo = parse.entities.fileNumber;
      if (fileNo === undefined) {
        if (movedOn) { await clear(); return null; }
        return say(etext('askFileNumber', ctx.lang, { number: pending.receipt }));
      }
      await clear();
      return attachCommand(ctx, me, pending.receipt, fileNo);
    }
    case 'forward': {
      if (movedOn && parse.intent !== 'forward') { await clear(); return null; }
      const found = await findTarget(ctx, pending.number, pending.target);
      await clear();
      if (!found.ok) return targetProblem(ctx, found);
      return forwardCommand(ctx, me, found.target, raw, null);
    }
    case 'file.return': {
      if (movedOn) { await clear(); return null; }
      const found = await findTarget(ctx, pending.number, 'file');
      await clear();
      if (!found.ok) return targetProblem(ctx, found);
      return decideCommand(ctx, me, found.target, 'return', parse.entities.remark ?? raw);
    }
    case 'decision':
      await clear();
      return null;
    case 'circular':
      return answerCircular(ctx, me, pending, raw);
    case 'letter':
      return answerLetter(ctx, me, pending, raw);
    case 'leave.confirm':
      if (parse.intent === 'confirm' || parse.intent === 'approve') return submitLeaveCommand(ctx, me);
      if (parse.intent === 'deny' || parse.intent === 'cancel') return discardLeaveCommand(ctx);
      await clear();
      return null;
    case 'tour.confirm':
      if (parse.intent === 'confirm' || parse.intent === 'approve') return submitTourCommand(ctx, me);
      if (parse.intent === 'deny' || parse.intent === 'cancel') return discardLeaveCommand(ctx);
      await clear();
      return null;
    case 'leave.reason': {
      await clear();
      const leave = await ctx.tx.leave.byNumber(pending.number);
      if (leave === null) return null;
      return decideLeaveCommand(ctx, me, leave, pending.decision, parse.entities.remark ?? raw);
    }
    case 'sign.consent':
    case 'sign.otp':
      if (parse.intent === 'cancel' || parse.intent === 'deny') return cancelSigning(ctx);
      if (pending.kind === 'sign.consent' && (parse.intent === 'confirm' || parse.intent === 'approve')) return consentToSign(ctx, me);
      return null;
  }
}

async function routeIntent(ctx: CommandContext, me: Employee, raw: string): Promise<Outcome> {
  const { parse, lang } = ctx;
  const e = parse.entities;
  // A guess is not an answer: below this the user is asked to say it again (help lists the words).
  if (parse.confidence < 0.35) return say(text('notUnderstood', lang));
  switch (parse.intent) {
    case 'status':
      if (e.fileNumber ?? e.diaryNumber) return statusCommand(ctx, e.fileNumber ?? e.diaryNumber);
      return withTarget(ctx, async (t) => statusCommand(ctx, t.kind === 'file' ? t.file.fileNumber : t.receipt.diaryNumber));
    case 'my_items':
      return myItemsCommand(ctx, me);
    case 'sent':
      return sentCommand(ctx, me);
    case 'search':
      return searchCommand(ctx, e.query ?? e.remark);
    case 'create_file': {
      const context = await resolveTarget(ctx);
      const receipt = context.ok && context.target.kind === 'receipt' && context.target.receipt.fileId === null ? context.target.receipt.diaryNumber : undefined;
      return createFileCommand(ctx, me, receipt);
    }
    case 'attach': {
      const receipt = e.diaryNumber ?? (await chatState(ctx)).current?.number;
      if (receipt === undefined || e.fileNumber === undefined) return say(etext('whichFile', lang));
      return attachCommand(ctx, me, receipt, e.fileNumber);
    }
    case 'note':
      return noteCommand(ctx, me, e.remark ?? raw);
    case 'forward':
      return withTarget(ctx, (t) => forwardCommand(ctx, me, t, e.addressee?.name ?? e.addressee?.post ?? e.addressee?.code ?? raw, e.remark ?? null));
    case 'approve':
    case 'return':
    case 'refuse': {
      const absence = await absenceInQuestion(ctx, me, raw);
      const verdict = parse.intent === 'approve' ? 'approve' : parse.intent === 'refuse' ? 'refuse' : 'return';
      // The application's own number is how it was named, not part of the remark.
      const remark = (e.remark ?? '').replace(LEAVE_NUMBER, '').replace(TOUR_NUMBER, '').replace(CLAIM_NUMBER, '').replace(/^[\s,:;—–-]+|[\s,:;—–-]+$/g, '') || null;
      if (absence?.kind === 'leave') return decideLeaveCommand(ctx, me, absence.item, verdict === 'approve' ? 'sanction' : verdict, remark);
      if (absence?.kind === 'tour') return decideTourCommand(ctx, me, absence.item, verdict, remark);
      if (absence?.kind === 'ta') return decideClaimCommand(ctx, me, absence.item, verdict, remark);
      return withTarget(ctx, (t) => {
        if (isUnsureDecision(ctx)) return askDecision(ctx, t, raw);
        return decideCommand(ctx, me, t, parse.intent === 'approve' ? 'approve' : 'return', e.remark ?? null);
      });
    }
    case 'apply_leave':
      return applyLeaveCommand(ctx, me, raw);
    case 'my_leave':
      return myLeaveCommand(ctx, me);
    case 'message':
      return directMessageCommand(ctx, me, raw);
    case 'apply_tour':
      return applyTourCommand(ctx, me, raw);
    case 'tour_diary':
      return tourDiaryCommand(ctx, me, raw);
    case 'ta_claim':
      return taClaimCommand(ctx, me, raw);
    case 'who_is_out':
      return whoIsOutCommand(ctx);
    case 'cancel':
      return cancelLeaveCommand(ctx, me, raw);
    case 'park':
      return withTarget(ctx, (t) => parkCommand(ctx, me, t, e.remark ?? null));
    case 'close_file':
      return withTarget(ctx, (t) => closeCommand(ctx, me, t, e.remark ?? null));
    case 'reopen':
      return withTarget(ctx, (t) => reopenCommand(ctx, me, t));
    case 'confirm':
    case 'deny':
      return say(text('nothingToConfirm', lang));
    case 'reminders_off':
    case 'reminders_on':
      return remindersCommand(ctx, me, parse.intent === 'reminders_off');
    case 'unknown':
      return say(text('notUnderstood', lang));
    default:
      return say(text('notYet', lang, { what: raw.slice(0, 60) }));
  }
}

async function withTarget(ctx: CommandContext, act: (t: import('./commands/resolve.ts').Target) => Promise<Outcome>): Promise<Outcome> {
  const target = await resolveTarget(ctx);
  return target.ok ? act(target.target) : targetProblem(ctx, target);
}

/** Low confidence, or another decision close behind: ask, never guess a decision. */
function isUnsureDecision(ctx: CommandContext): boolean {
  const { parse, deps } = ctx;
  if (parse.confidence < deps.decisionConfidence) return true;
  const rival = parse.alternatives.find((a: { intent: Intent; confidence: number }) => a.intent !== parse.intent && DECISIONS.includes(a.intent));
  return rival !== undefined && parse.confidence - rival.confidence < 0.2 && !(parse.intent === 'return' && rival.intent === 'refuse') && !(parse.intent === 'refuse' && rival.intent === 'return');
}

type Absence = { kind: 'leave'; item: LeaveApplication } | { kind: 'tour'; item: TourProgramme } | { kind: 'ta'; item: TaClaim };

async function absenceByRef(ctx: CommandContext, kind: string, number: string): Promise<Absence | null> {
  if (kind === 'leave') { const item = await ctx.tx.leave.byNumber(number); return item && { kind, item }; }
  if (kind === 'tour') { const item = await ctx.tx.tours.byNumber(number); return item && { kind, item }; }
  if (kind === 'ta') { const item = await ctx.tx.taClaims.byNumber(number); return item && { kind, item }; }
  return null;
}

/** The leave, tour or TA claim a decision is about: named, or what the replied-to message was about. */
async function absenceInQuestion(ctx: CommandContext, me: Employee, raw: string): Promise<Absence | null> {
  for (const [kind, pattern] of [['leave', LEAVE_NUMBER], ['tour', TOUR_NUMBER], ['ta', CLAIM_NUMBER]] as const) {
    const named = pattern.exec(raw)?.[0];
    if (named !== undefined) return absenceByRef(ctx, kind, named.toUpperCase());
  }
  if (ctx.inbound.replyToMessageId !== undefined) {
    const sent = await repliedTo(ctx);
    if (sent !== null) return sent.subjectType !== null && sent.subjectId !== null ? absenceByRef(ctx, sent.subjectType, sent.subjectId) : null;
  }
  // Nothing named and no file in play: the one application waiting for this officer, if only one.
  if (ctx.parse.entities.fileNumber !== undefined || (await chatState(ctx)).current !== undefined) return null;
  const waiting: Absence[] = [
    ...(await ctx.tx.leave.listByHolder(me.id, ['pending'])).map((item) => ({ kind: 'leave' as const, item })),
    ...(await ctx.tx.tours.listByHolder(me.id, ['pending'])).map((item) => ({ kind: 'tour' as const, item })),
    ...(await ctx.tx.taClaims.listByHolder(me.id, ['pending'])).map((item) => ({ kind: 'ta' as const, item })),
  ];
  if (waiting.length !== 1) return null;
  return (await ctx.tx.files.countByHolder(me.id, ['open', 'parked'])) === 0 ? (waiting[0] ?? null) : null;
}
