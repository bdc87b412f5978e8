// Digitising a running paper file: one row of the index (`daftar import-files`) becomes an electronic
// file in its section, placed with its current holder, its scans filed in it as receipts. The paper
// number is the key: a row whose file is already in is skipped, so the import can be run again.
import type { Clock, Tx } from '../ports.ts';
import type { Employee, Section } from '../types.ts';
import { recordEvent } from '../audit/record-event.ts';
import { sha256Text } from '../audit/verify-records.ts';
import { istDate } from '../time.ts';
import { safeFileName } from '../intake/file-name.ts';
import { cleanText, nameKey, normaliseCode, parseDate, splitNameAndPost, textKey } from '../staff/roll-values.ts';
import { OfficeError } from '../errors.ts';
import { transition } from '../workflow.ts';
import { FILE_WORKFLOW } from './file-workflow.ts';
import { RECEIPT_WORKFLOW } from './receipt-workflow.ts';
import { diaryCounter, fileCounter, formatNumber, type NumberFormats } from './numbering.ts';
import type { PaperField } from './import-paper-file-columns.ts';
import type { EFile, Receipt } from './types.ts';

export const PAPER_REASONS = [
  /** {field} */
  'PAPER.MISSING_VALUE',
  /** {value} */
  'PAPER.UNKNOWN_SECTION',
  /** {value} */
  'PAPER.UNKNOWN_HOLDER',
  /** {value, codes} */
  'PAPER.AMBIGUOUS_HOLDER',
  /** {code} */
  'PAPER.INACTIVE_HOLDER',
  /** {value} */
  'PAPER.BAD_DATE',
  /** {value} */
  'PAPER.FUTURE_DATE',
  /** {value, example} */
  'PAPER.BAD_FILE_NUMBER',
  /** {value, section} the number's section part is another section's */
  'PAPER.OTHER_SECTION_NUMBER',
  /** {value, paper} the file number is taken by another file */
  'PAPER.NUMBER_TAKEN',
  /** {line} */
  'PAPER.DUPLICATE_IN_INDEX',
  /** {name} */
  'PAPER.SCAN_MISSING',
  /** {name} */
  'PAPER.SCAN_CORRUPT',
  /** {name} */
  'PAPER.SCAN_ENCRYPTED',
  /** {name} */
  'PAPER.SCAN_UNSUPPORTED',
  /** {name} */
  'PAPER.SCAN_EMPTY',
  /** {name, maxMb} */
  'PAPER.SCAN_TOO_BIG',
  /** {name} a name that leads out of the folder (../, an absolute path) */
  'PAPER.SCAN_OUTSIDE',
  /** {name, width, height, max} an image whose header declares more megapixels than allowed */
  'PAPER.SCAN_TOO_MANY_PIXELS',
  /** {name, found: javascript | launch | embedded_file} a PDF carrying something that could act */
  'PAPER.SCAN_ACTIVE_CONTENT',
] as const;

export type PaperReasonCode = (typeof PAPER_REASONS)[number];
export interface PaperReason {
  code: PaperReasonCode;
  params: Record<string, string | number>;
}

const reason = (code: PaperReasonCode, params: PaperReason['params'] = {}): PaperReason => ({ code, params });

/** One row of the index as text, by field. */
export interface PaperFileRow {
  line: number;
  cells: Partial<Record<PaperField, string>>;
}

export interface PaperFilePlan {
  line: number;
  /** The idempotency key: the paper number, or the file number when none was given. */
  paperNumber: string;
  /** Given in the index (office format), or null: a new number from the section's counter. */
  fileNumber: { text: string; year: number; serial: number } | null;
  subject: string;
  section: Section;
  holder: Employee;
  /** yyyy-mm-dd */
  openedOn: string;
  notes: string | null;
  /** As written in the scans cell: file names (split on ;) or one subfolder. */
  scans: string[];
}

