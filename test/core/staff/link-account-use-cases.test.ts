// Linking chats to employees on the roll and switching employees off and on again
// (core/staff/link-account.ts, set-active.ts) on the in-memory store: who may link which chat,
// what the employee's other chats are told, where notifications go, and what deactivation ends.
// No I/O: the OTP is taken from the use case's result, never sent.
import { describe, expect, it } from 'vitest';
import { confirmLink, linkAccount, startLink, unlinkAccount, type LinkDeps } from '../../../core/staff/link-account.ts';
import { setEmployeeActive } from '../../../core/staff/set-active.ts';
import { DEFAULT_OTP_POLICY } from '../../../core/otp/otp-policy.ts';
import { createFile, forwardFile } from '../../../core/efile/files.ts';
import { DEFAULT_NUMBER_FORMATS } from '../../../core/efile/numbering.ts';
import { sendDirectMessage } from '../../../core/messaging/direct-message.ts';
import { DEFAULT_CIRCULAR_POLICY, sendCircular } from '../../../core/messaging/send-circular.ts';
import type { Result } from '../../../core/errors.ts';
import type { Notification } from '../../../core/outbox/notify.ts';
import type { Tx } from '../../../core/ports.ts';
import { MemoryStore } from '../../../core/store/memory-store.ts';
import type { ChatAccount, Employee, NewEmployee } from '../../../core/types.ts';
import { FakeClock } from '../../helpers/clock.ts';

const deps: LinkDeps = { policy: { ...DEFAULT_OTP_POLICY, key: 'the-server-secret-for-tests' }, kinds: ['sms', 'email'] };

async function office() {
  const store = new MemoryStore();
  const clock = new FakeClock();
  const { section, staff } = await store.transaction(async (tx) => {
    const est = await tx.sections.create({ code: 'EST', name: 'स्थापना' });
    let mobile = 9_000_000_000;
    const person = (code: string, name: string, post: string, postKey: string, extra: Partial<NewEmployee> = {}) => tx.employees.create({
      code, name, post, postKey, sectionId: est.id, dob: '1980-01-15', mobile: String(++mobile), email: `${code.toLowerCase()}@saharsa.example.in`,
      reportingOfficerId: null, active: true, language: 'hi', preferredChannel: null, remindersMuted: false, ...extra,
    });
    return {
      section: est,
      staff: {
        ddc: await person('SAH0002', 'Rakesh Kumar', 'उप विकास आयुक्त', 'DDC'),
        so: await person('SAH0010', 'सुनीता देवी', 'प्रशाखा पदाधिकारी', 'SO'),
        clerk: await person('SAH0020', 'मनोज कुमार', 'लिपिक', 'CLERK'),
        clerk2: await person('SAH0021', 'Priya Singh', 'Clerk', 'CLERK'),
        retired: await person('SAH0040', 'श्याम सुंदर', 'लिपिक', 'CLERK', { active: false }),
      },
    };
  });
  const run = <T>(work: (tx: Tx) => Promise<T>): Promise<T> => store.transaction(work);
  const chat = (channel: string, address: string) => run((tx) => tx.accounts.create({ channel, address, displayName: null }));
  // The chat as it stands in the store when its message is handled, as the assistant finds it.
  const fresh = async (tx: Tx, account: ChatAccount) => (await tx.accounts.byId(account.id))!;
  const start = (account: ChatAccount, employeeCode: string) => run(async (tx) => startLink(tx, clock, deps, { account: await fresh(tx, account), employeeCode }));
  const confirm = (account: ChatAccount, code: string) => run(async (tx) => confirmLink(tx, clock, deps, { account: await fresh(tx, account), code }));
  return {
    store, clock, staff, section, run, chat, start, confirm,
    /** Asks for the code from the chat and gives it back, as the employee does with the SMS. */
    link: async (account: ChatAccount, employeeCode: string) => value(await confirm(account, value(await start(account, employeeCode)).code)),
    account: async (a: ChatAccount) => (await run((tx) => tx.accounts.byId(a.id)))!,
    employee: async (e: Employee) => (await run((tx) => tx.employees.byId(e.id)))!,
    setActive: (code: string, active: boolean, actor: string | null = null) => run((tx) => setEmployeeActive(tx, clock, { code, active, actor })),
    issuedFor: (e: Employee) => run((tx) => tx.otps.countIssuedSince(e.id, 'link', new Date(0))),
    events: async () => (await run((tx) => tx.audit.page(1, 10_000)))
      .map((e) => ({ type: e.type, actor: e.actor, subjectId: e.subjectId, data: JSON.parse(e.data) as Record<string, unknown> })),
    outbox: async () => (await run((tx) => tx.outbox.due(new Date('2100-01-01T00:00:00Z'), 10_000)))
      .map((o) => ({ employeeId: o.employeeId, channel: o.channel, address: o.address, ...(JSON.parse(o.payload) as Notification) })),
  };
}

