// The statutory deadline of a receipt, as the office keeps it: proposed from the letter's words
// (detect.ts), confirmed or corrected by whoever holds the receipt (or the file it is in), or
// dismissed ("not statutory"); carried by the file the receipt goes into; closed with the file.
// Every change is audited (deadline.confirmed / corrected / dismissed / closed) in the caller's
// transaction. A proposal is not stored: it is worked out again from the receipt whenever it is
// shown, so a clerk who never answers loses nothing and can confirm it later from `status`.
import { fail, ok, type Failure, type Result } from '../errors.ts';
import type { Clock, Tx } from '../ports.ts';
import type { Employee } from '../types.ts';
import type { EFile, Receipt } from '../efile/types.ts';
import type { HolidayCalendar } from '../calendar/holidays.ts';
import { recordEvent } from '../audit/record-event.ts';
import { istDate } from '../time.ts';
import { computeDeadline, deadlineStatus, type Deadline, type DeadlineStatus } from './deadline.ts';
import { detectDeadlines, type DeadlineCandidate } from './detect.ts';
import { deadlineKind, type DeadlineKind, type DeadlineRules } from './rules.ts';
import type { StatutoryDeadline } from './statutory-types.ts';

export interface DeadlinePolicy {
  rules: DeadlineRules;
  calendar: HolidayCalendar;
}

/** A candidate with its deadline counted, as the bot proposes it. */
export interface Proposal {
  candidate: DeadlineCandidate;
  kind: DeadlineKind;
  /** Null when it cannot be counted yet (a hearing whose date was not found): the clerk gives the date. */
  deadline: Deadline | null;
}

/**
 * What the receipt's words propose, first the most serious; nothing when the receipt already has a
 * deadline confirmed or dismissed. The letter counts from the instant it was diarised.
 */
export function proposeDeadlines(receipt: Pick<Receipt, 'subject' | 'createdAt'>, text: { caption?: string | null; scanText?: string | null }, policy: DeadlinePolicy): Proposal[] {
  const receivedOn = istDate(receipt.createdAt);
  const candidates = detectDeadlines({ subject: receipt.subject, caption: text.caption ?? null, scanText: text.scanText ?? null }, { rules: policy.rules, receivedOn });
  const out: Proposal[] = [];
  for (const candidate of candidates) {
    const kind = deadlineKind(policy.rules, candidate.kind);
    if (kind === null) continue;
    const counted = computeDeadline({ kind, receivedAt: receipt.createdAt, calendar: policy.calendar, statedDate: candidate.statedDate });
    out.push({ candidate, kind, deadline: counted.ok ? counted.value : null });
  }
  return out;
}

/** The stored row as the pure deadline the counting functions take. */
export function deadlineOf(row: StatutoryDeadline): Deadline {
  return {
    kind: row.kind, serious: row.serious, receivedAt: row.receivedAt, receivedOn: istDate(row.receivedAt), statedDate: row.statedDate,
    dueDate: row.dueDate, dueBy: row.dueBy, warnAt: row.warnAt, warnDate: istDate(row.warnAt), basis: row.corrected ? 'corrected' : 'period', movedFrom: null,
  };
}

export function statusOf(row: StatutoryDeadline, now: Date): DeadlineStatus {
  return deadlineStatus(deadlineOf(row), now);
}

/** The receipt is in the actor's hands, or the file it is in is. */
async function holds(tx: Tx, actor: Employee, receipt: Receipt): Promise<Result<EFile | null>> {
  const file = receipt.fileId === null ? null : await tx.files.byId(receipt.fileId);
  const holderId = file?.holderId ?? receipt.holderId;
  if (holderId === actor.id) return ok(file);
  const holder = await tx.employees.byId(holderId);
  return fail('FILE.NOT_IN_YOUR_HANDS', { number: file?.fileNumber ?? receipt.diaryNumber, holder: holder === null ? '' : `${holder.name} (${holder.post})` });
}

const asFailure = (f: { code: Failure['code']; params: Failure['params'] }): Result<never> => ({ ok: false, failure: { code: f.code, params: f.params } });

export interface SetDeadlineOptions {
  actor: Employee;
  receipt: Receipt;
  /** The kind's key in the rules. */
  kind: string;
  policy: DeadlinePolicy;
  /** For stated-date kinds: the hearing date (ISO). */
  statedDate?: string | null;
  /** The clerk's correction: the due date itself (ISO). */
  dueDate?: string | null;
  /** The words that named it (detect.ts's Evidence list). */
  evidence?: unknown[];
}

/**
 * Confirms the receipt's deadline as counted by the rules, or — with `dueDate` — as the clerk
 * corrects it. Replaces one confirmed or dismissed before; events already raised stay raised unless
 * the date moved (then they are raised again at the new points).
 */
