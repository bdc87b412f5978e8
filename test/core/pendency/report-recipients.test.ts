// Who gets the Collector's pendency report, and so who may ask for it: one rule for the daily job and the chat.
import { describe, expect, it } from 'vitest';
import { isReportRecipient, reportRecipientsOf } from '../../../core/pendency/report-recipients.ts';
import { MemoryStore } from '../../../core/store/memory-store.ts';
import { seedSmallOffice } from '../../helpers/office.ts';

async function office() {
  const store = new MemoryStore();
  const staff = await seedSmallOffice(store);
  return { store, staff };
}

describe('report recipients', () => {
  it('are the active Collector when none are configured, and only they may ask', async () => {
    const { store, staff } = await office();
    expect((await store.transaction((tx) => reportRecipientsOf(tx, []))).map((e) => e.code)).toEqual([staff.collector.code]);
    expect(isReportRecipient(staff.collector, [])).toBe(true);
    expect(isReportRecipient(staff.ddc, [])).toBe(false);
    expect(isReportRecipient({ ...staff.collector, active: false }, [])).toBe(false);
  });

  it('are the configured codes otherwise, in their order, once each, active only, in any case', async () => {
    const { store, staff } = await office();
    await store.transaction((tx) => tx.employees.update(staff.so.id, { active: false }));
    const codes = ['sah0002', 'SAH0099', staff.so.code, 'SAH0021', 'SAH0002'];
    expect((await store.transaction((tx) => reportRecipientsOf(tx, codes))).map((e) => e.code)).toEqual(['SAH0002', 'SAH0021']);
    expect(isReportRecipient(staff.ddc, codes)).toBe(true);
    // Configured codes replace the Collector.
    expect(isReportRecipient(staff.collector, codes)).toBe(false);
  });
});
