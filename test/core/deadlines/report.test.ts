import { describe, expect, test } from 'vitest';
import { DEFAULT_CALENDAR } from '../../../core/calendar/holidays.ts';
import { computeDeadline, type Deadline } from '../../../core/deadlines/deadline.ts';
import { statutoryReport, type OpenStatutoryItem } from '../../../core/deadlines/report.ts';
import { DEFAULT_DEADLINE_RULES, deadlineKind } from '../../../core/deadlines/rules.ts';

const ist = (s: string): Date => new Date(`${s}+05:30`);
const rules = DEFAULT_DEADLINE_RULES;

function deadline(kind: string, receivedAt: string, statedDate?: string, dueDate?: string): Deadline {
  const k = deadlineKind(rules, kind);
  if (k === null) throw new Error(kind);
  const r = computeDeadline({ kind: k, receivedAt: ist(receivedAt), calendar: DEFAULT_CALENDAR, statedDate, dueDate });
  if (!r.ok) throw new Error(r.failure.code);
  return r.value;
}

const item = (fileNumber: string, section: string, d: Pick<Deadline, 'kind' | 'dueDate' | 'dueBy'>): OpenStatutoryItem =>
  ({ fileNumber, subject: `subject of ${fileNumber}`, section, holder: `holder of ${fileNumber}`, deadline: d });

// The report is made on Monday 23 November 2026 at 10:00 IST.
const NOW = ist('2026-11-23T10:00:00');

const items: OpenStatutoryItem[] = [
  // RTI received 24 Oct: due 23 Nov, today — due this week, 0 days left.
  item('GOP-3/2026', 'General (सामान्य शाखा)', deadline('rti', '2026-10-24T11:00:00')),
  // RTI received 30 Oct: 30 days end on Sunday 29 Nov, so due Saturday 28 Nov, 5 days left.
  item('GOP-4/2026', 'General (सामान्य शाखा)', deadline('rti', '2026-10-30T11:00:00')),
  // An RTI whose due date the clerk set to Sunday 29 Nov: 6 days left — the last day of "this week".
  item('GOP-8/2026', 'General (सामान्य शाखा)', deadline('rti', '2026-10-30T11:00:00', undefined, '2026-11-29')),
  // RTI received 31 Oct: due 30 Nov, 7 days left — next week.
  item('GOP-5/2026', 'General (सामान्य शाखा)', deadline('rti', '2026-10-31T11:00:00')),
  // Contempt, hearing 26 Nov: due 19 Nov — 4 days overdue.
  item('LGL-7/2026', 'Legal (विधि शाखा)', deadline('mjc', '2026-11-02T12:00:00', '2026-11-26')),
  // Writ, hearing 30 Nov: due 23 Nov — today.
  item('LGL-9/2026', 'Legal (विधि शाखा)', deadline('cwjc', '2026-11-02T12:00:00', '2026-11-30')),
  // Contempt, hearing 30 Nov: due 23 Nov — today, and listed before the others due today.
  item('LGL-11/2026', 'Legal (विधि शाखा)', deadline('mjc', '2026-11-02T12:00:00', '2026-11-30')),
  // 48 hours from Saturday 21 Nov 09:00: due today at 09:00 — overdue at its hour, though due "today".
  item('GOP-6/2026', 'General (सामान्य शाखा)', deadline('rti_life_liberty', '2026-11-21T09:00:00')),
  // MLA's letter received 1 Oct: due 31 Oct — 23 days overdue.
  item('DEV-2/2026', 'Development (विकास शाखा)', deadline('public_representative', '2026-10-01T15:00:00')),
  // MLA's letter received 5 Oct: due 4 Nov — 19 days overdue.
  item('DEV-3/2026', 'Development (विकास शाखा)', deadline('public_representative', '2026-10-05T15:00:00')),
];

describe('the statutory section of the pendency report', () => {
  const report = statutoryReport(items, { now: NOW, rules });

  test('due this week: today and the six days after, not overdue, the earliest first (serious first on a day)', () => {
    expect(report.asOn).toBe('2026-11-23');
    expect(report.dueThisWeek.map((r) => `${r.fileNumber} ${r.dueDate} ${r.daysLeft}`)).toEqual([
      'LGL-11/2026 2026-11-23 0',
      'GOP-3/2026 2026-11-23 0',
      'LGL-9/2026 2026-11-23 0',
      'GOP-4/2026 2026-11-28 5',
      'GOP-8/2026 2026-11-29 6',
    ]);
    // Due on 30 November, 7 days left: next week's.
    expect(report.dueThisWeek.some((r) => r.fileNumber === 'GOP-5/2026')).toBe(false);
  });

  test('overdue: the longest overdue first, a 48-hour one from its hour', () => {
    expect(report.overdue.map((r) => `${r.fileNumber} ${r.kind} ${r.daysLeft}`)).toEqual([
      'DEV-2/2026 public_representative -23',
      'DEV-3/2026 public_representative -19',
      'LGL-7/2026 mjc -4',
      'GOP-6/2026 rti_life_liberty 0',
    ]);
    expect(report.overdue[2]).toMatchObject({
      kindEn: 'High Court contempt case (MJC)', kindHi: 'उच्च न्यायालय अवमानना वाद (एम.जे.सी.)', serious: true,
      section: 'Legal (विधि शाखा)', holder: 'holder of LGL-7/2026', subject: 'subject of LGL-7/2026',
    });
  });

  test('by section: every open item counted once, most overdue first, then most due this week', () => {
    expect(report.bySection).toEqual([
      { section: 'Development (विकास शाखा)', open: 2, dueThisWeek: 0, overdue: 2 },
      { section: 'General (सामान्य शाखा)', open: 5, dueThisWeek: 3, overdue: 1 },
      { section: 'Legal (विधि शाखा)', open: 3, dueThisWeek: 2, overdue: 1 },
    ]);
    expect(report.totals).toEqual({ open: 10, dueThisWeek: 5, overdue: 4 });
  });

  test('a kind the office has since removed from its rules is still listed, by its key', () => {
    const old = statutoryReport([item('EST-1/2026', 'Establishment', { kind: 'service_appeal', dueDate: '2026-11-20', dueBy: ist('2026-11-21T00:00:00') })], { now: NOW, rules });
    expect(old.overdue[0]).toMatchObject({ kind: 'service_appeal', kindEn: 'service_appeal', kindHi: 'service_appeal', serious: false, daysLeft: -3 });
  });

  test('no open statutory items: an empty section, not a missing one', () => {
    expect(statutoryReport([], { now: NOW, rules })).toEqual({
      asOn: '2026-11-23', dueThisWeek: [], overdue: [], bySection: [], totals: { open: 0, dueThisWeek: 0, overdue: 0 },
    });
  });
});
