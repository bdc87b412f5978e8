// The training walkthrough (प्रशिक्षण): six practice steps on a practice file that exists only in
// this chat's state, so it can never reach pendency, reports, note sheets or anyone else's chat.
// Progress (steps done, started, completed) is kept in tx.training for `daftar training report`.
//
// While a walkthrough is on, typed words, photos and 6-digit codes belong to it: they are exactly
// what the practice steps ask for, and running "send to DDC" or a scan for real by mistake would
// move real work. A real button press or a reply to a real message (a file, a leave…) names real
// work unmistakably: it leaves the training (progress kept) and is done for real, because an
// officer's real work must never wait on practice.
import { OtpDeliveryError } from '../../core/errors.ts';
import { checkChallenge } from '../../core/otp/check-challenge.ts';
import { issueChallenge } from '../../core/otp/issue-challenge.ts';
import { notify } from '../../core/outbox/notify.ts';
import { previewLeave } from '../../core/leave/preview-leave.ts';
import { recordTrainingStep, stepsLeft } from '../../core/training/record-training-step.ts';
import { startTraining } from '../../core/training/start-training.ts';
import { isTrainingStep, TRAINING_STEPS, type TrainingProgress, type TrainingStep } from '../../core/training/types.ts';
import type { Employee } from '../../core/types.ts';
import type { CommandContext, Outcome } from '../context.ts';
import { failureText } from '../messages/failures.ts';
import { practiceNumbers, PRACTICE_MARK, PRACTICE_SUBJECT, trtext, type TrainingTextKey } from '../messages/training-texts.ts';
import type { Button, Reply } from '../reply.ts';
import { chatState, repliedTo, saveChatState, type ChatState } from './conversation.ts';
import { resolvePerson } from './resolve.ts';
import { checkUpload } from './upload-check.ts';

const START = /^(?:(?:start|begin|शुरू\s*करें)\s+)?(?:training|trainning|prashikshan|prashikshan|प्रशिक्षण|abhyas|abhyaas|अभ्यास|help me learn|teach me|sikhao|सिखाइए|सिखाओ)(?:\s+(?:start|begin|please|shuru(?:\s+(?:karo|karen|kare))?|शुरू(?:\s+(?:करें|करो|कीजिए|करे))?))?\s*[.!?।]*$/i;
const STOP = /^(?:(?:stop|end|exit|quit|leave|close|pause|finish)\s+(?:the\s+)?(?:training|practice|practise)|(?:training|practice|prashikshan|प्रशिक्षण|अभ्यास)\s+(?:stop|end|exit|quit|band(?:\s*(?:karo|karen|kare))?|बंद(?:\s*(?:करें|करो|कीजिए|करे))?|khatam|समाप्त(?:\s*(?:करें|करो))?|रोकें|roko))\s*[.!?।]*$/i;
const SKIP = /^(?:skip|skip step|next|aage|agla|आगे|अगला|छोड़ें|छोड़ो|chhodo|chodo)\s*[.!?।]*$/i;
const YES = /^(?:yes|y|ok|okay|haan|han|ha|हाँ|हां|जी|सहमत|consent|i consent)\s*[.!।]*$/i;
const NOTE = /^(?:note|टिप्पणी|tippani|tippanee)\s*[:：\-–—]\s*(.+)$/is;
// The terminal chat (`daftar chat`) and Teams/Web Chat have no Reply to a given message: there a
// plain "approved" answers the practice message (Telegram and WhatsApp users learn to reply).
const TERMINAL = 'terminal';
const NO_REPLY = new Set([TERMINAL, 'botframework']);
/** The web chat page (a Bot Framework channel too) has a ↩ Reply under every message; Teams has none. */
const WEB_CHAT_CHAT = /^webchat-local\./;

