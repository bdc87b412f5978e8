// Scheduled-job records in Kysely: a run per job and day, and a claim per recipient, both guarded by
// unique keys so that two processes sharing the database never send a digest twice. A claim is one
// INSERT … ON CONFLICT DO NOTHING: the key already there is the answer (nothing inserted), with no
// failed statement to recover from, so a refused claim leaves the transaction usable on both engines.
import type { Selectable } from 'kysely';
import type { Tx } from '../../../core/ports.ts';
import type { JobRun } from '../../../core/types.ts';
import type * as Row from '../generated/db.ts';
import { dateOf, dateOrNull, num, oneOf, orNull, type Db } from '../rows.ts';

const toRun = (r: Selectable<Row.JobRun>): JobRun => ({
  id: r.id, job: r.job, day: r.day, status: oneOf('JobRun', 'status', r.status, ['running', 'done'] as const),
  startedAt: dateOf(r.startedAt), finishedAt: dateOrNull(r.finishedAt), sent: r.sent,
});

export function jobRepository(db: Db): Pick<Tx, 'jobs'> {
  return {
    jobs: {
      find: async (job, day) => orNull(await db.selectFrom('JobRun').selectAll()
        .where('job', '=', job).where('day', '=', day).executeTakeFirst(), toRun),
      // A run for the day already there: nothing inserted, so false.
      start: async (job, day, at) => (await db.insertInto('JobRun').values({
        job, day, status: 'running', startedAt: at, finishedAt: null, sent: 0,
      }).onConflict((oc) => oc.columns(['job', 'day']).doNothing()).executeTakeFirst()).numInsertedOrUpdatedRows === 1n,
      finish: async (job, day, at, sent) => {
        const { numUpdatedRows } = await db.updateTable('JobRun').set({ status: 'done', finishedAt: at, sent })
          .where('job', '=', job).where('day', '=', day).executeTakeFirst();
        if (numUpdatedRows === 0n) throw new Error(`job run ${job} ${day} not found`);
      },
      claimDelivery: async (job, day, employeeId, at) => (await db.insertInto('JobDelivery').values({
        job, day, employeeId, createdAt: at,
      }).onConflict((oc) => oc.columns(['job', 'day', 'employeeId']).doNothing()).executeTakeFirst()).numInsertedOrUpdatedRows === 1n,
      deliveries: async (job, day) => num((await db.selectFrom('JobDelivery').select((e) => e.fn.countAll().as('n'))
        .where('job', '=', job).where('day', '=', day).executeTakeFirstOrThrow()).n),
    },
  };
}
