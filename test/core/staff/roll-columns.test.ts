import { describe, expect, it } from 'vitest';
import { columnsUsable, fieldOf, mapColumns } from '../../../core/staff/roll-columns.ts';
import type { RollField } from '../../../core/staff/roll-types.ts';
import { deriveSectionCode } from '../../../core/staff/section-codes.ts';
import {
  nameKey, normaliseEmail, normaliseMobile, parseDate, parseLanguage, splitNameAndPost, textKey,
} from '../../../core/staff/roll-values.ts';

describe('fieldOf', () => {
  const cases: Array<[string, RollField]> = [
    ['Employee Code', 'code'], ['Emp Code', 'code'], ['Emp. Code', 'code'], ['कर्मी कोड', 'code'], ['कर्मचारी कोड', 'code'],
    ['जन्मतिथि', 'dob'], ['जन्म तिथि', 'dob'], ['Date of Birth', 'dob'], ['DOB', 'dob'], ['D.O.B.', 'dob'],
    ['पद', 'post'], ['Designation', 'post'],
    ['मोबाइल', 'mobile'], ['संपर्क नंबर', 'mobile'], ['Mobile No.', 'mobile'],
    ['Email', 'email'], ['इमेल आईडी', 'email'], ['ई-मेल', 'email'], ['E-mail ID', 'email'],
    ['कोषांग', 'section'], ['कोषांग का नाम', 'section'], ['Section', 'section'], ['Section Code', 'sectionCode'],
    ['रिपोर्टिंग पदाधिकारी का नाम', 'officerName'], ['Reporting Officer Name', 'officerName'],
    ['रिपोर्टिंग पदाधिकारी का पद', 'officerPost'], ['Reporting Officer Post', 'officerPost'],
    ['Reporting Officer Code', 'officerCode'], ['रिपोर्टिंग पदाधिकारी का नाम व पद', 'officerNameAndPost'],
    ['Language/भाषा', 'language'], ['भाषा', 'language'], ['नाम', 'name'], ['Name', 'name'], ['क्रम सं.', 'serial'],
  ];
  it.each(cases)('%s → %s', (header, field) => {
    expect(fieldOf(header)).toBe(field);
  });

  it('ignores case, extra spaces, punctuation and required-field stars', () => {
    expect(fieldOf('  EMPLOYEE   code ')).toBe('code');
    expect(fieldOf('कर्मी कोड *')).toBe('code');
    expect(fieldOf('Mobile_No')).toBe('mobile');
    expect(fieldOf('reporting officer’s name')).toBe('officerName');
  });

  it('reads bracketed notes and bilingual headers', () => {
    expect(fieldOf('जन्मतिथि (DD-MM-YYYY)')).toBe('dob');
    expect(fieldOf('Name (नाम)')).toBe('name');
    expect(fieldOf('Employee Code / कर्मी कोड')).toBe('code');
  });

  it('does not guess from half a header', () => {
    expect(fieldOf('Reporting Officer (Code)')).toBe('officerCode'); // as a whole it is known
    expect(fieldOf('Office (Code)')).toBeNull(); // "Code" alone is the employee's own code, but not here
    expect(fieldOf('Remarks')).toBeNull();
    expect(fieldOf('Cell')).toBeNull();
  });
});

describe('mapColumns', () => {
  it('maps the prapatra of the news report and finds nothing missing', () => {
    const map = mapColumns(['नाम', 'कर्मी कोड', 'जन्मतिथि', 'पद', 'संपर्क नंबर', 'इमेल आईडी', 'कोषांग का नाम', 'रिपोर्टिंग पदाधिकारी का नाम व पद']);
    expect(map.missing).toEqual([]);
    expect(map.unknown).toEqual([]);
    expect(map.byField.officerNameAndPost).toBe('रिपोर्टिंग पदाधिकारी का नाम व पद');
    expect(columnsUsable(map)).toBe(true);
  });

  it('reports missing required columns, unknown columns and e-mail and officer as optional', () => {
    const map = mapColumns(['Name', 'Employee Code', 'Post', 'Section', 'Remarks']);
    expect(map.missing).toEqual(['dob', 'mobile']);
    expect(map.unknown).toEqual(['Remarks']);
    expect(columnsUsable(map)).toBe(false);
  });

  it('wants a reporting officer name and post together, but a code alone is enough', () => {
    const base = ['Name', 'Employee Code', 'DOB', 'Post', 'Mobile', 'Section'];
    expect(mapColumns([...base, 'Reporting Officer Name']).missing).toEqual(['officerPost']);
    expect(mapColumns([...base, 'Reporting Officer Post']).missing).toEqual(['officerName']);
    expect(mapColumns([...base, 'Reporting Officer Code']).missing).toEqual([]);
  });

  it('refuses two columns that mean the same', () => {
    const map = mapColumns(['Name', 'Employee Code', 'DOB', 'Post', 'Mobile', 'संपर्क नंबर', 'Section']);
    expect(map.duplicates).toEqual([{ field: 'mobile', headers: ['Mobile', 'संपर्क नंबर'] }]);
    expect(columnsUsable(map)).toBe(false);
  });
});

