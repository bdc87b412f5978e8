import { describe, expect, it } from 'vitest';
import { MemoryStore } from '../../../core/store/memory-store.ts';
import { importRoll } from '../../../core/staff/import-roll.ts';
import type { RollReason } from '../../../core/staff/roll-types.ts';
import {
  audit, CLERK, COLLECTOR, DDC, employee, load, newClock, OFFICE, outcomeAt, rollRows, SO, staff, type Person,
} from './roll-helpers.ts';

const bad = (overrides: Person): Person => ({ ...CLERK, officerName: '', officerPost: '', officerCode: 'SAH0002', ...overrides });

/** Each case: a roll whose last row (line 4 unless said) is refused for exactly this reason. */
const CASES: Array<[string, Person[], RollReason]> = [
  ['a blank name', [COLLECTOR, DDC, bad({ name: '' })], { code: 'ROLL.MISSING_VALUE', params: { field: 'name' } }],
  ['a blank code', [COLLECTOR, DDC, bad({ code: ' ' })], { code: 'ROLL.MISSING_VALUE', params: { field: 'code' } }],
  ['a blank date of birth', [COLLECTOR, DDC, bad({ dob: '' })], { code: 'ROLL.MISSING_VALUE', params: { field: 'dob' } }],
  ['a blank post', [COLLECTOR, DDC, bad({ post: '' })], { code: 'ROLL.MISSING_VALUE', params: { field: 'post' } }],
  ['a blank mobile', [COLLECTOR, DDC, bad({ mobile: '' })], { code: 'ROLL.MISSING_VALUE', params: { field: 'mobile' } }],
  ['a blank section', [COLLECTOR, DDC, bad({ section: '' })], { code: 'ROLL.MISSING_VALUE', params: { field: 'section' } }],
  ['an unusable code', [COLLECTOR, DDC, bad({ code: 'SAH 0020' })], { code: 'ROLL.BAD_CODE', params: { value: 'SAH 0020' } }],
  ['a short mobile', [COLLECTOR, DDC, bad({ mobile: '98765' })], { code: 'ROLL.BAD_MOBILE', params: { value: '98765' } }],
  ['a mobile starting 5', [COLLECTOR, DDC, bad({ mobile: '5876543210' })], { code: 'ROLL.BAD_MOBILE', params: { value: '5876543210' } }],
  ['a mobile of an earlier row', [COLLECTOR, DDC, bad({ mobile: '+91-90000-00002' })], { code: 'ROLL.DUPLICATE_MOBILE', params: { line: 3 } }],
  ['a code of an earlier row', [COLLECTOR, DDC, bad({ code: 'sah0002', mobile: '9000000077' })], { code: 'ROLL.DUPLICATE_CODE', params: { line: 3 } }],
  ['31 February', [COLLECTOR, DDC, bad({ dob: '31/02/1980' })], { code: 'ROLL.BAD_DATE', params: { value: '31/02/1980' } }],
  ['a two-digit year', [COLLECTOR, DDC, bad({ dob: '12-05-85' })], { code: 'ROLL.BAD_DATE', params: { value: '12-05-85' } }],
  ['an age of 16', [COLLECTOR, DDC, bad({ dob: '01-01-2010' })], { code: 'ROLL.IMPLAUSIBLE_AGE', params: { age: 16 } }],
  ['an age of 86', [COLLECTOR, DDC, bad({ dob: '01-01-1940' })], { code: 'ROLL.IMPLAUSIBLE_AGE', params: { age: 86 } }],
  ['a bad e-mail', [COLLECTOR, DDC, bad({ email: 'manoj@saharsa' })], { code: 'ROLL.BAD_EMAIL', params: { value: 'manoj@saharsa' } }],
  ['an unknown language', [COLLECTOR, DDC, bad({ language: 'Bhojpuri' })], { code: 'ROLL.BAD_LANGUAGE', params: { value: 'Bhojpuri' } }],
  ['a bad section code', [COLLECTOR, DDC, bad({ sectionCode: 'E' })], { code: 'ROLL.BAD_SECTION_CODE', params: { value: 'E' } }],
  ['an unknown officer code', [COLLECTOR, DDC, bad({ officerCode: 'SAH9999' })], { code: 'ROLL.OFFICER_UNKNOWN', params: { code: 'SAH9999' } }],
  ['an unknown officer name', [COLLECTOR, DDC, bad({ officerCode: '', officerName: 'Ram Prasad', officerPost: 'DDC' })],
    { code: 'ROLL.OFFICER_UNKNOWN', params: { name: 'Ram Prasad', post: 'DDC' } }],
  ['an officer name without a post', [COLLECTOR, DDC, bad({ officerCode: '', officerName: 'Rakesh Ranjan' })],
    { code: 'ROLL.OFFICER_INCOMPLETE', params: { missing: 'officerPost' } }],
  ['itself as officer', [COLLECTOR, DDC, bad({ officerCode: 'SAH0020' })], { code: 'ROLL.OFFICER_SELF', params: {} }],
  ['itself by name and post', [COLLECTOR, DDC, bad({ officerCode: '', officerName: 'मनोज कुमार', officerPost: 'Clerk' })],
    { code: 'ROLL.OFFICER_SELF', params: {} }],
  ['an officer whose row was rejected', [COLLECTOR, { ...DDC, mobile: '12345' }, bad({})],
    { code: 'ROLL.OFFICER_REJECTED', params: { code: 'SAH0002', line: 3 } }],
  ['a section code of another section', [COLLECTOR, DDC, bad({ section: 'स्थापना', sectionCode: 'DEV' })],
    { code: 'ROLL.SECTION_CODE_TAKEN', params: { code: 'DEV', section: 'विकास' } }],
  ['another code for a section of an earlier row', [COLLECTOR, DDC, bad({ section: 'विकास', sectionCode: 'VIK' })],
    { code: 'ROLL.SECTION_CODE_MISMATCH', params: { section: 'विकास', code: 'DEV', line: 3 } }],
];