export interface PaperFileContext {
  sections: readonly Section[];
  /** Everyone on the roll, active or not (an inactive holder is named as such). */
  employees: readonly Employee[];
  formats: NumberFormats;
  /** yyyy-mm-dd, IST: a file cannot have been opened after today. */
  today: string;
  canonicalPost?: ((post: string) => string | null) | undefined;
}

export type RowCheck = { ok: true; plan: PaperFilePlan } | { ok: false; reasons: PaperReason[] };

const escapeRegex = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The office's file number pattern as a regex that reads the section, serial and year back. */
export function parseFileNumber(pattern: string, office: string, text: string): { section: string | null; year: number; serial: number } | null {
  let source = '^';
  let rest = pattern;
  const token = /\{(office|section|year|serial)(?::\d+)?\}/;
  for (let m = token.exec(rest); m !== null; m = token.exec(rest)) {
    source += escapeRegex(rest.slice(0, m.index));
    source += m[1] === 'office' ? escapeRegex(office) : m[1] === 'section' ? '(?<section>[A-Z0-9]+)' : m[1] === 'year' ? '(?<year>\\d{4})' : '(?<serial>\\d{1,7})';
    rest = rest.slice(m.index + m[0].length);
  }
  const found = new RegExp(`${source}${escapeRegex(rest)}$`).exec(text);
  if (found?.groups?.serial === undefined || found.groups.year === undefined) return null;
  const serial = Number(found.groups.serial);
  const year = Number(found.groups.year);
  if (serial < 1 || year < 1900 || year > 2100) return null;
  return { section: found.groups.section ?? null, year, serial };
}

function findSection(sections: readonly Section[], raw: string): Section | null {
  const key = textKey(raw);
  return sections.find((s) => s.code.toUpperCase() === raw.trim().toUpperCase()) ?? sections.find((s) => textKey(s.name) === key) ?? null;
}

function findHolder(ctx: PaperFileContext, raw: string): { employee: Employee } | PaperReason {
  const code = normaliseCode(raw);
  const byCode = code === null ? undefined : ctx.employees.find((e) => e.code === code);
  if (byCode) return { employee: byCode };
  const split = splitNameAndPost(raw);
  const name = nameKey(split?.name ?? raw);
  const postKey = (post: string): string => ctx.canonicalPost?.(post) ?? textKey(post);
  const matches = ctx.employees.filter((e) => nameKey(e.name) === name && (split === null || postKey(e.post) === postKey(split.post)));
  const active = matches.filter((e) => e.active);
  const [only] = active.length > 0 ? active : matches;
  if (only === undefined) return reason('PAPER.UNKNOWN_HOLDER', { value: cleanText(raw) });
  if ((active.length > 0 ? active : matches).length > 1) {
    return reason('PAPER.AMBIGUOUS_HOLDER', { value: cleanText(raw), codes: matches.map((e) => e.code).join(', ') });
  }
  return { employee: only };
}

