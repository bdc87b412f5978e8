// The schedule: REMINDER_TIME as a cron line in India time, and the catch-up at start-up that
// finishes a morning the server missed or stopped half way — once.
import { describe, expect, it } from 'vitest';
import { cronExpression, scheduleDailyDigest } from '../../../bots/jobs/schedule.ts';
import { silentLogger } from '../../../bots/log.ts';
import { makeOffice } from '../../helpers/office.ts';
import { FakeClock } from '../../helpers/clock.ts';
import { PendingWriter, POLICY } from '../../core/pendency/pending-office.ts';

describe('the digest schedule', () => {
  it('turns HH:MM into a daily cron line', () => {
    expect(cronExpression('10:00')).toBe('0 10 * * *');
    expect(cronExpression('09:45')).toBe('45 9 * * *');
    expect(() => cronExpression('9.45')).toThrow('REMINDER_TIME "9.45" is not HH:MM');
  });

  it('catches up at start-up after the hour, once, and not before the hour', async () => {
    const early = await makeOffice({ clock: new FakeClock('2026-11-25T03:00:00.000Z') }); // 08:30 IST
    await new PendingWriter(early.store).file(early.staff.clerk, 'EST-1/2026', '2026-11-02');
    const deps = { store: early.store, clock: early.clock, policy: POLICY, reportRecipients: [] };
    const before = scheduleDailyDigest(deps, { time: '10:00', log: silentLogger });
    await before.catchUp;
    await before.stop();
    expect(await early.store.transaction((tx) => tx.outbox.pendingCount())).toBe(0);

    early.clock.advanceMinutes(120); // 10:30 IST: the server was down at 10:00
    const after = scheduleDailyDigest(deps, { time: '10:00', log: silentLogger });
    await after.catchUp;
    await after.stop();
    const queued = await early.store.transaction((tx) => tx.outbox.pendingCount());
    expect(queued).toBe(3); // the clerk, the section officer (team), the Collector's report note
    const again = scheduleDailyDigest(deps, { time: '10:00', log: silentLogger });
    await again.catchUp;
    await again.stop();
    expect(await early.store.transaction((tx) => tx.outbox.pendingCount())).toBe(queued);
  });
});

describe('reminder configuration', () => {
  it('has the documented defaults and names a bad value', async () => {
    const { loadConfig } = await import('../../../bots/config.ts');
    expect(loadConfig({}, '/srv/daftar').reminders).toEqual({ time: '10:00', slaFilesDays: 7, slaAbsenceDays: 2, reportRecipients: [] });
    expect(loadConfig({ REMINDER_TIME: '09:30', REMINDER_SLA_FILES_DAYS: '5', REPORT_RECIPIENTS: 'sah0001, SAH0003' }, '/srv').reminders)
      .toEqual({ time: '09:30', slaFilesDays: 5, slaAbsenceDays: 2, reportRecipients: ['SAH0001', 'SAH0003'] });
    expect(() => loadConfig({ REMINDER_TIME: '9:30' })).toThrow('REMINDER_TIME: expected a time of day HH:MM (24-hour, IST), e.g. 10:00, got "9:30"');
    expect(() => loadConfig({ REMINDER_SLA_ABSENCE_DAYS: '0' })).toThrow('REMINDER_SLA_ABSENCE_DAYS: expected a whole number from 1 to 365');
  });
});
