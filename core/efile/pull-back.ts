// Pull back (वापस लेना): a file or receipt sent to the wrong person is taken back by its sender,
// until the recipient has acted on it (acted.ts). The table's `pull_back` row says who may (the
// sender); the recipient is told, and the movement register shows it as "pulled back".
import { ok, type Result } from '../errors.ts';
import type { Clock } from '../ports.ts';
import type { Employee } from '../types.ts';
import { recordEvent } from '../audit/record-event.ts';
import { notify } from '../outbox/notify.ts';
import { transition, type Check } from '../workflow.ts';
import type { EfileTx } from './efile-tx.ts';
import { firstActSince, lastSentBy } from './acted.ts';
import { actedFailure } from './pull-back-failure.ts';
import { FILE_WORKFLOW } from './file-workflow.ts';
import { RECEIPT_WORKFLOW } from './receipt-workflow.ts';
import { lostRace } from './guards.ts';
import type { EFile, Movement, Receipt } from './types.ts';

export interface PulledBack<T> {
  item: T;
  /** Whom it was taken back from. */
  from: Employee | null;
}

/** Refused when the recipient (or anyone after them) did something with it since it was sent. */
const notActedSince = (tx: EfileTx, number: string, sent: Movement | null): Check => async () => {
  if (sent === null) return null;
  const act = await firstActSince(tx, sent);
  return act === null ? null : { ok: false, failure: await actedFailure(tx, number, act) };
};

export async function pullBackFile(
  tx: EfileTx, clock: Clock, options: { actor: Employee; file: EFile; remark?: string | null },
): Promise<Result<PulledBack<EFile>>> {
  const { actor, file } = options;
  const sent = await lastSentBy(tx, 'file', file.id, actor.id);
  const step = await transition(tx, FILE_WORKFLOW, 'pull_back', { actor, file, sent }, notActedSince(tx, file.fileNumber, sent));
  if (!step.ok) return step;
  const now = clock.now();
  const from = await tx.employees.byId(file.holderId);
  const back = (await tx.files.update(file.id, file.version, { holderId: actor.id, movedAt: now, status: step.value.to })) ?? lostRace(file.fileNumber);
  const remark = options.remark?.trim() || null;
  await tx.movements.add({ subjectType: 'file', subjectId: file.id, fromId: file.holderId, toId: actor.id, action: 'pulled_back', remark, at: now });
  await recordEvent(tx, clock, {
    actor: actor.code, type: step.value.event, subjectType: 'file', subjectId: file.fileNumber, data: { from: from?.code ?? null, sentAt: sent?.at.toISOString() ?? null },
  });
  await notify(tx, clock, {
    employeeId: file.holderId,
    notification: { kind: 'file.pulled_back', params: { number: file.fileNumber, subject: file.subject, by: actor.name, byPost: actor.post }, subject: { type: 'file', id: file.fileNumber } },
  });
  return ok({ item: back, from });
}

export async function pullBackReceipt(
  tx: EfileTx, clock: Clock, options: { actor: Employee; receipt: Receipt; remark?: string | null },
): Promise<Result<PulledBack<Receipt>>> {
  const { actor, receipt } = options;
  const sent = await lastSentBy(tx, 'receipt', receipt.id, actor.id);
  const step = await transition(tx, RECEIPT_WORKFLOW, 'pull_back', { actor, receipt, sent }, notActedSince(tx, receipt.diaryNumber, sent));
  if (!step.ok) return step;
  const now = clock.now();
  const from = await tx.employees.byId(receipt.holderId);
  const back = (await tx.receipts.update(receipt.id, receipt.version, { holderId: actor.id, movedAt: now, status: step.value.to })) ?? lostRace(receipt.diaryNumber);
  const remark = options.remark?.trim() || null;
  await tx.movements.add({ subjectType: 'receipt', subjectId: receipt.id, fromId: receipt.holderId, toId: actor.id, action: 'pulled_back', remark, at: now });
  await recordEvent(tx, clock, {
    actor: actor.code, type: step.value.event, subjectType: 'receipt', subjectId: receipt.diaryNumber, data: { from: from?.code ?? null, sentAt: sent?.at.toISOString() ?? null },
  });
  await notify(tx, clock, {
    employeeId: receipt.holderId,
    notification: { kind: 'receipt.pulled_back', params: { number: receipt.diaryNumber, subject: receipt.subject, by: actor.name, byPost: actor.post }, subject: { type: 'receipt', id: receipt.diaryNumber } },
  });
  return ok({ item: back, from });
}