/** How this chat replies to a given message: press and hold (Telegram, WhatsApp), the page's ↩ button, or not at all. */
function replyKind(ctx: CommandContext): 'hold' | 'button' | 'none' {
  if (ctx.inbound.channel === 'botframework' && WEB_CHAT_CHAT.test(ctx.inbound.chatId)) return 'button';
  return NO_REPLY.has(ctx.inbound.channel) ? 'none' : 'hold';
}

/** The walkthrough as kept in ChatState.training. */
interface Walk {
  step: TrainingStep;
  /** Steps done in this round. */
  done: TrainingStep[];
  skipped: TrainingStep[];
  /** Practising again after completing: every step is walked, done or not. */
  again: boolean;
  /** A practice OTP has been asked for at the signing step. */
  otp: boolean;
  notes: number;
}

function readWalk(state: ChatState): Walk | null {
  const t = state.training;
  if (t === undefined || !isTrainingStep(t.step)) return null;
  const steps = (v: unknown) => (Array.isArray(v) ? v.filter(isTrainingStep) : []);
  return {
    step: t.step, done: steps(t.data.done), skipped: steps(t.data.skipped), again: t.data.again === true,
    otp: t.data.otp === true, notes: typeof t.data.notes === 'number' ? t.data.notes : 0,
  };
}

async function saveWalk(ctx: CommandContext, walk: Walk | null): Promise<void> {
  const { training: _old, ...rest } = await chatState(ctx);
  const { step, ...data } = walk ?? { step: 'scan' };
  await saveChatState(ctx, walk === null ? rest : { ...rest, training: { step, data } });
}

const practice = (text: string, buttons?: Button[]): Reply => (buttons === undefined ? { text: `${PRACTICE_MARK}\n${text}` } : { text: `${PRACTICE_MARK}\n${text}`, buttons });
const plain = (text: string): Outcome => ({ replies: [{ text }] });
const numbers = (ctx: CommandContext) => practiceNumbers(ctx.lang, ctx.today.slice(0, 4));
const stepNumber = (step: TrainingStep) => TRAINING_STEPS.indexOf(step) + 1;

function controls(ctx: CommandContext, extra: Button[] = []): Button[] {
  return [...extra, { label: trtext('btnSkip', ctx.lang), command: '/training.skip' }, { label: trtext('btnStop', ctx.lang), command: '/training.stop' }];
}

function isStartWords(ctx: CommandContext, raw: string): boolean {
  if (START.test(raw)) return true;
  return ctx.parse.intent === 'training' && ctx.parse.confidence >= 0.6 && !STOP.test(raw);
}

/** A message this feature answers, or null to let the router go on. Must cost no storage call when it is not one. */
export async function routeTraining(ctx: CommandContext, me: Employee, raw: string): Promise<Outcome | null> {
  if (raw.startsWith('/training.')) return null; // the router hands these to trainingAction
  const upload = (ctx.inbound.attachments?.length ?? 0) > 0;
  const starting = !upload && isStartWords(ctx, raw);
  const stopping = !upload && STOP.test(raw);
  // Nothing in the words is about training: only a walkthrough under way makes the message ours,
  // and finding that out is the one chat-state read (cached for the rest of this message).
  const state = await chatState(ctx);
  const walk = readWalk(state);
  if (walk === null) {
    if (starting) return begin(ctx, me, false);
    if (stopping) return plain(failureText('TRAINING.NOT_STARTED', {}, ctx.lang));
    return null;
  }
  if (stopping) return stop(ctx, walk);
  if (starting) return enter(ctx, me, walk, walk.step, []);
  if (raw.startsWith('/')) return leaveForRealWork(ctx, walk);
  if (ctx.inbound.replyToMessageId !== undefined) {
    const sent = await repliedTo(ctx);
    if (sent !== null && sent.subjectType !== null && sent.subjectType !== PRACTICE_SUBJECT) return leaveForRealWork(ctx, walk);
  }
  if (!upload && SKIP.test(raw)) return skip(ctx, me, walk);
  switch (walk.step) {
    case 'scan': return scanStep(ctx, me, walk);
    case 'note': return noteStep(ctx, me, walk, raw);
    case 'move': return moveStep(ctx, me, walk, raw);
    case 'leave': return leaveStep(ctx, me, walk, raw);
    case 'approve': return approveStep(ctx, me, walk);
    case 'sign': return signStep(ctx, me, walk, raw);
  }
}