function value<T>(result: Result<T>): T {
  if (!result.ok) throw new Error(`expected success, got ${JSON.stringify(result.failure)}`);
  return result.value;
}

function failure<T>(result: Result<T>): { code: string; params: Record<string, string | number> } {
  if (result.ok) throw new Error('expected a failure, got success');
  return result.failure;
}

describe('linking a chat', () => {
  it('asks with an employee code (as the roll spells it or not), sends the code to the roll\'s mobile, and links on the right code', async () => {
    const o = await office();
    const { clerk } = o.staff;
    const phone = await o.chat('telegram', '111');
    const started = value(await o.start(phone, ' sah0020 '));
    expect(started.employee.id).toBe(clerk.id);
    expect(started.to).toEqual({ kind: 'sms', address: clerk.mobile });
    expect(started.told).toBe(0);
    // Not linked before the code comes back.
    expect((await o.account(phone)).employeeId).toBeNull();
    o.clock.advanceMinutes(2);
    const linked = value(await o.confirm(phone, started.code));
    expect(linked.employee.id).toBe(clerk.id);
    expect(await o.account(phone)).toMatchObject({ employeeId: clerk.id, linkedAt: o.clock.now() });
    // The first chat linked is where the notifications go.
    expect((await o.employee(clerk)).preferredChannel).toBe(`telegram#${phone.id}`);
    expect((await o.events()).map((e) => [e.type, e.actor, e.subjectId])).toEqual([
      ['otp.issued', 'SAH0020', started.challenge.id], ['account.linked', 'SAH0020', String(phone.id)],
    ]);
    expect((await o.events()).at(-1)?.data).toEqual({ channel: 'telegram', via: 'otp', challengeId: started.challenge.id });
    // Nobody else to tell.
    expect(await o.outbox()).toEqual([]);
  });

  it('a wrong code links nothing', async () => {
    const o = await office();
    const phone = await o.chat('telegram', '111');
    const { code } = value(await o.start(phone, 'SAH0020'));
    const other = String((Number(code) + 1) % 1_000_000).padStart(6, '0');
    expect(failure(await o.confirm(phone, other))).toEqual({ code: 'OTP.WRONG_CODE', params: { left: 4 } });
    expect((await o.account(phone)).employeeId).toBeNull();
    expect((await o.events()).map((e) => e.type)).not.toContain('account.linked');
  });

  it('a second chat of the same employee: the chat they had is told of the request and of the link, the new chat never; notifications stay where they were', async () => {
    const o = await office();
    const { clerk } = o.staff;
    const phone = await o.chat('telegram', '111');
    await o.link(phone, 'SAH0020');
    o.clock.advanceMinutes(30);
    const browser = await o.chat('web', 'tab-7');
    expect(value(await o.start(browser, 'SAH0020')).told).toBe(1);
    expect(value(await o.confirm(browser, value(await o.start(browser, 'SAH0020')).code)).told).toBe(1);
    expect(await o.outbox()).toEqual([
      { employeeId: clerk.id, channel: 'telegram', address: '111', kind: 'account.link_requested', params: { channel: 'web', at: '25-11-2026 11:30 IST', destination: '••••0003' } },
      { employeeId: clerk.id, channel: 'telegram', address: '111', kind: 'account.link_requested', params: { channel: 'web', at: '25-11-2026 11:30 IST', destination: '••••0003' } },
      { employeeId: clerk.id, channel: 'telegram', address: '111', kind: 'account.linked', params: { channel: 'web', at: '25-11-2026 11:30 IST' } },
    ]);
    expect((await o.run((tx) => tx.accounts.byEmployee(clerk.id))).map((a) => a.address)).toEqual(['111', 'tab-7']);
    // A chat linked later never takes the notifications over by itself.
    expect((await o.employee(clerk)).preferredChannel).toBe(`telegram#${phone.id}`);
  });

  it('a linked chat cannot be linked again, to anyone, until it is unlinked; then it may link to someone else', async () => {
    const o = await office();
    const { clerk, clerk2 } = o.staff;
    const shared = await o.chat('telegram', 'section-phone');
    await o.link(shared, 'SAH0020');
    expect(failure(await o.start(shared, 'SAH0021'))).toEqual({ code: 'ACCOUNT.ALREADY_LINKED', params: { code: 'SAH0020' } });
    expect(failure(await o.start(shared, 'SAH0020')).code).toBe('ACCOUNT.ALREADY_LINKED');
    expect(await o.issuedFor(clerk2)).toBe(0);
    // Unlinked by an administrator: recorded, and the chat is free.
    const unlinked = value(await o.run((tx) => unlinkAccount(tx, o.clock, { channel: 'telegram', address: 'section-phone', actor: null })));
    expect(unlinked).toMatchObject({ employeeId: null, linkedAt: null });
    expect((await o.events()).at(-1)).toEqual({ type: 'account.unlinked', actor: null, subjectId: String(shared.id), data: { channel: 'telegram', employee: 'SAH0020' } });
    expect(failure(await o.run((tx) => unlinkAccount(tx, o.clock, { channel: 'telegram', address: 'section-phone', actor: null })))).toEqual({ code: 'ACCOUNT.NOT_LINKED', params: {} });
    expect(failure(await o.run((tx) => unlinkAccount(tx, o.clock, { channel: 'telegram', address: 'nobody', actor: null }))).code).toBe('ACCOUNT.NOT_LINKED');
    await o.link(shared, 'SAH0021');
    expect((await o.account(shared)).employeeId).toBe(clerk2.id);
    expect((await o.run((tx) => tx.accounts.byEmployee(clerk.id)))).toEqual([]);
  });

  it('an unknown code is refused, and counts against the chat\'s 3 requests per clock hour like any other', async () => {
    const o = await office();
    const chat = await o.chat('telegram', 'prober');
    expect(failure(await o.start(chat, 'SAH9999'))).toEqual({ code: 'STAFF.UNKNOWN_CODE', params: { code: 'SAH9999' } });
    expect(failure(await o.start(chat, 'SAH9998')).code).toBe('STAFF.UNKNOWN_CODE');
    value(await o.start(chat, 'SAH0020'));
    // The roll cannot be probed further from this chat this hour, not even with a real code.
    expect(failure(await o.start(chat, 'SAH0021'))).toEqual({ code: 'OTP.RATE_LIMITED', params: { perHour: 3 } });
    expect(await o.issuedFor(o.staff.clerk2)).toBe(0);
    // The clock hour turns at 11:30 IST (06:00 UTC): a new allowance.
    o.clock.advanceMinutes(30);
    value(await o.start(chat, 'SAH0021'));
  });
});

