// Tour rules and daily allowance (DA) rates as data. The composition root loads TOUR_RULES_FILE
// (JSON, checked by parseTourRules) and falls back to DEFAULT_TOUR_RULES.
//
// DEFAULTS FOR THE ESTABLISHMENT SECTION TO CHECK against the current Bihar TA rules (Finance
// Department) before go-live. Rupees per day of tour, by 7th-CPC pay level band and the class of
// the place of halt:
//
//   band         levels     X      Y      Z
//   group D/C    1–5        400    300    200
//   group C      6–8        600    450    300
//   group B      9–11       800    600    400
//   group A      12 and up  1200   900    600
//
// Employees whose level is not on the roll are paid at `defaultPayLevel` (6) unless the claim gives
// one. Places not in `cities` are class Z; a tour to several places is paid at the highest class
// among them. Tours are sanctioned by the reporting officer; they may be entered up to 3 days late.
import { HEAD_OF_OFFICE } from '../office/profile.ts';
import type { Parsed } from '../calendar/holidays.ts';
import { isSanctionRule, type SanctionRule } from '../leave/rules.ts';

export type CityClass = 'X' | 'Y' | 'Z';
const CLASSES: readonly CityClass[] = ['X', 'Y', 'Z'];

export interface PayBand {
  name: string;
  minLevel: number;
  /** Inclusive; null for no upper limit. */
  maxLevel: number | null;
  rates: Record<CityClass, number>;
}

export interface TourRules {
  sanctioner: SanctionRule;
  collectorPostKey: string;
  backDateDays: number;
  defaultPayLevel: number;
  bands: PayBand[];
  /** Place name (lower case) → class; everything else is `defaultCityClass`. */
  cities: Record<string, CityClass>;
  defaultCityClass: CityClass;
}

export const DEFAULT_TOUR_RULES: TourRules = {
  sanctioner: 'reporting_officer',
  collectorPostKey: HEAD_OF_OFFICE,
  backDateDays: 3,
  defaultPayLevel: 6,
  bands: [
    { name: 'Level 1–5', minLevel: 1, maxLevel: 5, rates: { X: 400, Y: 300, Z: 200 } },
    { name: 'Level 6–8', minLevel: 6, maxLevel: 8, rates: { X: 600, Y: 450, Z: 300 } },
    { name: 'Level 9–11', minLevel: 9, maxLevel: 11, rates: { X: 800, Y: 600, Z: 400 } },
    { name: 'Level 12+', minLevel: 12, maxLevel: null, rates: { X: 1200, Y: 900, Z: 600 } },
  ],
  cities: {
    delhi: 'X', 'new delhi': 'X', mumbai: 'X', kolkata: 'X', chennai: 'X', bengaluru: 'X', hyderabad: 'X',
    patna: 'Y', gaya: 'Y', bhagalpur: 'Y', muzaffarpur: 'Y', darbhanga: 'Y', purnia: 'Y',
    'पटना': 'Y', 'गया': 'Y', 'भागलपुर': 'Y', 'मुजफ्फरपुर': 'Y', 'दरभंगा': 'Y', 'पूर्णिया': 'Y',
  },
  defaultCityClass: 'Z',
};

export function cityClassOf(rules: TourRules, place: string): CityClass {
  return rules.cities[place.trim().toLowerCase()] ?? rules.defaultCityClass;
}

/** The highest class among the places (X above Y above Z). */
export function highestCityClass(rules: TourRules, places: readonly string[]): CityClass {
  const classes = places.map((p) => cityClassOf(rules, p));
  return CLASSES.find((c) => classes.includes(c)) ?? rules.defaultCityClass;
}

/** Rupees per day for the pay level and city class, or null when no band covers the level. */
export function daRate(rules: TourRules, payLevel: number, cityClass: CityClass): number | null {
  const band = rules.bands.find((b) => payLevel >= b.minLevel && (b.maxLevel === null || payLevel <= b.maxLevel));
  return band === undefined ? null : band.rates[cityClass];
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isClass = (v: unknown): v is CityClass => v === 'X' || v === 'Y' || v === 'Z';
const isLevel = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v) && v >= 1 && v <= 18;

