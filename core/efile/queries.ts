// Read-only views: where a file or receipt is, what is in my hands, what I sent, search, the note sheet.
import { DEFAULT_OFFICE, type Bilingual } from '../office/profile.ts';
import type { Tx } from '../ports.ts';
import type { Employee } from '../types.ts';
import { istDate, istDateTime } from '../time.ts';
import type { EfileTx } from './efile-tx.ts';
import type { NoteSheet } from './documents.ts';
import type { EFile, Movement, Note, Receipt } from './types.ts';
import { resolveReferences } from './references.ts';
import type { OfficeNumbers } from '../office/numbers.ts';

export interface TrailEntry {
  at: Date;
  from: Employee | null;
  to: Employee | null;
  action: Movement['action'];
  remark: string | null;
}

export type Tracked =
  | { kind: 'file'; file: EFile; holder: Employee | null; trail: TrailEntry[]; notes: number; receipts: Receipt[] }
  | { kind: 'receipt'; receipt: Receipt; holder: Employee | null; trail: TrailEntry[]; file: EFile | null };

/** Looks up a file number or a diary number, case-insensitively as typed. */
export async function findTracked(tx: EfileTx, number: string): Promise<Tracked | null> {
  const wanted = number.trim().toUpperCase();
  const file = (await tx.files.byNumber(wanted)) ?? (await tx.files.byNumber(number.trim()));
  const people = new Map<number, Employee | null>();
  const person = async (id: number) => {
    if (!people.has(id)) people.set(id, await tx.employees.byId(id));
    return people.get(id) ?? null;
  };
  const trailOf = async (movements: Movement[]) =>
    Promise.all(movements.map(async (m) => ({ at: m.at, from: await person(m.fromId), to: await person(m.toId), action: m.action, remark: m.remark })));
  if (file !== null) {
    return {
      kind: 'file', file, holder: await person(file.holderId), trail: await trailOf(await tx.movements.listFor('file', file.id)),
      notes: await tx.notes.count(file.id), receipts: await tx.receipts.listByFile(file.id),
    };
  }
  const receipt = (await tx.receipts.byDiaryNumber(wanted)) ?? (await tx.receipts.byDiaryNumber(number.trim()));
  if (receipt === null) return null;
  return {
    kind: 'receipt', receipt, holder: await person(receipt.holderId), trail: await trailOf(await tx.movements.listFor('receipt', receipt.id)),
    file: receipt.fileId === null ? null : await tx.files.byId(receipt.fileId),
  };
}

export interface HeldItem {
  kind: 'file' | 'receipt';
  number: string;
  subject: string;
  since: Date;
  parked: boolean;
}

/** What is in the employee's hands, oldest first (files open or parked, receipts not yet filed). */
export async function itemsInHand(tx: EfileTx, employee: Employee): Promise<HeldItem[]> {
  const files = await tx.files.listByHolder(employee.id, ['open', 'parked']);
  const receipts = await tx.receipts.listByHolder(employee.id, ['open']);
  return [
    ...files.map((f) => ({ kind: 'file' as const, number: f.fileNumber, subject: f.subject, since: f.movedAt, parked: f.status === 'parked' })),
    ...receipts.map((r) => ({ kind: 'receipt' as const, number: r.diaryNumber, subject: r.subject, since: r.movedAt, parked: false })),
  ].sort((a, b) => a.since.getTime() - b.since.getTime());
}

/**
 * The oldest `limit` items in the employee's hands and how many there are in all: an officer may hold
 * hundreds of files, and a chat shows a screenful (the first `limit` of each kind are enough to
 * merge, as each list comes oldest first).
 */
export async function itemsInHandPage(tx: EfileTx, employee: Employee, limit: number): Promise<{ items: HeldItem[]; total: number }> {
  const files = await tx.files.listByHolder(employee.id, ['open', 'parked'], limit);
  const receipts = await tx.receipts.listByHolder(employee.id, ['open'], limit);
  const fileCount = files.length < limit ? files.length : await tx.files.countByHolder(employee.id, ['open', 'parked']);
  const receiptCount = receipts.length < limit ? receipts.length : await tx.receipts.countByHolder(employee.id, ['open']);
  const items = [
    ...files.map((f) => ({ kind: 'file' as const, number: f.fileNumber, subject: f.subject, since: f.movedAt, parked: f.status === 'parked' })),
    ...receipts.map((r) => ({ kind: 'receipt' as const, number: r.diaryNumber, subject: r.subject, since: r.movedAt, parked: false })),
  ].sort((a, b) => a.since.getTime() - b.since.getTime()).slice(0, limit);
  return { items, total: fileCount + receiptCount };
}

export interface SentItem {
  kind: 'file' | 'receipt';
  number: string;
  subject: string;
  sentTo: Employee | null;
  sentAt: Date;
  holder: Employee | null;
  status: string;
}

