// A small CSV reader of our own rather than exceljs's CSV support: exceljs (through fast-csv) turns
// cells into numbers and dates as it reads, so "0612345678" loses its 0, a mobile can come back as
// 9876543210 or in exponent form, and "05-06-1980" may be read month-first. A roll must reach the
// import as the text that was typed; the import decides what a cell means.
import type { GridRow } from './grid.ts';

/** Text of a CSV file: UTF-8 (BOM or not), or UTF-16 when it starts with a UTF-16 BOM. Null if not valid UTF-8. */
export function decodeText(bytes: Uint8Array): string | null {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) bytes = bytes.subarray(3);
  else if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes.subarray(2));
  else if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes.subarray(2));
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return null; // e.g. saved as "ANSI": Devanagari cannot survive that anyway, so say so
  }
}

/** Comma unless the first line plainly uses semicolons or tabs (some Excel locales save so). */
function sniffDelimiter(text: string): string {
  const first = text.slice(0, text.search(/\r|\n|$/));
  const count = (c: string): number => first.split(c).length - 1;
  const [best] = [',', ';', '\t'].sort((a, b) => count(b) - count(a));
  return best !== undefined && count(best) > 0 ? best : ',';
}

export type CsvResult = { ok: true; rows: GridRow[] } | { ok: false; line: number };

/**
 * RFC 4180 records: quoted fields may hold the delimiter, doubled quotes and line breaks; records
 * end at CRLF, LF or CR. Each record carries the physical line it starts on. An unclosed quote
 * fails, naming the line where its record starts.
 */
export function parseCsv(text: string): CsvResult {
  const delimiter = sniffDelimiter(text);
  const rows: GridRow[] = [];
  let line = 1;
  let recordLine = 1;
  let field = '';
  let cells: string[] = [];
  let quoted = false;
  const endRecord = (): void => {
    cells.push(field);
    rows.push({ line: recordLine, cells });
    cells = [];
    field = '';
  };
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') { field += '"'; i++; }
      else if (c === '"') quoted = false;
      else if (c === '\r' || c === '\n') {
        if (c === '\r' && text[i + 1] === '\n') i++;
        field += '\n';
        line++;
      } else field += c;
    } else if (c === '"' && field === '') quoted = true;
    else if (c === delimiter) { cells.push(field); field = ''; }
    else if (c === '\r' || c === '\n') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      endRecord();
      line++;
      recordLine = line;
    } else field += c;
  }
  if (quoted) return { ok: false, line: recordLine };
  if (field !== '' || cells.length > 0) endRecord();
  return { ok: true, rows };
}
