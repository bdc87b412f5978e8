// Sections (कोषांग) as staff write them: by code (EST), by the roll's Hindi name with or without
// शाखा/कोषांग/प्रशाखा/section, with or without the nukta, or in English or Roman Hindi
// ("establishment section", "sthapna shakha"). The roll names sections in Hindi, so the common
// English and Roman names of a collectorate's sections are listed here.
import type { Section } from '../../core/types.ts';

const SUFFIXES = new Set([
  'शाखा', 'प्रशाखा', 'कोषांग', 'कोषाङ्ग', 'विभाग', 'कार्यालय', 'section', 'sections', 'cell', 'branch', 'office', 'dept',
  'department', 'shakha', 'prashakha', 'koshang', 'kosang', 'the', 'जिला', 'district', 'zila', 'jila', 'को', 'ko',
]);

const ROMAN: Record<string, string> = {
  establishment: 'स्थापना', sthapna: 'स्थापना', sthapana: 'स्थापना', estt: 'स्थापना',
  accounts: 'लेखा', account: 'लेखा', lekha: 'लेखा',
  nazarat: 'नजारत', nazarath: 'नजारत', najarat: 'नजारत', nazaarat: 'नजारत', nazaret: 'नजारत',
  development: 'विकास', vikas: 'विकास', vikash: 'विकास',
  revenue: 'राजस्व', rajasv: 'राजस्व', rajasva: 'राजस्व', rajaswa: 'राजस्व', rajasw: 'राजस्व',
  election: 'निर्वाचन', elections: 'निर्वाचन', nirvachan: 'निर्वाचन',
  law: 'विधि', legal: 'विधि', vidhi: 'विधि',
  disaster: 'आपदा', aapda: 'आपदा', apda: 'आपदा', management: 'प्रबंधन', prabandhan: 'प्रबंधन',
  confidential: 'गोपनीय', gopniya: 'गोपनीय', gopneeya: 'गोपनीय', gopaniya: 'गोपनीय', gopniy: 'गोपनीय',
  informatics: 'सूचना विज्ञान केंद्र', nic: 'सूचना विज्ञान केंद्र',
};

function fold(text: string): string[] {
  return text.normalize('NFC').toLowerCase()
    .replace(/\u093C/g, '') // nukta: नज़ारत = नजारत
    .replace(/[()[\].,;:'"“”‘’!?-]/g, ' ')
    .split(/\s+/)
    .filter((w) => w !== '' && !SUFFIXES.has(w));
}

/** Roman words to the roll's Hindi; a near-miss of a known Roman word (one letter off) counts. */
function toHindi(words: string[]): string {
  return words.map((w) => {
    if (!/^[a-z]+$/.test(w)) return w;
    const known = ROMAN[w] ?? (w.length >= 5 ? Object.entries(ROMAN).find(([k]) => k.length >= 5 && withinOne(k, w))?.[1] : undefined);
    return known ?? w;
  }).join(' ');
}

function withinOne(a: string, b: string): boolean {
  if (Math.abs(a.length - b.length) > 1) return false;
  let i = 0;
  let j = 0;
  let edits = 0;
  while (i < a.length && j < b.length) {
    if (a[i] === b[j]) { i += 1; j += 1; continue; }
    edits += 1;
    if (edits > 1) return false;
    if (a.length > b.length) i += 1;
    else if (b.length > a.length) j += 1;
    else { i += 1; j += 1; }
  }
  return edits + (a.length - i) + (b.length - j) <= 1;
}

/** The section the phrase names, or null (also when it could be more than one). */
export function matchSection(phrase: string, sections: readonly Section[]): Section | null {
  const trimmed = phrase.trim();
  const byCode = sections.find((s) => s.code.toLowerCase() === trimmed.toLowerCase());
  if (byCode !== undefined) return byCode;
  const query = toHindi(fold(trimmed));
  if (query === '') return null;
  const named = sections.map((s) => ({ s, name: fold(s.name).join(' ') }));
  const exact = named.filter((n) => n.name === query);
  if (exact.length === 1) return exact[0]?.s ?? null;
  // "सूचना विज्ञान" for "जिला सूचना विज्ञान केंद्र", or "आपदा" for "आपदा प्रबंधन": whole words only.
  const inside = named.filter((n) => ` ${n.name} `.includes(` ${query} `) || ` ${query} `.includes(` ${n.name} `));
  return inside.length === 1 ? (inside[0]?.s ?? null) : null;
}
