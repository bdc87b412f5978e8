// The demo Saharsa collectorate: seeded into an empty database in development, and the web chat's
// employee picker, which links a browser tab without an OTP (development with the demo office only).
import path from 'node:path';
import type { Clock, Store } from '../core/ports.ts';
import { istDate } from '../core/time.ts';
import { readRoll } from '../adapters/roll/read-roll.ts';
import { importRoll } from '../core/staff/import-roll.ts';
import { DEFAULT_LEAVE_RULES } from '../core/leave/rules.ts';
import { findByCode, linkAccount } from '../core/staff/link-account.ts';
import { canonicalPost } from '../bots/language/index.ts';
import type { Logger } from '../bots/context.ts';
import { REPO_ROOT } from './repo-root.ts';

export const DEMO_ROLL = path.join(REPO_ROOT, 'prisma', 'demo', 'saharsa-roll.csv');

/** The demo office goes in once, into an empty database, through the same import as a real roll. */
export async function seedDemoOffice(store: Store, clock: Clock, log: Logger): Promise<boolean> {
  const count = await store.transaction((tx) => tx.employees.count());
  if (count > 0) return false;
  const table = await readRoll(DEMO_ROLL);
  if (!table.ok) throw new Error(`demo roll ${DEMO_ROLL} could not be read: ${table.failure.code}`);
  const report = await importRoll(store, clock, { rows: table.value.rows, actor: null, canonicalPost });
  // This year's entitlements as opening balances, so the demo staff can apply for leave at once.
  const year = Number(istDate(clock.now()).slice(0, 4));
  await store.transaction(async (tx) => {
    for (const employee of await tx.employees.list()) {
      for (const rule of DEFAULT_LEAVE_RULES.types.filter((t) => t.ledger && t.entitlement > 0)) {
        await tx.leaveLedger.add({ employeeId: employee.id, year, type: rule.code, days: rule.entitlement, kind: 'opening', refId: null, note: 'demo office', at: clock.now() });
      }
    }
  });
  log.info(`Demo office seeded: ${report.summary.created} staff of the Saharsa collectorate, with ${year} leave balances.`);
  return true;
}

export async function demoStaff(store: Store): Promise<{ code: string; name: string; post: string; section: string }[]> {
  return store.transaction(async (tx) => {
    const sections = new Map((await tx.sections.list()).map((x) => [x.id, x.name]));
    return (await tx.employees.list({ activeOnly: true })).map((e) => ({ code: e.code, name: e.name, post: e.post, section: sections.get(e.sectionId) ?? '' }));
  });
}

export async function demoLink(store: Store, clock: Clock, chatId: string, code: string): Promise<boolean> {
  return store.transaction(async (tx) => {
    const employee = await findByCode(tx, code);
    if (employee === null || !employee.active) return false;
    const account = (await tx.accounts.find('botframework', chatId)) ?? (await tx.accounts.create({ channel: 'botframework', address: chatId, displayName: employee.name }));
    if (account.employeeId !== null && account.employeeId !== employee.id) await tx.accounts.update(account.id, { employeeId: null, linkedAt: null });
    if (account.employeeId !== employee.id) await linkAccount(tx, clock, { account: { ...account, employeeId: null }, employee, via: 'demo' });
    return true;
  });
}
