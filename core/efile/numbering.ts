// The office's numbers. Patterns are configuration (DIARY_NUMBER_FORMAT, FILE_NUMBER_FORMAT) with
// placeholders {office} {section} {year} {serial} and {serial:N} (zero-padded to N digits).

export interface NumberFormats {
  office: string;
  diary: string;
  file: string;
}

export const DEFAULT_NUMBER_FORMATS: NumberFormats = {
  office: 'SAH',
  diary: '{office}/R/{year}/{serial:6}',
  file: '{section}-{serial}/{year}',
};

export function formatNumber(pattern: string, values: { office?: string; section?: string; year: number; serial: number }): string {
  return pattern.replace(/\{(office|section|year|serial)(?::(\d+))?\}/g, (_m, name: string, pad?: string) => {
    const raw = name === 'serial' ? String(values.serial) : name === 'year' ? String(values.year) : (values[name as 'office' | 'section'] ?? '');
    return pad === undefined ? raw : raw.padStart(Number(pad), '0');
  });
}

/** Counter keys: one diary series per year, one file series per section and year. */
export const diaryCounter = (year: number): string => `diary:${year}`;
export const fileCounter = (sectionId: number, year: number): string => `file:${sectionId}:${year}`;
