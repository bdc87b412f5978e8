// Command families and how they compose. Each family of commands (files, leave, tour, signing,
// training…) says in one place which messages it takes, phase by phase; the router tries the
// phases in a fixed order and, within a phase, the families in the order the router lists them.
// This is grammY's Composer idea kept small: handlers that return null pass the message on.
import type { Employee } from '../../core/types.ts';
import type { CommandContext, Outcome } from '../context.ts';
import type { Intent } from '../language/index.ts';
import type { Pending } from '../commands/conversation.ts';

/** A matcher: its outcome, or null to let the next one look at the message. */
export type Handler = (ctx: CommandContext, me: Employee, raw: string) => Promise<Outcome | null>;
/** A button's command, "/verb arg1 arg2…", by its verb. */
export type ButtonHandler = (ctx: CommandContext, me: Employee, args: string[], verb: string) => Promise<Outcome | null>;
export type AnswerHandler<K extends Pending['kind']> =
  (ctx: CommandContext, me: Employee, pending: Extract<Pending, { kind: K }>, raw: string) => Promise<Outcome | null>;
export type AnswerTable = { [K in Pending['kind']]?: AnswerHandler<K> };
export type IntentHandler = (ctx: CommandContext, me: Employee, raw: string) => Promise<Outcome>;

/**
 * The phases, in the order a linked employee's message meets them. A phase either matches (the
 * family's handler says so by returning an outcome) or passes the message on.
 */
export const PHASES = {
  otp: 'a one-time password typed by a linked employee (a practice OTP, then a signature\'s)',
  setting: 'settings of the chat itself, answered before any walkthrough or question ("notify here")',
  walkthrough: 'a training walkthrough\'s practice step, only while a walkthrough is on',
  upload: 'a message that brings files',
  button: 'a button\'s command, "/verb args", dispatched by its verb (exact, or a prefix ending in ".")',
  prefix: 'a command with an explicit word that no intent may reinterpret ("tour diary:", "signed X", "verify")',
  reply: 'a reply to a message this chat was sent (a direct message goes back to its writer)',
  answer: 'the answer to the question this chat was asked, by the question\'s kind',
  intent: 'what the language model understood, by intent',
} as const;
export type Phase = keyof typeof PHASES;

export interface CommandFamily {
  readonly name: string;
  /** Which messages the family takes, in a sentence for the next reader. */
  readonly takes: string;
  readonly otp?: Handler;
  readonly setting?: Handler;
  readonly walkthrough?: Handler;
  readonly upload?: Handler;
  readonly buttons?: Readonly<Record<string, ButtonHandler>>;
  readonly prefix?: Handler;
  readonly reply?: Handler;
  readonly answers?: AnswerTable;
  readonly intents?: Readonly<Partial<Record<Intent, IntentHandler>>>;
  /** Changes every outcome on the way out (training adds "your walkthrough is paused"). */
  readonly decorate?: (ctx: CommandContext, outcome: Outcome) => Outcome;
}

export interface Composed {
  families: readonly CommandFamily[];
  handlers(phase: 'otp' | 'setting' | 'walkthrough' | 'upload' | 'prefix' | 'reply'): Handler[];
  button(verb: string): ButtonHandler | null;
  answer<K extends Pending['kind']>(kind: K): AnswerHandler<K> | null;
  intent(intent: Intent): IntentHandler | null;
  decorate(ctx: CommandContext, outcome: Outcome): Outcome;
}

/** Puts the families together; two families claiming the same verb, question or intent is a bug. */
export function compose(families: readonly CommandFamily[]): Composed {
  const buttons = new Map<string, ButtonHandler>();
  const prefixes: [string, ButtonHandler][] = [];
  const answers = new Map<string, unknown>();
  const intents = new Map<Intent, IntentHandler>();
  const claimed = new Map<string, string>();
  const claim = (what: string, family: string) => {
    const other = claimed.get(what);
    if (other !== undefined) throw new Error(`${what} is claimed by both ${other} and ${family}`);
    claimed.set(what, family);
  };
  for (const f of families) {
    for (const [verb, handler] of Object.entries(f.buttons ?? {})) {
      claim(`button ${verb}`, f.name);
      if (verb.endsWith('.')) prefixes.push([verb, handler]);
      else buttons.set(verb, handler);
    }
    for (const [kind, handler] of Object.entries(f.answers ?? {})) {
      claim(`answer ${kind}`, f.name);
      answers.set(kind, handler);
    }
    for (const [intent, handler] of Object.entries(f.intents ?? {}) as [Intent, IntentHandler][]) {
      claim(`intent ${intent}`, f.name);
      intents.set(intent, handler);
    }
  }
  return {
    families,
    handlers: (phase) => families.flatMap((f) => (f[phase] === undefined ? [] : [f[phase]])),
    button: (verb) => buttons.get(verb) ?? prefixes.find(([p]) => verb.startsWith(p))?.[1] ?? null,
    answer: <K extends Pending['kind']>(kind: K) => (answers.get(kind) as AnswerHandler<K> | undefined) ?? null,
    intent: (intent) => intents.get(intent) ?? null,
    decorate: (ctx, outcome) => families.reduce((o, f) => (f.decorate === undefined ? o : f.decorate(ctx, o)), outcome),
  };
}
