import { describe, expect, test } from 'vitest';
import { DEFAULT_LEAVE_RULES, leaveType, parseLeaveRules } from '../../../core/leave/rules.ts';
import { daRate, DEFAULT_TOUR_RULES, highestCityClass, parseTourRules } from '../../../core/tour/ta-rates.ts';

describe('leave rules', () => {
  test('the defaults cover the office leave types with Hindi names', () => {
    expect(DEFAULT_LEAVE_RULES.types.map((t) => `${t.code} ${t.hi}`)).toEqual([
      'CL आकस्मिक अवकाश', 'EL अर्जित अवकाश', 'HPL अर्धवेतन अवकाश', 'ML मातृत्व अवकाश', 'PL पितृत्व अवकाश',
      'RH प्रतिबंधित अवकाश', 'SCL विशेष आकस्मिक अवकाश', 'station_leave मुख्यालय छोड़ने की अनुमति',
    ]);
    expect(leaveType(DEFAULT_LEAVE_RULES, 'cl')?.entitlement).toBe(16);
    expect(leaveType(DEFAULT_LEAVE_RULES, 'EL')?.carryForwardMax).toBe(300);
    expect(leaveType(DEFAULT_LEAVE_RULES, 'XL')).toBeNull();
  });

  test('the defaults written as a LEAVE_RULES_FILE read back the same', () => {
    expect(parseLeaveRules(JSON.parse(JSON.stringify(DEFAULT_LEAVE_RULES)))).toEqual({ ok: true, value: DEFAULT_LEAVE_RULES });
  });

  test('a wrong file names each problem', () => {
    const cl = { ...DEFAULT_LEAVE_RULES.types[0] };
    const parsed = parseLeaveRules({
      types: [
        { ...cl, sanctioner: 'boss', counts: 'weekdays' },
        { ...cl, entitlement: -1, colour: 'red' },
        { ...cl },
        { ...cl, code: 'cl' },
      ],
    });
    expect(parsed).toEqual({
      ok: false,
      problems: [
        'types[0] (CL): "counts" must be "working" or "calendar"',
        'types[0] (CL): "sanctioner" must be "reporting_officer", "collector" or "post:<KEY>" (e.g. "post:ADM")',
        'types[1] (CL): "entitlement" must be a number of days, 0 or more',
        'types[1] (CL): unknown key "colour"',
        'types[3] (cl): the code is listed twice',
      ],
    });
    expect(parseLeaveRules({ types: [] })).toEqual({ ok: false, problems: ['"types" is empty: list at least one leave type'] });
  });
});

describe('TA rates', () => {
  test('rate by pay level band and the highest class among the places', () => {
    expect(daRate(DEFAULT_TOUR_RULES, 6, 'Y')).toBe(450);
    expect(daRate(DEFAULT_TOUR_RULES, 14, 'X')).toBe(1200);
    expect(daRate(DEFAULT_TOUR_RULES, 2, 'Z')).toBe(200);
    expect(highestCityClass(DEFAULT_TOUR_RULES, ['Simri Bakhtiyarpur', 'Patna'])).toBe('Y');
    expect(highestCityClass(DEFAULT_TOUR_RULES, ['Madhepura'])).toBe('Z');
    expect(highestCityClass(DEFAULT_TOUR_RULES, ['पटना', 'New Delhi'])).toBe('X');
  });

  test('TOUR_RULES_FILE: keys left out keep their defaults; wrong ones are named', () => {
    const parsed = parseTourRules({ defaultPayLevel: 4, cities: { Saharsa: 'Z', Supaul: 'Y' } });
    expect(parsed.ok && parsed.value.defaultPayLevel).toBe(4);
    expect(parsed.ok && parsed.value.cities).toEqual({ saharsa: 'Z', supaul: 'Y' });
    expect(parsed.ok && parsed.value.bands).toEqual(DEFAULT_TOUR_RULES.bands);
    expect(parseTourRules({
      sanctioner: 'post:ddc', bands: [{ name: 'a', minLevel: 1, maxLevel: 8, rates: { X: 1, Y: 1, Z: 1 } }, { name: 'b', minLevel: 6, maxLevel: null, rates: { X: 1, Y: 1 } }],
      cities: { Patna: 'W' },
    })).toEqual({
      ok: false,
      problems: [
        '"sanctioner" must be "reporting_officer", "collector" or "post:<KEY>"',
        'bands[1] (b): rates must give rupees for each of X, Y and Z',
        'cities["Patna"]: "W" is not X, Y or Z',
      ],
    });
    expect(parseTourRules({ bands: [{ name: 'a', minLevel: 1, maxLevel: 8, rates: { X: 1, Y: 1, Z: 1 } }, { name: 'b', minLevel: 6, maxLevel: null, rates: { X: 1, Y: 1, Z: 1 } }] }))
      .toEqual({ ok: false, problems: ['bands "a" and "b" overlap'] });
  });
});