/** A button action `/training.<verb> args…`, or null when the verb is not one of ours. */
export async function trainingAction(ctx: CommandContext, me: Employee, verb: string, args: string[]): Promise<Outcome | null> {
  const known = ['/training.start', '/training.restart', '/training.stop', '/training.skip', '/training.next', '/training.consent', '/training.resend', '/training.to'];
  if (!known.includes(verb)) return null;
  if (verb === '/training.start') return begin(ctx, me, false);
  if (verb === '/training.restart') return begin(ctx, me, true);
  const walk = readWalk(await chatState(ctx));
  if (walk === null) {
    return { replies: [{ text: failureText('TRAINING.NOT_STARTED', {}, ctx.lang), buttons: [{ label: trtext('btnRestart', ctx.lang), command: '/training.start' }] }] };
  }
  switch (verb) {
    case '/training.stop': return stop(ctx, walk);
    case '/training.skip':
    case '/training.next': return skip(ctx, me, walk);
    case '/training.consent': return walk.step === 'sign' ? consent(ctx, me, walk) : enter(ctx, me, walk, walk.step, []);
    case '/training.resend': return enter(ctx, me, walk, walk.step, []);
    default: {
      const code = args[0];
      const to = walk.step === 'move' && code !== undefined ? await ctx.tx.employees.byCode(code) : null;
      if (to === null) return enter(ctx, me, walk, walk.step, []);
      return stepDone(ctx, me, walk, [practice(trtext('moveDone', ctx.lang, { file: numbers(ctx).file, to: `${to.name} (${to.post})` }))]);
    }
  }
}

/** A 6-digit code while the walkthrough's signing step waits for one; null otherwise (then it is a real signing OTP). */
export async function trainingOtp(ctx: CommandContext, me: Employee, code: string): Promise<Outcome | null> {
  const walk = readWalk(await chatState(ctx));
  if (walk === null || walk.step !== 'sign') return null;
  const { lang, tx, deps } = ctx;
  if (!walk.otp) return { replies: [practice(trtext('signHintConsent', lang), controls(ctx, [consentButton(ctx)]))] };
  const resend = controls(ctx, [{ label: trtext('btnResendOtp', lang), command: '/training.consent' }]);
  const challenge = await tx.otps.latestPendingForAccount(ctx.account.id, 'practice');
  if (challenge === null) return { replies: [practice(failureText('OTP.NO_PENDING', {}, lang), resend)] };
  const checked = await checkChallenge(tx, deps.clock, { challenge, code, policy: deps.otpPolicy, actor: me.code });
  if (!checked.ok) return { replies: [practice(`${failureText(checked.failure.code, checked.failure.params, lang)}\n${trtext('signHintCode', lang)}`, resend)] };
  return stepDone(ctx, me, { ...walk, otp: false }, [practice(trtext('signDone', lang))]);
}

// ---- starting, moving on, stopping ----

async function begin(ctx: CommandContext, me: Employee, restart: boolean): Promise<Outcome> {
  const { progress, firstTime } = await startTraining(ctx.tx, ctx.deps.clock, { employee: me });
  const again = restart || progress.completedAt !== null;
  const first = again ? 'scan' : (stepsLeft(progress)[0] ?? 'scan');
  const walk: Walk = { step: first, done: [], skipped: [], again, otp: false, notes: 0 };
  const { lang } = ctx;
  const name = me.name;
  const welcome = firstTime || again ? trtext('intro', lang, { name, file: numbers(ctx).file }) : trtext('resume', lang, { name, done: progress.steps.length });
  const lead = progress.completedAt !== null ? `${welcome}\n${trtext('again', lang, { date: progress.completedAt.toISOString().slice(0, 10) })}` : welcome;
  return enter(ctx, me, walk, first, [practice(lead)]);
}

