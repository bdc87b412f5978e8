// Dak: a scanned letter is diarised as a receipt with a gap-free diary number, then filed or forwarded.
import { fail, ok, type Result } from '../errors.ts';
import type { Clock } from '../ports.ts';
import type { Employee } from '../types.ts';
import { recordEvent } from '../audit/record-event.ts';
import { notify } from '../outbox/notify.ts';
import { istDate } from '../time.ts';
import { safeFileName } from '../intake/file-name.ts';
import type { EfileTx } from './efile-tx.ts';
import { checkAddressee, checkFileHeld, checkReceiptHeld, lostRace } from './guards.ts';
import { diaryCounter, formatNumber, type NumberFormats } from './numbering.ts';
import type { EFile, Receipt } from './types.ts';

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
  const now = clock.now();
  const receivedOn = istDate(now);
  const year = Number(receivedOn.slice(0, 4));
  const serial = await tx.counters.next(diaryCounter(year));
  const diaryNumber = formatNumber(options.formats.diary, { office: options.formats.office, year, serial });
  const receipt = await tx.receipts.create({
    diaryNumber, year, serial, subject: options.subject.trim(), fromWhom: options.fromWhom, receivedOn,
    createdById: options.actor.id, holderId: options.actor.id, fileId: null, pdfBlob: options.pdfBlob,
    pages: options.pages, status: 'open', createdAt: now, movedAt: now,
  });
  // The sender's file names are kept only as safe base names (core/intake/file-name.ts).
  await tx.receipts.addOriginals(options.originals.map((o, position) => ({ receiptId: receipt.id, position, ...o, filename: safeFileName(o.filename, o.mime) })));
  await tx.movements.add({ subjectType: 'receipt', subjectId: receipt.id, fromId: options.actor.id, toId: options.actor.id, action: 'created', remark: null, at: now });
  // Read in the background (app/cli/background.ts) so that `find` finds the letter by what it says.
  await tx.scanTexts.enqueue([options.pdfBlob, ...options.originals.map((o) => o.blob)], now);
  await recordEvent(tx, clock, {
    actor: options.actor.code, type: 'receipt.diarised', subjectType: 'receipt', subjectId: diaryNumber,
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
  if (receipt.holderId !== actor.id) return null;
  const subject = options.subject.trim();
  const updated = await tx.receipts.update(receipt.id, receipt.version, { subject });
  if (updated === null) return null;
  await recordEvent(tx, clock, {
    actor: actor.code, type: 'receipt.subject_set', subjectType: 'receipt', subjectId: receipt.diaryNumber, data: { subject, before: receipt.subject },
  });
  return updated;
}

export async function forwardReceipt(
  tx: EfileTx, clock: Clock, options: { actor: Employee; receipt: Receipt; to: Employee; remark: string | null },
): Promise<Result<Receipt>> {
  const { actor, receipt, to } = options;
  const refused = (await checkReceiptHeld(tx, actor, receipt)) ?? checkAddressee(actor, to);
  if (refused !== null) return refused;
  if (receipt.fileId !== null) {
    const file = await tx.files.byId(receipt.fileId);
    return fail('RECEIPT.ALREADY_FILED', { number: receipt.diaryNumber, file: file?.fileNumber ?? '' });
  }
  const now = clock.now();
  const moved = (await tx.receipts.update(receipt.id, receipt.version, { holderId: to.id, movedAt: now })) ?? lostRace(receipt.diaryNumber);
  await tx.movements.add({ subjectType: 'receipt', subjectId: receipt.id, fromId: actor.id, toId: to.id, action: 'forwarded', remark: options.remark, at: now });
  await recordEvent(tx, clock, { actor: actor.code, type: 'receipt.forwarded', subjectType: 'receipt', subjectId: receipt.diaryNumber, data: { to: to.code } });
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
  const refused = (await checkReceiptHeld(tx, actor, receipt)) ?? (await checkFileHeld(tx, actor, file));
  if (refused !== null) return refused;
  if (receipt.fileId !== null) {
    const current = await tx.files.byId(receipt.fileId);
    return fail('RECEIPT.ALREADY_FILED', { number: receipt.diaryNumber, file: current?.fileNumber ?? '' });
  }
  const now = clock.now();
  const filed = (await tx.receipts.update(receipt.id, receipt.version, { fileId: file.id, status: 'filed', movedAt: now })) ?? lostRace(receipt.diaryNumber);
  await tx.movements.add({ subjectType: 'receipt', subjectId: receipt.id, fromId: actor.id, toId: actor.id, action: 'attached', remark: file.fileNumber, at: now });
  await recordEvent(tx, clock, { actor: actor.code, type: 'receipt.attached', subjectType: 'receipt', subjectId: receipt.diaryNumber, data: { file: file.fileNumber } });
  return ok(filed);
}
