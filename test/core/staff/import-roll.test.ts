import { describe, expect, it } from 'vitest';
import { MemoryStore } from '../../../core/store/memory-store.ts';
import { importRoll } from '../../../core/staff/import-roll.ts';
import { verifyChain } from '../../../core/audit/verify-chain.ts';
import {
  audit, canonicalPost, CLERK, COLLECTOR, DDC, employee, load, newClock, OFFICE, outcomeAt, rollRows, SO, staff,
} from './roll-helpers.ts';

describe('importRoll: a good roll', () => {
  it('creates every employee with normalised values, sections and the reporting hierarchy', async () => {
    const store = new MemoryStore();
    const report = await load(store, OFFICE);
    expect(report.summary).toEqual({ created: 4, updated: 0, unchanged: 0, rejected: 0, total: 4, notInFile: 0 });
    expect(report.sectionsCreated.map((s) => [s.code, s.name])).toEqual([
      ['GOP', 'जिला गोपनीय प्रशाखा'], ['DEV', 'विकास'], ['EST', 'Establishment'],
    ]);
    const collector = await employee(store, 'SAH0001');
    const ddc = await employee(store, 'SAH0002');
    const so = await employee(store, 'SAH0010');
    const clerk = await employee(store, 'SAH0020');
    expect(collector).toMatchObject({ dob: '1978-03-14', postKey: 'COLLECTOR', reportingOfficerId: null, active: true, language: 'hi' });
    expect(ddc).toMatchObject({
      mobile: '9000000002', dob: '1975-07-02', email: 'ddc@saharsa.example.in', postKey: 'DDC',
      reportingOfficerId: collector?.id, language: 'en',
    });
    // By name + post: "Shri rakesh  ranjan", "DDC" is Rakesh Ranjan, उप विकास आयुक्त.
    expect(so).toMatchObject({ mobile: '9000000010', dob: '1976-03-08', email: null, reportingOfficerId: ddc?.id, language: 'hi' });
    expect(clerk).toMatchObject({ reportingOfficerId: so?.id, sectionId: so?.sectionId, language: 'hi' });
  });

  it('accepts a report before its officer in the file: officers are written first', async () => {
    const store = new MemoryStore();
    const report = await load(store, [CLERK, SO, DDC, COLLECTOR]);
    expect(report.summary.created).toBe(4);
    const so = await employee(store, 'SAH0010');
    expect((await employee(store, 'SAH0020'))?.reportingOfficerId).toBe(so?.id);
    expect(report.rows.map((r) => r.line)).toEqual([2, 3, 4, 5]); // the report stays in file order
  });

  it('reads a roll with the Hindi headers of the prapatra, officer as one "नाम व पद" cell', async () => {
    const store = new MemoryStore();
    const hindi = {
      name: 'नाम', code: 'कर्मी कोड', dob: 'जन्मतिथि', post: 'पद', mobile: 'संपर्क नंबर', email: 'इमेल आईडी',
      section: 'कोषांग का नाम', officerName: 'रिपोर्टिंग पदाधिकारी का नाम व पद', language: 'भाषा',
    };
    const people = [
      { ...COLLECTOR, officerName: '' },
      { ...DDC, officerName: 'श्री आनंद शर्मा (जिलाधिकारी)' },
      { ...SO, officerName: 'Rakesh Ranjan, उप विकास आयुक्त' },
    ];
    const report = await importRoll(store, newClock(), { rows: rollRows(people, hindi), actor: null });
    expect(report.summary.created).toBe(3);
    expect(report.unknownColumns).toEqual([]);
    const collector = await employee(store, 'SAH0001');
    expect((await employee(store, 'SAH0002'))?.reportingOfficerId).toBe(collector?.id);
  });

  it('writes an audit event per employee and section created, with no mobile, date of birth or e-mail', async () => {
    const store = new MemoryStore();
    await load(store, OFFICE);
    const events = await audit(store);
    expect(events.map((e) => e.type).sort()).toEqual([
      'section.created', 'section.created', 'section.created', 'staff.created', 'staff.created', 'staff.created', 'staff.created',
    ]);
    expect(events.every((e) => e.actor === 'SAH0004')).toBe(true);
    const created = events.find((e) => e.type === 'staff.created' && e.subjectId === 'SAH0020');
    expect(JSON.parse(created?.data ?? '{}')).toEqual({ source: 'roll-import', line: 5, section: 'EST', reportingOfficer: 'SAH0010' });
    const all = JSON.stringify(events);
    for (const secret of ['9000000001', '1978-03-14', 'dm@saharsa']) expect(all).not.toContain(secret);
    expect((await verifyChain(store)).ok).toBe(true);
  });
});

