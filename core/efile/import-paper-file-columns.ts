// Which column of a paper-file index is which. Sections write the index by hand, in English or
// Hindi, so headers are compared by textKey (case, spaces, underscores and punctuation ignored):
// "file_number", "File Number" and "File No." are one column; "पुरानी संचिका संख्या" is paper_number.
import { textKey } from '../staff/roll-values.ts';

export const PAPER_FIELDS = ['fileNumber', 'paperNumber', 'subject', 'section', 'holder', 'openedOn', 'scans', 'notes'] as const;
export type PaperField = (typeof PAPER_FIELDS)[number];

/** The first alias of each is the documented header (docs/import-files.md). */
export const PAPER_ALIASES: Record<PaperField, readonly string[]> = {
  fileNumber: ['file_number', 'File No', 'e-File Number', 'संचिका संख्या', 'संचिका सं', 'नई संचिका संख्या'],
  paperNumber: [
    'paper_number', 'Paper File Number', 'Paper File No', 'Old File Number', 'Old File No',
    'पुरानी संचिका संख्या', 'पुरानी संचिका सं', 'भौतिक संचिका संख्या',
  ],
  subject: ['subject', 'File Subject', 'विषय', 'संचिका का विषय'],
  section: ['section', 'Section Code', 'Section Name', 'Branch', 'कोषांग', 'कोषांग का नाम', 'कोषांग कोड', 'शाखा', 'प्रशाखा'],
  holder: ['holder', 'Current Holder', 'Held By', 'With', 'वर्तमान धारक', 'धारक', 'किसके पास', 'वर्तमान में किसके पास'],
  openedOn: ['opened_on', 'Date Opened', 'Opening Date', 'Opened', 'खोलने की तिथि', 'संचिका खोलने की तिथि', 'प्रारंभ तिथि'],
  scans: ['scans', 'Scan Files', 'Scanned Files', 'Scan', 'स्कैन', 'स्कैन फाइल', 'स्कैन फ़ाइलें', 'स्कैन प्रतियाँ'],
  notes: ['notes', 'Note', 'Remarks', 'Remark', 'टिप्पणी', 'अभ्युक्ति'],
};

const BY_KEY: ReadonlyMap<string, PaperField> = new Map(
  (Object.entries(PAPER_ALIASES) as Array<[PaperField, readonly string[]]>).flatMap(([field, names]) =>
    names.map((name) => [textKey(name), field] as const)),
);

/** The field a header means, or null; a bilingual header ("subject / विषय") counts when its halves agree. */
export function paperFieldOf(header: string): PaperField | null {
  const whole = BY_KEY.get(textKey(header));
  if (whole) return whole;
  const parts = header.split(/[/|()[\]]/).map(textKey).filter((k) => k !== '');
  const fields = parts.map((k) => BY_KEY.get(k));
  const first = fields[0];
  return first !== undefined && fields.every((f) => f === first) ? first : null;
}

export interface PaperColumnMap {
  byField: Partial<Record<PaperField, string>>;
  /** Required fields with no column (file_number and paper_number: one of them is enough). */
  missing: PaperField[];
  unknown: string[];
  duplicates: Array<{ field: PaperField; headers: string[] }>;
}

const REQUIRED: readonly PaperField[] = ['subject', 'section', 'holder', 'openedOn', 'scans'];

export function mapPaperColumns(headers: readonly string[]): PaperColumnMap {
  const found = new Map<PaperField, string[]>();
  const unknown: string[] = [];
  for (const header of headers) {
    const field = paperFieldOf(header);
    if (field === null) unknown.push(header);
    else found.set(field, [...(found.get(field) ?? []), header]);
  }
  const byField: PaperColumnMap['byField'] = {};
  const duplicates: PaperColumnMap['duplicates'] = [];
  for (const [field, list] of found) {
    if (list.length > 1) duplicates.push({ field, headers: list });
    else byField[field] = list[0];
  }
  const missing = REQUIRED.filter((f) => !found.has(f));
  if (!found.has('fileNumber') && !found.has('paperNumber')) missing.unshift('paperNumber');
  return { byField, missing, unknown, duplicates };
}
