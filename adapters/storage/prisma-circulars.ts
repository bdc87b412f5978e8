// Circulars over Prisma: the circular, and one row per recipient written in bulk.
import type { Tx } from '../../core/ports.ts';
import type { Circular, CircularRecipient } from '../../core/messaging/circular-types.ts';
import type * as Rows from './generated/client.ts';
import { call, orNull, stamp, type Db, type Sql } from './prisma-common.ts';

const toCircular = (r: Rows.Circular): Circular => ({
  id: r.id, number: r.number, senderId: r.senderId, audience: r.audience, text: r.text, pdfBlob: r.pdfBlob,
  ackBy: r.ackBy, createdAt: r.createdAt, remindedAt: r.remindedAt,
});

const toRecipient = (r: Rows.CircularRecipient): CircularRecipient => ({
  circularId: r.circularId, employeeId: r.employeeId, deliveredAt: r.deliveredAt, ackAt: r.ackAt, remindedAt: r.remindedAt,
});

const defined = <T extends object>(patch: T): Partial<T> =>
  Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined)) as Partial<T>;

/** SQLite allows 32,766 bound variables; two per recipient row keeps a chunk well inside it. */
const CHUNK = 5_000;

const RECIPIENT_FIELDS = { deliveredAt: '"deliveredAt"', ackAt: '"ackAt"', remindedAt: '"remindedAt"' } as const;

/** `sql` runs the per-recipient statements (a circular to all is thousands of them) on the store's own connection. */
export function circularRepository(db: Db, sql: Sql): Pick<Tx, 'circulars'> {
  return {
    circulars: {
      create: async (d) => toCircular(await call(() => db.circular.create({
        data: {
          number: d.number, senderId: d.senderId, audience: d.audience, text: d.text, pdfBlob: d.pdfBlob, ackBy: d.ackBy,
          createdAt: d.createdAt, remindedAt: d.remindedAt,
        },
      }))),
      byId: async (id) => orNull(await db.circular.findUnique({ where: { id } }), toCircular),
      byNumber: async (number) => orNull(await db.circular.findUnique({ where: { number } }), toCircular),
      update: async (id, patch) => toCircular(await call(() => db.circular.update({
        where: { id }, data: defined({ remindedAt: patch.remindedAt, pdfBlob: patch.pdfBlob }),
      }), `circular ${id}`)),
      addRecipients: async (circularId, employeeIds) => {
        const existing = new Set((await db.circularRecipient.findMany({ where: { circularId }, select: { employeeId: true } })).map((r) => r.employeeId));
        const fresh = [...new Set(employeeIds)].filter((id) => !existing.has(id));
        for (let i = 0; i < fresh.length; i += CHUNK) {
          await db.circularRecipient.createMany({ data: fresh.slice(i, i + CHUNK).map((employeeId) => ({ circularId, employeeId })) });
        }
      },
      recipients: async (circularId) =>
        (await db.circularRecipient.findMany({ where: { circularId }, orderBy: { employeeId: 'asc' } })).map(toRecipient),
      recipient: async (circularId, employeeId) =>
        orNull(await db.circularRecipient.findUnique({ where: { circularId_employeeId: { circularId, employeeId } } }), toRecipient),
      markRecipient: async (circularId, employeeId, patch) => {
        const { count } = await db.circularRecipient.updateMany({
          where: { circularId, employeeId },
          data: defined({ deliveredAt: patch.deliveredAt, ackAt: patch.ackAt, remindedAt: patch.remindedAt }),
        });
        return count > 0;
      },
      // Conditional updates: the row is set by whichever caller gets there first, in one statement.
      markFirst: async (circularId, employeeId, field, at) => {
        const column = RECIPIENT_FIELDS[field];
        return sql.run(`UPDATE "CircularRecipient" SET ${column} = ? WHERE "circularId" = ? AND "employeeId" = ? AND ${column} IS NULL`,
          stamp(at), circularId, employeeId).changes > 0;
      },
      claimReminder: async (id, at) => {
        const { count } = await db.circular.updateMany({ where: { id, remindedAt: null }, data: { remindedAt: at } });
        return count > 0;
      },
      listBySender: async (senderId, limit) =>
        (await db.circular.findMany({ where: { senderId }, orderBy: [{ createdAt: 'desc' }, { id: 'desc' }], take: limit })).map(toCircular),
      unacknowledged: async (employeeId, limit) => {
        const open = await db.circularRecipient.findMany({ where: { employeeId, ackAt: null }, select: { circularId: true } });
        if (open.length === 0) return [];
        return (await db.circular.findMany({
          where: { id: { in: open.map((r) => r.circularId) } }, orderBy: [{ createdAt: 'desc' }, { id: 'desc' }], take: limit,
        })).map(toCircular);
      },
      dueForReminder: async (now, limit) => (await db.circular.findMany({
        where: { ackBy: { lte: now }, remindedAt: null }, orderBy: [{ ackBy: 'asc' }, { id: 'asc' }], take: limit,
      })).map(toCircular),
    },
  };
}