describe('an inactive employee', () => {
  it('cannot be linked to any chat: no code is sent and nobody is told', async () => {
    const o = await office();
    const chat = await o.chat('telegram', '222');
    expect(failure(await o.start(chat, 'SAH0040'))).toEqual({ code: 'ACCOUNT.EMPLOYEE_INACTIVE', params: { code: 'SAH0040' } });
    expect(await o.issuedFor(o.staff.retired)).toBe(0);
    expect(await o.events()).toEqual([]);
    expect(await o.outbox()).toEqual([]);
  });

  it('deactivated between asking and answering: the code is spent and the chat stays unlinked, even after reactivation', async () => {
    const o = await office();
    const chat = await o.chat('telegram', '333');
    const { code } = value(await o.start(chat, 'SAH0021'));
    value(await o.setActive('SAH0021', false, null));
    expect(failure(await o.confirm(chat, code))).toEqual({ code: 'ACCOUNT.EMPLOYEE_INACTIVE', params: { code: 'SAH0021' } });
    expect((await o.account(chat)).employeeId).toBeNull();
    value(await o.setActive('SAH0021', true, null));
    expect(failure(await o.confirm(chat, code)).code).toBe('OTP.NO_PENDING');
    expect((await o.account(chat)).employeeId).toBeNull();
  });
});

