// Someone added to the roll by another process (`daftar import-staff` while the bot runs) can be
// addressed by name at once: the store's staff list never outlives another connection's commit.
import { afterEach, describe, expect, it } from 'vitest';
import { createTestStore, sqliteRun, type TestStore } from '../helpers/sqlite.ts';
import { makeOffice } from '../helpers/office.ts';

let sqlite: TestStore | null = null;
afterEach(async () => {
  await sqlite?.cleanup();
  sqlite = null;
});

describe('staff changed by another process', () => {
  it('a file can be sent by name to an officer added behind the running bot', async () => {
    sqlite = await createTestStore();
    const o = await makeOffice({ store: sqlite.store });
    await o.linkAll();
    const { clerkEn, so } = o.staff;
    const file = await o.store.transaction(async (tx) => {
      const made = await tx.files.create({
        fileNumber: 'EST-1/2026', sectionId: so.sectionId, year: 2026, serial: 1, subject: 'Land records', createdById: clerkEn.id,
        holderId: clerkEn.id, status: 'open', createdAt: o.clock.now(), movedAt: o.clock.now(), closedRemark: null,
      });
      await tx.movements.add({ subjectType: 'file', subjectId: made.id, fromId: clerkEn.id, toId: clerkEn.id, action: 'created', remark: null, at: o.clock.now() });
      return made;
    });
    await o.say(clerkEn.code, '', { action: '/file.forward EST-1/2026' });
    expect(await o.text(clerkEn.code, 'Ramesh Prasad')).toContain('Ramesh Prasad');
    expect((await o.store.transaction((tx) => tx.files.byId(file.id)))?.holderId).toBe(clerkEn.id);

    const stamp = new Date().toISOString().replace('Z', '+00:00');
    sqliteRun(sqlite.file, `INSERT INTO "Employee" ("code", "name", "dob", "post", "postKey", "mobile", "email", "sectionId", "reportingOfficerId",
      "active", "language", "preferredChannel", "remindersMuted", "createdAt", "updatedAt") VALUES ('SAH0099', 'Ramesh Prasad', '1975-05-05', 'Head Clerk', NULL,
      '9000000099', NULL, ?, NULL, 1, 'en', NULL, 0, ?, ?)`, so.sectionId, stamp, stamp);

    await o.say(clerkEn.code, '', { action: '/file.forward EST-1/2026' });
    expect(await o.text(clerkEn.code, 'Ramesh Prasad')).toContain('sent to Ramesh Prasad');
    const ramesh = await o.store.transaction((tx) => tx.employees.byCode('SAH0099'));
    expect((await o.store.transaction((tx) => tx.files.byId(file.id)))?.holderId).toBe(ramesh?.id);
  });
});