/** Shows a step (what it is for, what to do) and sets the walkthrough on it. */
async function enter(ctx: CommandContext, me: Employee, walk: Walk, step: TrainingStep, before: Reply[]): Promise<Outcome> {
  const { lang } = ctx;
  const file = numbers(ctx).file;
  // Shown again (or come back to after a restart), the signing step asks for consent afresh.
  const next: Walk = { ...walk, step, otp: false };
  await saveWalk(ctx, next);
  const terminal = ctx.inbound.channel === TERMINAL;
  switch (step) {
    case 'scan': {
      const text = trtext('scan', lang) + (terminal ? `\n${trtext('terminalSend', lang)}` : '');
      return { replies: [...before, practice(text, controls(ctx))] };
    }
    case 'approve': {
      // The practice "file received" comes like a real one (through the outbox, as a 🔔 message),
      // so that replying to it works the way it will for real.
      await notify(ctx.tx, ctx.deps.clock, {
        employeeId: me.id,
        notification: { kind: 'training.file_received', params: { year: ctx.today.slice(0, 4) }, subject: { type: PRACTICE_SUBJECT, id: `practice-${me.code}` } },
      });
      const how = replyKind(ctx);
      const text = trtext('approve', lang, how === 'button' ? { how: trtext('replyHowButton', lang) } : {}) + (how === 'none' ? `\n${trtext('noReplyHere', lang)}` : '');
      return { replies: [...before, practice(text, controls(ctx, [resendButton(ctx)]))], queuedNotifications: true };
    }
    case 'sign':
      return { replies: [...before, practice(trtext('sign', lang, { file }), controls(ctx, [consentButton(ctx)]))] };
    default:
      return { replies: [...before, practice(trtext(step, lang), controls(ctx))] };
  }
}

const consentButton = (ctx: CommandContext): Button => ({ label: trtext('btnConsent', ctx.lang), command: '/training.consent' });
const resendButton = (ctx: CommandContext): Button => ({ label: trtext('btnResend', ctx.lang), command: '/training.resend' });

/** The next step of this round: the next one not done after this one, else the first one not done. */
function nextStep(walk: Walk, progress: TrainingProgress): TrainingStep | null {
  const done = new Set<string>(walk.again ? walk.done : [...progress.steps, ...walk.done]);
  const open = TRAINING_STEPS.filter((s) => !done.has(s) && !walk.skipped.includes(s));
  const here = stepNumber(walk.step);
  return open.find((s) => stepNumber(s) > here) ?? open[0] ?? null;
}

async function stepDone(ctx: CommandContext, me: Employee, walk: Walk, feedback: Reply[]): Promise<Outcome> {
  const recorded = await recordTrainingStep(ctx.tx, ctx.deps.clock, { employee: me, step: walk.step });
  if (!recorded.ok) {
    await saveWalk(ctx, null);
    return plain(failureText(recorded.failure.code, recorded.failure.params, ctx.lang));
  }
  const after: Walk = { ...walk, done: [...walk.done, walk.step] };
  return moveOn(ctx, me, after, recorded.value.progress, feedback, recorded.value.justCompleted);
}

async function moveOn(ctx: CommandContext, me: Employee, walk: Walk, progress: TrainingProgress, before: Reply[], justCompleted: boolean): Promise<Outcome> {
  const next = nextStep(walk, progress);
  if (next !== null) return enter(ctx, me, walk, next, before);
  await saveWalk(ctx, null);
  const { lang } = ctx;
  const left = stepsLeft(progress);
  if (justCompleted) return { replies: [...before, practice(trtext('completed', lang, { name: me.name }))] };
  if (left.length === 0) return { replies: [...before, practice(trtext('practisedAgain', lang))] };
  const names = left.map((step) => trtext('stepName', lang, { step })).join(', ');
  return { replies: [...before, practice(trtext('endedWithLeft', lang, { done: progress.steps.length, left: names }), [{ label: trtext('btnRestart', lang), command: '/training.start' }])] };
}

