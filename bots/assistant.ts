// The assistant: one inbound message in, replies out, the same for every channel.
// Each message is handled in one transaction that also records its id, so a redelivered message
// is answered from the record and never executed twice.
import { OfficeError } from '../core/errors.ts';
import type { Tx } from '../core/ports.ts';
import type { ChatAccount, Employee, UiLanguage } from '../core/types.ts';
import { istDate } from '../core/time.ts';
import type { AssistantDeps, CommandContext, Outcome } from './context.ts';
import type { Parse } from './language/index.ts';
import { failureText } from './messages/failures.ts';
import { text } from './messages/texts.ts';
import type { Inbound, Reply } from './reply.ts';
import { linkCommand, otpCommand } from './commands/link.ts';
import { languageCommand, profileCommand } from './commands/profile.ts';

export interface Assistant {
  handle(inbound: Inbound): Promise<Reply[]>;
}

type Handled = { kind: 'repeat'; replies: Reply[] } | { kind: 'done'; outcome: Outcome; lang: UiLanguage };

const LANGUAGE_SWITCH = /^(?:language|lang|bhasha|भाषा)\s*[:\-]?\s*(english|en|angrezi|अंग्रेज़ी|अंग्रेजी|hindi|hi|हिंदी|हिन्दी)\s*$/i;
const PROFILE = /^(?:me|whoami|who am i|my profile|मैं|मेरा विवरण|mera vivran)\s*[?？]?$/i;

export function createAssistant(deps: AssistantDeps): Assistant {
  const { store, clock, log } = deps;

  async function handle(inbound: Inbound): Promise<Reply[]> {
    let handled: Handled;
    try {
      handled = await store.transaction((tx) => handleInTx(tx, inbound));
    } catch (error) {
      if (error instanceof OfficeError) return recordFailure(inbound, error);
      // A bug or broken infrastructure: everything rolled back, the message id is not recorded,
      // so a redelivery (or the user resending) gets a fresh try.
      log.error(`handling ${inbound.channel} message failed`, error);
      return [{ text: text('internalError', guessLanguage(inbound)) }];
    }
    if (handled.kind === 'repeat') return handled.replies;
    const { outcome } = handled;
    let replies = outcome.replies;
    if (outcome.afterCommit !== undefined) {
      replies = await outcome.afterCommit();
      await store.transaction((tx) => tx.inbound.complete(inbound.channel, inbound.messageId, JSON.stringify(replies)));
    }
    if (outcome.queuedNotifications) deps.onNotificationsQueued?.();
    return replies;
  }

  async function handleInTx(tx: Tx, inbound: Inbound): Promise<Handled> {
    const seen = await tx.inbound.find(inbound.channel, inbound.messageId);
    if (seen !== null) {
      const replies = seen.replies === null ? [{ text: text('inProgress', guessLanguage(inbound)) }] : (JSON.parse(seen.replies) as Reply[]);
      return { kind: 'repeat', replies };
    }
    await tx.inbound.claim({ channel: inbound.channel, messageId: inbound.messageId, chatId: inbound.chatId, receivedAt: clock.now() });
    const account = (await tx.accounts.find(inbound.channel, inbound.chatId))
      ?? (await tx.accounts.create({ channel: inbound.channel, address: inbound.chatId, displayName: inbound.senderName ?? null }));
    const employee = account.employeeId === null ? null : await tx.employees.byId(account.employeeId);
    const today = istDate(clock.now());
    const parse = deps.language.parse(inbound.action ?? inbound.text ?? '', { today });
    const lang: UiLanguage = employee?.language ?? (parse.language === 'hi' ? 'hi' : guessLanguage(inbound));
    const ctx: CommandContext = { tx, deps, inbound, account, employee, lang, parse, today };
    const outcome = await route(ctx);
    if (outcome.afterCommit === undefined) {
      await tx.inbound.complete(inbound.channel, inbound.messageId, JSON.stringify(outcome.replies));
    }
    return { kind: 'done', outcome, lang };
  }

  async function recordFailure(inbound: Inbound, error: OfficeError): Promise<Reply[]> {
    const lang = guessLanguage(inbound);
    const replies = [{ text: failureText(error.failure.code, error.failure.params, lang) }];
    await store.transaction(async (tx) => {
      if (await tx.inbound.claim({ channel: inbound.channel, messageId: inbound.messageId, chatId: inbound.chatId, receivedAt: clock.now() })) {
        await tx.inbound.complete(inbound.channel, inbound.messageId, JSON.stringify(replies));
      }
    });
    return replies;
  }

  return { handle };
}

