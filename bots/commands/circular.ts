// Chat commands for circulars and notices (परिपत्र / सूचना).
import type { Employee } from '../../core/types.ts';
import type { CommandContext, Outcome } from '../context.ts';
import type { Pending } from './conversation.ts';

/** A message this feature answers, or null to let the router go on. Must cost no storage call when it is not one. */
export async function routeCircular(_ctx: CommandContext, _me: Employee, _raw: string): Promise<Outcome | null> {
  return null;
}

/** A button action `/circular.<verb> args…`, or null when the verb is not one of ours. */
export async function circularAction(_ctx: CommandContext, _me: Employee, _verb: string, _args: string[]): Promise<Outcome | null> {
  return null;
}

/** The chat asked a question of this feature (pending kind 'circular'); this message may be its answer. Null: a new request instead. */
export async function answerCircular(_ctx: CommandContext, _me: Employee, _pending: Extract<Pending, { kind: 'circular' }>, _raw: string): Promise<Outcome | null> {
  return null;
}
