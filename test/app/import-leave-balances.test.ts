// Opening leave balances from a CSV: all or nothing, and a re-import corrects rather than doubles.
import { describe, expect, it } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { MemoryStore } from '../../core/store/memory-store.ts';
import { DEFAULT_LEAVE_RULES } from '../../core/leave/rules.ts';
import { DEFAULT_CALENDAR } from '../../core/calendar/holidays.ts';
import { runImportLeaveBalances } from '../../app/cli/import-leave-balances.ts';
import { seedSmallOffice } from '../helpers/office.ts';
import { FakeClock } from '../helpers/clock.ts';

function sink(): { out: NodeJS.WritableStream; text: () => string } {
  let text = '';
  return { out: { write: (s: string) => { text += s; return true; } } as unknown as NodeJS.WritableStream, text: () => text };
}

describe('daftar import-leave-balances', () => {
  it('writes good rows once, refuses a file with a bad row whole, and corrects on re-import', async () => {
    const store = new MemoryStore();
    const staff = await seedSmallOffice(store);
    const deps = { store, clock: new FakeClock(), policy: { rules: DEFAULT_LEAVE_RULES, calendar: DEFAULT_CALENDAR } };
    const dir = mkdtempSync(path.join(tmpdir(), 'daftar-balances-'));
    const good = path.join(dir, 'good.csv');
    writeFileSync(good, 'कर्मी कोड,प्रकार,दिन\nSAH0020,CL,12\nSAH0020,EL,140.5\nSAH0021,CL,16\n');
    const first = sink();
    expect(await runImportLeaveBalances(deps, good, 2026, first.out)).toBe(0);
    expect(first.text()).toContain('3 written');
    const balance = (id: number, type: string) => store.transaction((tx) => tx.leaveLedger.balance(id, 2026, type));
    expect(await balance(staff.clerk.id, 'EL')).toBe(140.5);

    const bad = path.join(dir, 'bad.csv');
    writeFileSync(bad, 'employee code,type,days\nSAH0020,CL,10\nSAH9999,CL,5\nSAH0021,XYZ,2\n');
    const refused = sink();
    expect(await runImportLeaveBalances(deps, bad, 2026, refused.out)).toBe(1);
    expect(refused.text()).toMatch(/line 3: unknown employee/);
    expect(refused.text()).toMatch(/line 4: unknown type/);
    expect(await balance(staff.clerk.id, 'CL')).toBe(12);

    const corrected = path.join(dir, 'again.csv');
    writeFileSync(corrected, 'employee code,type,days\nSAH0020,CL,10\nSAH0021,CL,16\n');
    const again = sink();
    expect(await runImportLeaveBalances(deps, corrected, 2026, again.out)).toBe(0);
    expect(again.text()).toContain('1 written, 1 unchanged');
    expect(await balance(staff.clerk.id, 'CL')).toBe(10);
    expect(await balance(staff.clerkEn.id, 'CL')).toBe(16);
  });
});
