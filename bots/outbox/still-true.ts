// Is a notification still true when it is delivered? "File GOP-1/2026 has come to you" is queued when
// the file moves, and delivered when the recipient's chat can be reached: seconds later, or — when
// their chat was closed — after they have opened the file from "my files" and sent it on. Each kind
// that states a fact that can stop holding names it here, and the store is asked at delivery:
//   - still true: delivered as it is;
//   - no longer true because the recipient acted on it themselves: dropped (they know);
//   - no longer true otherwise: delivered with a line saying what changed, without its buttons
//     (they would act on something that is not there any more).
import type { Tx } from '../../core/ports.ts';
import type { Notification } from '../../core/outbox/notify.ts';
import type { OutboxItem, UiLanguage } from '../../core/types.ts';
import type { EfileTx } from '../../core/efile/efile-tx.ts';
import { staletext, type StaleTextKey } from '../messages/efile-texts.ts';
import type { Reply } from '../reply.ts';

export type Verdict =
  | { kind: 'true' }
  | { kind: 'acted'; why: string }
  | { kind: 'changed'; text: StaleTextKey; params: Record<string, string> };

const TRUE: Verdict = { kind: 'true' };
const acted = (why: string): Verdict => ({ kind: 'acted', why });
const changed = (text: StaleTextKey, params: Record<string, string> = {}): Verdict => ({ kind: 'changed', text, params });

/** What a check is given: the notification, whom it is for and when it was queued. */
interface Fact {
  notification: Notification;
  recipientId: number;
  queuedAt: Date;
}

type Check = (tx: Tx, fact: Fact) => Promise<Verdict>;

const named = async (tx: Tx, id: number) => {
  const e = await tx.employees.byId(id);
  return e === null ? `#${id}` : `${e.name} (${e.post})`;
};

/** Did the recipient move it themselves since the notification was queued? */
async function movedBy(tx: EfileTx, subjectType: 'file' | 'receipt', subjectId: number, fact: Fact): Promise<boolean> {
  return (await tx.movements.listFor(subjectType, subjectId)).some((m) => m.fromId === fact.recipientId && m.at.getTime() >= fact.queuedAt.getTime());
}

/** "The file is with you": the file's holder is still the recipient, and it is not closed. */
const fileWithRecipient: Check = async (tx, fact) => {
  const file = await tx.files.byNumber(String(fact.notification.params.number ?? fact.notification.subject?.id ?? ''));
  if (file === null) return TRUE;
  if (file.holderId === fact.recipientId && file.status !== 'closed') return TRUE;
  if (await movedBy(tx, 'file', file.id, fact)) return acted(`file ${file.fileNumber} was moved on by its recipient`);
  if (file.status === 'closed') return changed('closed');
  return changed('movedOn', { holder: await named(tx, file.holderId) });
};

/** "The receipt is with you": still held by the recipient and not put in a file. */
const receiptWithRecipient: Check = async (tx, fact) => {
  const receipt = await tx.receipts.byDiaryNumber(String(fact.notification.params.number ?? fact.notification.subject?.id ?? ''));
  if (receipt === null) return TRUE;
  if (receipt.holderId === fact.recipientId && receipt.status === 'open') return TRUE;
  if (await movedBy(tx, 'receipt', receipt.id, fact)) return acted(`receipt ${receipt.diaryNumber} was moved on by its recipient`);
  const file = receipt.fileId === null ? null : await tx.files.byId(receipt.fileId);
  if (file !== null) {
    // Put in a file by the recipient is acting on it; by anyone else, it is news.
    if (receipt.holderId === fact.recipientId) return acted(`receipt ${receipt.diaryNumber} was put in a file by its recipient`);
    return changed('inFile', { file: file.fileNumber, holder: await named(tx, file.holderId) });
  }
  return changed('movedOn', { holder: await named(tx, receipt.holderId) });
};

/** Something awaiting the recipient's decision (leave, a tour programme, a TA claim). */
function awaitingDecision(find: (tx: Tx, number: string) => Promise<{ holderId: number; status: string; sanctionerId: number; decidedAt: Date | null } | null>): Check {
  return async (tx, fact) => {
    const item = await find(tx, String(fact.notification.params.number ?? fact.notification.subject?.id ?? ''));
    if (item === null) return TRUE;
    if (item.status === 'pending' && item.holderId === fact.recipientId) return TRUE;
    // Decided by the recipient since: they know.
    if (item.sanctionerId === fact.recipientId && item.decidedAt !== null && item.decidedAt.getTime() >= fact.queuedAt.getTime()
      && item.status !== 'cancelled') {
      return acted('decided by its recipient');
    }
    if (item.status === 'pending') return changed('movedOn', { holder: await named(tx, item.holderId) });
    return changed('status', { status: item.status });
  };
}

/** A reminder to acknowledge a circular: pointless once acknowledged. */
const circularUnacknowledged: Check = async (tx, fact) => {
  const circularId = Number(fact.notification.params.circularId);
  if (!Number.isInteger(circularId)) return TRUE;
  const row = await tx.circulars.recipient(circularId, fact.recipientId);
  return row?.ackAt != null ? acted('the circular was acknowledged') : TRUE;
};

/** "A statutory deadline is at 75% / has passed": not once its file was closed or the deadline set aside. */
const deadlineOpen: Check = async (tx, fact) => {
  const receipt = await tx.receipts.byDiaryNumber(String(fact.notification.params.receipt ?? ''));
  const row = receipt === null ? null : await tx.deadlines.byReceipt(receipt.id);
  if (row === null || row.state === 'confirmed') return TRUE;
  if (row.state === 'closed') return changed('closed');
  return acted('the statutory deadline was dismissed');
};

/** The kinds whose statement can stop being true, and how to tell. Others are always delivered as they are. */
export const FACT_CHECKS: Readonly<Record<string, Check>> = {
  'file.received': fileWithRecipient,
  'file.approved': fileWithRecipient,
  'file.returned': fileWithRecipient,
  'receipt.received': receiptWithRecipient,
  'leave.applied': awaitingDecision((tx, n) => tx.leave.byNumber(n)),
  'leave.resubmitted': awaitingDecision((tx, n) => tx.leave.byNumber(n)),
  'tour.applied': awaitingDecision((tx, n) => tx.tours.byNumber(n)),
  'tour.resubmitted': awaitingDecision((tx, n) => tx.tours.byNumber(n)),
  'ta.submitted': awaitingDecision((tx, n) => tx.taClaims.byNumber(n)),
  'circular.reminder': circularUnacknowledged,
  'deadline.warning': deadlineOpen,
  'deadline.due': deadlineOpen,
};

/** True when the kind states something that is checked at delivery. */
export function isChecked(notification: Notification): boolean {
  return Object.hasOwn(FACT_CHECKS, notification.kind);
}

/** Whether the notification still holds for its recipient now. */
export async function stillTrue(tx: Tx, item: OutboxItem, notification: Notification): Promise<Verdict> {
  const check = Object.hasOwn(FACT_CHECKS, notification.kind) ? FACT_CHECKS[notification.kind] : undefined;
  if (check === undefined || item.employeeId === null) return TRUE;
  return check(tx, { notification, recipientId: item.employeeId, queuedAt: item.createdAt });
}

/** The reply as delivered after a change: what changed, said under it, and no buttons to act on what is gone. */
export function sayWhatChanged(reply: Reply, verdict: Extract<Verdict, { kind: 'changed' }>, lang: UiLanguage): Reply {
  const { buttons: _gone, ...rest } = reply;
  return { ...rest, text: `${reply.text}\n\n${staletext(verdict.text, lang, verdict.params)}` };
}
