// File and diary numbers as this office writes them. The language model knows the default shapes
// (GOP-1/2026, SAH/R/2026/000123); an office that configured its own FILE_NUMBER_FORMAT or
// DIARY_NUMBER_FORMAT has its numbers read by the parsers the office profile makes from them.
import type { OfficeNumbers } from '../../core/office/numbers.ts';
import type { Intent, Parse } from '../language/index.ts';

/** Intents that act on a file or receipt named by its number. */
const NAMES_A_FILE: ReadonlySet<Intent> = new Set<Intent>([
  'status', 'approve', 'return', 'refuse', 'forward', 'note', 'park', 'close_file', 'reopen', 'attach', 'create_file',
]);

/** The parse with the office's own numbers as its file / diary numbers, where the text has them. */
export function withOfficeNumbers(parse: Parse, text: string, numbers: OfficeNumbers): Parse {
  if (!NAMES_A_FILE.has(parse.intent)) return parse;
  const file = numbers.findFile(text);
  const diary = numbers.findDiary(text);
  if ((file === null || file === parse.entities.fileNumber) && (diary === null || diary === parse.entities.diaryNumber)) return parse;
  return {
    ...parse,
    entities: {
      ...parse.entities,
      ...(file !== null ? { fileNumber: file } : {}),
      ...(diary !== null && diary !== file ? { diaryNumber: diary } : {}),
    },
  };
}

const commands = new WeakMap<OfficeNumbers, { noteSheet: RegExp; signedCopy: RegExp }>();

/** "file <number>" (the note sheet) and "signed <number>" (the signed copy), in this office's numbers. */
export function numberCommands(numbers: OfficeNumbers): { noteSheet: RegExp; signedCopy: RegExp } {
  let made = commands.get(numbers);
  if (made === undefined) {
    made = {
      noteSheet: new RegExp(`^(?:file|फाइल|फ़ाइल|संचिका|sanchika|notesheet|note sheet|नोटशीट)\\s+(${numbers.fileSource})\\s*(?:pdf)?$`, 'i'),
      signedCopy: new RegExp(`^(?:signed|हस्ताक्षरित)\\s+(${numbers.fileSource}|(?:LV|TR|TA)\\/\\d{4}\\/\\d{1,6})$`, 'i'),
    };
    commands.set(numbers, made);
  }
  return made;
}