/** Checks a tour rules file; keys left out take their defaults, keys given must be right. */
export function parseTourRules(json: unknown): Parsed<TourRules> {
  if (!isRecord(json)) return { ok: false, problems: ['expected an object (keys: sanctioner, backDateDays, defaultPayLevel, bands, cities, defaultCityClass)'] };
  const problems: string[] = [];
  const known = Object.keys(DEFAULT_TOUR_RULES);
  for (const key of Object.keys(json)) if (!known.includes(key)) problems.push(`unknown key "${key}"`);
  const merged = { ...DEFAULT_TOUR_RULES, ...json } as Record<string, unknown>;
  if (!isSanctionRule(merged.sanctioner)) problems.push('"sanctioner" must be "reporting_officer", "collector" or "post:<KEY>"');
  if (typeof merged.collectorPostKey !== 'string' || !/^[A-Z][A-Z0-9_]*$/.test(merged.collectorPostKey)) problems.push('"collectorPostKey" must be a post key in capitals');
  if (typeof merged.backDateDays !== 'number' || !Number.isInteger(merged.backDateDays) || merged.backDateDays < 0) problems.push('"backDateDays" must be a whole number, 0 or more');
  if (!isLevel(merged.defaultPayLevel)) problems.push('"defaultPayLevel" must be a pay level 1–18');
  if (!isClass(merged.defaultCityClass)) problems.push('"defaultCityClass" must be "X", "Y" or "Z"');
  const bands: PayBand[] = [];
  if (!Array.isArray(merged.bands) || merged.bands.length === 0) problems.push('"bands" must be a non-empty list of {name, minLevel, maxLevel, rates: {X, Y, Z}}');
  else {
    merged.bands.forEach((b: unknown, i: number) => {
      if (!isRecord(b) || typeof b.name !== 'string' || !isLevel(b.minLevel) || !(b.maxLevel === null || isLevel(b.maxLevel)) || !isRecord(b.rates)) {
        problems.push(`bands[${i}]: expected {name, minLevel (1–18), maxLevel (1–18 or null), rates: {X, Y, Z}}`);
        return;
      }
      const rates = b.rates;
      if (!CLASSES.every((c) => typeof rates[c] === 'number' && (rates[c] as number) >= 0)) {
        problems.push(`bands[${i}] (${b.name}): rates must give rupees for each of X, Y and Z`);
        return;
      }
      if (b.maxLevel !== null && (b.maxLevel as number) < b.minLevel) problems.push(`bands[${i}] (${b.name}): maxLevel is below minLevel`);
      bands.push({ name: b.name, minLevel: b.minLevel, maxLevel: b.maxLevel as number | null, rates: { X: rates.X as number, Y: rates.Y as number, Z: rates.Z as number } });
    });
    const sorted = [...bands].sort((a, b) => a.minLevel - b.minLevel);
    sorted.forEach((b, i) => {
      const next = sorted[i + 1];
      if (next !== undefined && (b.maxLevel === null || b.maxLevel >= next.minLevel)) problems.push(`bands "${b.name}" and "${next.name}" overlap`);
    });
  }
  const cities: Record<string, CityClass> = {};
  if (!isRecord(merged.cities)) problems.push('"cities" must map place names to "X", "Y" or "Z"');
  else {
    for (const [place, c] of Object.entries(merged.cities)) {
      if (!isClass(c)) problems.push(`cities["${place}"]: "${String(c)}" is not X, Y or Z`);
      else cities[place.trim().toLowerCase()] = c;
    }
  }
  if (problems.length > 0) return { ok: false, problems };
  return {
    ok: true,
    value: {
      sanctioner: merged.sanctioner as SanctionRule, collectorPostKey: merged.collectorPostKey as string,
      backDateDays: merged.backDateDays as number, defaultPayLevel: merged.defaultPayLevel as number,
      bands, cities, defaultCityClass: merged.defaultCityClass as CityClass,
    },
  };
}
