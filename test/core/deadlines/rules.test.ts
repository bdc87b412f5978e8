import { describe, expect, test } from 'vitest';
import { DEFAULT_CALENDAR } from '../../../core/calendar/holidays.ts';
import { computeDeadline } from '../../../core/deadlines/deadline.ts';
import { detectDeadlines } from '../../../core/deadlines/detect.ts';
import { DEFAULT_DEADLINE_RULES, deadlineKind, parseDeadlineRules, type DeadlineKind } from '../../../core/deadlines/rules.ts';

const kind = (key: string): DeadlineKind => {
  const k = deadlineKind(DEFAULT_DEADLINE_RULES, key);
  if (k === null) throw new Error(`no default kind ${key}`);
  return k;
};

describe('the default statutory kinds', () => {
  test('each counts its period as the law or instruction says, with Hindi names and a source', () => {
    const table = DEFAULT_DEADLINE_RULES.kinds.map((k) => `${k.key} ${k.counts} ${k.period}${k.serious ? ' serious' : ''}`);
    expect(table).toEqual([
      'rti_life_liberty hours 48 serious',
      'rti_first_appeal calendar_days 30',
      'rti_commission stated_date 3',
      'rti calendar_days 30',
      'lok_shikayat working_days 60',
      'mjc stated_date 7 serious',
      'cwjc stated_date 7',
      'court_notice stated_date 3',
      'public_representative calendar_days 30',
    ]);
    for (const k of DEFAULT_DEADLINE_RULES.kinds) {
      expect(k.hi).toMatch(/[\u0900-\u097F]/);
      expect(k.source.hi).toMatch(/[\u0900-\u097F]/);
    }
    expect(kind('rti').source.en).toBe('RTI Act 2005, s.7(1)');
    expect(kind('rti_life_liberty').source.en).toContain('proviso');
    expect(kind('lok_shikayat').source.en).toContain('60 working days');
    expect(deadlineKind(DEFAULT_DEADLINE_RULES, ' RTI ')?.key).toBe('rti');
    expect(deadlineKind(DEFAULT_DEADLINE_RULES, 'rts')).toBeNull();
  });

  test('the defaults written as a DEADLINE_RULES_FILE read back the same', () => {
    expect(parseDeadlineRules(JSON.parse(JSON.stringify(DEFAULT_DEADLINE_RULES)))).toEqual({ ok: true, value: DEFAULT_DEADLINE_RULES });
  });
});

describe('DEADLINE_RULES_FILE', () => {
  const rti = (): Record<string, unknown> => JSON.parse(JSON.stringify(kind('rti'))) as Record<string, unknown>;

  test('a wrong file is refused, naming every problem', () => {
    const parsed = parseDeadlineRules({
      kinds: [
        { ...rti(), key: 'RTI', counts: 'weeks', period: 0 },
        { ...rti(), key: 'nhrc', en: ' ', source: 'NHRC', colour: 'red' },
        { ...rti(), key: 'hearing', counts: 'stated_date', period: -2, dateCues: [] },
        { ...rti(), key: 'lok', counts: 'working_days', period: 60, dateCues: ['सुनवाई'] },
        { ...rti(), key: 'empty', words: [], weakWords: [] },
        { ...rti(), key: 'loose', words: [], weakWords: ['RTI'], context: [] },
        { ...rti(), key: 'tiny', words: ['a', '!!', 7] },
        { ...rti(), key: 'hearing' },
      ],
      version: 2,
    });
    expect(parsed).toEqual({
      ok: false,
      problems: [
        'unknown key "version"',
        'kinds[0] (RTI): "key" must be small letters, digits or _, e.g. "rti"',
        'kinds[0] (RTI): "counts" must be "calendar_days", "working_days", "hours" or "stated_date"',
        'kinds[0] (RTI): "period" must be a whole number of days, 1 or more',
        'kinds[1] (nhrc): "en" (English name) is required',
        'kinds[1] (nhrc): "source" must be {"en": "…", "hi": "…"}: the law or instruction the period comes from',
        'kinds[1] (nhrc): unknown key "colour"',
        'kinds[2] (hearing): "period" must be a whole number of days before the stated date, 0 or more',
        'kinds[3] (lok): "dateCues" are only for "stated_date" kinds: leave it []',
        'kinds[4] (empty): list at least one of "words" or "weakWords", or the kind is never named',
        'kinds[5] (loose): "weakWords" count only with a word of "context": list some',
        'kinds[6] (tiny): "words": "a" has too few letters to be found safely (2 or more)',
        'kinds[6] (tiny): "words": "!!" has too few letters to be found safely (2 or more)',
        'kinds[6] (tiny): "words": 7 is not text',
        'kinds[7] (hearing): the key is listed twice',
      ],
    });
  });

  test('a kind may only require or supersede kinds in the same file, one way round', () => {
    expect(parseDeadlineRules({
      kinds: [
        { ...rti(), key: 'a', requires: 'b', supersedes: ['c'] },
        { ...rti(), key: 'c', supersedes: ['a'] },
        { ...rti(), key: 'd', requires: 'd' },
      ],
    })).toEqual({
      ok: false,
      problems: [
        'kinds[2] (d): "requires" must be another kind\'s key, or null',
        'a: "requires" names "b", which is not a kind in the file',
        'a and c each supersede the other: keep one direction',
      ],
    });
    expect(parseDeadlineRules([])).toEqual({ ok: false, problems: ['expected an object with a "kinds" list'] });
    expect(parseDeadlineRules({ kinds: [] })).toEqual({ ok: false, problems: ['"kinds" is empty: list at least one kind of deadline'] });
  });

  test("an office's own kind is detected and counted like the built-in ones", () => {
    const parsed = parseDeadlineRules({
      kinds: [{
        key: 'bhrc', en: 'Bihar Human Rights Commission notice', hi: 'बिहार मानवाधिकार आयोग की नोटिस',
        source: { en: 'PHRA 1993 s.13; the Commission asks for a report in four weeks', hi: 'मानवाधिकार संरक्षण अधिनियम 1993' },
        counts: 'calendar_days', period: 28, serious: false,
        words: ['मानवाधिकार आयोग', 'Human Rights Commission'], weakWords: [], context: [], notWith: [], ignore: [], dateCues: [],
        requires: null, supersedes: [],
      }],
    });
    if (!parsed.ok) throw new Error(parsed.problems.join('; '));
    const found = detectDeadlines(
      { scanText: 'बिहार मानवाधिकार आयोग, पटना। वाद संख्या 3321/4/26/2026। प्रतिवेदन चार सप्ताह में भेजें।' },
      { rules: parsed.value },
    );
    expect(found.map((c) => c.kind)).toEqual(['bhrc']);
    const bhrc = deadlineKind(parsed.value, 'bhrc');
    if (bhrc === null) throw new Error('kind missing');
    const counted = computeDeadline({ kind: bhrc, receivedAt: new Date('2026-11-02T12:00:00+05:30'), calendar: DEFAULT_CALENDAR });
    expect(counted.ok && counted.value.dueDate).toBe('2026-11-30');
  });
});