async function skip(ctx: CommandContext, me: Employee, walk: Walk): Promise<Outcome> {
  await cancelPracticeOtp(ctx, walk);
  const progress = await ctx.tx.training.get(me.id);
  if (progress === null) {
    await saveWalk(ctx, null);
    return plain(failureText('TRAINING.NOT_STARTED', {}, ctx.lang));
  }
  const skipped: Walk = { ...walk, otp: false, skipped: [...walk.skipped, walk.step] };
  return moveOn(ctx, me, skipped, progress, [practice(trtext('skipped', ctx.lang, { n: stepNumber(walk.step) }))], false);
}

async function stop(ctx: CommandContext, walk: Walk): Promise<Outcome> {
  await cancelPracticeOtp(ctx, walk);
  await saveWalk(ctx, null);
  const progress = ctx.employee === null ? null : await ctx.tx.training.get(ctx.employee.id);
  return { replies: [practice(trtext('stopped', ctx.lang, { done: progress?.steps.length ?? 0 }))] };
}

/** Real work named by a button or a reply: the training steps aside (progress kept) and the router goes on. */
async function leaveForRealWork(ctx: CommandContext, walk: Walk): Promise<null> {
  await cancelPracticeOtp(ctx, walk);
  await saveWalk(ctx, null);
  paused.add(ctx);
  return null;
}

const paused = new WeakSet<CommandContext>();

/** When this message's real work set the walkthrough aside, a line that says so (the router adds it to the answer). */
export function trainingPausedNote(ctx: CommandContext): string | null {
  return paused.has(ctx) ? trtext('pausedForReal', ctx.lang, {}) : null;
}

async function cancelPracticeOtp(ctx: CommandContext, walk: Walk): Promise<void> {
  if (!walk.otp) return;
  const pending = await ctx.tx.otps.latestPendingForAccount(ctx.account.id, 'practice');
  if (pending !== null) await ctx.tx.otps.update(pending.id, { status: 'cancelled' });
}

/** A wrong answer: the step's hint, and when it looked like real work, why it was not done. */
function hint(ctx: CommandContext, walk: Walk, key: TrainingTextKey, extraButtons: Button[] = [], prefix?: string): Outcome {
  const expected: Record<TrainingStep, string> = { scan: '', note: 'note', move: 'forward', leave: 'apply_leave', approve: 'approve', sign: 'confirm' };
  const { parse } = ctx;
  const upload = (ctx.inbound.attachments?.length ?? 0) > 0;
  const looksReal = upload || (parse.intent !== 'unknown' && parse.intent !== expected[walk.step] && parse.confidence >= 0.5);
  const lines = [prefix, trtext(key, ctx.lang), looksReal ? trtext('inTraining', ctx.lang, { n: stepNumber(walk.step) }) : undefined];
  if (walk.step === 'scan' && ctx.inbound.channel === TERMINAL) lines.push(trtext('terminalSend', ctx.lang));
  return { replies: [practice(lines.filter((l) => l !== undefined).join('\n'), controls(ctx, extraButtons))] };
}

// ---- the six steps ----

async function scanStep(ctx: CommandContext, me: Employee, walk: Walk): Promise<Outcome> {
  const files = ctx.inbound.attachments ?? [];
  if (files.length === 0) return hint(ctx, walk, 'scanHint');
  let pages = 0;
  // The same checks a real upload gets; nothing is kept.
  for (const file of files) {
    const checked = await checkUpload(ctx.deps, file);
    if (!checked.ok) return hint(ctx, walk, 'scanHint', [], failureText(checked.problem.code, checked.problem.params, ctx.lang));
    pages += checked.pages;
  }
  return stepDone(ctx, me, walk, [practice(trtext('scanDone', ctx.lang, { pages, diary: numbers(ctx).diary }))]);
}

