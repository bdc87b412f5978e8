// The office Daftar serves, in one place: its name and letterhead in both languages, the post of
// its head, and its numbers. Everything that prints the office's name or reads its numbers takes
// them from here, so another district needs configuration, not code.
import type { NumberFormats } from '../efile/numbering.ts';
import { DEFAULT_NUMBER_FORMATS } from '../efile/numbering.ts';
import { officeNumbers, type OfficeNumbers } from './numbers.ts';

export interface Bilingual {
  hi: string;
  en: string;
}

/** The post key of the head of the office: the Collector (District Magistrate). */
export const HEAD_OF_OFFICE = 'COLLECTOR';

export interface OfficeProfile {
  /** The office's name as its letterhead prints it: "Collectorate, Saharsa" / "समाहरणालय, सहरसा". */
  name: Bilingual;
  /** Where it is: "Saharsa, Bihar" / "सहरसा, बिहार" (letters' place line, the signature's location). */
  place: Bilingual;
  /** The post key of the head of office (who gets the pendency report, signs the office's orders). */
  headPost: string;
  formats: NumberFormats;
  numbers: OfficeNumbers;
}

export const SAHARSA: { name: Bilingual; place: Bilingual } = {
  name: { en: 'Collectorate, Saharsa', hi: 'समाहरणालय, सहरसा' },
  place: { en: 'Saharsa, Bihar', hi: 'सहरसा, बिहार' },
};

export function officeProfile(input: { name?: Bilingual; place?: Bilingual; formats?: NumberFormats } = {}): OfficeProfile {
  const formats = input.formats ?? DEFAULT_NUMBER_FORMATS;
  return {
    name: input.name ?? SAHARSA.name,
    place: input.place ?? SAHARSA.place,
    headPost: HEAD_OF_OFFICE,
    formats,
    numbers: officeNumbers(formats),
  };
}

/** The profile of the demo office and of tests that do not configure one. */
export const DEFAULT_OFFICE: OfficeProfile = officeProfile();