export async function setDeadline(tx: Tx, clock: Clock, options: SetDeadlineOptions): Promise<Result<StatutoryDeadline>> {
  const { actor, receipt, policy } = options;
  const held = await holds(tx, actor, receipt);
  if (!held.ok) return held;
  const existing = await tx.deadlines.byReceipt(receipt.id);
  if (existing?.state === 'closed') return fail('FILE.CLOSED', { number: held.value?.fileNumber ?? receipt.diaryNumber });
  const kind = deadlineKind(policy.rules, options.kind);
  if (kind === null) return fail('DEADLINE.UNKNOWN_KIND', { kind: options.kind });
  const corrected = options.dueDate !== undefined && options.dueDate !== null;
  const counted = computeDeadline({
    kind, receivedAt: receipt.createdAt, calendar: policy.calendar, statedDate: options.statedDate ?? existing?.statedDate ?? null,
    dueDate: options.dueDate ?? null,
  });
  if (!counted.ok) return asFailure(counted.failure);
  const d = counted.value;
  const now = clock.now();
  const values = {
    fileId: receipt.fileId, kind: kind.key, serious: kind.serious, statedDate: d.statedDate, dueDate: d.dueDate, dueBy: d.dueBy, warnAt: d.warnAt,
    evidence: JSON.stringify(options.evidence ?? []), state: 'confirmed' as const, decidedById: actor.id, decidedAt: now, corrected,
  };
  let row: StatutoryDeadline | null;
  if (existing === null) {
    row = await tx.deadlines.create({ ...values, receiptId: receipt.id, receivedAt: receipt.createdAt, warningRaisedAt: null, dueRaisedAt: null, closedAt: null });
  } else {
    const moved = existing.dueBy.getTime() !== d.dueBy.getTime() || existing.warnAt.getTime() !== d.warnAt.getTime();
    row = await tx.deadlines.update(existing.id, existing.version, {
      ...values, ...(moved || existing.state !== 'confirmed' ? { warningRaisedAt: null, dueRaisedAt: null } : {}),
    });
    if (row === null) return fail('FILE.CHANGED_MEANWHILE', { number: receipt.diaryNumber });
  }
  await recordEvent(tx, clock, {
    actor: actor.code, type: corrected ? 'deadline.corrected' : 'deadline.confirmed', subjectType: 'receipt', subjectId: receipt.diaryNumber,
    data: { kind: kind.key, dueDate: d.dueDate, statedDate: d.statedDate, receivedOn: d.receivedOn, ...(existing === null ? {} : { before: existing.dueDate }) },
  });
  return ok(row);
}

/**
 * "Not statutory": the proposal is set aside and not proposed again for this receipt. A deadline
 * confirmed before is dismissed too (and no longer escalates).
 */
export async function dismissDeadline(
  tx: Tx, clock: Clock, options: { actor: Employee; receipt: Receipt; kind: string; policy: DeadlinePolicy },
): Promise<Result<StatutoryDeadline>> {
  const { actor, receipt } = options;
  const held = await holds(tx, actor, receipt);
  if (!held.ok) return held;
  const existing = await tx.deadlines.byReceipt(receipt.id);
  if (existing?.state === 'closed') return fail('FILE.CLOSED', { number: held.value?.fileNumber ?? receipt.diaryNumber });
  const now = clock.now();
  let row: StatutoryDeadline | null;
  if (existing !== null) {
    row = await tx.deadlines.update(existing.id, existing.version, { state: 'dismissed', decidedById: actor.id, decidedAt: now });
    if (row === null) return fail('FILE.CHANGED_MEANWHILE', { number: receipt.diaryNumber });
  } else {
    // What was proposed is kept with the dismissal (the audit says what the clerk set aside).
    const kind = deadlineKind(options.policy.rules, options.kind);
    const counted = kind === null ? null : computeDeadline({ kind, receivedAt: receipt.createdAt, calendar: options.policy.calendar });
    const d = counted?.ok === true ? counted.value : null;
    row = await tx.deadlines.create({
      receiptId: receipt.id, fileId: receipt.fileId, kind: options.kind, serious: kind?.serious ?? false, receivedAt: receipt.createdAt,
      statedDate: null, dueDate: d?.dueDate ?? istDate(receipt.createdAt), dueBy: d?.dueBy ?? receipt.createdAt, warnAt: d?.warnAt ?? receipt.createdAt,
      evidence: '[]', state: 'dismissed', decidedById: actor.id, decidedAt: now, corrected: false, warningRaisedAt: null, dueRaisedAt: null, closedAt: null,
    });
  }
  await recordEvent(tx, clock, {
    actor: actor.code, type: 'deadline.dismissed', subjectType: 'receipt', subjectId: receipt.diaryNumber, data: { kind: row.kind },
  });
  return ok(row);
}

/** The receipt went into a file: its deadline is the file's from now on (called by attachReceipt). */
export async function carryDeadline(tx: Tx, receipt: Receipt, file: EFile): Promise<void> {
  const row = await tx.deadlines.byReceipt(receipt.id);
  if (row === null || row.fileId === file.id) return;
  if ((await tx.deadlines.update(row.id, row.version, { fileId: file.id })) === null) throw new Error(`statutory deadline of ${receipt.diaryNumber} changed meanwhile`);
}

/** The file was closed (disposed of): its confirmed deadlines stop counting and escalating. */
export async function closeDeadlinesOf(tx: Tx, clock: Clock, options: { actor: Employee; file: EFile }): Promise<number> {
  const { actor, file } = options;
  const now = clock.now();
  let closed = 0;
  for (const row of await tx.deadlines.forFiles([file.id])) {
    if (row.state !== 'confirmed') continue;
    if ((await tx.deadlines.update(row.id, row.version, { state: 'closed', closedAt: now })) === null) throw new Error(`statutory deadline ${row.id} changed meanwhile`);
    await recordEvent(tx, clock, {
      actor: actor.code, type: 'deadline.closed', subjectType: 'file', subjectId: file.fileNumber,
      data: { kind: row.kind, dueDate: row.dueDate, overdue: now.getTime() >= row.dueBy.getTime() },
    });
    closed++;
  }
  return closed;
}
