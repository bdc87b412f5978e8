// Leave rules as data. The composition root loads LEAVE_RULES_FILE (JSON, checked by
// parseLeaveRules) and falls back to DEFAULT_LEAVE_RULES.
//
// The defaults approximate Bihar Government practice for a district collectorate. They are
// DEFAULTS FOR THE ESTABLISHMENT SECTION TO CHECK against the current Bihar Service Code and
// Finance Department circulars before go-live, not a statement of the rules:
//
//  code           entitlement        accrual      carry fwd  half day  counts    max/spell  back-date  sanctions       ledger
//  CL             16 / year          1 Jan        none       yes       working   8          3 days     reporting off.  yes
//  EL             30 / year          15 + 15      300 cap    no        calendar  120        0          collector       yes
//                                    (1 Jan, 1 Jul)
//  HPL            20 / year          1 Jan        no cap     no        calendar  180        0          collector       yes
//  ML             180 per spell      —            —          no        calendar  180        0          collector       no
//  PL             15 per spell       —            —          no        calendar  15         0          collector       no
//  RH             2 / year           1 Jan        none       no        working   1          0          reporting off.  yes
//  SCL            per occasion       —            —          no        working   10         0          reporting off.  no
//  station_leave  permission only    —            —          no        calendar  3          0          reporting off.  no
//
// "ledger: no" types are not charged to a balance (maternity, paternity, special CL are granted per
// occasion, station leave is a permission to leave headquarters, not leave); the spell limit and
// the sanctioning officer still apply. Carry-forward is applied by closeYear.
import { HEAD_OF_OFFICE } from '../office/profile.ts';
import type { Parsed } from '../calendar/holidays.ts';

/** Who sanctions: the applicant's reporting officer, whoever holds a post (by post key), or the Collector. */
export type SanctionRule = 'reporting_officer' | 'collector' | `post:${string}`;

export interface LeaveTypeRule {
  code: string;
  en: string;
  hi: string;
  /** Days credited a year (for ledger types); the per-spell cap is maxDaysPerSpell. */
  entitlement: number;
  /** 'yearly': all on 1 January; 'half_yearly': half on 1 January and half on 1 July; 'none'. */
  accrual: 'yearly' | 'half_yearly' | 'none';
  /** Most days carried into the next year: 0 for none, null for no cap. */
  carryForwardMax: number | null;
  halfDayAllowed: boolean;
  /** 'working': holidays inside the spell are not charged; 'calendar': every day is. */
  counts: 'working' | 'calendar';
  /** Most days in one application, or null for no limit. */
  maxDaysPerSpell: number | null;
  /** How many days before today a spell may start when applied for (0: today or later). */
  backDateDays: number;
  sanctioner: SanctionRule;
  /** Charged to a balance kept in the leave ledger. */
  ledger: boolean;
}

export interface LeaveRules {
  types: LeaveTypeRule[];
  /** The post key of the Collector, for the 'collector' rule. */
  collectorPostKey: string;
}

export const DEFAULT_LEAVE_RULES: LeaveRules = {
  collectorPostKey: HEAD_OF_OFFICE,
  types: [
    { code: 'CL', en: 'Casual Leave', hi: 'आकस्मिक अवकाश', entitlement: 16, accrual: 'yearly', carryForwardMax: 0, halfDayAllowed: true, counts: 'working', maxDaysPerSpell: 8, backDateDays: 3, sanctioner: 'reporting_officer', ledger: true },
    { code: 'EL', en: 'Earned Leave', hi: 'अर्जित अवकाश', entitlement: 30, accrual: 'half_yearly', carryForwardMax: 300, halfDayAllowed: false, counts: 'calendar', maxDaysPerSpell: 120, backDateDays: 0, sanctioner: 'collector', ledger: true },
    { code: 'HPL', en: 'Half Pay Leave', hi: 'अर्धवेतन अवकाश', entitlement: 20, accrual: 'yearly', carryForwardMax: null, halfDayAllowed: false, counts: 'calendar', maxDaysPerSpell: 180, backDateDays: 0, sanctioner: 'collector', ledger: true },
    { code: 'ML', en: 'Maternity Leave', hi: 'मातृत्व अवकाश', entitlement: 0, accrual: 'none', carryForwardMax: 0, halfDayAllowed: false, counts: 'calendar', maxDaysPerSpell: 180, backDateDays: 0, sanctioner: 'collector', ledger: false },
    { code: 'PL', en: 'Paternity Leave', hi: 'पितृत्व अवकाश', entitlement: 0, accrual: 'none', carryForwardMax: 0, halfDayAllowed: false, counts: 'calendar', maxDaysPerSpell: 15, backDateDays: 0, sanctioner: 'collector', ledger: false },
    { code: 'RH', en: 'Restricted Holiday', hi: 'प्रतिबंधित अवकाश', entitlement: 2, accrual: 'yearly', carryForwardMax: 0, halfDayAllowed: false, counts: 'working', maxDaysPerSpell: 1, backDateDays: 0, sanctioner: 'reporting_officer', ledger: true },
    { code: 'SCL', en: 'Special Casual Leave', hi: 'विशेष आकस्मिक अवकाश', entitlement: 0, accrual: 'none', carryForwardMax: 0, halfDayAllowed: false, counts: 'working', maxDaysPerSpell: 10, backDateDays: 0, sanctioner: 'reporting_officer', ledger: false },
    { code: 'station_leave', en: 'Permission to leave headquarters', hi: 'मुख्यालय छोड़ने की अनुमति', entitlement: 0, accrual: 'none', carryForwardMax: 0, halfDayAllowed: false, counts: 'calendar', maxDaysPerSpell: 3, backDateDays: 0, sanctioner: 'reporting_officer', ledger: false },
  ],
};

