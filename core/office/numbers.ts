// The office's numbers read back from text, by the patterns the office configured
// (FILE_NUMBER_FORMAT, DIARY_NUMBER_FORMAT, OFFICE_CODE): what core/efile/numbering.ts writes, this
// finds. With FILE_NUMBER_FORMAT={office}/{section}/{serial}/{year}, "status SAH/GOP/1/2026" names
// a file just as "status GOP-1/2026" does under the default.
import { DEFAULT_NUMBER_FORMATS, type NumberFormats } from '../efile/numbering.ts';

/** Section codes are short Latin capitals, perhaps with a digit (EST, DM, EST2, S01). */
const SECTION = '[A-Z][A-Z0-9]{1,5}';

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');

/** The regular-expression source (no anchors, no flags) matching numbers made by `format`. */
export function numberSource(format: string, officeCode: string): string {
  let source = '';
  let at = 0;
  for (const m of format.matchAll(/\{(office|section|year|serial)(?::(\d+))?\}/g)) {
    source += escape(format.slice(at, m.index));
    const [, name, pad] = m;
    source += name === 'office' ? escape(officeCode)
      : name === 'section' ? SECTION
        : name === 'year' ? '\\d{4}'
          : pad === undefined ? '\\d{1,8}' : `\\d{1,${Math.max(8, Number(pad))}}`;
    at = m.index + m[0].length;
  }
  return source + escape(format.slice(at));
}

export interface OfficeNumbers {
  /** Matches a whole file number (case-insensitive, anchored). */
  readonly file: RegExp;
  readonly diary: RegExp;
  /** The source of a file number, for building a command's own pattern around it. */
  readonly fileSource: string;
  readonly diarySource: string;
  /** The first file / diary number in a text, upper-cased as stored; null when there is none. */
  findFile(text: string): string | null;
  findDiary(text: string): string | null;
}

export function officeNumbers(formats: NumberFormats = DEFAULT_NUMBER_FORMATS): OfficeNumbers {
  const fileSource = numberSource(formats.file, formats.office);
  const diarySource = numberSource(formats.diary, formats.office);
  // Numbers stand apart from the words around them: not inside a longer code or path.
  const within = (source: string) => new RegExp(`(?<![\\w/-])(${source})(?![\\w/-])`, 'i');
  const fileIn = within(fileSource);
  const diaryIn = within(diarySource);
  return {
    file: new RegExp(`^(?:${fileSource})$`, 'i'),
    diary: new RegExp(`^(?:${diarySource})$`, 'i'),
    fileSource,
    diarySource,
    findFile: (text) => fileIn.exec(text)?.[1]?.toUpperCase() ?? null,
    findDiary: (text) => diaryIn.exec(text)?.[1]?.toUpperCase() ?? null,
  };
}