describe('importRoll: refused rows', () => {
  it.each(CASES)('refuses a row with %s, writes nothing for it, and imports the rest', async (_title, people, reason) => {
    const store = new MemoryStore();
    const report = await load(store, people);
    const line = people.length + 1;
    const row = outcomeAt(report, line);
    expect(row).toMatchObject({ status: 'rejected', reasons: [reason] });
    expect(report.summary.rejected).toBe(reason.code === 'ROLL.OFFICER_REJECTED' ? 2 : 1);
    expect(report.summary.created).toBe(people.length - report.summary.rejected);
    // Nothing of the refused row: no employee with its mobile or a new code, no audit event naming it.
    const codes = (await staff(store)).map((e) => e.code);
    expect(codes).not.toContain('SAH0020');
    expect((await staff(store)).some((e) => e.mobile === '9000000020')).toBe(false);
    const events = await audit(store);
    expect(events.filter((e) => JSON.parse(e.data).line === line)).toEqual([]);
    if (reason.code === 'ROLL.DUPLICATE_CODE') expect((await employee(store, 'SAH0002'))?.name).toBe('Rakesh Ranjan');
  });

  it('refuses an officer named ambiguously by name and post', async () => {
    const store = new MemoryStore();
    const twin = { ...SO, code: 'SAH0011', mobile: '9000000011', officerName: '', officerPost: '', officerCode: 'SAH0002' };
    const report = await load(store, [COLLECTOR, DDC, { ...SO, officerName: '', officerPost: '', officerCode: 'SAH0002' }, twin, CLERK]);
    expect(outcomeAt(report, 6)).toMatchObject({
      status: 'rejected',
      reasons: [{ code: 'ROLL.OFFICER_AMBIGUOUS', params: { name: 'श्रीमती सुनीता देवी', post: 'प्रशाखा पदाधिकारी', codes: 'SAH0010, SAH0011' } }],
    });
    expect(await employee(store, 'SAH0020')).toBeNull();
  });

  it('refuses both rows of a reporting cycle in the file', async () => {
    const store = new MemoryStore();
    const a = { ...bad({ code: 'SAH0030', mobile: '9000000030', officerCode: 'SAH0031' }) };
    const b = { ...bad({ code: 'SAH0031', mobile: '9000000031', officerCode: 'SAH0030' }) };
    const report = await load(store, [COLLECTOR, a, b]);
    expect(outcomeAt(report, 3)).toMatchObject({ reasons: [{ code: 'ROLL.OFFICER_CYCLE', params: { path: 'SAH0030 → SAH0031 → SAH0030' } }] });
    expect(outcomeAt(report, 4)).toMatchObject({ reasons: [{ code: 'ROLL.OFFICER_CYCLE', params: { path: 'SAH0031 → SAH0030 → SAH0031' } }] });
    expect(report.summary).toMatchObject({ created: 1, rejected: 2 });
  });

  it('refuses a cycle closed through stored staff, and the stored hierarchy stays', async () => {
    const store = new MemoryStore();
    await load(store, OFFICE);
    const before = await audit(store);
    const report = await load(store, [{ ...COLLECTOR, officerCode: 'SAH0020' }]);
    expect(report.rows[0]).toMatchObject({
      status: 'rejected', reasons: [{ code: 'ROLL.OFFICER_CYCLE', params: { path: 'SAH0001 → SAH0020 → SAH0010 → SAH0002 → SAH0001' } }],
    });
    expect((await employee(store, 'SAH0001'))?.reportingOfficerId).toBeNull();
    expect(await audit(store)).toHaveLength(before.length);
  });

  it('refuses a mobile kept by another stored employee, and a bad update leaves the stored record as it was', async () => {
    const store = new MemoryStore();
    await load(store, OFFICE);
    const ddcBefore = await employee(store, 'SAH0002');
    const eventsBefore = (await audit(store)).length;
    const report = await load(store, [
      { ...CLERK, code: 'SAH0021', name: 'Priya Singh', mobile: '9000000010' },
      { ...DDC, post: 'DDC', mobile: '98765' },
    ]);
    expect(outcomeAt(report, 2)).toMatchObject({ reasons: [{ code: 'ROLL.MOBILE_TAKEN', params: { code: 'SAH0010' } }] });
    expect(outcomeAt(report, 3)).toMatchObject({ reasons: [{ code: 'ROLL.BAD_MOBILE', params: { value: '98765' } }] });
    expect(await employee(store, 'SAH0021')).toBeNull();
    expect(await employee(store, 'SAH0002')).toEqual(ddcBefore);
    expect(await audit(store)).toHaveLength(eventsBefore);
  });

  it('lets the stored holder of a mobile keep it when an earlier row of the file copies it', async () => {
    const store = new MemoryStore();
    await load(store, OFFICE);
    const report = await load(store, [{ ...CLERK, code: 'SAH0050', mobile: '9000000001' }, COLLECTOR]);
    expect(outcomeAt(report, 2)).toMatchObject({ reasons: [{ code: 'ROLL.DUPLICATE_MOBILE', params: { line: 3 } }] });
    expect(outcomeAt(report, 3).status).toBe('unchanged');
  });

  it('refuses two staff swapping mobiles in one import (each waits on the other); the roll stays as it was', async () => {
    const store = new MemoryStore();
    await load(store, OFFICE);
    const report = await load(store, [{ ...SO, mobile: '9000000020' }, { ...CLERK, mobile: '9000000010' }]);
    expect(report.rows.map((r) => r.status === 'rejected' && r.reasons)).toEqual([
      [{ code: 'ROLL.MOBILE_TAKEN', params: { code: 'SAH0020' } }],
      [{ code: 'ROLL.MOBILE_TAKEN', params: { code: 'SAH0010' } }],
    ]);
    expect((await employee(store, 'SAH0010'))?.mobile).toBe('9000000010');
  });

  it('refuses a deactivated officer and a section code that differs from the stored one', async () => {
    const store = new MemoryStore();
    await load(store, OFFICE);
    const so = await employee(store, 'SAH0010');
    await store.transaction((tx) => tx.employees.update(so?.id ?? 0, { active: false }));
    const report = await load(store, [
      { ...CLERK, code: 'SAH0021', mobile: '9000000021', officerName: '', officerPost: '', officerCode: 'SAH0010' },
      { ...CLERK, code: 'SAH0022', mobile: '9000000022', sectionCode: 'ESTB', officerName: '', officerPost: '', officerCode: 'SAH0002' },
    ]);
    expect(outcomeAt(report, 2)).toMatchObject({ reasons: [{ code: 'ROLL.OFFICER_INACTIVE', params: { code: 'SAH0010' } }] });
    expect(outcomeAt(report, 3)).toMatchObject({
      reasons: [{ code: 'ROLL.SECTION_CODE_MISMATCH', params: { section: 'Establishment', code: 'EST' } }],
    });
  });

  it('lists every problem of its cells at once (the officer is looked for only in an otherwise good row)', async () => {
    const report = await load(new MemoryStore(), [bad({ mobile: '123', dob: '31/02/1980', email: 'x@' })]);
    expect(report.rows[0]?.status === 'rejected' && report.rows[0].reasons.map((r) => r.code)).toEqual([
      'ROLL.BAD_DATE', 'ROLL.BAD_MOBILE', 'ROLL.BAD_EMAIL',
    ]);
  });

  it('refuses every row when required columns are missing, and writes nothing', async () => {
    const store = new MemoryStore();
    const rows = rollRows([COLLECTOR, DDC], { name: 'Name', code: 'Employee Code', post: 'Post', section: 'Section' });
    const report = await importRoll(store, newClock(), { rows, actor: null });
    expect(report.rows.map((r) => r.status === 'rejected' && r.reasons)).toEqual([
      [{ code: 'ROLL.MISSING_COLUMNS', params: { columns: 'dob, mobile' } }],
      [{ code: 'ROLL.MISSING_COLUMNS', params: { columns: 'dob, mobile' } }],
    ]);
    expect(await staff(store)).toEqual([]);
    expect(await audit(store)).toEqual([]);
  });
});