export function leaveType(rules: LeaveRules, code: string): LeaveTypeRule | null {
  const wanted = code.trim().toLowerCase();
  return rules.types.find((t) => t.code.toLowerCase() === wanted) ?? null;
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const SANCTION_RULE = /^(reporting_officer|collector|post:[A-Z][A-Z0-9_]*)$/;

export function isSanctionRule(value: unknown): value is SanctionRule {
  return typeof value === 'string' && SANCTION_RULE.test(value);
}

const nonNegative = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v) && v >= 0;

/**
 * Checks a leave rules file: {"collectorPostKey"?: "COLLECTOR", "types": [{…one LeaveTypeRule…}]}.
 * Every field of a type is required, so a file says in full what the office applies.
 */
export function parseLeaveRules(json: unknown): Parsed<LeaveRules> {
  if (!isRecord(json) || !Array.isArray(json.types)) return { ok: false, problems: ['expected an object with a "types" list'] };
  const problems: string[] = [];
  const collectorPostKey = json.collectorPostKey ?? DEFAULT_LEAVE_RULES.collectorPostKey;
  if (typeof collectorPostKey !== 'string' || !/^[A-Z][A-Z0-9_]*$/.test(collectorPostKey)) problems.push('"collectorPostKey" must be a post key in capitals, e.g. "COLLECTOR"');
  const types: LeaveTypeRule[] = [];
  const seen = new Set<string>();
  json.types.forEach((t, i) => {
    const at = `types[${i}]${isRecord(t) && typeof t.code === 'string' ? ` (${t.code})` : ''}`;
    if (!isRecord(t)) {
      problems.push(`${at}: expected an object`);
      return;
    }
    const before = problems.length;
    const need = (ok: boolean, what: string): void => {
      if (!ok) problems.push(`${at}: ${what}`);
    };
    need(typeof t.code === 'string' && /^[A-Za-z][A-Za-z0-9_]*$/.test(t.code), '"code" must be letters, digits or _, e.g. "CL"');
    need(typeof t.en === 'string' && t.en.trim() !== '', '"en" (English name) is required');
    need(typeof t.hi === 'string' && t.hi.trim() !== '', '"hi" (Hindi name) is required');
    need(nonNegative(t.entitlement), '"entitlement" must be a number of days, 0 or more');
    need(t.accrual === 'yearly' || t.accrual === 'half_yearly' || t.accrual === 'none', '"accrual" must be "yearly", "half_yearly" or "none"');
    need(t.carryForwardMax === null || nonNegative(t.carryForwardMax), '"carryForwardMax" must be a number of days or null (no cap)');
    need(typeof t.halfDayAllowed === 'boolean', '"halfDayAllowed" must be true or false');
    need(t.counts === 'working' || t.counts === 'calendar', '"counts" must be "working" or "calendar"');
    need(t.maxDaysPerSpell === null || (nonNegative(t.maxDaysPerSpell) && t.maxDaysPerSpell > 0), '"maxDaysPerSpell" must be a positive number of days or null');
    need(typeof t.backDateDays === 'number' && Number.isInteger(t.backDateDays) && t.backDateDays >= 0, '"backDateDays" must be a whole number of days, 0 or more');
    need(isSanctionRule(t.sanctioner), '"sanctioner" must be "reporting_officer", "collector" or "post:<KEY>" (e.g. "post:ADM")');
    need(typeof t.ledger === 'boolean', '"ledger" must be true or false');
    const extra = Object.keys(t).filter((k) => !(k in (DEFAULT_LEAVE_RULES.types[0] ?? {})));
    for (const k of extra) problems.push(`${at}: unknown key "${k}"`);
    if (problems.length > before) return;
    const rule = t as unknown as LeaveTypeRule;
    if (seen.has(rule.code.toLowerCase())) {
      problems.push(`${at}: the code is listed twice`);
      return;
    }
    seen.add(rule.code.toLowerCase());
    types.push({ ...rule, en: rule.en.trim(), hi: rule.hi.trim() });
  });
  if (json.types.length === 0) problems.push('"types" is empty: list at least one leave type');
  return problems.length > 0 ? { ok: false, problems } : { ok: true, value: { collectorPostKey: collectorPostKey as string, types } };
}
