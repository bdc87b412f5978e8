// A code for a new section when the roll has no "section code" column. Codes go into file numbers
// (EST-12/2026), so they are short Latin capitals and never change once made.
//
// The rule:
//  1. Take the Latin words of the name, leaving out filler (of, and, the, section, cell, branch,
//     office, district, shakha…) unless nothing else is left.
//  2. One word: its first three letters ("Establishment" → EST, "Law" → LAW).
//     Several words: their initials, at most four ("Disaster Management" → DM).
//  3. If that code is taken (by a stored section, by a code given in the file for another section,
//     or by one made earlier in this import), append 2, 3, … ("EST2").
//  4. A name with fewer than two Latin letters to work with (e.g. "नज़ारत", Devanagari only) gets
//     the first free S01, S02, …: a code that does not pretend to transliterate.

const FILLER = new Set([
  'of', 'and', 'the', 'for', 'section', 'sec', 'cell', 'branch', 'office', 'district', 'dist',
  'shakha', 'prashakha', 'koshang', 'zila', 'jila',
]);

export function deriveSectionCode(name: string, taken: ReadonlySet<string>): string {
  const words = (name.match(/[A-Za-z]+/g) ?? []).map((w) => w.toLowerCase());
  const significant = words.filter((w) => !FILLER.has(w));
  const used = significant.length > 0 ? significant : words;
  const base = (used.length === 1 ? (used[0] ?? '').slice(0, 3) : used.slice(0, 4).map((w) => w[0]).join('')).toUpperCase();
  if (base.length >= 2) {
    if (!taken.has(base)) return base;
    for (let n = 2; ; n++) if (!taken.has(`${base}${n}`)) return `${base}${n}`;
  }
  for (let n = 1; ; n++) {
    const code = `S${String(n).padStart(2, '0')}`;
    if (!taken.has(code)) return code;
  }
}
