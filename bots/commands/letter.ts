// Chat commands for outgoing letters and their dispatch (पत्र / प्रेषण).
import type { Employee } from '../../core/types.ts';
import type { CommandContext, Outcome } from '../context.ts';
import type { Pending } from './conversation.ts';

/** A message this feature answers, or null to let the router go on. Must cost no storage call when it is not one. */
export async function routeLetter(_ctx: CommandContext, _me: Employee, _raw: string): Promise<Outcome | null> {
  return null;
}

/** A button action `/letter.<verb> args…`, or null when the verb is not one of ours. */
export async function letterAction(_ctx: CommandContext, _me: Employee, _verb: string, _args: string[]): Promise<Outcome | null> {
  return null;
}

/** The chat asked a question of this feature (pending kind 'letter'); this message may be its answer. Null: a new request instead. */
export async function answerLetter(_ctx: CommandContext, _me: Employee, _pending: Extract<Pending, { kind: 'letter' }>, _raw: string): Promise<Outcome | null> {
  return null;
}
