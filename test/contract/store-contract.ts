// What every Store must do, run against each implementation (the in-memory one the core's tests use,
// and the Prisma one over SQLite), so that core tests on the first say something about the second.
import { describe, expect } from 'vitest';
import { contractHarness } from './harness.ts';
import type { Store, Tx } from '../../core/ports.ts';
import type { AuditEvent, NewEmployee, OtpChallenge, SentMessage } from '../../core/types.ts';
import { UniqueViolation } from '../../core/errors.ts';

export interface StoreUnderTest {
  store: Store;
  cleanup(): Promise<void>;
}

export interface ContractOptions {
  /**
   * Titles of contract tests this store is known to fail. They run as `it.fails`: the suite stays
   * green while the gap is reported, and turns red once the gap is fixed so the entry gets removed.
   */
  knownGaps?: readonly string[];
}

const at = (iso: string): Date => new Date(iso);
const T0 = at('2026-03-31T18:29:59.999Z');
const plus = (date: Date, ms: number): Date => new Date(date.getTime() + ms);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function expectUnique(promise: Promise<unknown>, what: string): Promise<void> {
  const error: unknown = await promise.then(() => undefined, (caught: unknown) => caught);
  expect(error).toBeInstanceOf(UniqueViolation);
  expect((error as UniqueViolation).what).toBe(what);
}

function employeeData(sectionId: number, n: number, patch: Partial<NewEmployee> = {}): NewEmployee {
  return {
    code: `EMP${n}`, name: `कर्मचारी ${n}`, dob: '1980-01-0' + String((n % 9) + 1), post: 'Clerk', postKey: null,
    mobile: `98765432${String(n).padStart(2, '0')}`, email: null, sectionId, reportingOfficerId: null, active: true,
    language: 'hi', preferredChannel: null, remindersMuted: false, ...patch,
  };
}

function otpData(n: number, employeeId: number, patch: Partial<OtpChallenge> = {}): OtpChallenge {
  return {
    id: `otp-${n}`, purpose: 'link', employeeId, accountId: null, codeHash: `h${n}`, salt: `s${n}`,
    subjectHash: null, subjectRef: null, destination: '••••3210', createdAt: plus(T0, n), expiresAt: plus(T0, 600_000),
    attempts: 0, status: 'pending', consumedAt: null, ...patch,
  };
}

function auditEvent(seq: number): AuditEvent {
  return {
    seq, at: plus(T0, seq).toISOString(), actor: seq % 2 ? 'EMP1' : null, type: 'test.event',
    subjectType: seq % 2 ? 'file' : null, subjectId: seq % 2 ? String(seq) : null,
    data: `{"n":${seq}}`, prevHash: String(seq - 1).padStart(64, '0'), hash: String(seq).padStart(64, '0'),
  };
}

function sentMessage(patch: Partial<SentMessage> = {}): SentMessage {
  return {
    channel: 'telegram', chatId: '100', messageId: '7', employeeId: null, subjectType: 'file',
    subjectId: 'EST-12/2026', createdAt: new Date(T0), ...patch,
  };
}