async function noteStep(ctx: CommandContext, me: Employee, walk: Walk, raw: string): Promise<Outcome> {
  if ((ctx.inbound.attachments?.length ?? 0) > 0) return hint(ctx, walk, 'noteHint');
  const typed = NOTE.exec(raw)?.[1]?.trim();
  const text = (typed ?? (ctx.parse.intent === 'note' ? ctx.parse.entities.remark?.trim() : undefined)) ?? '';
  if (text === '') return hint(ctx, walk, 'noteHint');
  const n = walk.notes + 1;
  return stepDone(ctx, me, { ...walk, notes: n }, [practice(trtext('noteDone', ctx.lang, { n, file: numbers(ctx).file, text: text.slice(0, 300) }))]);
}

async function moveStep(ctx: CommandContext, me: Employee, walk: Walk, raw: string): Promise<Outcome> {
  const addressee = ctx.parse.entities.addressee;
  if ((ctx.inbound.attachments?.length ?? 0) > 0 || ctx.parse.intent !== 'forward' || addressee === undefined) return hint(ctx, walk, 'moveHint');
  const person = await resolvePerson(ctx, me, addressee, raw);
  const { lang } = ctx;
  if (person.kind === 'none') {
    // Said back in the user's words ("बड़ा बाबू"), not as the post key the model made of them.
    const said = addressee.post !== undefined && person.query === addressee.post ? addresseeWords(raw) : person.query;
    return hint(ctx, walk, 'moveHint', [], failureText('STAFF.NO_SUCH_ADDRESSEE', { name: said }, lang));
  }
  if (person.kind === 'many') {
    const query = addressee.name ?? addressee.post ?? addressee.code ?? raw;
    const choices = person.candidates.map((c) => ({ label: `${c.name}, ${c.post}`, command: `/training.to ${c.code}` }));
    return { replies: [practice(trtext('moveMany', lang, { query }), controls(ctx, choices))] };
  }
  const to = person.employee;
  return stepDone(ctx, me, walk, [practice(trtext('moveDone', lang, { file: numbers(ctx).file, to: `${to.name} (${to.post})` }))]);
}

function addresseeWords(raw: string): string {
  const words = raw.trim().replace(/^(?:please\s+)?(?:send|forward|mark)\s+(?:it\s+|this\s+|the\s+file\s+)?to\s+/i, '')
    .replace(/\s*(?:को|ko)?\s*(?:भेजें|भेजो|भेज\s*दें|भेज\s*दो|भेजिए|bhejo|bhej\s*do|bhejen|bheje)\s*[.!।]*$/i, '').trim();
  return words === '' ? raw.trim() : words;
}

async function leaveStep(ctx: CommandContext, me: Employee, walk: Walk, raw: string): Promise<Outcome> {
  const e = ctx.parse.entities;
  if ((ctx.inbound.attachments?.length ?? 0) > 0 || ctx.parse.intent !== 'apply_leave' || e.leaveType === undefined || e.startDate === undefined) {
    return hint(ctx, walk, 'leaveHint');
  }
  const { lang, deps } = ctx;
  // The real preview, read-only: the real balance and the real sanctioning officer, nothing written.
  const preview = await previewLeave(ctx.tx, deps.clock, {
    employee: me, type: e.leaveType, startDate: e.startDate, endDate: e.endDate ?? e.startDate, halfDay: e.halfDay ?? null, policy: deps.leavePolicy,
  });
  if (!preview.ok) return stepDone(ctx, me, walk, [practice(trtext('leaveRefused', lang, { reason: failureText(preview.failure.code, preview.failure.params, lang) }))]);
  const p = preview.value;
  const reason = (e.purpose ?? e.remark ?? '').trim() || raw;
  return stepDone(ctx, me, walk, [practice(trtext('leavePreview', lang, {
    type: p.rule.code, typeHi: p.rule.hi, typeEn: p.rule.en, from: e.startDate, to: e.endDate ?? e.startDate, days: p.days, reason,
    sanctioner: `${p.sanctioner.name} (${p.sanctioner.post})`, balanceAfter: p.balanceAfter ?? '',
  }))]);
}

