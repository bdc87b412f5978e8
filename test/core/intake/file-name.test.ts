// The one helper every stored upload name goes through (receipt originals, upload drafts, imports).
import { describe, expect, it } from 'vitest';
import { MAX_FILE_NAME, safeFileName } from '../../../core/intake/file-name.ts';

describe('safeFileName', () => {
  it.each([
    ['../../../../tmp/x.pdf', 'x.pdf'],
    ['..\\..\\Windows\\System32\\x.pdf', 'x.pdf'],
    ['/etc/passwd', 'passwd'],
    ['scan\u0000\u0007\u001b[2J.jpg', 'scan[2J.jpg'],
    ['letter\u202egpj.exe', 'lettergpj.exe'],
    ['a\r\nb.pdf', 'ab.pdf'],
    ['  two   spaces .pdf  ', 'two spaces .pdf'],
    ['Reply: urgent?.pdf', 'Reply_ urgent_.pdf'],
    ['.hidden', 'hidden'],
    ['पत्र संख्या १२.pdf', 'पत्र संख्या १२.pdf'],
    ['क्‍ष.pdf', 'क्‍ष.pdf'],
  ])('%j is kept as %j', (name, safe) => {
    expect(safeFileName(name)).toBe(safe);
    expect(safeFileName(safe)).toBe(safe);
  });

  it.each([
    ['', 'image/jpeg', 'scan.jpg'],
    ['..', 'application/pdf', 'scan.pdf'],
    ['dir/', 'image/png', 'scan.png'],
    ['\u0000\u0001', 'application/octet-stream', 'scan'],
  ])('%j with nothing left becomes a default for %s', (name, mime, safe) => {
    expect(safeFileName(name, mime)).toBe(safe);
  });

  it('caps the length in characters and keeps the extension', () => {
    const long = safeFileName(`${'अ'.repeat(300)}.pdf`);
    expect(Array.from(long)).toHaveLength(MAX_FILE_NAME);
    expect(long.endsWith('.pdf')).toBe(true);
    expect(safeFileName(long)).toBe(long);
    expect(Array.from(safeFileName('😀'.repeat(200)))).toHaveLength(MAX_FILE_NAME);
  });
});
