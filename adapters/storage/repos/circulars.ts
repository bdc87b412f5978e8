// Circulars and notices in Kysely: the circular, and one row per recipient written in bulk. Rows are
// mapped field by field, once per table (dates through dateOf, as SQLite keeps them as text).
import type { Selectable } from 'kysely';
import type { Tx } from '../../../core/ports.ts';
import type { Circular, CircularRecipient } from '../../../core/messaging/circular-types.ts';
import type * as Row from '../generated/db.ts';
import { dateOf, dateOrNull, orNull, pick, type Db } from '../rows.ts';

const toCircular = (r: Selectable<Row.Circular>): Circular => ({
  id: r.id, number: r.number, senderId: r.senderId, audience: r.audience, text: r.text, pdfBlob: r.pdfBlob,
  ackBy: dateOrNull(r.ackBy), createdAt: dateOf(r.createdAt), remindedAt: dateOrNull(r.remindedAt),
});

const toRecipient = (r: Selectable<Row.CircularRecipient>): CircularRecipient => ({
  circularId: r.circularId, employeeId: r.employeeId, deliveredAt: dateOrNull(r.deliveredAt), ackAt: dateOrNull(r.ackAt),
  remindedAt: dateOrNull(r.remindedAt),
});

const RECIPIENT_FIELDS = ['deliveredAt', 'ackAt', 'remindedAt'] as const;

/**
 * Most recipient rows one INSERT carries: five bound values a row (the three timestamps too, NULL for
 * a new recipient) keep it inside SQLite's 32,766 and PostgreSQL's 65,535 parameters. A power of
 * two: see `pieces`.
 */
const MOST_ROWS = 4096;

/**
 * The list cut into pieces of MOST_ROWS, the rest into pieces of falling powers of two (3,808 rows:
 * 2048 + 1024 + 512 + 128 + 64 + 32). Both connections keep every statement text they have prepared
 * for good, so a multi-row INSERT must not come in as many lengths as there are audiences: this way
 * there are thirteen texts at most, whatever the office sends, at a dozen statements or so per circular.
 */
function* pieces<T>(list: readonly T[]): Generator<T[]> {
  let at = 0;
  for (let size = MOST_ROWS; size >= 1; size /= 2) {
    while (list.length - at >= size) {
      yield list.slice(at, at + size);
      at += size;
    }
  }
}

export function circularRepository(db: Db): Pick<Tx, 'circulars'> {
  const circular = () => db.selectFrom('Circular').selectAll();
  const recipient = (circularId: number, employeeId: number) => db.selectFrom('CircularRecipient').selectAll()
    .where('circularId', '=', circularId).where('employeeId', '=', employeeId);
  return {
    circulars: {
      create: async (d) => toCircular(await db.insertInto('Circular').values({
        number: d.number, senderId: d.senderId, audience: d.audience, text: d.text, pdfBlob: d.pdfBlob, ackBy: d.ackBy,
        createdAt: d.createdAt, remindedAt: d.remindedAt,
      }).returningAll().executeTakeFirstOrThrow()),
      byId: async (id) => orNull(await circular().where('id', '=', id).executeTakeFirst(), toCircular),
      byNumber: async (number) => orNull(await circular().where('number', '=', number).executeTakeFirst(), toCircular),
      update: async (id, patch) => {
        const set = pick(patch, ['remindedAt', 'pdfBlob']);
        // An empty SET is not SQL: nothing to change is the row as it is (still an error if missing).
        const row = Object.keys(set).length === 0
          ? await circular().where('id', '=', id).executeTakeFirst()
          : await db.updateTable('Circular').set(set).where('id', '=', id).returningAll().executeTakeFirst();
        if (row === undefined) throw new Error(`circular ${id} not found`);
        return toCircular(row);
      },
      // An employee already listed (earlier, or twice in this list) is the key's conflict, left alone.
      addRecipients: async (circularId, employeeIds) => {
        for (const piece of pieces([...new Set(employeeIds)])) {
          await db.insertInto('CircularRecipient').values(piece.map((employeeId) => ({
            circularId, employeeId, deliveredAt: null, ackAt: null, remindedAt: null,
          }))).onConflict((oc) => oc.columns(['circularId', 'employeeId']).doNothing()).execute();
        }
      },
      recipients: async (circularId) => (await db.selectFrom('CircularRecipient').selectAll()
        .where('circularId', '=', circularId).orderBy('employeeId', 'asc').execute()).map(toRecipient),
      recipient: async (circularId, employeeId) => orNull(await recipient(circularId, employeeId).executeTakeFirst(), toRecipient),
      markRecipient: async (circularId, employeeId, patch) => {
        const set = pick(patch, RECIPIENT_FIELDS);
        if (Object.keys(set).length === 0) return (await recipient(circularId, employeeId).executeTakeFirst()) !== undefined;
        const { numUpdatedRows } = await db.updateTable('CircularRecipient').set(set)
          .where('circularId', '=', circularId).where('employeeId', '=', employeeId).executeTakeFirst();
        return numUpdatedRows > 0n;
      },
      // Conditional updates: the row is set by whichever caller gets there first, in one statement.
      markFirst: async (circularId, employeeId, field, at) => {
        const { numUpdatedRows } = await db.updateTable('CircularRecipient').set(field, at)
          .where('circularId', '=', circularId).where('employeeId', '=', employeeId).where(field, 'is', null).executeTakeFirst();
        return numUpdatedRows > 0n;
      },
      claimReminder: async (id, at) => {
        const { numUpdatedRows } = await db.updateTable('Circular').set({ remindedAt: at })
          .where('id', '=', id).where('remindedAt', 'is', null).executeTakeFirst();
        return numUpdatedRows > 0n;
      },
      listBySender: async (senderId, limit) => (await circular().where('senderId', '=', senderId)
        .orderBy('createdAt', 'desc').orderBy('id', 'desc').limit(Math.max(0, limit)).execute()).map(toCircular),
      // One statement: the open rows through the (employeeId, ackAt) index, as a subquery rather than
      // a list of ids bound one by one (an employee who never acknowledges collects hundreds).
      unacknowledged: async (employeeId, limit) => (await circular()
        .where('id', 'in', (eb) => eb.selectFrom('CircularRecipient').select('circularId')
          .where('employeeId', '=', employeeId).where('ackAt', 'is', null))
        .orderBy('createdAt', 'desc').orderBy('id', 'desc').limit(Math.max(0, limit)).execute()).map(toCircular),
      // A circular without ackBy never compares true, so it is never due.
      dueForReminder: async (now, limit) => (await circular().where('ackBy', '<=', now).where('remindedAt', 'is', null)
        .orderBy('ackBy', 'asc').orderBy('id', 'asc').limit(Math.max(0, limit)).execute()).map(toCircular),
    },
  };
}
