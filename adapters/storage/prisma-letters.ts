// Outgoing letters over Prisma, with versioned writes like files and receipts.
import type { Tx } from '../../core/ports.ts';
import type { OutgoingLetter } from '../../core/signing/letter-types.ts';
import type * as Rows from './generated/client.ts';
import { call, oneOf, orNull, pick, type Db } from './prisma-common.ts';

const PATCH = ['number', 'status', 'dispatchedAt', 'signerId', 'blob', 'addressee', 'subject', 'body'] as const satisfies readonly (keyof OutgoingLetter)[];

const toLetter = (r: Rows.OutgoingLetter): OutgoingLetter => ({
  id: r.id, number: r.number, fileId: r.fileId, authorId: r.authorId, addressee: r.addressee, subject: r.subject, body: r.body,
  status: oneOf('OutgoingLetter', 'status', r.status, ['draft', 'dispatched', 'cancelled'] as const),
  createdAt: r.createdAt, dispatchedAt: r.dispatchedAt, signerId: r.signerId, blob: r.blob, version: r.version,
});

export function letterRepository(db: Db): Pick<Tx, 'letters'> {
  return {
    letters: {
      create: async (d) => toLetter(await call(() => db.outgoingLetter.create({
        data: {
          number: d.number, fileId: d.fileId, authorId: d.authorId, addressee: d.addressee, subject: d.subject, body: d.body,
          status: d.status, createdAt: d.createdAt, dispatchedAt: d.dispatchedAt, signerId: d.signerId, blob: d.blob,
        },
      }))),
      byId: async (id) => orNull(await db.outgoingLetter.findUnique({ where: { id } }), toLetter),
      byNumber: async (number) => orNull(await db.outgoingLetter.findUnique({ where: { number } }), toLetter),
      update: async (id, expectedVersion, patch) => {
        const [row] = await call(() => db.outgoingLetter.updateManyAndReturn({
          where: { id, version: expectedVersion }, data: { ...pick(patch, PATCH), version: { increment: 1 } },
        }));
        return row === undefined ? null : toLetter(row);
      },
      listByFile: async (fileId) => (await db.outgoingLetter.findMany({ where: { fileId }, orderBy: { id: 'asc' } })).map(toLetter),
    },
  };
}
