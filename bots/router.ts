// Which command answers a message. The door first (assistant.ts calls `route`): only linked,
// active employees get past it; anyone may link, give a link OTP or ask for help. Past the door,
// the command families (bots/routing/) are tried phase by phase — see PHASES in
// routing/family.ts — and, within a phase, in the order listed here.
import type { Employee } from '../core/types.ts';
import type { CommandContext, Outcome } from './context.ts';
import { text } from './messages/texts.ts';
import { failureText } from './messages/failures.ts';
import { chatState } from './commands/conversation.ts';
import { linkCommand, otpCommand } from './commands/link.ts';
import { languageCommand, profileCommand } from './commands/profile.ts';
import { compose, type CommandFamily, type Composed } from './routing/family.ts';
import { chatFamily } from './routing/chat.ts';
import { trainingFamily } from './routing/training.ts';
import { signingFamily } from './routing/signing.ts';
import { circularsFamily } from './routing/circulars.ts';
import { uploadsFamily } from './routing/uploads.ts';
import { tourFamily } from './routing/tour.ts';
import { verifyFamily } from './routing/verify.ts';
import { filesFamily } from './routing/files.ts';
import { pendencyFamily } from './routing/pendency.ts';
import { lettersFamily } from './routing/letters.ts';
import { messagesFamily } from './routing/messages.ts';
import { leaveFamily } from './routing/leave.ts';
import { decisionsFamily } from './routing/decisions.ts';
import { deadlinesFamily } from './routing/deadlines.ts';
import { askWhatToDoOnFile } from './routing/ask-back.ts';
import { helpFor } from './help.ts';

/**
 * The families in the order they are tried within a phase. Where two may take the same message the
 * order says who wins: a circular may come with its PDF, so circulars look at uploads before the
 * receipt maker; an explicit "tour diary:" or "signed X" wins over the note-sheet and letter words.
 */
export const FAMILIES: readonly CommandFamily[] = [
  chatFamily, trainingFamily, signingFamily, circularsFamily, uploadsFamily, deadlinesFamily, tourFamily, verifyFamily,
  filesFamily, pendencyFamily, lettersFamily, messagesFamily, leaveFamily, decisionsFamily,
];

export const ROUTES: Composed = compose(FAMILIES);

const say = (t: string): Outcome => ({ replies: [{ text: t }] });
const LANGUAGE_SWITCH = /^(?:language|lang|bhasha|भाषा)\s*[:\-]?\s*(english|en|angrezi|अंग्रेज़ी|अंग्रेजी|hindi|hi|हिंदी|हिन्दी)\s*$/i;
const PROFILE = /^(?:me|whoami|who am i|my profile|मैं|मेरा विवरण|mera vivran)\s*[?？]?$/i;
/** Below this a guess is not an answer: the user is asked to say it again (help lists the words). */
const UNDERSTOOD = 0.35;

/** The door: who is writing decides what may be asked at all. */
export async function route(ctx: CommandContext): Promise<Outcome> {
  const raw = (ctx.inbound.action ?? ctx.inbound.text ?? '').trim();
  const { employee, lang, parse } = ctx;
  const intent = parse.intent;

  if (employee !== null && !employee.active) return say(failureText('ACCOUNT.EMPLOYEE_INACTIVE', { code: employee.code }, lang));
  if (employee !== null) {
    const switchTo = LANGUAGE_SWITCH.exec(raw)?.[1]?.toLowerCase();
    if (switchTo !== undefined) return languageCommand(ctx, /^(english|en|angrezi|अंग्रेज़ी|अंग्रेजी)$/.test(switchTo) ? 'en' : 'hi');
    if (PROFILE.test(raw)) return profileCommand(ctx);
  }
  // A button's command is never reinterpreted by the language model.
  const button = raw.startsWith('/');
  if (!button && intent === 'help' && raw !== '' && parse.confidence >= UNDERSTOOD) {
    // A greeting or "help" during a training walkthrough gets the step's own hint.
    const step = employee === null ? null : await firstOf('walkthrough', ctx, employee, raw);
    return step === null ? help(ctx, employee) : ROUTES.decorate(ctx, step);
  }
  if (!button && intent === 'link') return linkCommand(ctx);
  const otp = !button && intent === 'otp' && parse.entities.otp !== undefined;
  if (otp && employee === null) return otpCommand(ctx);
  if (!button && intent === 'otp' && employee === null && /^\s*[\d०-९\s-]{4,8}\s*$/.test(raw)) return say(failureText('OTP.MALFORMED', {}, lang));

  if (employee === null) {
    if ((ctx.inbound.attachments?.length ?? 0) > 0 || raw !== '') {
      return { replies: [{ text: text('onlyLinkWhenUnlinked', lang) }, { text: text('helpUnlinked', lang) }] };
    }
    return help(ctx, null);
  }
  if (otp) {
    for (const handler of ROUTES.handlers('otp')) {
      const outcome = await handler(ctx, employee, raw);
      if (outcome !== null) return outcome;
    }
  }
  if (raw === '' && (ctx.inbound.attachments?.length ?? 0) === 0) return say(text('notUnderstood', lang));
  return ROUTES.decorate(ctx, await routeEmployee(ctx, employee, raw));
}

async function help(ctx: CommandContext, employee: Employee | null): Promise<Outcome> {
  // A linked employee is shown what they may do (bots/help.ts).
  return say(employee === null ? text('helpUnlinked', ctx.lang) : await helpFor(ctx, employee));
}

async function firstOf(phase: 'setting' | 'walkthrough' | 'upload' | 'prefix' | 'reply', ctx: CommandContext, me: Employee, raw: string): Promise<Outcome | null> {
  for (const handler of ROUTES.handlers(phase)) {
    const outcome = await handler(ctx, me, raw);
    if (outcome !== null) return outcome;
  }
  return null;
}

async function routeEmployee(ctx: CommandContext, me: Employee, raw: string): Promise<Outcome> {
  for (const phase of ['setting', 'walkthrough', 'upload'] as const) {
    const outcome = await firstOf(phase, ctx, me, raw);
    if (outcome !== null) return outcome;
  }
  if (raw.startsWith('/')) {
    const [verb = '', ...args] = raw.split(/\s+/);
    const outcome = await ROUTES.button(verb)?.(ctx, me, args, verb);
    return outcome ?? say(text('notUnderstood', ctx.lang));
  }
  for (const phase of ['prefix', 'reply'] as const) {
    const outcome = await firstOf(phase, ctx, me, raw);
    if (outcome !== null) return outcome;
  }
  const { pending } = await chatState(ctx);
  if (pending !== undefined) {
    const answer = ROUTES.answer(pending.kind) as ((c: CommandContext, m: Employee, p: typeof pending, r: string) => Promise<Outcome | null>) | null;
    const outcome = await answer?.(ctx, me, pending, raw);
    if (outcome != null) return outcome;
  }
  if (ctx.parse.confidence < UNDERSTOOD || ctx.parse.intent === 'unknown') {
    return (await askWhatToDoOnFile(ctx, me, raw)) ?? say(text('notUnderstood', ctx.lang));
  }
  const handler = ROUTES.intent(ctx.parse.intent);
  return handler === null ? say(text('notYet', ctx.lang, { what: raw.slice(0, 60) })) : handler(ctx, me, raw);
}
