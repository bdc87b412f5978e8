// One-time passwords (core/otp/issue-challenge.ts, check-challenge.ts) on the in-memory store, by
// the README's rules ("Linking a chat, and OTPs"): a code is kept only as an HMAC keyed by the
// server secret and bound to its challenge; it lives 5 minutes, works once, dies after 5 wrong
// tries; codes are rate-limited; a code works only for the challenge (purpose, chat, document) it
// was issued for; and a stranger asking for someone's code cannot use that against its owner.
// No I/O: the codes are handed back by the use case, never sent anywhere.
import { describe, expect, it } from 'vitest';
import { issueChallenge, type IssueChallengeOptions, type IssuedChallenge } from '../../../core/otp/issue-challenge.ts';
import { checkChallenge } from '../../../core/otp/check-challenge.ts';
import { hashOtp } from '../../../core/otp/codes.ts';
import { DEFAULT_OTP_POLICY, type OtpPolicy } from '../../../core/otp/otp-policy.ts';
import { confirmLink, linkAccount, startLink } from '../../../core/staff/link-account.ts';
import type { Result } from '../../../core/errors.ts';
import type { Notification } from '../../../core/outbox/notify.ts';
import type { Tx } from '../../../core/ports.ts';
import { MemoryStore } from '../../../core/store/memory-store.ts';
import type { ChatAccount, Employee, NewEmployee, OtpChallenge, OtpPurpose } from '../../../core/types.ts';
import { FakeClock } from '../../helpers/clock.ts';

const policy: OtpPolicy = { ...DEFAULT_OTP_POLICY, key: 'the-server-secret-DAFTAR_SECRET-for-tests' };
const deps = { policy, kinds: ['sms', 'email'] as const };