/** Checks a row against the roll and the office's formats (no storage: the caller has the snapshot). */
export function checkPaperFileRow(row: PaperFileRow, ctx: PaperFileContext): RowCheck {
  const cell = (field: PaperField): string => cleanText(row.cells[field] ?? '');
  const reasons: PaperReason[] = [];
  const subject = cell('subject');
  if (subject === '') reasons.push(reason('PAPER.MISSING_VALUE', { field: 'subject' }));

  const sectionText = cell('section');
  const section = sectionText === '' ? null : findSection(ctx.sections, sectionText);
  if (sectionText === '') reasons.push(reason('PAPER.MISSING_VALUE', { field: 'section' }));
  else if (section === null) reasons.push(reason('PAPER.UNKNOWN_SECTION', { value: sectionText }));

  const holderText = cell('holder');
  let holder: Employee | null = null;
  if (holderText === '') reasons.push(reason('PAPER.MISSING_VALUE', { field: 'holder' }));
  else {
    const found = findHolder(ctx, holderText);
    if ('code' in found) reasons.push(found);
    else if (!found.employee.active) reasons.push(reason('PAPER.INACTIVE_HOLDER', { code: found.employee.code }));
    else holder = found.employee;
  }

  const dateText = cell('openedOn');
  const openedOn = dateText === '' ? null : parseDate(dateText);
  if (dateText === '') reasons.push(reason('PAPER.MISSING_VALUE', { field: 'openedOn' }));
  else if (openedOn === null) reasons.push(reason('PAPER.BAD_DATE', { value: dateText }));
  else if (openedOn > ctx.today) reasons.push(reason('PAPER.FUTURE_DATE', { value: dateText }));

  const numberText = cell('fileNumber').toUpperCase();
  const paperText = cell('paperNumber');
  let fileNumber: PaperFilePlan['fileNumber'] = null;
  if (numberText === '' && paperText === '') reasons.push(reason('PAPER.MISSING_VALUE', { field: 'paperNumber' }));
  if (numberText !== '') {
    const parsed = parseFileNumber(ctx.formats.file, ctx.formats.office, numberText);
    const example = formatNumber(ctx.formats.file, { office: ctx.formats.office, section: section?.code ?? 'EST', year: 2019, serial: 12 });
    if (parsed === null) reasons.push(reason('PAPER.BAD_FILE_NUMBER', { value: numberText, example }));
    else if (section !== null && parsed.section !== null && parsed.section !== section.code.toUpperCase()) {
      reasons.push(reason('PAPER.OTHER_SECTION_NUMBER', { value: numberText, section: section.code }));
    } else fileNumber = { text: numberText, year: parsed.year, serial: parsed.serial };
  }

  const scans = cell('scans').split(';').map((s) => s.trim()).filter((s) => s !== '');
  if (scans.length === 0) reasons.push(reason('PAPER.MISSING_VALUE', { field: 'scans' }));

  if (reasons.length > 0 || section === null || holder === null || openedOn === null) return { ok: false, reasons };
  return {
    ok: true,
    plan: {
      line: row.line, paperNumber: paperText !== '' ? paperText : numberText, fileNumber, subject, section, holder, openedOn,
      notes: cell('notes') || null, scans,
    },
  };
}

/** Whether the row's file is in already (skip), its number is taken by another file (reject), or neither. */
export async function findImported(tx: Tx, plan: PaperFilePlan): Promise<{ skip: EFile } | { reject: PaperReason } | null> {
  const existing = await tx.files.byPaperNumber(plan.paperNumber);
  if (existing !== null) return { skip: existing };
  if (plan.fileNumber !== null) {
    const taken = await tx.files.byNumber(plan.fileNumber.text);
    if (taken !== null) return { reject: reason('PAPER.NUMBER_TAKEN', { value: plan.fileNumber.text, paper: taken.paperNumber ?? '' }) };
  }
  return null;
}

/** A scan ready to become a receipt: a PDF as it came, or the row's images made into one PDF. */
export interface ScanReceipt {
  pdfBlob: string;
  pages: number;
  /** What the receipt is called in the file: the scan's file name(s). */
  label: string;
  originals: { blob: string; filename: string; mime: string }[];
}

export type DigitiseOutcome =
  | { status: 'created'; file: EFile; receipts: Receipt[] }
  | { status: 'skipped'; file: EFile }
  | { status: 'rejected'; reason: PaperReason };

/** Office midnight of the day the paper file was opened. */
const istMidnight = (iso: string): Date => new Date(`${iso}T00:00:00+05:30`);

/**
 * Writes one row, all in the caller's transaction: the file (dated when it was opened on paper,
 * with its holder), the movement, its scans as filed receipts queued for OCR, the first note, and
 * the audit event `file.digitised`. Checks again that it is not in already (two imports at once).
 */