describe('deactivating and reactivating an employee', () => {
  it('is recorded once per change, by code however typed; an unknown code is refused', async () => {
    const o = await office();
    expect(value(await o.setActive('sah0021', false, 'SAH0002')).active).toBe(false);
    expect((await o.employee(o.staff.clerk2)).active).toBe(false);
    // Deactivating the deactivated changes nothing and records nothing.
    expect(value(await o.setActive('SAH0021', false, 'SAH0002')).active).toBe(false);
    expect(failure(await o.setActive('SAH9999', false))).toEqual({ code: 'STAFF.UNKNOWN_CODE', params: { code: 'SAH9999' } });
    expect(value(await o.setActive('SAH0021', true, null)).active).toBe(true);
    expect(await o.events()).toEqual([
      { type: 'staff.deactivated', actor: 'SAH0002', subjectId: 'SAH0021', data: {} },
      { type: 'staff.reactivated', actor: null, subjectId: 'SAH0021', data: {} },
    ]);
  });

  it('ends what the office can do with them — linking, files, messages, circulars — and reactivation gives it back', async () => {
    const o = await office();
    const { ddc, clerk, clerk2 } = o.staff;
    const clerk2Phone = await o.chat('telegram', '444');
    await o.link(clerk2Phone, 'SAH0021');
    const clerkPhone = await o.chat('telegram', '555');
    await o.link(clerkPhone, 'SAH0020');
    const file = await o.run((tx) => createFile(tx, o.clock, { actor: clerk, subject: 'File A', section: o.section, formats: DEFAULT_NUMBER_FORMATS }));
    value(await o.setActive('SAH0021', false, null));
    const gone = await o.employee(clerk2);
    const outboxBefore = (await o.outbox()).length;

    expect(failure(await o.start(await o.chat('whatsapp', '919000000004'), 'SAH0021')).code).toBe('ACCOUNT.EMPLOYEE_INACTIVE');
    expect(failure(await o.run((tx) => forwardFile(tx, o.clock, { actor: clerk, file, to: gone, remark: null })))).toEqual({
      code: 'STAFF.ADDRESSEE_INACTIVE', params: { name: 'Priya Singh' },
    });
    // Their chat is still linked, but nothing is queued for them.
    expect(failure(await o.run((tx) => sendDirectMessage(tx, o.clock, { from: clerk, to: gone, text: 'कल मिलिए' })))).toEqual({
      code: 'MESSAGE.NOT_REACHABLE', params: { name: 'Priya Singh (Clerk)' },
    });
    const circular = value(await o.run((tx) => sendCircular(tx, o.clock, {
      from: ddc, audience: { kind: 'all' }, text: 'समीक्षा बैठक 11 बजे', notice: false, ackBy: null, pdfBlob: null, policy: DEFAULT_CIRCULAR_POLICY, office: 'SAH',
    })));
    expect((await o.run((tx) => tx.circulars.recipients(circular.circular.id))).map((r) => r.employeeId)).not.toContain(clerk2.id);
    expect((await o.outbox()).slice(outboxBefore).map((q) => q.employeeId)).not.toContain(clerk2.id);

    value(await o.setActive('SAH0021', true, null));
    const back = await o.employee(clerk2);
    expect(value(await o.run((tx) => forwardFile(tx, o.clock, { actor: clerk, file, to: back, remark: null }))).to.id).toBe(clerk2.id);
    value(await o.run((tx) => sendDirectMessage(tx, o.clock, { from: clerk, to: back, text: 'फाइल भेजी है' })));
    expect((await o.outbox()).filter((q) => q.employeeId === clerk2.id).map((q) => q.kind)).toEqual(['file.received', 'message.direct']);
  });
});

describe('linking without a code', () => {
  it('the server console and the demo login link directly, each recorded as such', async () => {
    const o = await office();
    const { clerk } = o.staff;
    const terminal = await o.chat('console', 'tty');
    const demo = await o.chat('web', 'demo-tab');
    await o.run((tx) => linkAccount(tx, o.clock, { account: terminal, employee: clerk, via: 'console' }));
    await o.run(async (tx) => linkAccount(tx, o.clock, { account: demo, employee: (await tx.employees.byId(clerk.id))!, via: 'demo' }));
    expect((await o.events()).map((e) => [e.type, e.data.via, e.data.challengeId])).toEqual([['account.linked', 'console', null], ['account.linked', 'demo', null]]);
    expect((await o.employee(clerk)).preferredChannel).toBe(`console#${terminal.id}`);
  });
});