describe('importRoll: importing again', () => {
  it('updates by employee code, never duplicates, and names what changed', async () => {
    const store = new MemoryStore();
    await load(store, OFFICE);
    const before = await audit(store);
    const report = await load(store, [
      COLLECTOR,
      { ...DDC, mobile: '9000000099', post: 'DDC' },
      { ...SO, code: 'SAH0010', section: 'जिला गोपनीय प्रशाखा', officerName: 'आनंद शर्मा', officerPost: 'Collector' },
      CLERK,
    ]);
    expect(report.summary).toMatchObject({ created: 0, updated: 2, unchanged: 2, rejected: 0, total: 4 });
    expect(outcomeAt(report, 3)).toEqual({ line: 3, code: 'SAH0002', status: 'updated', changed: ['post', 'mobile'], inactive: false });
    expect(outcomeAt(report, 4)).toMatchObject({ status: 'updated', changed: ['section', 'reportingOfficer'] });
    expect(outcomeAt(report, 2).status).toBe('unchanged');
    expect(await staff(store)).toHaveLength(4);
    expect(await employee(store, 'SAH0002')).toMatchObject({ mobile: '9000000099', post: 'DDC', postKey: 'DDC' });

    const added = (await audit(store)).slice(before.length);
    expect(added.map((e) => [e.type, e.subjectId, JSON.parse(e.data).changed])).toEqual([
      ['staff.updated', 'SAH0002', ['post', 'mobile']],
      ['staff.updated', 'SAH0010', ['section', 'reportingOfficer']],
    ]);
    expect(JSON.stringify(added)).not.toContain('9000000099');
  });

  it('leaves staff not in the file alone and counts them', async () => {
    const store = new MemoryStore();
    await load(store, OFFICE);
    const clerkBefore = await employee(store, 'SAH0020');
    const report = await load(store, [COLLECTOR, DDC]);
    expect(report.summary).toMatchObject({ unchanged: 2, notInFile: 2 });
    expect(await employee(store, 'SAH0020')).toEqual(clerkBefore);
  });

  it('keeps what the file does not speak about: officer, e-mail and language without their columns', async () => {
    const store = new MemoryStore();
    await load(store, OFFICE);
    const narrow = rollRows([{ ...DDC, post: 'उप विकास आयुक्त' }], {
      name: 'Name', code: 'Employee Code', dob: 'DOB', post: 'Post', mobile: 'Mobile', section: 'Section',
    });
    const report = await importRoll(store, newClock(), { rows: narrow, actor: null, canonicalPost });
    expect(report.rows[0]?.status).toBe('unchanged');
    expect(await employee(store, 'SAH0002')).toMatchObject({ email: 'ddc@saharsa.example.in', language: 'en' });
    expect((await employee(store, 'SAH0002'))?.reportingOfficerId).not.toBeNull();
  });

  it('a blank officer cell puts the employee at the top; an inactive employee is updated but stays inactive', async () => {
    const store = new MemoryStore();
    await load(store, OFFICE);
    const clerk = await employee(store, 'SAH0020');
    await store.transaction((tx) => tx.employees.update(clerk?.id ?? 0, { active: false }));
    const report = await load(store, [COLLECTOR, { ...DDC, officerCode: '' }, SO, { ...CLERK, post: 'Clerk' }]);
    expect(outcomeAt(report, 3)).toMatchObject({ status: 'updated', changed: ['reportingOfficer'] });
    expect(outcomeAt(report, 5)).toMatchObject({ status: 'updated', changed: ['post'], inactive: true });
    expect((await employee(store, 'SAH0002'))?.reportingOfficerId).toBeNull();
    expect((await employee(store, 'SAH0020'))?.active).toBe(false);
  });

  it('moves a mobile from one employee to another in one import when the holder changes number', async () => {
    const store = new MemoryStore();
    await load(store, OFFICE);
    // The new clerk (line 2) takes the DDC's old number; the DDC's row (line 4) moves to a new one.
    const newClerk = { ...CLERK, name: 'Priya Singh', code: 'SAH0021', mobile: '9000000002', email: '' };
    const report = await load(store, [newClerk, COLLECTOR, { ...DDC, mobile: '9000000098' }]);
    expect(report.summary).toMatchObject({ created: 1, updated: 1, unchanged: 1, rejected: 0 });
    expect((await employee(store, 'SAH0021'))?.mobile).toBe('9000000002');
  });

  it('without a post table, keeps the stored postKey while the post is unchanged', async () => {
    const store = new MemoryStore();
    await load(store, OFFICE);
    const report = await importRoll(store, newClock(), { rows: rollRows([COLLECTOR, { ...DDC, post: 'Deputy Development Commissioner' }]), actor: null });
    expect(report.summary).toMatchObject({ unchanged: 1, updated: 1 });
    expect((await employee(store, 'SAH0001'))?.postKey).toBe('COLLECTOR');
    expect((await employee(store, 'SAH0002'))?.postKey).toBeNull();
  });
});
