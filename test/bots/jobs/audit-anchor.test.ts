// The audit chain's head kept outside the database: in the DIO's chat each morning, and in the
// anchor file `daftar start` appends to at start and daily (the real file adapter, in a temp folder).
import { describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { runDailyDigest } from '../../../bots/jobs/daily-digest.ts';
import { scheduleAuditAnchors } from '../../../bots/jobs/audit-anchor.ts';
import { recordEvent } from '../../../core/audit/record-event.ts';
import { parseAnchors, type AuditAnchor } from '../../../core/audit/anchors.ts';
import { appendAnchor } from '../../../adapters/audit/anchor-file.ts';
import { silentLogger } from '../../../bots/log.ts';
import { makeOffice } from '../../helpers/office.ts';
import { FakeClock } from '../../helpers/clock.ts';
import { POLICY } from '../../core/pendency/pending-office.ts';

async function officeWithDio() {
  const office = await makeOffice({ clock: new FakeClock('2026-11-25T04:30:00.000Z') });
  await office.store.transaction(async (tx) => {
    const dio = await tx.employees.create({
      code: 'SAH0030', name: 'Amit Ranjan', dob: '1985-03-02', post: 'District Informatics Officer', postKey: 'DIO', mobile: '9000000030',
      email: null, sectionId: office.staff.clerk.sectionId, reportingOfficerId: null, active: true, language: 'en', preferredChannel: null, remindersMuted: false,
    });
    const chat = await tx.accounts.create({ channel: 'test', address: 'dio', displayName: dio.name });
    await tx.accounts.update(chat.id, { employeeId: dio.id, linkedAt: office.clock.now() });
    for (let i = 0; i < 3; i += 1) await recordEvent(tx, office.clock, { actor: 'SAH0030', type: 'staff.language_set', subjectType: 'employee', subjectId: 'SAH0030' });
  });
  return office;
}

describe('the audit head outside the database', () => {
  it('reaches the DIO with the morning run, once a day, with the command that checks against it', async () => {
    const office = await officeWithDio();
    const head = await office.store.transaction((tx) => tx.audit.head());
    const deps = { store: office.store, clock: office.clock, policy: POLICY, reportRecipients: [] };
    await runDailyDigest(deps, { day: '2026-11-25', dryRun: false });
    await runDailyDigest(deps, { day: '2026-11-25', dryRun: false });
    await office.deliver();
    const notes = office.channel.to('dio').map((d) => d.reply.text).filter((t) => t.startsWith('Audit trail'));
    expect(notes).toEqual([
      `Audit trail, 25-11-2026: last event #${head?.seq ?? 0}, hash ${head?.hash ?? ''}. Keep this message: it is a copy outside the database. `
      + `To check later that no event up to it was deleted or rewritten, run on the server: daftar audit verify --anchor ${head?.seq ?? 0}:${head?.hash ?? ''}`,
    ]);
  });

  it('is appended to the anchor file when the server starts', async () => {
    const office = await officeWithDio();
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'daftar-anchors-')), 'sub', 'daftar.db.audit-anchors');
    const sink = { where: file, append: (anchor: AuditAnchor) => appendAnchor(file, anchor) };
    const schedule = scheduleAuditAnchors({ store: office.store, clock: office.clock, sink, time: '10:00', log: silentLogger });
    await schedule.first;
    await schedule.stop();
    const head = await office.store.transaction((tx) => tx.audit.head());
    expect(parseAnchors(readFileSync(file, 'utf8'))).toEqual({ anchors: [{ at: '2026-11-25T04:30:00.000Z', seq: head?.seq, hash: head?.hash }], badLines: [] });
  });
});
