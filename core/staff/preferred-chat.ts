// Which of an employee's linked chats gets their notifications. Employee.preferredChannel holds
// either one chat, as "<channel>#<account id>" (written since chats could be chosen), or a channel
// name alone (as earlier versions wrote it: that channel's first linked chat).
//
// The preference is set when the first chat is linked and changed only by the employee, from a
// chat already linked ("notify here"). A chat linked later never takes it over, not even one on
// the preferred channel: someone who linked a chat with a stolen code must not quietly receive
// the owner's files. Only when the preferred chat cannot be reached now (a closed web chat tab) does
// a notification go to another linked chat, the longest linked first.
import { recordEvent } from '../audit/record-event.ts';
import { notifyOtherChats } from '../outbox/notify.ts';
import type { Clock, Tx } from '../ports.ts';
import { istDateTime } from '../time.ts';
import type { ChatAccount, Employee } from '../types.ts';

export function preferenceFor(account: ChatAccount): string {
  return `${account.channel}#${account.id}`;
}

function parsePreference(value: string | null): { channel: string | null; accountId: number | null } {
  if (value === null) return { channel: null, accountId: null };
  const at = value.lastIndexOf('#');
  if (at < 0) return { channel: value, accountId: null };
  const id = Number(value.slice(at + 1));
  return { channel: value.slice(0, at), accountId: Number.isInteger(id) ? id : null };
}

/** The chats in the order notifications should try them: the chosen chat, its channel's, then the rest; longest linked first. */
export function rankChats<T extends { account: ChatAccount }>(preference: string | null, chats: readonly T[]): T[] {
  const { channel, accountId } = parsePreference(preference);
  const rank = (a: ChatAccount) => (a.id === accountId ? 0 : a.channel === channel ? 1 : 2);
  return [...chats].sort((x, y) =>
    rank(x.account) - rank(y.account)
    || (x.account.linkedAt?.getTime() ?? 0) - (y.account.linkedAt?.getTime() ?? 0)
    || x.account.id - y.account.id);
}

/** True when notifications go to this chat first. */
export function isPreferredChat(employee: Employee, account: ChatAccount, linked: readonly ChatAccount[]): boolean {
  return rankChats(employee.preferredChannel, linked.map((a) => ({ account: a })))[0]?.account.id === account.id;
}

/**
 * "Notify here": the employee's notifications go to this chat from now on. Their other chats are
 * told, so a chat linked by someone else cannot take the notifications over unnoticed.
 * Returns false when this chat was already the one.
 */
export async function preferThisChat(tx: Tx, clock: Clock, options: { employee: Employee; account: ChatAccount }): Promise<boolean> {
  const { employee, account } = options;
  const linked = await tx.accounts.byEmployee(employee.id);
  const value = preferenceFor(account);
  if (employee.preferredChannel === value) return false;
  const already = isPreferredChat(employee, account, linked);
  await tx.employees.update(employee.id, { preferredChannel: value });
  if (already) return false;
  await recordEvent(tx, clock, {
    actor: employee.code, type: 'staff.preferred_chat_set', subjectType: 'account', subjectId: account.id, data: { channel: account.channel },
  });
  await notifyOtherChats(tx, clock, {
    employeeId: employee.id, exceptAccountId: account.id,
    notification: { kind: 'account.preferred_changed', params: { channel: account.channel, at: istDateTime(clock.now()) } },
  });
  return true;
}
