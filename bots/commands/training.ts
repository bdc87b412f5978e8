// Chat commands for the training walkthrough (प्रशिक्षण).
import type { Employee } from '../../core/types.ts';
import type { CommandContext, Outcome } from '../context.ts';

/** A message this feature answers, or null to let the router go on. Must cost no storage call when it is not one. */
export async function routeTraining(_ctx: CommandContext, _me: Employee, _raw: string): Promise<Outcome | null> {
  return null;
}

/** A button action `/training.<verb> args…`, or null when the verb is not one of ours. */
export async function trainingAction(_ctx: CommandContext, _me: Employee, _verb: string, _args: string[]): Promise<Outcome | null> {
  return null;
}

/** A 6-digit code while the walkthrough's signing step waits for one; null otherwise (then it is a real signing OTP). */
export async function trainingOtp(_ctx: CommandContext, _me: Employee, _code: string): Promise<Outcome | null> {
  return null;
}