describe('roll values', () => {
  it('normalises Indian mobiles', () => {
    for (const m of ['9876543210', '+91 98765 43210', '+91-98765-43210', '09876543210', '919876543210', '0091 9876543210', '९८७६५४३२१०']) {
      expect(normaliseMobile(m)).toBe('9876543210');
    }
    for (const m of ['98765', '1234567890', '5876543210', '98765432101', '+1 202 555 0101']) expect(normaliseMobile(m)).toBeNull();
  });

  it('reads day-first and ISO dates and refuses impossible ones', () => {
    expect(parseDate('05-06-1980')).toBe('1980-06-05');
    expect(parseDate('5/6/1980')).toBe('1980-06-05');
    expect(parseDate('05.06.1980')).toBe('1980-06-05');
    expect(parseDate('1980-06-05')).toBe('1980-06-05');
    expect(parseDate('29-02-1984')).toBe('1984-02-29');
    for (const d of ['31/02/1980', '29-02-1981', '12/05/85', '05-06/1980', '1980/06/05', '00-01-1980']) expect(parseDate(d)).toBeNull();
  });

  it('matches names without honorifics, case, spaces or dots', () => {
    expect(nameKey('Shri A.K. Singh')).toBe(nameKey('a k singh'));
    expect(nameKey('Dr. AK Singh')).toBe(nameKey('A. K. Singh'));
    expect(nameKey('श्री आनंद शर्मा')).toBe(nameKey('आनंद  शर्मा'));
    expect(nameKey('डॉ० आनंद शर्मा')).toBe(nameKey('आनंद शर्मा'));
    expect(nameKey('Srinivas Rao')).not.toBe(nameKey('Rao'));
    expect(textKey('नज़ारत')).toBe(textKey('नजारत'));
  });

  it('checks e-mails and languages', () => {
    expect(normaliseEmail(' DM@Saharsa.Example.in ')).toBe('dm@saharsa.example.in');
    expect(normaliseEmail('ram..kumar@saharsa.example.in')).toBeNull();
    expect(parseLanguage('हिंदी')).toBe('hi');
    expect(parseLanguage('English')).toBe('en');
    expect(parseLanguage('Bhojpuri')).toBeNull();
  });

  it('splits the one-cell name and post', () => {
    expect(splitNameAndPost('आनंद शर्मा, जिलाधिकारी')).toEqual({ name: 'आनंद शर्मा', post: 'जिलाधिकारी' });
    expect(splitNameAndPost('आनंद शर्मा (जिलाधिकारी)')).toEqual({ name: 'आनंद शर्मा', post: 'जिलाधिकारी' });
    expect(splitNameAndPost('आनंद शर्मा')).toBeNull();
  });
});

describe('deriveSectionCode', () => {
  it('makes short Latin codes, numbered when taken, and S01… for Devanagari-only names', () => {
    expect(deriveSectionCode('Establishment', new Set())).toBe('EST');
    expect(deriveSectionCode('Establishment Section', new Set(['EST']))).toBe('EST2');
    expect(deriveSectionCode('Disaster Management', new Set())).toBe('DM');
    expect(deriveSectionCode('District Informatics Office', new Set())).toBe('INF');
    expect(deriveSectionCode('स्थापना (Establishment)', new Set())).toBe('EST');
    expect(deriveSectionCode('नज़ारत', new Set())).toBe('S01');
    expect(deriveSectionCode('विधि', new Set(['S01']))).toBe('S02');
  });
});
