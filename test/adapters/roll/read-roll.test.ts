import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readRoll, type RollFileResult } from '../../../adapters/roll/read-roll.ts';
import { parseCsv } from '../../../adapters/roll/csv.ts';

let dir: string;
beforeAll(async () => { dir = await mkdtemp(path.join(os.tmpdir(), 'daftar-roll-')); });
afterAll(async () => { await rm(dir, { recursive: true, force: true }); });

async function fileWith(name: string, content: string | Uint8Array): Promise<string> {
  const file = path.join(dir, name);
  await writeFile(file, content);
  return file;
}

function table(result: RollFileResult) {
  if (!result.ok) throw new Error(`expected a table, got ${result.failure.code}`);
  return result.value;
}

describe('readRoll: CSV', () => {
  it('reads UTF-8 with a BOM, quoted commas, doubled quotes, line breaks in quotes and CRLF', async () => {
    const csv = '\uFEFFनाम,कर्मी कोड,पद\r\n'
      + 'आनंद शर्मा,SAH0001,जिलाधिकारी\r\n'
      + '"Jha, Sanjay",SAH0003,"अपर समाहर्ता\r\n(ADM)"\r\n'
      + '\r\n'
      + 'Ravi "Ravi" Prasad,SAH0007,"Deputy Collector ""Revenue"""\r\n';
    const { headers, rows } = table(await readRoll(await fileWith('roll.csv', csv)));
    expect(headers).toEqual(['नाम', 'कर्मी कोड', 'पद']);
    expect(rows).toEqual([
      { line: 2, cells: { 'नाम': 'आनंद शर्मा', 'कर्मी कोड': 'SAH0001', 'पद': 'जिलाधिकारी' } },
      { line: 3, cells: { 'नाम': 'Jha, Sanjay', 'कर्मी कोड': 'SAH0003', 'पद': 'अपर समाहर्ता\n(ADM)' } },
      { line: 6, cells: { 'नाम': 'Ravi "Ravi" Prasad', 'कर्मी कोड': 'SAH0007', 'पद': 'Deputy Collector "Revenue"' } },
    ]);
  });

  it('keeps cells as typed: leading zeros and day-first dates are not reinterpreted', async () => {
    const { rows } = table(await readRoll(await fileWith('zeros.csv', 'Mobile,DOB\n09000000001,05-06-1980\n')));
    expect(rows[0]?.cells).toEqual({ Mobile: '09000000001', DOB: '05-06-1980' });
  });

  it('skips a title line above the header, and names a column that has data but no header', async () => {
    const csv = 'समाहरणालय सहरसा — कर्मियों का विवरण,,\nName,Code,\nआनंद शर्मा,SAH0001,note\n';
    const { headers, rows } = table(await readRoll(await fileWith('titled.csv', csv)));
    expect(headers).toEqual(['Name', 'Code', 'column C']);
    expect(rows).toEqual([{ line: 3, cells: { Name: 'आनंद शर्मा', Code: 'SAH0001', 'column C': 'note' } }]);
  });

  it('reads semicolon-separated files that some Excel locales save', () => {
    const parsed = parseCsv('Name;Code\nA;B\n');
    expect(parsed).toEqual({ ok: true, rows: [{ line: 1, cells: ['Name', 'Code'] }, { line: 2, cells: ['A', 'B'] }] });
  });
});

describe('readRoll: xlsx', () => {
  it('reads the first worksheet: Hindi headers, date cells as ISO, numeric mobiles as digits, linked e-mails', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('कर्मी');
    workbook.addWorksheet('other').addRow(['not', 'this', 'one']);
    sheet.addRow(['नाम', 'कर्मी कोड', 'जन्मतिथि', 'संपर्क नंबर', 'इमेल आईडी', 'पद']);
    sheet.addRow(['आनंद शर्मा', 'SAH0001', new Date(Date.UTC(1978, 2, 14)), 9000000001, { text: 'dm@saharsa.example.in', hyperlink: 'mailto:dm@saharsa.example.in' },
      { richText: [{ text: 'जिला' }, { text: 'धिकारी', font: { bold: true } }] }]);
    sheet.addRow([]);
    sheet.addRow(['Sanjay Jha', 'SAH0003', '21/11/1970', 7000000003, '', { formula: '"अपर "&"समाहर्ता"', result: 'अपर समाहर्ता' }]);
    sheet.getColumn(3).numFmt = 'dd-mm-yyyy';
    sheet.getColumn(4).numFmt = '0.00E+00'; // shown as 9.00E+09, still read as digits
    const file = path.join(dir, 'roll.xlsx');
    await workbook.xlsx.writeFile(file);

    const { headers, rows } = table(await readRoll(file));
    expect(headers).toEqual(['नाम', 'कर्मी कोड', 'जन्मतिथि', 'संपर्क नंबर', 'इमेल आईडी', 'पद']);
    expect(rows).toEqual([
      { line: 2, cells: { 'नाम': 'आनंद शर्मा', 'कर्मी कोड': 'SAH0001', 'जन्मतिथि': '1978-03-14', 'संपर्क नंबर': '9000000001', 'इमेल आईडी': 'dm@saharsa.example.in', 'पद': 'जिलाधिकारी' } },
      { line: 4, cells: { 'नाम': 'Sanjay Jha', 'कर्मी कोड': 'SAH0003', 'जन्मतिथि': '21/11/1970', 'संपर्क नंबर': '7000000003', 'इमेल आईडी': '', 'पद': 'अपर समाहर्ता' } },
    ]);
  });
});

describe('readRoll: files it cannot read', () => {
  const failure = async (file: string) => {
    const result = await readRoll(file);
    if (result.ok) throw new Error('expected a failure');
    return result.failure;
  };

  it('names each problem with a typed code', async () => {
    expect(await failure(await fileWith('roll.xls', 'x'))).toEqual({ code: 'ROLL_FILE.UNSUPPORTED_TYPE', params: { extension: '.xls' } });
    expect(await failure(path.join(dir, 'absent.csv'))).toEqual({ code: 'ROLL_FILE.UNREADABLE', params: { reason: 'not found' } });
    expect(await failure(await fileWith('empty.csv', ''))).toEqual({ code: 'ROLL_FILE.EMPTY', params: {} });
    expect(await failure(await fileWith('header-only.csv', 'Name,Code\r\n\r\n'))).toEqual({ code: 'ROLL_FILE.EMPTY', params: {} });
    expect(await failure(await fileWith('ansi.csv', Uint8Array.from([0x4e, 0x61, 0x6d, 0xe9, 0x2c, 0x41, 0x0a])))).toEqual({ code: 'ROLL_FILE.NOT_UTF8', params: {} });
    expect(await failure(await fileWith('open-quote.csv', 'Name,Code\nA,B\n"C,D\n'))).toEqual({ code: 'ROLL_FILE.MALFORMED', params: { line: 3 } });
    expect(await failure(await fileWith('twice.csv', 'Name,Code,Name\nA,B,C\n'))).toEqual({ code: 'ROLL_FILE.DUPLICATE_HEADER', params: { header: 'Name' } });
    expect(await failure(await fileWith('fake.xlsx', 'this is not a zip'))).toEqual({ code: 'ROLL_FILE.UNREADABLE', params: { reason: 'not a valid .xlsx workbook' } });
  });
});
