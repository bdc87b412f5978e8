// Linking a chat account to an employee on the master roll: the account asks with an employee
// code, the code's owner proves it with an OTP sent to the mobile or e-mail on the roll.
import { fail, ok, type Result } from '../errors.ts';
import type { Clock, Tx } from '../ports.ts';
import type { ChatAccount, Employee } from '../types.ts';
import { recordEvent } from '../audit/record-event.ts';
import { issueChallenge, type IssuedChallenge } from '../otp/issue-challenge.ts';
import { checkChallenge } from '../otp/check-challenge.ts';
import type { OtpPolicy } from '../otp/otp-policy.ts';
import { notifyOtherChats } from '../outbox/notify.ts';
import { istDateTime } from '../time.ts';
import { preferenceFor } from './preferred-chat.ts';

export interface LinkDeps {
  policy: OtpPolicy;
  kinds: ReadonlyArray<'sms' | 'email'>;
}

/**
 * Link requests are limited twice. Per requesting chat: at most `perHour.link` in each clock hour,
 * whatever codes it names (so one chat can neither probe the roll nor spend anyone's codes). Per
 * employee: `linkCeilingPerHour` in any rolling hour from all chats together, higher than the
 * per-chat limit — a stranger's chat asking for the owner's code three times uses up only that
 * chat's allowance, and the owner linking from their own phone still gets a code; reaching the
 * ceiling takes several chats, and the owner's linked chats are told of every request.
 * (The per-chat count lives in a counter row per chat and hour: OtpRepo counts only per employee.)
 */
export async function startLink(
  tx: Tx, clock: Clock, deps: LinkDeps, options: { account: ChatAccount; employeeCode: string },
): Promise<Result<IssuedChallenge & { employee: Employee; told: number }>> {
  const { account } = options;
  if (account.employeeId !== null) {
    const linked = await tx.employees.byId(account.employeeId);
    return fail('ACCOUNT.ALREADY_LINKED', { code: linked?.code ?? '' });
  }
  const requests = await tx.counters.next(chatRequestCounter(account.id, clock.now()));
  if (requests > deps.policy.perHour.link) return fail('OTP.RATE_LIMITED', { perHour: deps.policy.perHour.link });
  const employee = await findByCode(tx, options.employeeCode);
  if (employee === null) return fail('STAFF.UNKNOWN_CODE', { code: options.employeeCode });
  if (!employee.active) return fail('ACCOUNT.EMPLOYEE_INACTIVE', { code: employee.code });
  const issued = await issueChallenge(tx, clock, {
    purpose: 'link', employee, accountId: account.id, kinds: deps.kinds, policy: deps.policy,
  });
  if (!issued.ok) return issued;
  // The owner hears of every request from a new chat on the chats they already have, in the same
  // transaction as the code, so a stranger cannot ask unnoticed.
  const told = await notifyOtherChats(tx, clock, {
    employeeId: employee.id, exceptAccountId: account.id,
    notification: { kind: 'account.link_requested', params: { channel: account.channel, at: istDateTime(clock.now()), destination: issued.value.challenge.destination } },
  });
  return ok({ ...issued.value, employee, told });
}

/** The counter of link requests made from one chat in the clock hour of `at` (UTC hours: any fixed grid will do). */
export function chatRequestCounter(accountId: number, at: Date): string {
  return `link-requests/${accountId}/${at.toISOString().slice(0, 13)}`;
}

export async function confirmLink(
  tx: Tx, clock: Clock, deps: LinkDeps, options: { account: ChatAccount; code: string },
): Promise<Result<{ account: ChatAccount; employee: Employee; told: number }>> {
  const { account } = options;
  const challenge = await tx.otps.latestPendingForAccount(account.id, 'link');
  if (challenge === null) return fail('OTP.NO_PENDING');
  const employee = await tx.employees.byId(challenge.employeeId);
  if (employee === null) return fail('OTP.NO_PENDING');
  const checked = await checkChallenge(tx, clock, { challenge, code: options.code, policy: deps.policy, actor: employee.code });
  if (!checked.ok) return checked;
  if (!employee.active) return fail('ACCOUNT.EMPLOYEE_INACTIVE', { code: employee.code });
  const linked = await linkAccount(tx, clock, { account, employee, via: 'otp', challengeId: challenge.id });
  // The notice goes to the chats the employee had before this one, never to this one: if this link
  // was not theirs, the new chat is the intruder's.
  const told = await notifyOtherChats(tx, clock, {
    employeeId: employee.id, exceptAccountId: account.id,
    notification: { kind: 'account.linked', params: { channel: account.channel, at: istDateTime(clock.now()) } },
  });
  return ok({ account: linked, employee, told });
}

/**
 * Binds the account to the employee. Also used by the server console (`daftar chat --as`), whose
 * user already holds the server (`via: 'console'`), and by the development web chat's demo login
 * (`via: 'demo'`), each recorded in the audit trail.
 */
export async function linkAccount(
  tx: Tx, clock: Clock, options: { account: ChatAccount; employee: Employee; via: 'otp' | 'console' | 'demo'; challengeId?: string },
): Promise<ChatAccount> {
  const { account, employee } = options;
  const linked = await tx.accounts.update(account.id, { employeeId: employee.id, linkedAt: clock.now() });
  // The first chat linked gets the notifications; later ones only if the employee says so (preferred-chat.ts).
  if (employee.preferredChannel === null) await tx.employees.update(employee.id, { preferredChannel: preferenceFor(linked) });
  await recordEvent(tx, clock, {
    actor: employee.code, type: 'account.linked', subjectType: 'account', subjectId: account.id,
    data: { channel: account.channel, via: options.via, challengeId: options.challengeId ?? null },
  });
  return linked;
}

export async function unlinkAccount(
  tx: Tx, clock: Clock, options: { channel: string; address: string; actor: string | null },
): Promise<Result<ChatAccount>> {
  const account = await tx.accounts.find(options.channel, options.address);
  if (account === null || account.employeeId === null) return fail('ACCOUNT.NOT_LINKED');
  const employee = await tx.employees.byId(account.employeeId);
  const unlinked = await tx.accounts.update(account.id, { employeeId: null, linkedAt: null });
  await recordEvent(tx, clock, {
    actor: options.actor, type: 'account.unlinked', subjectType: 'account', subjectId: account.id,
    data: { channel: account.channel, employee: employee?.code ?? null },
  });
  return ok(unlinked);
}

/** Employee codes are matched as written, then case-insensitively (rolls mix "sah0042" and "SAH0042"). */
export async function findByCode(tx: Tx, code: string): Promise<Employee | null> {
  const trimmed = code.trim();
  return (await tx.employees.byCode(trimmed)) ?? (await tx.employees.byCode(trimmed.toUpperCase()));
}