async function approveStep(ctx: CommandContext, me: Employee, walk: Walk): Promise<Outcome> {
  const approving = (ctx.inbound.attachments?.length ?? 0) === 0 && ctx.parse.intent === 'approve' && ctx.parse.confidence >= 0.5;
  const file = numbers(ctx).file;
  const sent = ctx.inbound.replyToMessageId === undefined ? null : await repliedTo(ctx);
  const toPractice = sent?.subjectType === PRACTICE_SUBJECT;
  if (approving && (toPractice || replyKind(ctx) === 'none')) {
    return stepDone(ctx, me, walk, [practice(trtext('approveDone', ctx.lang, { file }))]);
  }
  if (approving) return hint(ctx, walk, replyKind(ctx) === 'button' ? 'approveNotReplyButton' : 'approveNotReply', [resendButton(ctx)]);
  return hint(ctx, walk, 'approveHint', [resendButton(ctx)]);
}

async function signStep(ctx: CommandContext, me: Employee, walk: Walk, raw: string): Promise<Outcome> {
  if (walk.otp) return hint(ctx, walk, 'signHintCode', [{ label: trtext('btnResendOtp', ctx.lang), command: '/training.consent' }]);
  const yes = (ctx.inbound.attachments?.length ?? 0) === 0 && (YES.test(raw) || ctx.parse.intent === 'confirm' || ctx.parse.intent === 'approve');
  if (yes) return consent(ctx, me, walk);
  return hint(ctx, walk, 'signHintConsent', [consentButton(ctx)]);
}

/** A real OTP of purpose 'practice' to the roll's mobile/e-mail, sent after commit; nothing is signed. */
async function consent(ctx: CommandContext, me: Employee, walk: Walk): Promise<Outcome> {
  const { tx, deps, lang } = ctx;
  const issued = await issueChallenge(tx, deps.clock, {
    purpose: 'practice', employee: me, accountId: ctx.account.id, kinds: deps.otpSender.kinds, policy: deps.otpPolicy, subjectRef: `practice-${me.code}`,
  });
  if (!issued.ok) {
    const extra = issued.failure.code === 'STAFF.NO_CONTACT' ? `\n${trtext('contactProblem', lang)}` : '';
    return { replies: [practice(failureText(issued.failure.code, issued.failure.params, lang) + extra, controls(ctx))] };
  }
  const { challenge, code, to } = issued.value;
  await saveWalk(ctx, { ...walk, otp: true });
  const buttons = controls(ctx, [{ label: trtext('btnResendOtp', lang), command: '/training.consent' }]);
  return {
    replies: [],
    afterCommit: async () => {
      try {
        await deps.otpSender.send({
          to, code, purpose: 'practice', language: me.language, expiresInMinutes: deps.otpPolicy.ttlMinutes,
          context: me.language === 'hi' ? 'Daftar: प्रशिक्षण (अभ्यास) — कुछ हस्ताक्षरित नहीं होगा' : 'Daftar: training (practice) — nothing will be signed',
        });
      } catch (error) {
        if (!(error instanceof OtpDeliveryError)) throw error;
        deps.log.warn(`practice OTP delivery failed (${error.kind}): ${error.message}`);
        await deps.store.transaction((t) => t.otps.update(challenge.id, { status: 'cancelled' }));
        return [practice(`${failureText('OTP.NOT_SENT', {}, lang)}\n${trtext('contactProblem', lang)}`, buttons)];
      }
      return [practice(trtext('otpSent', lang, { destination: challenge.destination, minutes: deps.otpPolicy.ttlMinutes }), buttons)];
    },
  };
}
