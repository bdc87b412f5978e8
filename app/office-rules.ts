// The office's own rule files named by the configuration (leave rules, holidays, tour and DA rates),
// read and checked at start: a file that does not parse stops start-up with one line naming it.
import { readFileSync } from 'node:fs';
import { ConfigError } from '../core/errors.ts';
import { DEFAULT_LEAVE_RULES, parseLeaveRules } from '../core/leave/rules.ts';
import { DEFAULT_CALENDAR, parseHolidays } from '../core/calendar/holidays.ts';
import type { LeavePolicy } from '../core/leave/common.ts';
import { DEFAULT_TOUR_RULES, parseTourRules, type TourRules } from '../core/tour/ta-rates.ts';
import type { Config } from '../bots/config.ts';
import { DEFAULT_DEADLINE_RULES, parseDeadlineRules, type DeadlineRules } from '../core/deadlines/rules.ts';

function loadJson<T>(file: string | null, variable: string, fallback: T, parse: (json: unknown) => { ok: true; value: T } | { ok: false; problems: string[] }): T {
  if (file === null) return fallback;
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new ConfigError(variable, `a readable JSON file (${error instanceof Error ? error.message : String(error)})`, file);
  }
  const parsed = parse(json);
  if (!parsed.ok) throw new ConfigError(variable, `valid content: ${parsed.problems.slice(0, 3).join('; ')}`, file);
  return parsed.value;
}

/** Tour sanction, DA rates by pay level and city class: documented defaults, or TOUR_RULES_FILE. */
export function tourRulesFrom(config: Config): TourRules {
  return loadJson(config.tourRulesFile, 'TOUR_RULES_FILE', DEFAULT_TOUR_RULES, parseTourRules);
}

/** The leave rules and holiday calendar: documented defaults, or the office's JSON files, checked. */
export function leavePolicyFrom(config: Config): LeavePolicy {
  const load = loadJson;
  return {
    rules: load(config.leaveRulesFile, 'LEAVE_RULES_FILE', DEFAULT_LEAVE_RULES, parseLeaveRules),
    calendar: load(config.holidaysFile, 'HOLIDAYS_FILE', DEFAULT_CALENDAR, parseHolidays),
  };
}

/** The kinds of statutory deadline a letter may carry (RTI, lok shikayat, court cases…): documented defaults, or DEADLINE_RULES_FILE. */
export function deadlineRulesFrom(config: Config): DeadlineRules {
  return loadJson(config.deadlineRulesFile, 'DEADLINE_RULES_FILE', DEFAULT_DEADLINE_RULES, parseDeadlineRules);
}