/** What the employee moved on recently, each once, with where it is now. */
export async function sentItems(tx: EfileTx, employee: Employee, limit = 10): Promise<SentItem[]> {
  // A pull back is recorded from the recipient to the sender: the recipient did not send it anywhere.
  const moves = (await tx.movements.listByMover(employee.id, limit * 5)).filter((m) => m.toId !== employee.id && m.action !== 'pulled_back');
  const seen = new Set<string>();
  const out: SentItem[] = [];
  for (const m of moves) {
    const key = `${m.subjectType}:${m.subjectId}`;
    if (seen.has(key) || out.length >= limit) continue;
    seen.add(key);
    const item = m.subjectType === 'file' ? await tx.files.byId(m.subjectId) : await tx.receipts.byId(m.subjectId);
    if (item === null) continue;
    out.push({
      kind: m.subjectType,
      number: 'fileNumber' in item ? item.fileNumber : item.diaryNumber,
      subject: item.subject, sentTo: await tx.employees.byId(m.toId), sentAt: m.at,
      holder: await tx.employees.byId(item.holderId), status: item.status,
    });
  }
  return out;
}

/** Whole days between two instants' IST dates (the office counts calendar days here). */
export function ageInDays(since: Date, now: Date): number {
  return Math.max(0, Math.round((Date.parse(istDate(now)) - Date.parse(istDate(since))) / 86_400_000));
}

const ACTION_WORDS: Record<Movement['action'], string> = {
  created: 'opened / खोली गई', forwarded: 'forwarded / अग्रसारित', approved: 'approved / स्वीकृत', returned: 'returned / वापस',
  parked: 'parked / रोकी गई', unparked: 'resumed / पुनः प्रारंभ', closed: 'closed / बंद', reopened: 'reopened / पुनः खोली गई', attached: 'attached / संलग्न',
  pulled_back: 'pulled back / वापस ली गई',
};

const DECISION_WORDS: Record<NonNullable<Note['decision']>, { en: string; hi: string }> = {
  approve: { en: 'Approved', hi: 'स्वीकृत' },
  return: { en: 'Returned', hi: 'वापस' },
};

/** The words of a text, without case, spaces or punctuation (".", "।", "/", ","…). */
const bare = (text: string) => text.normalize('NFC').toLowerCase().replace(/[\s.,;:!/|\-–—()"'\u0964\u0965]+/g, '');

/** True when the text says the decision and nothing more: in English, in Hindi, or both. */
function sayOnly(text: string, decision: { en: string; hi: string }): boolean {
  const said = bare(text);
  return said !== '' && [decision.en + decision.hi, decision.hi + decision.en, decision.en, decision.hi].some((d) => bare(d) === said);
}

/** A reference as the note sheet shows it, and where it links to. */
async function referencesOf(tx: Tx, file: EFile, note: Note, numbers?: OfficeNumbers): Promise<{ label: string; target: string }[]> {
  const { resolved } = await resolveReferences(tx, file, note.text, { beforeNote: note.number, ...(numbers === undefined ? {} : { numbers }) });
  return resolved.map((r) => (r.kind === 'note'
    ? { label: `Note ${r.note} / टिप्पणी ${r.note}`, target: `note-${r.note}` }
    : { label: `C/${r.place} — ${r.receipt.diaryNumber}${r.receipt.subject ? ` (${r.receipt.subject})` : ''}`, target: `letter-${r.place}` }));
}

/** The file as a document, for the renderer. Green notes only: draft (yellow) notes never appear on it. */
export async function noteSheetOf(
  tx: EfileTx & Tx, file: EFile, generatedAt: Date, office: Bilingual = DEFAULT_OFFICE.name, numbers?: OfficeNumbers,
): Promise<NoteSheet> {
  const people = new Map<number, Employee | null>();
  const person = async (id: number) => {
    if (!people.has(id)) people.set(id, await tx.employees.byId(id));
    return people.get(id) ?? null;
  };
  const named = async (id: number) => {
    const p = await person(id);
    return p === null ? `#${id}` : `${p.name}, ${p.post}`;
  };
  const section = await tx.sections.byId(file.sectionId);
  const notes = await tx.notes.listByFile(file.id);
  const receipts = await tx.receipts.listByFile(file.id);
  const movements = await tx.movements.listFor('file', file.id);
  return {
    office,
    fileNumber: file.fileNumber,
    subject: file.subject,
    section: section?.name ?? '',
    status: { open: 'open / चालू', parked: 'parked / रोकी गई', closed: 'closed / बंद' }[file.status],
    notes: await Promise.all(notes.map(async (n) => {
      const author = await person(n.authorId);
      const decision = n.decision === null ? null : DECISION_WORDS[n.decision];
      const references = await referencesOf(tx, file, n, numbers);
      return {
        number: n.number, author: author?.name ?? `#${n.authorId}`, post: author?.post ?? '', at: istDateTime(n.createdAt),
        // A decision taken without a remark has the decision for its text ("Approved. / स्वीकृत।"):
        // printed once, as the decision, not once as text and again as the decision.
        text: decision !== null && sayOnly(n.text, decision) ? '' : n.text,
        ...(decision === null ? {} : { decision: `${decision.en} / ${decision.hi}` }),
        ...(references.length === 0 ? {} : { references }),
      };
    })),
    annexures: receipts.map((r, i) => ({
      place: i + 1, diaryNumber: r.diaryNumber, subject: r.subject, from: r.fromWhom ?? '', receivedOn: r.receivedOn.split('-').reverse().join('-'), pages: r.pages,
    })),
    movements: await Promise.all(movements.map(async (m) => ({
      at: istDateTime(m.at), from: await named(m.fromId), to: await named(m.toId), action: ACTION_WORDS[m.action], ...(m.remark ? { remark: m.remark } : {}),
    }))),
    generatedAt: istDateTime(generatedAt),
  };
}
