// Yellow notes (draft notes) in Kysely, with versioned writes like files and receipts.
import type { Selectable } from 'kysely';
import type { Tx } from '../../../core/ports.ts';
import type { DraftNote, DraftStatus } from '../../../core/efile/draft-types.ts';
import type * as Row from '../generated/db.ts';
import { dateOf, oneOf, orNull, pick, type Db } from '../rows.ts';

const STATUSES = ['draft', 'signing', 'confirmed', 'discarded'] as const satisfies readonly DraftStatus[];

// What `update` may change; `version` is the store's alone.
const PATCH = ['text', 'status', 'noteNumber', 'updatedAt', 'updatedById'] as const satisfies readonly (keyof DraftNote)[];

const toDraft = (r: Selectable<Row.DraftNote>): DraftNote => ({
  id: r.id, fileId: r.fileId, authorId: r.authorId, text: r.text, status: oneOf('DraftNote', 'status', r.status, STATUSES),
  noteNumber: r.noteNumber, createdAt: dateOf(r.createdAt), updatedAt: dateOf(r.updatedAt), updatedById: r.updatedById, version: r.version,
});

export function draftRepository(db: Db): Pick<Tx, 'drafts'> {
  const drafts = () => db.selectFrom('DraftNote').selectAll();
  return {
    drafts: {
      add: async (d) => toDraft(await db.insertInto('DraftNote').values({
        fileId: d.fileId, authorId: d.authorId, text: d.text, status: d.status, noteNumber: d.noteNumber,
        createdAt: d.createdAt, updatedAt: d.updatedAt, updatedById: d.updatedById,
      }).returningAll().executeTakeFirstOrThrow()),
      byId: async (id) => orNull(await drafts().where('id', '=', id).executeTakeFirst(), toDraft),
      update: async (id, expectedVersion, patch) => orNull(await db.updateTable('DraftNote')
        .set({ ...pick(patch, PATCH), version: (eb) => eb('version', '+', 1) })
        .where('id', '=', id).where('version', '=', expectedVersion).returningAll().executeTakeFirst(), toDraft),
      listByFile: async (fileId, statuses) => (statuses.length === 0 ? [] : (await drafts().where('fileId', '=', fileId).where('status', 'in', statuses)
        .orderBy('createdAt', 'asc').orderBy('id', 'asc').execute()).map(toDraft)),
    },
  };
}
