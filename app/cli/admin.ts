// Administrative commands for the District Informatics Officer, who runs the server.
import { findByCode, linkAccount, unlinkAccount } from '../../core/staff/link-account.ts';
import { setEmployeeActive } from '../../core/staff/set-active.ts';
import { openStore } from '../../adapters/storage/open-store.ts';
import { systemClock } from '../../core/time.ts';
import type { Config } from '../../bots/config.ts';
import type { Daftar } from '../main.ts';
import { failureText } from '../../bots/messages/failures.ts';
import { TERMINAL_CHANNEL } from './terminal-chat.ts';

type Linked = { ok: true; name: string; post: string } | { ok: false; message: string };

/** `daftar chat --as CODE`: the console user holds the server, so the terminal chat is linked directly (audited). */
export async function consoleLinkTerminal(daftar: Daftar, chatId: string, code: string): Promise<Linked> {
  return daftar.store.transaction(async (tx) => {
    const employee = await findByCode(tx, code);
    if (employee === null) return { ok: false, message: failureText('STAFF.UNKNOWN_CODE', { code }, 'en') };
    if (!employee.active) return { ok: false, message: failureText('ACCOUNT.EMPLOYEE_INACTIVE', { code: employee.code }, 'en') };
    const account = (await tx.accounts.find(TERMINAL_CHANNEL, chatId))
      ?? (await tx.accounts.create({ channel: TERMINAL_CHANNEL, address: chatId, displayName: employee.name }));
    if (account.employeeId !== employee.id) await linkAccount(tx, daftar.clock, { account, employee, via: 'console' });
    return { ok: true, name: employee.name, post: employee.post };
  });
}

export async function runSetActive(config: Config, code: string, active: boolean, out: NodeJS.WritableStream): Promise<number> {
  const store = await openStore(config.database);
  try {
    const result = await store.transaction((tx) => setEmployeeActive(tx, systemClock, { code, active, actor: 'console' }));
    if (!result.ok) {
      out.write(`${failureText(result.failure.code, result.failure.params, 'en')}\n`);
      return 1;
    }
    out.write(`${result.value.code} ${result.value.name}: ${active ? 'active' : 'deactivated — can no longer act through any chat'}\n`);
    return 0;
  } finally {
    await store.close();
  }
}

export async function runUnlink(config: Config, channel: string, address: string, out: NodeJS.WritableStream): Promise<number> {
  const store = await openStore(config.database);
  try {
    const result = await store.transaction((tx) => unlinkAccount(tx, systemClock, { channel, address, actor: 'console' }));
    if (!result.ok) {
      out.write(`${channel} ${address}: ${failureText(result.failure.code, result.failure.params, 'en')}\n`);
      return 1;
    }
    out.write(`${channel} ${address}: unlinked\n`);
    return 0;
  } finally {
    await store.close();
  }
}
