// A receipt diarised without a subject gets one later from its holder, as an audited change.
import { describe, expect, it } from 'vitest';
import { diariseReceipt, setReceiptSubject } from '../../../core/efile/receipts.ts';
import { DEFAULT_NUMBER_FORMATS } from '../../../core/efile/numbering.ts';
import { MemoryStore } from '../../../core/store/memory-store.ts';
import { verifyChain } from '../../../core/audit/verify-chain.ts';
import { seedSmallOffice } from '../../helpers/office.ts';
import { FakeClock } from '../../helpers/clock.ts';

async function setUp() {
  const store = new MemoryStore();
  const clock = new FakeClock();
  const staff = await seedSmallOffice(store);
  const receipt = await store.transaction((tx) => diariseReceipt(tx, clock, {
    actor: staff.clerk, subject: '(विषय प्रतीक्षित)', fromWhom: null, pdfBlob: 'a'.repeat(64), pages: 1,
    originals: [{ blob: 'b'.repeat(64), filename: 'scan.jpg', mime: 'image/jpeg' }], formats: DEFAULT_NUMBER_FORMATS,
  }));
  return { store, clock, staff, receipt };
}

describe('setting a receipt\'s subject', () => {
  it('by its holder: the subject changes and an audit event says from what to what', async () => {
    const { store, clock, staff, receipt } = await setUp();
    const updated = await store.transaction((tx) => setReceiptSubject(tx, clock, { actor: staff.clerk, receipt, subject: '  बाढ़ राहत दावा  ' }));
    expect(updated?.subject).toBe('बाढ़ राहत दावा');
    const events = await store.transaction((tx) => tx.audit.page(1, 100));
    const set = events.find((e) => e.type === 'receipt.subject_set');
    expect(set).toMatchObject({ actor: staff.clerk.code, subjectType: 'receipt', subjectId: receipt.diaryNumber });
    expect(JSON.parse(set?.data ?? '{}')).toEqual({ subject: 'बाढ़ राहत दावा', before: '(विषय प्रतीक्षित)' });
    expect((await verifyChain(store)).ok).toBe(true);
  });

  it('by anyone else, or on a receipt that changed meanwhile: nothing is written', async () => {
    const { store, clock, staff, receipt } = await setUp();
    expect(await store.transaction((tx) => setReceiptSubject(tx, clock, { actor: staff.so, receipt, subject: 'x' }))).toBeNull();
    await store.transaction((tx) => tx.receipts.update(receipt.id, receipt.version, { subject: 'changed elsewhere' }));
    expect(await store.transaction((tx) => setReceiptSubject(tx, clock, { actor: staff.clerk, receipt, subject: 'stale' }))).toBeNull();
    const now = await store.transaction((tx) => tx.receipts.byDiaryNumber(receipt.diaryNumber));
    expect(now?.subject).toBe('changed elsewhere');
    const types = (await store.transaction((tx) => tx.audit.page(1, 100))).map((e) => e.type);
    expect(types).not.toContain('receipt.subject_set');
  });
});
