// Statutory deadlines in Kysely: one row per receipt, versioned writes, and the escalation job's
// claims on its two events as conditional updates (one statement: two processes never both win).
import type { Selectable } from 'kysely';
import type { Tx } from '../../../core/ports.ts';
import { STATUTORY_STATES, type StatutoryDeadline, type StatutoryPatch } from '../../../core/deadlines/statutory-types.ts';
import type * as Row from '../generated/db.ts';
import { dateOf, dateOrNull, flag, num, oneOf, orNull, pick, type Db } from '../rows.ts';

// What `update` may change; `version` is the store's alone.
const PATCH = [
  'fileId', 'kind', 'serious', 'statedDate', 'dueDate', 'dueBy', 'warnAt', 'evidence', 'state', 'decidedById', 'decidedAt', 'corrected',
  'warningRaisedAt', 'dueRaisedAt', 'closedAt',
] as const satisfies readonly (keyof StatutoryPatch)[];

const toDeadline = (r: Selectable<Row.StatutoryDeadline>): StatutoryDeadline => ({
  id: r.id, receiptId: r.receiptId, fileId: r.fileId, kind: r.kind, serious: flag(r.serious), receivedAt: dateOf(r.receivedAt),
  statedDate: r.statedDate, dueDate: r.dueDate, dueBy: dateOf(r.dueBy), warnAt: dateOf(r.warnAt), evidence: r.evidence,
  state: oneOf('StatutoryDeadline', 'state', r.state, STATUTORY_STATES), decidedById: r.decidedById, decidedAt: dateOf(r.decidedAt),
  corrected: flag(r.corrected), warningRaisedAt: dateOrNull(r.warningRaisedAt), dueRaisedAt: dateOrNull(r.dueRaisedAt),
  closedAt: dateOrNull(r.closedAt), version: r.version,
});

export function deadlineRepository(db: Db): Pick<Tx, 'deadlines'> {
  const rows = () => db.selectFrom('StatutoryDeadline').selectAll();
  return {
    deadlines: {
      create: async (d) => toDeadline(await db.insertInto('StatutoryDeadline').values({
        receiptId: d.receiptId, fileId: d.fileId, kind: d.kind, serious: d.serious, receivedAt: d.receivedAt, statedDate: d.statedDate,
        dueDate: d.dueDate, dueBy: d.dueBy, warnAt: d.warnAt, evidence: d.evidence, state: d.state, decidedById: d.decidedById,
        decidedAt: d.decidedAt, corrected: d.corrected, warningRaisedAt: d.warningRaisedAt, dueRaisedAt: d.dueRaisedAt, closedAt: d.closedAt,
      }).returningAll().executeTakeFirstOrThrow()),
      byReceipt: async (receiptId) => orNull(await rows().where('receiptId', '=', receiptId).executeTakeFirst(), toDeadline),
      update: async (id, expectedVersion, patch) => orNull(await db.updateTable('StatutoryDeadline')
        .set({ ...pick(patch, PATCH), version: (eb) => eb('version', '+', 1) })
        .where('id', '=', id).where('version', '=', expectedVersion).returningAll().executeTakeFirst(), toDeadline),
      forReceipts: async (ids) => (ids.length === 0 ? [] : (await rows().where('receiptId', 'in', [...ids]).orderBy('id', 'asc').execute()).map(toDeadline)),
      forFiles: async (ids) => (ids.length === 0 ? [] : (await rows().where('fileId', 'in', [...ids]).orderBy('id', 'asc').execute()).map(toDeadline)),
      confirmed: async () => (await rows().where('state', '=', 'confirmed').orderBy('dueBy', 'asc').orderBy('id', 'asc').execute()).map(toDeadline),
      withEventsDue: async (now, limit) => (await rows()
        .where('state', '=', 'confirmed').where('dueRaisedAt', 'is', null)
        .where((eb) => eb.or([eb('dueBy', '<=', now), eb.and([eb('warningRaisedAt', 'is', null), eb('warnAt', '<=', now)])]))
        .orderBy('dueBy', 'asc').orderBy('id', 'asc').limit(limit).execute()).map(toDeadline),
      markRaised: async (id, event, at) => {
        const column = event === 'deadline.warning' ? 'warningRaisedAt' : 'dueRaisedAt';
        const result = await db.updateTable('StatutoryDeadline').set({ [column]: at, version: (eb) => eb('version', '+', 1) })
          .where('id', '=', id).where(column, 'is', null).executeTakeFirst();
        return num(result.numUpdatedRows) > 0;
      },
    },
  };
}
