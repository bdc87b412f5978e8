// Tampering with the audit trail straight in the SQLite file is caught by `daftar audit verify`.
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { createTestStore, sqliteRun } from '../../helpers/sqlite.ts';
import { recordEvent } from '../../../core/audit/record-event.ts';
import { FakeClock } from '../../helpers/clock.ts';

async function databaseWithEvents(n: number): Promise<string> {
  const { store, file } = await createTestStore();
  const clock = new FakeClock();
  for (let i = 1; i <= n; i += 1) {
    await store.transaction((tx) => recordEvent(tx, clock, { actor: 'SAH0002', type: 'file.approved', subjectType: 'file', subjectId: `EST-${i}/2026`, data: { note: i } }));
  }
  await store.close();
  return file;
}

function verify(file: string): { status: number | null; out: string } {
  const run = spawnSync(process.execPath, ['bots/cli/daftar.mjs', 'audit', 'verify'], {
    env: { ...process.env, DAFTAR_DB_FILE: file, DAFTAR_DEMO: 'false' }, encoding: 'utf8',
  });
  return { status: run.status, out: run.stdout + run.stderr };
}

const tamper = (file: string, sql: string): void => sqliteRun(file, sql);

describe('daftar audit verify on a real SQLite file', () => {
  it('passes an untouched chain, then names an edited, a deleted and a truncated event', async () => {
    const file = await databaseWithEvents(6);
    expect(verify(file)).toEqual({ status: 0, out: 'OK: 6 audit events, hash chain intact\n' });

    tamper(file, `UPDATE AuditEvent SET actor = 'SAH0099' WHERE seq = 4`);
    const edited = verify(file);
    expect(edited.status).toBe(1);
    expect(edited.out).toContain('event #4 was edited');

    const deleted = await databaseWithEvents(6);
    tamper(deleted, 'DELETE FROM AuditEvent WHERE seq = 2');
    expect(verify(deleted).out).toContain('event #2 was deleted');

    const truncated = await databaseWithEvents(6);
    tamper(truncated, 'DELETE FROM AuditEvent WHERE seq >= 5');
    expect(verify(truncated).out).toContain('events from #5 on were deleted');
  });
});
