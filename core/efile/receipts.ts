// Dak: a scanned letter is diarised as a receipt with a gap-free diary number, then filed or forwarded.
// Each change asks the receipt's table (receipt-workflow.ts) first and records the table's event.
import { ok, OfficeError, type Result } from '../errors.ts';
import type { Clock } from '../ports.ts';
import type { Employee } from '../types.ts';
import { recordEvent } from '../audit/record-event.ts';
import { notify } from '../outbox/notify.ts';
import { istDate } from '../time.ts';
import { safeFileName } from '../intake/file-name.ts';
import type { EfileTx } from './efile-tx.ts';
import { transition } from '../workflow.ts';
import { FILE_WORKFLOW } from './file-workflow.ts';
import { RECEIPT_WORKFLOW } from './receipt-workflow.ts';
import { addresseeOnRoll, checkAddressee, lostRace } from './guards.ts';
import { diaryCounter, formatNumber, type NumberFormats } from './numbering.ts';
import type { EFile, Receipt } from './types.ts';
import { carryDeadline } from '../deadlines/statutory.ts';

export interface DiariseOptions {
  actor: Employee;
  subject: string;
  fromWhom: string | null;
  pdfBlob: string;
  pages: number;
  originals: { blob: string; filename: string; mime: string }[];
  formats: NumberFormats;
}

export async function diariseReceipt(tx: EfileTx, clock: Clock, options: DiariseOptions): Promise<Receipt> {
  const step = await transition(tx, RECEIPT_WORKFLOW, 'diarise', { actor: options.actor, receipt: null });
  if (!step.ok) throw new OfficeError(step.failure);
  const now = clock.now();
  const receivedOn = istDate(now);
  const year = Number(receivedOn.slice(0, 4));
  const serial = await tx.counters.next(diaryCounter(year));
  const diaryNumber = formatNumber(options.formats.diary, { office: options.formats.office, year, serial });
  const receipt = await tx.receipts.create({
    diaryNumber, year, serial, subject: options.subject.trim(), fromWhom: options.fromWhom, receivedOn,
    createdById: options.actor.id, holderId: options.actor.id, fileId: null, pdfBlob: options.pdfBlob,
    pages: options.pages, status: step.value.to, createdAt: now, movedAt: now,
  });
  // The sender's file names are kept only as safe base names (core/intake/file-name.ts).
  await tx.receipts.addOriginals(options.originals.map((o, position) => ({ receiptId: receipt.id, position, ...o, filename: safeFileName(o.filename, o.mime) })));
  await tx.movements.add({ subjectType: 'receipt', subjectId: receipt.id, fromId: options.actor.id, toId: options.actor.id, action: 'created', remark: null, at: now });
  // Read in the background (app/cli/background.ts) so that `find` finds the letter by what it says.
  await tx.scanTexts.enqueue([options.pdfBlob, ...options.originals.map((o) => o.blob)], now);
  await recordEvent(tx, clock, {
    actor: options.actor.code, type: step.value.event, subjectType: 'receipt', subjectId: diaryNumber,
    data: { pages: options.pages, pdf: options.pdfBlob, originals: options.originals.map((o) => o.blob) },
  });
  return receipt;
}

/**
 * The subject of a receipt diarised without one, given afterwards by the clerk who holds it. An
 * audited change like any other: the subject is what the dak register shows. Null: the receipt
 * moved on or changed in between (nothing written).
 */
export async function setReceiptSubject(
  tx: EfileTx, clock: Clock, options: { actor: Employee; receipt: Receipt; subject: string },
): Promise<Receipt | null> {
  const { actor, receipt } = options;
  const step = await transition(tx, RECEIPT_WORKFLOW, 'set_subject', { actor, receipt });
  if (!step.ok) return null;
  const subject = options.subject.trim();
  const updated = await tx.receipts.update(receipt.id, receipt.version, { subject });
  if (updated === null) return null;
  await recordEvent(tx, clock, {
    actor: actor.code, type: step.value.event, subjectType: 'receipt', subjectId: receipt.diaryNumber, data: { subject, before: receipt.subject },
  });
  return updated;
}

export async function forwardReceipt(
  tx: EfileTx, clock: Clock, options: { actor: Employee; receipt: Receipt; to: Employee; remark: string | null },
): Promise<Result<Receipt>> {
  const { actor, receipt } = options;
  const onRoll = await addresseeOnRoll(tx, options.to);
  if (!onRoll.ok) return onRoll;
  const to = onRoll.value;
  const step = await transition(tx, RECEIPT_WORKFLOW, 'forward', { actor, receipt }, () => checkAddressee(actor, to));
  if (!step.ok) return step;
  const now = clock.now();
  const moved = (await tx.receipts.update(receipt.id, receipt.version, { holderId: to.id, movedAt: now, status: step.value.to })) ?? lostRace(receipt.diaryNumber);
  await tx.movements.add({ subjectType: 'receipt', subjectId: receipt.id, fromId: actor.id, toId: to.id, action: 'forwarded', remark: options.remark, at: now });
  await recordEvent(tx, clock, { actor: actor.code, type: step.value.event, subjectType: 'receipt', subjectId: receipt.diaryNumber, data: { to: to.code } });
  await notify(tx, clock, {
    employeeId: to.id,
    notification: {
      kind: 'receipt.received',
      params: { number: receipt.diaryNumber, subject: receipt.subject, from: actor.name, fromPost: actor.post, remark: options.remark ?? '' },
      subject: { type: 'receipt', id: receipt.diaryNumber },
    },
  });
  return ok(moved);
}

/** Puts a receipt the actor holds into a file the actor holds; it then travels with the file. */
export async function attachReceipt(
  tx: EfileTx, clock: Clock, options: { actor: Employee; receipt: Receipt; file: EFile },
): Promise<Result<Receipt>> {
  const { actor, receipt, file } = options;
  // The receipt's holder first, then the file (open or parked, in the same hands), then whether the
  // receipt is still loose: the order the office has always answered in.
  const step = await transition(tx, RECEIPT_WORKFLOW, 'attach', { actor, receipt }, async () => {
    const intoFile = await transition(tx, FILE_WORKFLOW, 'attach', { actor, file });
    return intoFile.ok ? null : intoFile;
  });
  if (!step.ok) return step;
  const now = clock.now();
  const filed = (await tx.receipts.update(receipt.id, receipt.version, { fileId: file.id, status: step.value.to, movedAt: now })) ?? lostRace(receipt.diaryNumber);
  await tx.movements.add({ subjectType: 'receipt', subjectId: receipt.id, fromId: actor.id, toId: actor.id, action: 'attached', remark: file.fileNumber, at: now });
  // A statutory deadline confirmed on the letter is the file's from now on.
  await carryDeadline(tx, filed, file);
  await recordEvent(tx, clock, { actor: actor.code, type: step.value.event, subjectType: 'receipt', subjectId: receipt.diaryNumber, data: { file: file.fileNumber } });
  return ok(filed);
}