export async function digitisePaperFile(
  tx: Tx, clock: Clock, options: { plan: PaperFilePlan; scans: readonly ScanReceipt[]; formats: NumberFormats; by: string | null },
): Promise<DigitiseOutcome> {
  const { plan, formats } = options;
  const found = await findImported(tx, plan);
  if (found !== null) return 'skip' in found ? { status: 'skipped', file: found.skip } : { status: 'rejected', reason: found.reject };
  // The office's own step (the import is run at the server, not from a chat): the tables give the states and the event.
  const fileStep = await transition(tx, FILE_WORKFLOW, 'digitise', { actor: null, file: null });
  const receiptStep = await transition(tx, RECEIPT_WORKFLOW, 'digitise', { actor: null, receipt: null });
  if (!fileStep.ok) throw new OfficeError(fileStep.failure);
  if (!receiptStep.ok) throw new OfficeError(receiptStep.failure);
  const now = clock.now();
  const opened = istMidnight(plan.openedOn);
  const { section, holder } = plan;
  let number: { text: string; year: number; serial: number };
  if (plan.fileNumber !== null) {
    number = plan.fileNumber;
    // Files opened later in the section never take a number an imported file carries.
    await tx.counters.raiseTo(fileCounter(section.id, number.year), number.serial);
  } else {
    const year = Number(istDate(now).slice(0, 4));
    const serial = await tx.counters.next(fileCounter(section.id, year));
    number = { text: formatNumber(formats.file, { office: formats.office, section: section.code, year, serial }), year, serial };
  }
  const file = await tx.files.create({
    fileNumber: number.text, sectionId: section.id, year: number.year, serial: number.serial, subject: plan.subject,
    createdById: holder.id, holderId: holder.id, status: fileStep.value.to, createdAt: opened, movedAt: opened, closedRemark: null,
    paperNumber: plan.paperNumber,
  });
  await tx.movements.add({ subjectType: 'file', subjectId: file.id, fromId: holder.id, toId: holder.id, action: 'created', remark: `paper file ${plan.paperNumber}`, at: opened });

  const receivedOn = istDate(now);
  const year = Number(receivedOn.slice(0, 4));
  const receipts: Receipt[] = [];
  for (const scan of options.scans) {
    const serial = await tx.counters.next(diaryCounter(year));
    const diaryNumber = formatNumber(formats.diary, { office: formats.office, year, serial });
    const receipt = await tx.receipts.create({
      diaryNumber, year, serial, subject: `${plan.subject} — ${scan.label}`.slice(0, 500), fromWhom: null, receivedOn,
      createdById: holder.id, holderId: holder.id, fileId: file.id, pdfBlob: scan.pdfBlob, pages: scan.pages,
      status: receiptStep.value.to, createdAt: now, movedAt: now,
    });
    await tx.receipts.addOriginals(scan.originals.map((o, position) => ({ receiptId: receipt.id, position, ...o, filename: safeFileName(o.filename, o.mime) })));
    await tx.movements.add({ subjectType: 'receipt', subjectId: receipt.id, fromId: holder.id, toId: holder.id, action: 'attached', remark: file.fileNumber, at: now });
    await tx.scanTexts.enqueue([scan.pdfBlob, ...scan.originals.map((o) => o.blob)], now);
    receipts.push(receipt);
  }
  let noteTextSha256: string | null = null;
  if (plan.notes !== null) {
    const text = `Digitised from paper file ${plan.paperNumber}, opened ${plan.openedOn.split('-').reverse().join('-')}. / भौतिक संचिका ${plan.paperNumber} से डिजिटाइज़ की गई।\n${plan.notes}`;
    await tx.notes.add({ fileId: file.id, number: 1, authorId: holder.id, text, decision: null, createdAt: opened });
    noteTextSha256 = sha256Text(text);
  }
  await recordEvent(tx, clock, {
    actor: options.by, type: fileStep.value.event, subjectType: 'file', subjectId: file.fileNumber,
    data: {
      paperNumber: plan.paperNumber, section: section.code, holder: holder.code, openedOn: plan.openedOn,
      receipts: receipts.map((r) => r.diaryNumber), pdfs: options.scans.map((s) => s.pdfBlob),
      // Note 1's text hash (null: no note), checked by `audit verify` (verify-records.ts).
      noteTextSha256,
    },
  });
  return { status: 'created', file, receipts };
}
