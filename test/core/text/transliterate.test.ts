// Roman ↔ Devanagari spellings for search (core/text/transliterate.ts), tried on the district's
// places and the surnames and names of its staff, both ways.
import { describe, expect, it } from 'vitest';
import { otherScriptSpellings, searchSpellings, toDevanagari, toRoman } from '../../../core/text/transliterate.ts';

// Saharsa's blocks and places, as the collectorate writes them in Roman and in Devanagari.
const PLACES: [string, string][] = [
  ['saharsa', 'सहरसा'], ['sonbarsa', 'सोनबरसा'], ['mahishi', 'महिषी'], ['kahara', 'कहरा'], ['simri', 'सिमरी'],
  ['bakhtiyarpur', 'बख्तियारपुर'], ['nauhatta', 'नौहट्टा'], ['salkhua', 'सलखुआ'], ['patarghat', 'पतरघट'], ['kataiya', 'कटैया'],
  ['banma', 'बनमा'], ['itahari', 'ईटहरी'], ['sour', 'सौर'], ['bazar', 'बाजार'], ['supaul', 'सुपौल'], ['madhepura', 'मधेपुरा'],
  ['kosi', 'कोसी'], ['sinheshwar', 'सिंहेश्वर'],
];

// Common surnames and first names of the roll.
const NAMES: [string, string][] = [
  ['sharma', 'शर्मा'], ['kumar', 'कुमार'], ['singh', 'सिंह'], ['yadav', 'यादव'], ['jha', 'झा'], ['prasad', 'प्रसाद'],
  ['mishra', 'मिश्र'], ['chaudhary', 'चौधरी'], ['paswan', 'पासवान'], ['thakur', 'ठाकुर'], ['pandey', 'पांडेय'],
  ['tiwari', 'तिवारी'], ['gupta', 'गुप्ता'], ['sinha', 'सिन्हा'], ['rai', 'राय'], ['devi', 'देवी'], ['mahto', 'महतो'],
  ['mandal', 'मंडल'], ['sunita', 'सुनीता'], ['priyanka', 'प्रियंका'], ['ranjit', 'रंजीत'], ['anand', 'आनंद'],
  ['rajesh', 'राजेश'], ['manoj', 'मनोज'], ['geeta', 'गीता'], ['umesh', 'उमेश'], ['deepak', 'दीपक'], ['irfan', 'इरफान'],
  ['alam', 'आलम'], ['ram', 'राम'], ['chandra', 'चंद्र'],
];

// Office words that come up in subjects.
const WORDS: [string, string][] = [['rahat', 'राहत'], ['baadh', 'बाढ़'], ['anchal', 'अंचल'], ['vitaran', 'वितरण']];

describe('transliteration for search', () => {
  it.each([...PLACES, ...NAMES, ...WORDS])('%s is spelt %s in Devanagari, and back', (roman, devanagari) => {
    expect(toDevanagari(roman)).toContain(devanagari);
    expect(toRoman(devanagari)).toContain(roman);
  });

  it('gives the usual spelling first for the plain cases', () => {
    expect(toDevanagari('saharsa')[0]).toBe('सहरसा');
    expect(toDevanagari('devi')[0]).toBe('देवी');
    expect(toRoman('सोनबरसा')[0]).toBe('sonbarsa');
    expect(toRoman('सहरसा')[0]).toBe('saharsa');
    expect(toRoman('मिश्र')[0]).toBe('mishra');
    expect(toRoman('सिंह')[0]).toBe('singh');
  });

  it('writes a letter with a nukta both ways it is typed (ज़ as two code points and as one)', () => {
    const spellings = toDevanagari('bazar');
    expect(spellings).toContain('बाज\u093Cार');
    expect(spellings).toContain('बा\u095Bार');
    expect(toRoman('बा\u095Bार')).toContain('bazar');
  });

  it('keeps to a few spellings, and leaves numbers, codes and very short words alone', () => {
    for (const [roman, devanagari] of [...PLACES, ...NAMES]) {
      expect(otherScriptSpellings(roman).length).toBeLessThanOrEqual(26);
      expect(otherScriptSpellings(devanagari).length).toBeLessThanOrEqual(10);
    }
    for (const word of ['EST-12/2026', 'SAH/R/2026/000001', '2026', 'co', 'की', 'x', '₹450']) expect(otherScriptSpellings(word)).toEqual([]);
    expect(searchSpellings('sonbarsa')[0]).toBe('sonbarsa');
    expect(searchSpellings('sonbarsa')).toContain('सोनबरसा');
    expect(searchSpellings('सोनबरसा')).toEqual(expect.arrayContaining(['सोनबरसा', 'sonbarsa']));
    // A mixed-case Roman word is read as lower case; the word itself stays as typed.
    expect(searchSpellings('Sonbarsa')).toEqual(expect.arrayContaining(['Sonbarsa', 'सोनबरसा']));
  });

  it('is quick enough to run on every search word', () => {
    const started = performance.now();
    for (let i = 0; i < 20; i++) {
      for (const [roman, devanagari] of [...PLACES, ...NAMES]) {
        otherScriptSpellings(roman);
        otherScriptSpellings(devanagari);
      }
    }
    expect((performance.now() - started) / (20 * (PLACES.length + NAMES.length))).toBeLessThan(20);
  });
});