export function describeStoreContract(name: string, make: () => Promise<StoreUnderTest>, options: ContractOptions = {}): void {
  const { it, tx, setUp, checkGaps } = contractHarness(make, options);
  describe(`Store contract: ${name}`, () => {
    setUp();
    const seedSection = () => tx((t) => t.sections.create({ code: 'EST', name: 'Establishment' }));
    const seedEmployee = async (n = 1, patch: Partial<NewEmployee> = {}) => {
      const section = (await tx((t) => t.sections.byCode('EST'))) ?? (await seedSection());
      return tx((t) => t.employees.create(employeeData(section.id, n, patch)));
    };

    describe('sections', () => {
      it('creates and finds by id, code and name; null when absent', async () => {
        const made = await seedSection();
        expect(made).toEqual({ id: expect.any(Number), code: 'EST', name: 'Establishment' });
        await tx(async (t) => {
          expect(await t.sections.byId(made.id)).toEqual(made);
          expect(await t.sections.byCode('EST')).toEqual(made);
          expect(await t.sections.byName('Establishment')).toEqual(made);
          expect(await t.sections.byId(made.id + 1000)).toBeNull();
          expect(await t.sections.byCode('NOPE')).toBeNull();
          expect(await t.sections.byName('Nope')).toBeNull();
        });
      });

      it('lists by name', async () => {
        await tx(async (t) => {
          for (const [code, name] of [['NZ', 'Nazarat'], ['ACC', 'Accounts'], ['EST', 'Establishment']] as const) {
            await t.sections.create({ code, name });
          }
        });
        expect((await tx((t) => t.sections.list())).map((s) => s.name)).toEqual(['Accounts', 'Establishment', 'Nazarat']);
      });

      it('rejects a second section with the same code or name', async () => {
        await seedSection();
        await expectUnique(tx((t) => t.sections.create({ code: 'EST', name: 'Other' })), 'Section.code');
        await expectUnique(tx((t) => t.sections.create({ code: 'OTH', name: 'Establishment' })), 'Section.name');
        expect(await tx((t) => t.sections.list())).toHaveLength(1);
      });
    });

    describe('employees', () => {
      it('creates with every field and finds by id, code and mobile', async () => {
        const boss = await seedEmployee(1);
        const data = employeeData(boss.sectionId, 2, {
          postKey: 'DDC', email: 'ddc@example.in', reportingOfficerId: boss.id, language: 'en',
          preferredChannel: 'telegram', remindersMuted: true, active: false,
        });
        const made = await tx((t) => t.employees.create(data));
        expect(made).toEqual({ ...data, id: expect.any(Number) });
        await tx(async (t) => {
          expect(await t.employees.byId(made.id)).toEqual(made);
          expect(await t.employees.byCode('EMP2')).toEqual(made);
          expect(await t.employees.byMobile(data.mobile)).toEqual(made);
          expect(await t.employees.byId(made.id + 1000)).toBeNull();
          expect(await t.employees.byCode('EMP9')).toBeNull();
          expect(await t.employees.byMobile('9000000000')).toBeNull();
        });
      });

      it('lists in id order, optionally only the active, and counts', async () => {
        const a = await seedEmployee(1);
        const b = await seedEmployee(2, { active: false });
        const c = await seedEmployee(3);
        await tx(async (t) => {
          expect((await t.employees.list()).map((e) => e.id)).toEqual([a.id, b.id, c.id]);
          expect((await t.employees.list({ activeOnly: true })).map((e) => e.id)).toEqual([a.id, c.id]);
          expect((await t.employees.list({ activeOnly: false })).map((e) => e.id)).toEqual([a.id, b.id, c.id]);
          expect(await t.employees.count()).toBe(3);
        });
      });

      it('finds the holders of a post in id order, optionally only the active', async () => {
        const a = await seedEmployee(1, { postKey: 'SDO' });
        const b = await seedEmployee(2, { postKey: 'SDO', active: false });
        await seedEmployee(3, { postKey: 'BDO' });
        await seedEmployee(4);
        const d = await seedEmployee(5, { postKey: 'SDO' });
        await tx(async (t) => {
          expect(await t.employees.withPost('SDO')).toEqual([a, b, d]);
          expect((await t.employees.withPost('SDO', { activeOnly: true })).map((e) => e.id)).toEqual([a.id, d.id]);
          expect(await t.employees.withPost('sdo')).toEqual([]);
          expect(await t.employees.withPost('DM')).toEqual([]);
        });
      });

      it('updates only the fields in the patch, including to null', async () => {
        const boss = await seedEmployee(1);
        const made = await seedEmployee(2, { email: 'old@example.in', reportingOfficerId: boss.id });
        const updated = await tx((t) => t.employees.update(made.id, {
          email: null, reportingOfficerId: null, language: 'en', active: false, post: 'Head Clerk',
        }));
        expect(updated).toEqual({ ...made, email: null, reportingOfficerId: null, language: 'en', active: false, post: 'Head Clerk' });
        expect(await tx((t) => t.employees.byId(made.id))).toEqual(updated);
      });

      it('fails to update an employee that does not exist', async () => {
        await expect(tx((t) => t.employees.update(999, { name: 'x' }))).rejects.toThrow();
      });

      it('rejects a duplicate code or mobile, on create and on update', async () => {
        const first = await seedEmployee(1);
        const second = await seedEmployee(2);
        await expectUnique(tx((t) => t.employees.create(employeeData(first.sectionId, 3, { code: first.code }))), 'Employee.code');
        await expectUnique(tx((t) => t.employees.create(employeeData(first.sectionId, 3, { mobile: first.mobile }))), 'Employee.mobile');
        await expectUnique(tx((t) => t.employees.update(second.id, { code: first.code })), 'Employee.code');
        await expectUnique(tx((t) => t.employees.update(second.id, { mobile: first.mobile })), 'Employee.mobile');
        expect(await tx((t) => t.employees.byId(second.id))).toEqual(second);
        expect(await tx((t) => t.employees.count())).toBe(2);
      });

      it('may update an employee to the code and mobile it already has', async () => {
        const made = await seedEmployee(1);
        expect(await tx((t) => t.employees.update(made.id, { code: made.code, mobile: made.mobile }))).toEqual(made);
      });
    });

    describe('chat accounts', () => {
      it('creates unlinked and finds by channel and address or id', async () => {
        const made = await tx((t) => t.accounts.create({ channel: 'telegram', address: '100', displayName: 'Ram' }));
        expect(made).toEqual({
          id: expect.any(Number), channel: 'telegram', address: '100', displayName: 'Ram',
          employeeId: null, linkedAt: null, conversationRef: null,
        });
        await tx(async (t) => {
          expect(await t.accounts.find('telegram', '100')).toEqual(made);
          expect(await t.accounts.byId(made.id)).toEqual(made);
          expect(await t.accounts.find('whatsapp', '100')).toBeNull();
          expect(await t.accounts.byId(made.id + 1000)).toBeNull();
        });
      });

      it('links to an employee and lists an employee\'s accounts in id order', async () => {
        const employee = await seedEmployee(1);
        const linkedAt = at('2026-04-01T05:06:07.089Z');
        const [a, b] = await tx(async (t) => [
          await t.accounts.create({ channel: 'whatsapp', address: '919876543210', displayName: null }),
          await t.accounts.create({ channel: 'telegram', address: '100', displayName: null }),
          await t.accounts.create({ channel: 'teams', address: 'u-1', displayName: null }),
        ]);
        const linked = await tx(async (t) => [
          await t.accounts.update(a!.id, { employeeId: employee.id, linkedAt, conversationRef: '{"c":1}' }),
          await t.accounts.update(b!.id, { employeeId: employee.id, linkedAt, displayName: 'R' }),
        ]);
        expect(linked[0]).toEqual({ ...a, employeeId: employee.id, linkedAt, conversationRef: '{"c":1}' });
        expect(linked[1]).toEqual({ ...b, employeeId: employee.id, linkedAt, displayName: 'R' });
        expect(await tx((t) => t.accounts.byEmployee(employee.id))).toEqual(linked);
        expect(await tx((t) => t.accounts.byEmployee(employee.id + 1000))).toEqual([]);
        const unlinked = await tx((t) => t.accounts.update(a!.id, { employeeId: null, linkedAt: null }));
        expect(unlinked).toEqual({ ...linked[0], employeeId: null, linkedAt: null });
        // Still linked through the other account; an id with no account, or asked twice, is not doubled.
        expect(await tx((t) => t.accounts.linkedAmong([employee.id + 1000, employee.id, employee.id]))).toEqual([employee.id]);
        await tx((t) => t.accounts.update(b!.id, { employeeId: null, linkedAt: null }));
        expect(await tx((t) => t.accounts.linkedAmong([employee.id]))).toEqual([]);
      });

      it('rejects a second account with the same channel and address only', async () => {
        await tx((t) => t.accounts.create({ channel: 'telegram', address: '100', displayName: null }));
        await expectUnique(
          tx((t) => t.accounts.create({ channel: 'telegram', address: '100', displayName: 'x' })), 'ChatAccount.channel_address');
        await tx((t) => t.accounts.create({ channel: 'whatsapp', address: '100', displayName: null }));
      });

      it('fails to update an account that does not exist', async () => {
        await expect(tx((t) => t.accounts.update(999, { displayName: 'x' }))).rejects.toThrow();
      });
    });

    describe('OTP challenges', () => {
      it('creates with every field and finds by id', async () => {
        const data = otpData(1, 5, {
          purpose: 'sign', accountId: 3, subjectHash: 'a'.repeat(64), subjectRef: 'EST-12/2026#4',
          attempts: 2, status: 'used', consumedAt: at('2026-04-01T00:00:00.001Z'),
        });
        expect(await tx((t) => t.otps.create(data))).toEqual(data);
        expect(await tx((t) => t.otps.byId('otp-1'))).toEqual(data);
        expect(await tx((t) => t.otps.byId('otp-2'))).toBeNull();
      });

      it('rejects a second challenge with the same id', async () => {
        await tx((t) => t.otps.create(otpData(1, 5)));
        await expectUnique(tx((t) => t.otps.create(otpData(1, 6))), 'OtpChallenge.id');
      });

      it('finds the newest pending challenge of a purpose for an account', async () => {
        await tx(async (t) => {
          await t.otps.create(otpData(1, 5, { accountId: 3 }));
          await t.otps.create(otpData(4, 5, { accountId: 3 }));
          await t.otps.create(otpData(2, 5, { accountId: 3 }));
          await t.otps.create(otpData(5, 5, { accountId: 3, status: 'used' }));
          await t.otps.create(otpData(6, 5, { accountId: 3, purpose: 'sign' }));
          await t.otps.create(otpData(7, 5, { accountId: 4 }));
        });
        await tx(async (t) => {
          expect((await t.otps.latestPendingForAccount(3, 'link'))?.id).toBe('otp-4');
          expect((await t.otps.latestPendingForAccount(3, 'sign'))?.id).toBe('otp-6');
          expect(await t.otps.latestPendingForAccount(9, 'link')).toBeNull();
        });
      });

      it('updates attempts, status and consumedAt', async () => {
        const made = await tx((t) => t.otps.create(otpData(1, 5)));
        const consumedAt = at('2026-04-01T10:00:00.123Z');
        expect(await tx((t) => t.otps.update('otp-1', { attempts: 1 }))).toEqual({ ...made, attempts: 1 });
        const used = await tx((t) => t.otps.update('otp-1', { status: 'used', consumedAt }));
        expect(used).toEqual({ ...made, attempts: 1, status: 'used', consumedAt });
        expect(await tx((t) => t.otps.byId('otp-1'))).toEqual(used);
        expect(await tx((t) => t.otps.latestPendingForAccount(3, 'link'))).toBeNull();
        await expect(tx((t) => t.otps.update('otp-9', { attempts: 1 }))).rejects.toThrow();
      });

      it('counts challenges issued since an instant, inclusive, of any status', async () => {
        await tx(async (t) => {
          for (const n of [1, 2, 3]) await t.otps.create(otpData(n, 5, { status: n === 2 ? 'locked' : 'pending' }));
          await t.otps.create(otpData(4, 5, { purpose: 'sign' }));
          await t.otps.create(otpData(5, 6));
        });
        await tx(async (t) => {
          expect(await t.otps.countIssuedSince(5, 'link', plus(T0, 1))).toBe(3);
          expect(await t.otps.countIssuedSince(5, 'link', plus(T0, 2))).toBe(2);
          expect(await t.otps.countIssuedSince(5, 'link', plus(T0, 4))).toBe(0);
          expect(await t.otps.countIssuedSince(5, 'sign', T0)).toBe(1);
          expect(await t.otps.countIssuedSince(6, 'link', T0)).toBe(1);
        });
      });
    });

    describe('audit', () => {
      it('has no head until an event is appended, then the newest event\'s seq and hash', async () => {
        expect(await tx((t) => t.audit.head())).toBeNull();
        await tx((t) => t.audit.append(auditEvent(1)));
        expect(await tx((t) => t.audit.head())).toEqual({ seq: 1, hash: auditEvent(1).hash });
        await tx(async (t) => {
          await t.audit.append(auditEvent(2));
          expect(await t.audit.head()).toEqual({ seq: 2, hash: auditEvent(2).hash });
        });
      });

      it('pages events in seq order from a seq, inclusive, at most limit', async () => {
        await tx(async (t) => {
          for (const seq of [1, 2, 3, 4, 5]) await t.audit.append(auditEvent(seq));
        });
        await tx(async (t) => {
          expect(await t.audit.page(1, 100)).toEqual([1, 2, 3, 4, 5].map(auditEvent));
          expect(await t.audit.page(2, 2)).toEqual([auditEvent(2), auditEvent(3)]);
          expect(await t.audit.page(5, 10)).toEqual([auditEvent(5)]);
          expect(await t.audit.page(6, 10)).toEqual([]);
          expect(await t.audit.page(1, 0)).toEqual([]);
        });
      });

      it('rejects a second event with the same seq and keeps the head', async () => {
        await tx((t) => t.audit.append(auditEvent(1)));
        await expectUnique(tx((t) => t.audit.append({ ...auditEvent(1), hash: 'f'.repeat(64) })), 'AuditEvent.seq');
        expect(await tx((t) => t.audit.head())).toEqual({ seq: 1, hash: auditEvent(1).hash });
        expect(await tx((t) => t.audit.page(1, 10))).toEqual([auditEvent(1)]);
      });
    });

    describe('outbox', () => {
      const item = (n: number, nextAttemptAt: Date) => ({
        createdAt: T0, employeeId: n % 2 ? n : null, channel: n % 2 ? null : 'telegram', address: n % 2 ? null : String(n),
        payload: `{"text":"नमस्ते ${n}"}`, nextAttemptAt,
      });

      it('adds an item undelivered with no attempts', async () => {
        const data = item(1, T0);
        const made = await tx((t) => t.outbox.add(data));
        expect(made).toEqual({ ...data, id: expect.any(Number), attempts: 0, deliveredAt: null, lastError: null });
        expect(await tx((t) => t.outbox.pendingCount())).toBe(1);
      });

      it('lists due items (next attempt at or before now) by next attempt, then id, at most limit', async () => {
        const ids = await tx(async (t) => {
          const out: number[] = [];
          for (const [n, offset] of [[1, 0], [2, -5], [3, 0], [4, 1], [5, -10]] as const) {
            out.push((await t.outbox.add(item(n, plus(T0, offset)))).id);
          }
          return out;
        });
        const [i1, i2, i3, , i5] = ids;
        await tx(async (t) => {
          expect((await t.outbox.due(T0, 10)).map((x) => x.id)).toEqual([i5, i2, i1, i3]);
          expect((await t.outbox.due(T0, 2)).map((x) => x.id)).toEqual([i5, i2]);
          expect((await t.outbox.due(plus(T0, -6), 10)).map((x) => x.id)).toEqual([i5]);
          expect(await t.outbox.due(T0, 0)).toEqual([]);
          expect(await t.outbox.pendingCount()).toBe(5);
        });
      });

      it('claims due items for one process: leased until the given time, due again after it', async () => {
        const ids = await tx(async (t) => {
          const out: number[] = [];
          for (const [n, offset] of [[1, 0], [2, -5], [3, 0], [4, 1]] as const) out.push((await t.outbox.add(item(n, plus(T0, offset)))).id);
          return out;
        });
        const [i1, i2, i3] = ids;
        const lease = plus(T0, 120_000);
        const first = await tx((t) => t.outbox.claimDue(T0, 2, lease));
        expect(first.map((x) => x.id)).toEqual([i2, i1]);
        expect(first[0]?.nextAttemptAt).toEqual(plus(T0, -5));
        // A second process polling at the same moment takes what is left, never the same items.
        expect((await tx((t) => t.outbox.claimDue(T0, 10, lease))).map((x) => x.id)).toEqual([i3]);
        expect(await tx((t) => t.outbox.claimDue(plus(T0, 1), 10, lease))).toHaveLength(1);
        expect(await tx((t) => t.outbox.claimDue(plus(T0, 2), 10, lease))).toEqual([]);
        // Nobody marked them: when the lease runs out they are due again, for whoever polls.
        expect((await tx((t) => t.outbox.due(lease, 10))).map((x) => x.id).sort((a, b) => a - b)).toEqual([...ids].sort((a, b) => a - b));
        expect(await tx((t) => t.outbox.claimDue(T0, 0, lease))).toEqual([]);
      });

      it('marks a failure (attempts, next attempt, error) and a delivery', async () => {
        const made = await tx((t) => t.outbox.add(item(1, T0)));
        const later = plus(T0, 60_000);
        await tx((t) => t.outbox.markFailed(made.id, 1, later, 'HTTP 502 from Bot API'));
        await tx(async (t) => {
          expect(await t.outbox.due(T0, 10)).toEqual([]);
          expect(await t.outbox.due(later, 10)).toEqual([{ ...made, attempts: 1, nextAttemptAt: later, lastError: 'HTTP 502 from Bot API' }]);
          expect(await t.outbox.pendingCount()).toBe(1);
        });
        const deliveredAt = plus(later, 1);
        await tx((t) => t.outbox.markDelivered(made.id, deliveredAt));
        await tx(async (t) => {
          expect(await t.outbox.due(plus(later, 86_400_000), 10)).toEqual([]);
          expect(await t.outbox.pendingCount()).toBe(0);
        });
      });

      it('stores a copy of the next-attempt time given to markFailed', async () => {
        const made = await tx((t) => t.outbox.add(item(1, T0)));
        const later = plus(T0, 60_000);
        await tx((t) => t.outbox.markFailed(made.id, 1, later, 'x'));
        later.setTime(0);
        expect(await tx((t) => t.outbox.due(plus(T0, -1), 10))).toEqual([]);
        expect((await tx((t) => t.outbox.due(plus(T0, 60_000), 10)))[0]?.nextAttemptAt).toEqual(plus(T0, 60_000));
      });

      it('releases claims and back-offs of undelivered items at once, leaving delivered ones alone', async () => {
        const t = (s: string) => at(`2026-04-01T09:${s}.000Z`);
        const [claimed, backedOff, delivered, due] = await tx(async (x) => [
          await x.outbox.add(item(1, t('00:00'))),
          await x.outbox.add(item(2, t('00:00'))),
          await x.outbox.add(item(3, t('00:00'))),
          await x.outbox.add(item(4, t('00:00'))),
        ]);
        await tx(async (x) => {
          await x.outbox.claimDue(t('00:00'), 1, t('30:00'));
          await x.outbox.markFailed(backedOff.id, 1, t('45:00'), 'boom');
          await x.outbox.markDelivered(delivered.id, t('00:30'));
        });
        const now = t('01:00');
        expect((await tx((x) => x.outbox.claimDue(now, 10, t('40:00')))).map((i) => i.id)).toEqual([due.id]);
        expect(await tx((x) => x.outbox.releaseClaims(now))).toBe(3);
        expect((await tx((x) => x.outbox.claimDue(now, 10, t('40:00')))).map((i) => i.id).sort((a, b) => a - b))
          .toEqual([claimed.id, backedOff.id, due.id].sort((a, b) => a - b));
        expect(await tx((x) => x.outbox.releaseClaims(t('50:00')))).toBe(0);
      });

      it('fails to mark an item that does not exist', async () => {
        await expect(tx((t) => t.outbox.markDelivered(999, T0))).rejects.toThrow();
        await expect(tx((t) => t.outbox.markFailed(999, 1, T0, 'x'))).rejects.toThrow();
      });
    });

    describe('inbound messages', () => {
      const record = { channel: 'telegram', messageId: '55', chatId: '100', receivedAt: at('2026-04-01T09:15:00.250Z') };

      it('claims a message once; a second claim, even in a later transaction, is false', async () => {
        expect(await tx((t) => t.inbound.claim(record))).toBe(true);
        expect(await tx((t) => t.inbound.claim({ ...record, chatId: '200', receivedAt: T0 }))).toBe(false);
        expect(await tx((t) => t.inbound.find('telegram', '55'))).toEqual({ ...record, status: 'processing', replies: null, leaseUntil: null });
        expect(await tx((t) => t.inbound.claim({ ...record, channel: 'whatsapp' }))).toBe(true);
      });

      it('a refused claim leaves the transaction usable', async () => {
        await tx((t) => t.inbound.claim(record));
        await tx(async (t) => {
          expect(await t.inbound.claim(record)).toBe(false);
          await t.inbound.complete('telegram', '55', '[]');
        });
        expect((await tx((t) => t.inbound.find('telegram', '55')))?.status).toBe('done');
      });

      it('completes with the replies given; unknown messages are null', async () => {
        await tx((t) => t.inbound.claim(record));
        await tx((t) => t.inbound.complete('telegram', '55', '[{"text":"ठीक है"}]'));
        expect(await tx((t) => t.inbound.find('telegram', '55')))
          .toEqual({ ...record, status: 'done', replies: '[{"text":"ठीक है"}]', leaseUntil: null });
        expect(await tx((t) => t.inbound.find('telegram', '56'))).toBeNull();
        await expect(tx((t) => t.inbound.complete('telegram', '56', '[]'))).rejects.toThrow();
      });

      it('a held message is retaken only once its hold ran out, by one taker, and never once done', async () => {
        const until = at('2026-04-01T09:17:00.000Z');
        await tx(async (t) => {
          await t.inbound.claim(record);
          await t.inbound.hold('telegram', '55', until);
        });
        expect((await tx((t) => t.inbound.find('telegram', '55')))?.leaseUntil).toEqual(until);
        const later = at('2026-04-01T09:19:00.000Z');
        // Still held a millisecond before the hold ends; free from its end on.
        expect(await tx((t) => t.inbound.retake('telegram', '55', at('2026-04-01T09:16:59.999Z'), later))).toBe(false);
        expect(await tx((t) => t.inbound.retake('telegram', '55', until, later))).toBe(true);
        // The new hold is the taker's: a second taker at the same instant is refused.
        expect(await tx((t) => t.inbound.retake('telegram', '55', until, later))).toBe(false);
        expect((await tx((t) => t.inbound.find('telegram', '55')))?.leaseUntil).toEqual(later);
        await tx((t) => t.inbound.complete('telegram', '55', '[]'));
        expect(await tx((t) => t.inbound.find('telegram', '55'))).toMatchObject({ status: 'done', leaseUntil: null });
        expect(await tx((t) => t.inbound.retake('telegram', '55', at('2026-05-01T00:00:00.000Z'), later))).toBe(false);
        expect(await tx((t) => t.inbound.retake('telegram', '99', later, later))).toBe(false);
        await expect(tx((t) => t.inbound.hold('telegram', '99', later))).rejects.toThrow();
      });

      it('a claim never held, or released at start-up, is retaken at once', async () => {
        await tx(async (t) => {
          await t.inbound.claim(record);
          await t.inbound.claim({ ...record, messageId: '56' });
          await t.inbound.hold('telegram', '56', at('2026-04-01T10:00:00.000Z'));
          await t.inbound.claim({ ...record, messageId: '57' });
          await t.inbound.hold('telegram', '57', at('2026-04-01T10:00:00.000Z'));
          await t.inbound.complete('telegram', '57', '[]');
        });
        const now = at('2026-04-01T09:16:00.000Z');
        const until = at('2026-04-01T09:18:00.000Z');
        expect(await tx((t) => t.inbound.retake('telegram', '56', now, until))).toBe(false);
        expect(await tx((t) => t.inbound.releaseAll())).toBe(1);
        expect(await tx((t) => t.inbound.retake('telegram', '55', now, until))).toBe(true);
        expect(await tx((t) => t.inbound.retake('telegram', '56', now, until))).toBe(true);
        expect(await tx((t) => t.inbound.find('telegram', '57'))).toMatchObject({ status: 'done', leaseUntil: null });
      });
    });

    describe('sent messages', () => {
      it('adds and finds by channel, chat and message id', async () => {
        const message = sentMessage({ employeeId: 4 });
        await tx((t) => t.sentMessages.add(message));
        await tx(async (t) => {
          expect(await t.sentMessages.find('telegram', '100', '7')).toEqual(message);
          expect(await t.sentMessages.find('telegram', '101', '7')).toBeNull();
          expect(await t.sentMessages.find('whatsapp', '100', '7')).toBeNull();
        });
        const bare = sentMessage({ chatId: '101', subjectType: null, subjectId: null });
        await tx((t) => t.sentMessages.add(bare));
        expect(await tx((t) => t.sentMessages.find('telegram', '101', '7'))).toEqual(bare);
      });

      it('rejects the same message twice', async () => {
        await tx((t) => t.sentMessages.add(sentMessage()));
        await expectUnique(tx((t) => t.sentMessages.add(sentMessage({ subjectId: 'other' }))), 'SentMessage.id');
      });
    });

    describe('patches', () => {
      it('an update patch with a field set to undefined leaves that field unchanged', async () => {
        const employee = await seedEmployee(1, { email: 'a@example.in' });
        const patch: Partial<NewEmployee> = { email: undefined, name: 'renamed' };
        expect(await tx((t) => t.employees.update(employee.id, patch))).toEqual({ ...employee, name: 'renamed' });
        expect(await tx((t) => t.employees.byId(employee.id))).toEqual({ ...employee, name: 'renamed' });

        const account = await tx((t) => t.accounts.create({ channel: 'telegram', address: '1', displayName: 'Ram' }));
        const accountPatch: Parameters<Tx['accounts']['update']>[1] = { displayName: undefined, conversationRef: '{}' };
        expect(await tx((t) => t.accounts.update(account.id, accountPatch))).toEqual({ ...account, conversationRef: '{}' });

        const otp = await tx((t) => t.otps.create(otpData(1, employee.id)));
        const otpPatch: Parameters<Tx['otps']['update']>[1] = { consumedAt: undefined, attempts: 1 };
        expect(await tx((t) => t.otps.update(otp.id, otpPatch))).toEqual({ ...otp, attempts: 1 });
      });
    });

    describe('copies', () => {
      it('returns copies: changing a returned record changes nothing stored', async () => {
        const employee = await seedEmployee(1);
        employee.name = 'changed';
        const listed = await tx((t) => t.employees.list());
        listed[0]!.mobile = '0000000000';
        listed.pop();
        await tx(async (t) => {
          const account = await t.accounts.create({ channel: 'telegram', address: '1', displayName: null });
          const linked = await t.accounts.update(account.id, { employeeId: employee.id, linkedAt: T0 });
          linked.linkedAt!.setTime(0);
          const otp = await t.otps.create(otpData(1, employee.id));
          otp.createdAt.setTime(0);
          otp.status = 'used';
          const item = await t.outbox.add({ createdAt: T0, employeeId: 1, channel: null, address: null, payload: '{}', nextAttemptAt: T0 });
          item.nextAttemptAt.setTime(0);
          await t.audit.append(auditEvent(1));
          const head = await t.audit.head();
          head!.seq = 99;
          (await t.audit.page(1, 1))[0]!.hash = 'x';
          await t.sentMessages.add(sentMessage());
          (await t.sentMessages.find('telegram', '100', '7'))!.createdAt.setTime(0);
          const found = await t.sections.byCode('EST');
          found!.name = 'changed';
        });
        await tx(async (t) => {
          expect((await t.employees.byId(employee.id))?.name).toBe('कर्मचारी 1');
          expect(await t.employees.list()).toHaveLength(1);
          expect((await t.employees.list())[0]?.mobile).toBe(employeeData(0, 1).mobile);
          expect((await t.accounts.find('telegram', '1'))?.linkedAt).toEqual(T0);
          expect(await t.otps.byId('otp-1')).toEqual(otpData(1, employee.id));
          expect((await t.outbox.due(T0, 1))[0]?.nextAttemptAt).toEqual(T0);
          expect(await t.audit.head()).toEqual({ seq: 1, hash: auditEvent(1).hash });
          expect(await t.audit.page(1, 1)).toEqual([auditEvent(1)]);
          expect((await t.sentMessages.find('telegram', '100', '7'))?.createdAt).toEqual(T0);
          expect((await t.sections.byCode('EST'))?.name).toBe('Establishment');
        });
      });

      it('stores copies: changing an object after creating from it changes nothing stored', async () => {
        const section = await seedSection();
        const data = employeeData(section.id, 1);
        const otp = otpData(1, 1);
        const event = auditEvent(1);
        const message = sentMessage();
        const made = await tx(async (t) => {
          const employee = await t.employees.create(data);
          await t.otps.create(otp);
          await t.audit.append(event);
          await t.sentMessages.add(message);
          return employee;
        });
        data.name = 'changed';
        otp.createdAt.setTime(0);
        event.hash = 'changed';
        message.createdAt.setTime(0);
        await tx(async (t) => {
          expect((await t.employees.byId(made.id))?.name).toBe('कर्मचारी 1');
          expect((await t.otps.byId('otp-1'))?.createdAt).toEqual(plus(T0, 1));
          expect(await t.audit.head()).toEqual({ seq: 1, hash: auditEvent(1).hash });
          expect((await t.sentMessages.find('telegram', '100', '7'))?.createdAt).toEqual(T0);
        });
      });
    });

    describe('transactions', () => {
      it('returns what the work returns', async () => {
        expect(await tx(async () => 42)).toBe(42);
      });

      it('rolls everything back when the work throws, and rethrows the same error', async () => {
        const employee = await seedEmployee(1);
        await tx((t) => t.audit.append(auditEvent(1)));
        const boom = new Error('boom');
        const failed = tx(async (t) => {
          await t.sections.create({ code: 'ACC', name: 'Accounts' });
          await t.employees.create(employeeData(employee.sectionId, 2));
          await t.employees.update(employee.id, { name: 'renamed' });
          const account = await t.accounts.create({ channel: 'telegram', address: '1', displayName: null });
          await t.accounts.update(account.id, { employeeId: employee.id, linkedAt: T0 });
          await t.otps.create(otpData(1, employee.id));
          await t.audit.append(auditEvent(2));
          await t.outbox.add({ createdAt: T0, employeeId: employee.id, channel: null, address: null, payload: '{}', nextAttemptAt: T0 });
          await t.inbound.claim({ channel: 'telegram', messageId: '1', chatId: '1', receivedAt: T0 });
          await t.sentMessages.add(sentMessage());
          throw boom;
        });
        await expect(failed).rejects.toBe(boom);
        await tx(async (t) => {
          expect((await t.sections.list()).map((s) => s.code)).toEqual(['EST']);
          expect(await t.employees.count()).toBe(1);
          expect((await t.employees.byId(employee.id))?.name).toBe(employee.name);
          expect(await t.accounts.find('telegram', '1')).toBeNull();
          expect(await t.otps.byId('otp-1')).toBeNull();
          expect(await t.audit.head()).toEqual({ seq: 1, hash: auditEvent(1).hash });
          expect(await t.audit.page(1, 10)).toEqual([auditEvent(1)]);
          expect(await t.outbox.pendingCount()).toBe(0);
          expect(await t.outbox.due(T0, 10)).toEqual([]);
          expect(await t.inbound.find('telegram', '1')).toBeNull();
          expect(await t.sentMessages.find('telegram', '100', '7')).toBeNull();
        });
        expect(await tx((t) => t.inbound.claim({ channel: 'telegram', messageId: '1', chatId: '1', receivedAt: T0 }))).toBe(true);
      });

      it('reads inside a transaction see its own earlier writes, and none of them once it rolls back', async () => {
        // (The Prisma store reads employees, accounts, inbound messages and the audit head through
        // prepared statements while some writes still go through Prisma: both see one transaction.)
        const employee = await seedEmployee(1);
        const boom = new Error('boom');
        const failed = tx(async (t) => {
          await t.employees.update(employee.id, { name: 'नया नाम', active: false, remindersMuted: true });
          expect(await t.employees.byId(employee.id)).toMatchObject({ name: 'नया नाम', active: false, remindersMuted: true });
          const other = await t.employees.create(employeeData(employee.sectionId, 2, { postKey: 'SO', reportingOfficerId: employee.id }));
          expect(await t.employees.byCode('EMP2')).toEqual(other);
          expect((await t.employees.list()).map((e) => e.code)).toEqual(['EMP1', 'EMP2']);
          expect((await t.employees.list({ activeOnly: true })).map((e) => e.code)).toEqual(['EMP2']);
          const account = await t.accounts.create({ channel: 'telegram', address: '55', displayName: 'Ram' });
          await t.accounts.update(account.id, { employeeId: other.id, linkedAt: plus(T0, 1) });
          expect(await t.accounts.find('telegram', '55')).toEqual({ ...account, employeeId: other.id, linkedAt: plus(T0, 1) });
          expect(await t.inbound.claim({ channel: 'telegram', messageId: '9', chatId: '55', receivedAt: plus(T0, 7) })).toBe(true);
          await t.inbound.complete('telegram', '9', '[]');
          expect(await t.inbound.find('telegram', '9')).toEqual({
            channel: 'telegram', messageId: '9', chatId: '55', receivedAt: plus(T0, 7), status: 'done', replies: '[]', leaseUntil: null,
          });
          await t.audit.append(auditEvent(1));
          expect(await t.audit.head()).toEqual({ seq: 1, hash: auditEvent(1).hash });
          throw boom;
        });
        await expect(failed).rejects.toBe(boom);
        await tx(async (t) => {
          expect(await t.employees.byId(employee.id)).toEqual(employee);
          expect(await t.employees.byCode('EMP2')).toBeNull();
          expect(await t.employees.list()).toEqual([employee]);
          expect(await t.accounts.find('telegram', '55')).toBeNull();
          expect(await t.inbound.find('telegram', '9')).toBeNull();
          expect(await t.audit.head()).toBeNull();
        });
      });

      it('a unique violation caught inside the work leaves the transaction usable', async () => {
        await seedSection();
        await tx(async (t) => {
          await expectUnique(t.sections.create({ code: 'EST', name: 'Other' }), 'Section.code');
          await t.sections.create({ code: 'ACC', name: 'Accounts' });
        });
        expect((await tx((t) => t.sections.list())).map((s) => s.code)).toEqual(['ACC', 'EST']);
      });

      it('runs one at a time: concurrent read-then-write of a counter loses no update', async () => {
        const item = await tx((t) => t.outbox.add({ createdAt: T0, employeeId: 1, channel: null, address: null, payload: '{}', nextAttemptAt: T0 }));
        const bump = () => tx(async (t) => {
          const [current] = await t.outbox.due(plus(T0, 86_400_000), 1);
          await sleep(5);
          await t.outbox.markFailed(item.id, current!.attempts + 1, T0, `attempt ${current!.attempts + 1}`);
        });
        await Promise.all([bump(), bump(), bump()]);
        expect((await tx((t) => t.outbox.due(T0, 1)))[0]?.attempts).toBe(3);
      });

      it('runs one at a time: concurrent audit appends each see the other\'s head', async () => {
        const append = () => tx(async (t) => {
          const head = await t.audit.head();
          await sleep(5);
          await t.audit.append(auditEvent((head?.seq ?? 0) + 1));
        });
        await Promise.all([append(), append()]);
        expect(await tx((t) => t.audit.head())).toEqual({ seq: 2, hash: auditEvent(2).hash });
      });

      it('a failed transaction does not hold up the next one', async () => {
        const failed = tx(async () => {
          await sleep(5);
          throw new Error('first fails');
        });
        const next = tx((t) => t.sections.create({ code: 'EST', name: 'Establishment' }));
        await expect(failed).rejects.toThrow('first fails');
        expect((await next).code).toBe('EST');
      });
    });

    describe('dates', () => {
      it('round-trip to the millisecond', async () => {
        const instants = [at('2026-01-01T00:00:00.001Z'), at('2026-12-31T23:59:59.999Z'), at('1999-06-15T12:30:45.500Z')];
        await tx(async (t) => {
          for (const [i, instant] of instants.entries()) {
            await t.otps.create(otpData(i, 1, { createdAt: instant, expiresAt: plus(instant, 1), consumedAt: plus(instant, 2) }));
            await t.inbound.claim({ channel: 'c', messageId: String(i), chatId: '1', receivedAt: instant });
            await t.sentMessages.add(sentMessage({ messageId: String(i), createdAt: instant }));
          }
        });
        await tx(async (t) => {
          for (const [i, instant] of instants.entries()) {
            const otp = await t.otps.byId(`otp-${i}`);
            expect(otp?.createdAt).toBeInstanceOf(Date);
            expect(otp?.createdAt.getTime()).toBe(instant.getTime());
            expect(otp?.expiresAt.getTime()).toBe(instant.getTime() + 1);
            expect(otp?.consumedAt?.getTime()).toBe(instant.getTime() + 2);
            expect((await t.inbound.find('c', String(i)))?.receivedAt.getTime()).toBe(instant.getTime());
            expect((await t.sentMessages.find('telegram', '100', String(i)))?.createdAt.getTime()).toBe(instant.getTime());
          }
        });
      });

      it('compare to the millisecond in queries', async () => {
        const item = await tx((t) => t.outbox.add({ createdAt: T0, employeeId: 1, channel: null, address: null, payload: '{}', nextAttemptAt: T0 }));
        await tx(async (t) => {
          expect(await t.outbox.due(plus(T0, -1), 10)).toEqual([]);
          expect((await t.outbox.due(T0, 10)).map((x) => x.id)).toEqual([item.id]);
          await t.otps.create(otpData(0, 1, { createdAt: T0 }));
          expect(await t.otps.countIssuedSince(1, 'link', T0)).toBe(1);
          expect(await t.otps.countIssuedSince(1, 'link', plus(T0, 1))).toBe(0);
        });
      });
    });

    checkGaps();
  });
}