async function office() {
  const store = new MemoryStore();
  const clock = new FakeClock();
  const staff = await store.transaction(async (tx) => {
    const est = await tx.sections.create({ code: 'EST', name: 'स्थापना' });
    const person = (code: string, name: string, mobile: string, extra: Partial<NewEmployee> = {}) => tx.employees.create({
      code, name, post: 'लिपिक', postKey: 'CLERK', sectionId: est.id, dob: '1980-01-15', mobile, email: `${code.toLowerCase()}@saharsa.example.in`,
      reportingOfficerId: null, active: true, language: 'hi', preferredChannel: null, remindersMuted: false, ...extra,
    });
    return {
      owner: await person('SAH0020', 'मनोज कुमार', '9000000020'),
      other: await person('SAH0021', 'Priya Singh', '9000000021'),
      noEmail: await person('SAH0022', 'Ajay Yadav', '9000000022', { email: null }),
    };
  });
  const run = <T>(work: (tx: Tx) => Promise<T>): Promise<T> => store.transaction(work);
  return {
    store, clock, staff, run,
    chat: (channel: string, address: string) => run((tx) => tx.accounts.create({ channel, address, displayName: null })),
    account: async (a: ChatAccount) => (await run((tx) => tx.accounts.byId(a.id)))!,
    issue: (employee: Employee, purpose: OtpPurpose, accountId: number | null, extra: Partial<IssueChallengeOptions> = {}) =>
      run((tx) => issueChallenge(tx, clock, { purpose, employee, accountId, kinds: ['sms', 'email'], policy, ...extra })),
    /** Checks a code against the challenge as it is stored now, as every caller does. */
    check: (challengeId: string, code: string, withPolicy: OtpPolicy = policy) => run(async (tx) => {
      const challenge = await tx.otps.byId(challengeId);
      if (challenge === null) throw new Error(`no challenge ${challengeId}`);
      return checkChallenge(tx, clock, { challenge, code, policy: withPolicy, actor: 'SAH0020' });
    }),
    stored: async (id: string): Promise<OtpChallenge> => (await run((tx) => tx.otps.byId(id)))!,
    events: async () => (await run((tx) => tx.audit.page(1, 10_000))).map((e) => ({ type: e.type, subjectId: e.subjectId, data: JSON.parse(e.data) as Record<string, unknown> })),
    outbox: () => run((tx) => tx.outbox.due(new Date('2100-01-01T00:00:00Z'), 10_000)),
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

/** A six-digit code that is certainly not this one. */
const wrong = (code: string): string => String((Number(code) + 1) % 1_000_000).padStart(6, '0');

describe('a code is never kept in clear', () => {
  it('only an HMAC of the code, keyed by the server secret and bound to its challenge, is stored; the code is nowhere in the store', async () => {
    const o = await office();
    const chat = await o.chat('telegram', '5550001');
    const { challenge, code, to } = value(await o.issue(o.staff.owner, 'link', chat.id));
    expect(code).toMatch(/^\d{6}$/);
    expect(to).toEqual({ kind: 'sms', address: '9000000020' });
    const stored = await o.stored(challenge.id);
    expect(stored).toMatchObject({
      purpose: 'link', employeeId: o.staff.owner.id, accountId: chat.id, destination: '••••0020', status: 'pending', attempts: 0,
      createdAt: o.clock.now(), expiresAt: new Date(o.clock.now().getTime() + 5 * 60_000), consumedAt: null,
    });
    expect(stored.codeHash).toBe(hashOtp(policy.key, stored.id, stored.salt, code));
    const { id: _id, codeHash: _hash, salt: _salt, ...rest } = stored;
    expect(JSON.stringify(rest)).not.toContain(code);
    // The audit trail says a code was sent and where to, not what it was; nothing is queued with it.
    const events = await o.events();
    expect(events).toEqual([{ type: 'otp.issued', subjectId: challenge.id, data: { purpose: 'link', via: 'sms', destination: '••••0020', subjectHash: null } }]);
    expect(await o.outbox()).toEqual([]);
    // A copy of the database is no good without the secret: under another key the right code fails.
    expect(failure(await o.check(challenge.id, code, { ...policy, key: 'another-server-secret' })).code).toBe('OTP.WRONG_CODE');
    expect(value(await o.check(challenge.id, code)).status).toBe('used');
  });

  it('a stored hash copied onto another challenge in the database does not carry its code over', async () => {
    const o = await office();
    const mine = value(await o.issue(o.staff.owner, 'sign', null, { subjectHash: 'a'.repeat(64) }));
    const target = value(await o.issue(o.staff.owner, 'sign', null, { subjectHash: 'b'.repeat(64) }));
    const rows = (o.store.unsafeState() as unknown as { otps: OtpChallenge[] }).otps;
    const row = rows.find((r) => r.id === target.challenge.id);
    if (row === undefined) throw new Error('the challenge was not stored');
    Object.assign(row, { codeHash: mine.challenge.codeHash, salt: mine.challenge.salt });
    expect(failure(await o.check(target.challenge.id, mine.code)).code).toBe('OTP.WRONG_CODE');
  });

  it('goes to the mobile on the roll first, else the e-mail (both shown masked); with neither it is refused and nothing is written', async () => {
    const o = await office();
    const byMail = value(await o.issue(o.staff.owner, 'sign', null, { kinds: ['email'] }));
    expect(byMail.to).toEqual({ kind: 'email', address: 'sah0020@saharsa.example.in' });
    expect(byMail.challenge.destination).toBe('s•••@saharsa.example.in');
    const eventsBefore = (await o.events()).length;
    expect(failure(await o.issue(o.staff.noEmail, 'sign', null, { kinds: ['email'] }))).toEqual({ code: 'STAFF.NO_CONTACT', params: { code: 'SAH0022' } });
    expect((await o.events()).length).toBe(eventsBefore);
    expect(await o.run((tx) => tx.otps.countIssuedSince(o.staff.noEmail.id, 'sign', new Date(0)))).toBe(0);
  });
});

describe('checking a code', () => {
  it('the right code works once: the challenge is used and the same code is refused after', async () => {
    const o = await office();
    const { challenge, code } = value(await o.issue(o.staff.owner, 'sign', null, { subjectHash: 'a'.repeat(64), subjectRef: 'EST-1/2026' }));
    o.clock.advanceMinutes(1);
    const used = value(await o.check(challenge.id, code));
    expect(used).toMatchObject({ status: 'used', consumedAt: o.clock.now(), attempts: 0 });
    expect(failure(await o.check(challenge.id, code))).toEqual({ code: 'OTP.NO_PENDING', params: {} });
    expect((await o.stored(challenge.id)).status).toBe('used');
  });

  it('lives five minutes: at five it still works, a moment later it is expired, recorded, and dead', async () => {
    const o = await office();
    const first = value(await o.issue(o.staff.owner, 'sign', null));
    const second = value(await o.issue(o.staff.other, 'sign', null));
    o.clock.advanceMinutes(5);
    expect(value(await o.check(first.challenge.id, first.code)).status).toBe('used');
    o.clock.advance(1_000);
    expect(failure(await o.check(second.challenge.id, second.code))).toEqual({ code: 'OTP.EXPIRED', params: { minutes: 5 } });
    expect((await o.stored(second.challenge.id)).status).toBe('cancelled');
    expect((await o.events()).at(-1)).toMatchObject({ type: 'otp.expired', subjectId: second.challenge.id });
    expect(failure(await o.check(second.challenge.id, second.code)).code).toBe('OTP.NO_PENDING');
  });

  it('counts each wrong try (kept even though the check fails) and dies at the fifth: then even the right code is refused', async () => {
    const o = await office();
    const { challenge, code } = value(await o.issue(o.staff.owner, 'sign', null));
    const lefts: unknown[] = [];
    for (let i = 0; i < 4; i += 1) lefts.push(failure(await o.check(challenge.id, wrong(code))));
    expect(lefts).toEqual([4, 3, 2, 1].map((left) => ({ code: 'OTP.WRONG_CODE', params: { left } })));
    expect(await o.stored(challenge.id)).toMatchObject({ attempts: 4, status: 'pending' });
    expect(failure(await o.check(challenge.id, wrong(code)))).toEqual({ code: 'OTP.LOCKED', params: {} });
    expect(await o.stored(challenge.id)).toMatchObject({ attempts: 5, status: 'locked' });
    expect(failure(await o.check(challenge.id, code))).toEqual({ code: 'OTP.LOCKED', params: {} });
    expect((await o.events()).slice(1).map((e) => [e.type, e.data.attempts])).toEqual([
      ['otp.wrong_code', 1], ['otp.wrong_code', 2], ['otp.wrong_code', 3], ['otp.wrong_code', 4], ['otp.locked', 5],
    ]);
  });

  it('something that is not six digits is refused as such and does not use up a try', async () => {
    const o = await office();
    const { challenge, code } = value(await o.issue(o.staff.owner, 'sign', null));
    for (const typed of ['12345', '1234567', '12a456', '', ` ${code}`]) {
      expect(failure(await o.check(challenge.id, typed))).toEqual({ code: 'OTP.MALFORMED', params: {} });
    }
    expect((await o.stored(challenge.id)).attempts).toBe(0);
    expect(value(await o.check(challenge.id, code)).status).toBe('used');
  });
});

describe('how many codes', () => {
  it('signing: at most 10 per employee in any rolling hour, whoever else asks', async () => {
    const o = await office();
    for (let i = 0; i < 10; i += 1) {
      value(await o.issue(o.staff.owner, 'sign', null));
      o.clock.advanceMinutes(1);
    }
    // 10 minutes after the first: the eleventh is refused, and still at the hour's end.
    expect(failure(await o.issue(o.staff.owner, 'sign', null))).toEqual({ code: 'OTP.RATE_LIMITED', params: { perHour: 10 } });
    o.clock.advanceMinutes(50);
    expect(failure(await o.issue(o.staff.owner, 'sign', null)).code).toBe('OTP.RATE_LIMITED');
    // Someone else's allowance is their own.
    value(await o.issue(o.staff.other, 'sign', null));
    // Once the first code is more than an hour old, one more may be had.
    o.clock.advanceMinutes(1);
    value(await o.issue(o.staff.owner, 'sign', null));
    expect(failure(await o.issue(o.staff.owner, 'sign', null)).code).toBe('OTP.RATE_LIMITED');
  });

  it('practice codes of the training walkthrough: 3 an hour, counted apart from signing', async () => {
    const o = await office();
    for (let i = 0; i < 3; i += 1) value(await o.issue(o.staff.owner, 'practice', null));
    expect(failure(await o.issue(o.staff.owner, 'practice', null))).toEqual({ code: 'OTP.RATE_LIMITED', params: { perHour: 3 } });
    value(await o.issue(o.staff.owner, 'sign', null));
  });

  it('link codes: at most 10 per employee in any rolling hour from all chats together', async () => {
    const o = await office();
    for (let i = 0; i < 10; i += 1) value(await o.issue(o.staff.owner, 'link', (await o.chat('telegram', `chat-${i}`)).id));
    const late = await o.chat('telegram', 'chat-late');
    expect(failure(await o.issue(o.staff.owner, 'link', late.id))).toEqual({ code: 'OTP.LINK_CEILING', params: { code: 'SAH0020', perHour: 10 } });
    o.clock.advanceMinutes(61);
    value(await o.issue(o.staff.owner, 'link', late.id));
  });
});

describe('a code works only for what it was issued for', () => {
  it('a chat\'s newer code replaces its older one of the same purpose, and leaves other purposes alone', async () => {
    const o = await office();
    const chat = await o.chat('telegram', '5550001');
    const sign = value(await o.issue(o.staff.owner, 'sign', chat.id, { subjectHash: 'a'.repeat(64), subjectRef: 'EST-1/2026' }));
    const older = value(await o.issue(o.staff.owner, 'practice', chat.id));
    const newer = value(await o.issue(o.staff.owner, 'practice', chat.id));
    expect((await o.stored(older.challenge.id)).status).toBe('cancelled');
    expect(failure(await o.check(older.challenge.id, older.code)).code).toBe('OTP.NO_PENDING');
    expect(value(await o.check(newer.challenge.id, newer.code)).status).toBe('used');
    expect(value(await o.check(sign.challenge.id, sign.code)).status).toBe('used');
  });

  it('a code does not open another challenge: not of another purpose, not for another document', async () => {
    const o = await office();
    const chat = await o.chat('telegram', '5550001');
    const documentA = 'a'.repeat(64);
    const documentB = 'b'.repeat(64);
    const sign = value(await o.issue(o.staff.owner, 'sign', chat.id, { subjectHash: documentA, subjectRef: 'EST-1/2026' }));
    // The challenge keeps the document the signer consented to, and so does the audit trail.
    expect(await o.stored(sign.challenge.id)).toMatchObject({ subjectHash: documentA, subjectRef: 'EST-1/2026' });
    expect((await o.events()).at(-1)?.data).toMatchObject({ purpose: 'sign', subjectHash: documentA });
    let practice: IssuedChallenge = value(await o.issue(o.staff.owner, 'practice', chat.id));
    // Two challenges drawing the same six digits would prove nothing here: draw again (1 in a million).
    while (practice.code === sign.code) practice = value(await o.issue(o.staff.owner, 'practice', chat.id));
    expect(failure(await o.check(sign.challenge.id, practice.code)).code).toBe('OTP.WRONG_CODE');
    expect(failure(await o.check(practice.challenge.id, sign.code)).code).toBe('OTP.WRONG_CODE');
    // A signing code is no link code: typed as one, there is no link pending, and the chat stays unlinked.
    expect(failure(await o.run((tx) => confirmLink(tx, o.clock, deps, { account: chat, code: sign.code })))).toEqual({ code: 'OTP.NO_PENDING', params: {} });
    expect((await o.account(chat)).employeeId).toBeNull();
    // The document changed and consent was asked again: the first document's code is dead.
    const again = value(await o.issue(o.staff.owner, 'sign', chat.id, { subjectHash: documentB, subjectRef: 'EST-1/2026' }));
    expect(failure(await o.check(sign.challenge.id, sign.code)).code).toBe('OTP.NO_PENDING');
    expect(value(await o.check(again.challenge.id, again.code)).subjectHash).toBe(documentB);
  });

  it('a link code works only from the chat that asked for it', async () => {
    const o = await office();
    const asking = await o.chat('telegram', '5550001');
    const elsewhere = await o.chat('whatsapp', '919000000020');
    const started = value(await o.run((tx) => startLink(tx, o.clock, deps, { account: asking, employeeCode: 'SAH0020' })));
    expect(failure(await o.run((tx) => confirmLink(tx, o.clock, deps, { account: elsewhere, code: started.code }))).code).toBe('OTP.NO_PENDING');
    expect((await o.account(elsewhere)).employeeId).toBeNull();
    value(await o.run((tx) => confirmLink(tx, o.clock, deps, { account: asking, code: started.code })));
    expect((await o.account(asking)).employeeId).toBe(o.staff.owner.id);
  });
});

describe('a code cannot be turned against its owner', () => {
  it('a stranger asking for the owner\'s code spends only their own chat\'s allowance; the owner is told and still links', async () => {
    const o = await office();
    const { owner } = o.staff;
    const phone = await o.chat('telegram', 'owner-phone');
    await o.run((tx) => linkAccount(tx, o.clock, { account: phone, employee: owner, via: 'console' }));
    const stranger = await o.chat('telegram', 'stranger');
    let sentToOwner = '';
    for (let i = 0; i < 3; i += 1) {
      const asked = value(await o.run((tx) => startLink(tx, o.clock, deps, { account: stranger, employeeCode: 'SAH0020' })));
      expect(asked.told).toBe(1);
      sentToOwner = asked.code;
    }
    expect(failure(await o.run((tx) => startLink(tx, o.clock, deps, { account: stranger, employeeCode: 'SAH0020' })))).toEqual({
      code: 'OTP.RATE_LIMITED', params: { perHour: 3 },
    });
    // Every request was told to the chat the owner already has, and only there.
    const told = (await o.outbox()).map((item) => ({ to: [item.employeeId, item.channel, item.address], kind: (JSON.parse(item.payload) as Notification).kind }));
    expect(told).toEqual(Array.from({ length: 3 }, () => ({ to: [owner.id, 'telegram', 'owner-phone'], kind: 'account.link_requested' })));
    // The stranger guesses: only the stranger's challenge dies.
    const guesses: string[] = [];
    for (let i = 0; i < 5; i += 1) guesses.push(failure(await o.run((tx) => confirmLink(tx, o.clock, deps, { account: stranger, code: wrong(sentToOwner) }))).code);
    expect(guesses).toEqual(['OTP.WRONG_CODE', 'OTP.WRONG_CODE', 'OTP.WRONG_CODE', 'OTP.WRONG_CODE', 'OTP.LOCKED']);
    expect(failure(await o.run((tx) => confirmLink(tx, o.clock, deps, { account: stranger, code: sentToOwner }))).code).toBe('OTP.NO_PENDING');
    // The owner, on a new phone in the same hour, still gets a code and links with it.
    const newPhone = await o.chat('whatsapp', '919000000020');
    const own = value(await o.run((tx) => startLink(tx, o.clock, deps, { account: newPhone, employeeCode: 'SAH0020' })));
    const linked = value(await o.run((tx) => confirmLink(tx, o.clock, deps, { account: newPhone, code: own.code })));
    expect(linked.employee.id).toBe(owner.id);
    expect((await o.account(newPhone)).employeeId).toBe(owner.id);
    expect((await o.account(stranger)).employeeId).toBeNull();
  });
});