async function route(ctx: CommandContext): Promise<Outcome> {
  const raw = (ctx.inbound.action ?? ctx.inbound.text ?? '').trim();
  const { employee, lang } = ctx;
  const intent = ctx.parse.intent;

  if (intent === 'help' && raw !== '') return help(ctx, employee);
  if (intent === 'link') return linkCommand(ctx);
  if (intent === 'otp' && employee === null) return otpCommand(ctx);

  if (employee === null) {
    if ((ctx.inbound.attachments?.length ?? 0) > 0 || raw !== '') {
      return { replies: [{ text: text('onlyLinkWhenUnlinked', lang) }, { text: text('helpUnlinked', lang) }] };
    }
    return help(ctx, null);
  }
  if (!employee.active) return { replies: [{ text: failureText('ACCOUNT.EMPLOYEE_INACTIVE', { code: employee.code }, lang) }] };

  const switchTo = LANGUAGE_SWITCH.exec(raw)?.[1]?.toLowerCase();
  if (switchTo !== undefined) return languageCommand(ctx, /^(english|en|angrezi|अंग्रेज़ी|अंग्रेजी)$/.test(switchTo) ? 'en' : 'hi');
  if (PROFILE.test(raw)) return profileCommand(ctx);
  if ((ctx.inbound.attachments?.length ?? 0) > 0) return { replies: [{ text: text('attachmentNotYet', lang) }] };
  if (intent === 'otp') return { replies: [{ text: failureText('OTP.NO_PENDING', {}, lang) }] };
  if (intent === 'unknown' || raw === '') return { replies: [{ text: text('notUnderstood', lang) }] };
  return { replies: [{ text: text('notYet', lang, { what: describe(ctx.parse, lang) }) }] };
}

function help(ctx: CommandContext, employee: Employee | null): Outcome {
  return {
    replies: [{ text: employee === null ? text('helpUnlinked', ctx.lang) : text('helpLinked', ctx.lang, { name: employee.name }) }],
  };
}

const INTENT_NAMES: Partial<Record<Parse['intent'], [string, string]>> = {
  status: ['संचिका/प्राप्ति की स्थिति', 'status of a file or receipt'],
  my_items: ['मेरे पास लंबित', 'what is pending with me'],
  approve: ['स्वीकृति', 'approval'],
  return: ['वापसी', 'return'],
  refuse: ['अस्वीकृति', 'refusal'],
  forward: ['आगे भेजना', 'forwarding'],
  note: ['टिप्पणी', 'a note'],
  apply_leave: ['छुट्टी का आवेदन', 'a leave application'],
  apply_tour: ['दौरे का कार्यक्रम', 'a tour programme'],
  search: ['खोज', 'a search'],
};

function describe(parse: Parse, lang: UiLanguage): string {
  const names = INTENT_NAMES[parse.intent];
  return names === undefined ? parse.intent : names[lang === 'hi' ? 0 : 1];
}

/** Before we know who wrote: Devanagari in the message means Hindi; otherwise English. */
function guessLanguage(inbound: Inbound): UiLanguage {
  return /[\u0900-\u097F]/.test(inbound.text ?? '') ? 'hi' : 'en';
}

export type { ChatAccount };
