// What every Store must do for tx.pendency (the office-wide reads of the digests and the report),
// run against each implementation like store-contract.ts.
import { describe, expect } from 'vitest';
import { contractHarness } from './harness.ts';
import type { EFile, Movement, Receipt } from '../../core/efile/types.ts';
import type { Employee } from '../../core/types.ts';
import type { ContractOptions, StoreUnderTest } from './store-contract.ts';

const T0 = new Date('2026-11-02T06:00:00.000Z');
const DAY = 86_400_000;
const at = (days: number, ms = 0) => new Date(T0.getTime() + days * DAY + ms);

export function describePendencyContract(name: string, make: () => Promise<StoreUnderTest>, options: ContractOptions = {}): void {
  const { it, tx, setUp, checkGaps } = contractHarness(make, options);

  /** Two sections, three employees (ids in `staff`), all made in one transaction. */
  const office = () => tx(async (t) => {
    const est = await t.sections.create({ code: 'EST', name: 'Establishment' });
    const rev = await t.sections.create({ code: 'REV', name: 'Revenue' });
    const staff: Employee[] = [];
    for (const [n, sectionId] of [[1, est.id], [2, est.id], [3, rev.id]] as const) {
      staff.push(await t.employees.create({
        code: `EMP${n}`, name: `कर्मचारी ${n}`, dob: '1980-01-01', post: 'Clerk', postKey: null, mobile: `98765000${n}0`, email: null,
        sectionId, reportingOfficerId: null, active: true, language: 'hi', preferredChannel: null, remindersMuted: false,
      }));
    }
    return { est, rev, staff };
  });
  let serial = 0;
  const file = (patch: Partial<Omit<EFile, 'id' | 'version'>>) => tx((t) => {
    serial += 1;
    return t.files.create({
      fileNumber: `EST-${serial}/2026`, sectionId: 1, year: 2026, serial, subject: `File ${serial}`, createdById: 1, holderId: 1,
      status: 'open', createdAt: T0, movedAt: at(serial), closedRemark: null, ...patch,
    });
  });
  const receipt = (patch: Partial<Omit<Receipt, 'id' | 'version'>>) => tx((t) => {
    serial += 1;
    return t.receipts.create({
      diaryNumber: `SAH/R/2026/${String(serial).padStart(6, '0')}`, year: 2026, serial, subject: `Letter ${serial}`, fromWhom: null,
      receivedOn: '2026-11-02', createdById: 1, holderId: 1, fileId: null, pdfBlob: 'a'.repeat(64), pages: 1, status: 'open',
      createdAt: T0, movedAt: at(serial), ...patch,
    });
  });
  const move = (patch: Partial<Omit<Movement, 'id'>>) => tx((t) => t.movements.add({
    subjectType: 'file', subjectId: 1, fromId: 1, toId: 2, action: 'forwarded', remark: null, at: T0, ...patch,
  }));

  describe(`Store contract, pendency: ${name}`, () => {
    setUp();

    it('lists open and parked files in pages by id, and open receipts only', async () => {
      const { staff, rev } = await office();
      const a = await file({ holderId: staff[0]!.id });
      await file({ status: 'closed' });
      const c = await file({ status: 'parked', holderId: staff[2]!.id, sectionId: rev.id, subject: 'भूमि अधिग्रहण' });
      const d = await file({ holderId: staff[1]!.id });
      const open = await receipt({ holderId: staff[1]!.id });
      await receipt({ status: 'filed', fileId: a.id });
      await receipt({ status: 'closed' });

      const first = await tx((t) => t.pendency.files(0, 2));
      expect(first).toEqual([
        { id: a.id, fileNumber: a.fileNumber, subject: a.subject, holderId: staff[0]!.id, sectionId: a.sectionId, parked: false, movedAt: a.movedAt },
        { id: c.id, fileNumber: c.fileNumber, subject: 'भूमि अधिग्रहण', holderId: staff[2]!.id, sectionId: rev.id, parked: true, movedAt: c.movedAt },
      ]);
      expect((await tx((t) => t.pendency.files(c.id, 2))).map((f) => f.id)).toEqual([d.id]);
      expect(await tx((t) => t.pendency.files(d.id, 2))).toEqual([]);
      expect(await tx((t) => t.pendency.receipts(0, 10))).toEqual([
        { id: open.id, diaryNumber: open.diaryNumber, subject: open.subject, holderId: staff[1]!.id, movedAt: open.movedAt },
      ]);
      expect(await tx((t) => t.pendency.receipts(open.id, 10))).toEqual([]);
      // Bounded by an id range: only what lies in (afterId, upToId].
      expect((await tx((t) => t.pendency.files(0, 10, c.id))).map((f) => f.id)).toEqual([a.id, c.id]);
      expect((await tx((t) => t.pendency.files(a.id, 10, d.id - 1))).map((f) => f.id)).toEqual([c.id]);
      expect(await tx((t) => t.pendency.receipts(0, 10, open.id - 1))).toEqual([]);
      expect((await tx((t) => t.pendency.receipts(open.id - 1, 10, open.id))).map((r) => r.id)).toEqual([open.id]);
    });

    it('lists leave, tour and TA applications pending or returned, with what their lines need', async () => {
      const { staff } = await office();
      const [applicant, officer] = [staff[0]!, staff[1]!];
      const app = { employeeId: applicant.id, sanctionerId: officer.id, holderId: officer.id, remark: null, createdAt: T0, decidedAt: null, chargeToId: null };
      const rows = await tx(async (t) => {
        const leave = await t.leave.create({ ...app, number: 'LV/2026/000001', type: 'EL', startDate: '2026-12-01', endDate: '2026-12-05', halfDay: null, days: 5, reason: 'x', status: 'pending', movedAt: at(1) });
        await t.leave.create({ ...app, number: 'LV/2026/000002', type: 'CL', startDate: '2026-12-01', endDate: '2026-12-01', halfDay: null, days: 1, reason: 'x', status: 'sanctioned', movedAt: at(2) });
        const tour = await t.tours.create({ ...app, holderId: applicant.id, number: 'TR/2026/000001', destinations: ['सिमरी बख्तियारपुर', 'Patna'], startDate: '2026-12-03', endDate: '2026-12-04', purpose: 'p', travelMode: null, status: 'returned', movedAt: at(3) });
        const claim = await t.taClaims.create({ ...app, number: 'TA/2026/000001', tourId: tour.id, journeys: [], daDays: 1, daRate: 500, total: 1250.5, status: 'pending', movedAt: at(4) });
        return { leave, tour, claim };
      });
      const base = { employeeId: applicant.id };
      expect(await tx((t) => t.pendency.applications())).toEqual([
        { ...base, kind: 'leave', id: rows.leave.id, number: 'LV/2026/000001', holderId: officer.id, returned: false, movedAt: at(1), type: 'EL', startDate: '2026-12-01', endDate: '2026-12-05' },
        { ...base, kind: 'tour', id: rows.tour.id, number: 'TR/2026/000001', holderId: applicant.id, returned: true, movedAt: at(3), destinations: ['सिमरी बख्तियारपुर', 'Patna'], startDate: '2026-12-03', endDate: '2026-12-04' },
        { ...base, kind: 'ta', id: rows.claim.id, number: 'TA/2026/000001', holderId: officer.id, returned: false, movedAt: at(4), total: 1250.5 },
      ]);
    });

    it('counts pending files and receipts per holder by age bucket, a row moved exactly at a cutoff in the newer one', async () => {
      const { staff } = await office();
      const [one, two] = [staff[0]!.id, staff[1]!.id];
      const cutoffs = [at(10), at(5)];
      await file({ holderId: one, movedAt: at(12) });
      await file({ holderId: one, movedAt: at(10) });
      await file({ holderId: one, movedAt: at(10, -1) });
      await file({ holderId: one, movedAt: at(1), status: 'parked' });
      await file({ holderId: one, movedAt: at(1), status: 'closed' });
      await file({ holderId: two, movedAt: at(5) });
      await receipt({ holderId: two, movedAt: at(0) });
      await receipt({ holderId: two, movedAt: at(11) });
      await receipt({ holderId: two, movedAt: at(11), status: 'filed' });
      expect(await tx((t) => t.pendency.countsByHolder(cutoffs, 0, 1_000))).toEqual([
        { holderId: one, kind: 'file', counts: [2, 1, 1] },
        { holderId: two, kind: 'file', counts: [0, 1, 0] },
        { holderId: two, kind: 'receipt', counts: [1, 0, 1] },
      ]);
      expect(await tx((t) => t.pendency.countsByHolder([], 0, 1_000))).toEqual([
        { holderId: one, kind: 'file', counts: [4] },
        { holderId: two, kind: 'file', counts: [1] },
        { holderId: two, kind: 'receipt', counts: [2] },
      ]);
      // By id range, each table by its own ids: the 2nd and 3rd file, the 2nd and 3rd receipt.
      const first = { file: (await tx((t) => t.pendency.files(0, 1)))[0]!.id, receipt: (await tx((t) => t.pendency.receipts(0, 1)))[0]!.id };
      expect(first.receipt).toBe(first.file);
      expect(await tx((t) => t.pendency.countsByHolder(cutoffs, first.file, first.file + 2))).toEqual([
        { holderId: one, kind: 'file', counts: [1, 1, 0] },
        { holderId: two, kind: 'receipt', counts: [1, 0, 0] },
      ]);
      expect(await tx((t) => t.pendency.lastId())).toBe(first.file + 5);
    });

    it('gives the files longest with their holder, oldest first, ties by id, closed ones left out', async () => {
      await office();
      const a = await file({ movedAt: at(3) });
      const b = await file({ movedAt: at(1) });
      await file({ movedAt: at(0), status: 'closed' });
      const d = await file({ movedAt: at(1), status: 'parked' });
      await file({ movedAt: at(9) });
      expect((await tx((t) => t.pendency.oldestFiles(3))).map((f) => [f.id, f.parked])).toEqual([[b.id, false], [d.id, true], [a.id, false]]);
      expect(await tx((t) => t.pendency.oldestFiles(0))).toEqual([]);
      // Within a range of ids only: b and d are left out, a is the oldest of what is left.
      expect((await tx((t) => t.pendency.oldestFiles(3, { afterId: d.id, upToId: d.id + 1 }))).map((f) => f.id)).toEqual([d.id + 1]);
      expect((await tx((t) => t.pendency.oldestFiles(3, { afterId: 0, upToId: a.id }))).map((f) => f.id)).toEqual([a.id]);
    });

    it('finds files closed, or approved back to their creator, within [from, to), once each with the owning section', async () => {
      const { staff, est, rev } = await office();
      const [clerk, officer, other] = staff.map((e) => e.id) as [number, number, number];
      const from = at(7);
      const to = at(14);
      const closed = await file({ sectionId: rev.id, createdById: clerk, status: 'closed' });
      const approved = await file({ sectionId: est.id, createdById: clerk });
      const approvedElsewhere = await file({ createdById: clerk });
      const early = await file({ createdById: clerk, status: 'closed' });
      const twice = await file({ sectionId: est.id, createdById: clerk, status: 'closed' });
      const atEnd = await file({ createdById: clerk, status: 'closed' });
      await move({ subjectId: closed.id, fromId: other, toId: other, action: 'closed', at: from });
      await move({ subjectId: approved.id, fromId: officer, toId: clerk, action: 'approved', at: at(9) });
      await move({ subjectId: approvedElsewhere.id, fromId: officer, toId: other, action: 'approved', at: at(9) });
      await move({ subjectId: early.id, fromId: clerk, toId: clerk, action: 'closed', at: at(7, -1) });
      await move({ subjectId: twice.id, fromId: officer, toId: clerk, action: 'approved', at: at(8) });
      await move({ subjectId: twice.id, fromId: clerk, toId: clerk, action: 'closed', at: at(10) });
      await move({ subjectId: atEnd.id, fromId: clerk, toId: clerk, action: 'closed', at: to });
      await move({ subjectType: 'receipt', subjectId: approved.id, fromId: clerk, toId: clerk, action: 'closed', at: at(9) });
      await move({ subjectId: approvedElsewhere.id, fromId: clerk, toId: officer, action: 'forwarded', at: at(10) });
      expect(await tx((t) => t.pendency.disposedFiles(from, to))).toEqual([
        { fileId: closed.id, sectionId: rev.id },
        { fileId: approved.id, sectionId: est.id },
        { fileId: twice.id, sectionId: est.id },
      ]);
      // By the mover's id: the officer approved two of them, the other employee closed one.
      expect(await tx((t) => t.pendency.disposedFiles(from, to, { afterId: clerk, upToId: officer }))).toEqual([
        { fileId: approved.id, sectionId: est.id },
        { fileId: twice.id, sectionId: est.id },
      ]);
      expect(await tx((t) => t.pendency.disposedFiles(from, to, { afterId: officer, upToId: other }))).toEqual([
        { fileId: closed.id, sectionId: rev.id },
      ]);
      expect(await tx((t) => t.pendency.disposedFiles(from, to, { afterId: other, upToId: other + 10 }))).toEqual([]);
    });

    checkGaps();
  });
}
