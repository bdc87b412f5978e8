// Outgoing letters in Kysely, with versioned writes like files and receipts.
import type { Selectable } from 'kysely';
import type { Tx } from '../../../core/ports.ts';
import type { LetterStatus, OutgoingLetter } from '../../../core/signing/letter-types.ts';
import type * as Row from '../generated/db.ts';
import { dateOf, dateOrNull, oneOf, orNull, pick, type Db } from '../rows.ts';

const STATUSES = ['draft', 'dispatched', 'cancelled'] as const satisfies readonly LetterStatus[];

// What `update` may change; `version` is the store's alone.
const PATCH = ['number', 'status', 'dispatchedAt', 'signerId', 'blob', 'addressee', 'subject', 'body'] as const satisfies readonly (keyof OutgoingLetter)[];

const toLetter = (r: Selectable<Row.OutgoingLetter>): OutgoingLetter => ({
  id: r.id, number: r.number, fileId: r.fileId, authorId: r.authorId, addressee: r.addressee, subject: r.subject, body: r.body,
  status: oneOf('OutgoingLetter', 'status', r.status, STATUSES), createdAt: dateOf(r.createdAt),
  dispatchedAt: dateOrNull(r.dispatchedAt), signerId: r.signerId, blob: r.blob, version: r.version,
});

export function letterRepository(db: Db): Pick<Tx, 'letters'> {
  const letters = () => db.selectFrom('OutgoingLetter').selectAll();
  return {
    letters: {
      create: async (d) => toLetter(await db.insertInto('OutgoingLetter').values({
        number: d.number, fileId: d.fileId, authorId: d.authorId, addressee: d.addressee, subject: d.subject, body: d.body,
        status: d.status, createdAt: d.createdAt, dispatchedAt: d.dispatchedAt, signerId: d.signerId, blob: d.blob,
      }).returningAll().executeTakeFirstOrThrow()),
      byId: async (id) => orNull(await letters().where('id', '=', id).executeTakeFirst(), toLetter),
      byNumber: async (number) => orNull(await letters().where('number', '=', number).executeTakeFirst(), toLetter),
      // The version check and the write in one statement; a dispatch number already taken is a
      // UniqueViolation (OutgoingLetter.number), as from create.
      update: async (id, expectedVersion, patch) => orNull(await db.updateTable('OutgoingLetter')
        .set({ ...pick(patch, PATCH), version: (eb) => eb('version', '+', 1) })
        .where('id', '=', id).where('version', '=', expectedVersion).returningAll().executeTakeFirst(), toLetter),
      listByFile: async (fileId) => (await letters().where('fileId', '=', fileId).orderBy('id', 'asc').execute()).map(toLetter),
    },
  };
}
