// Scheduled-job records over Prisma: a run per job and day, and a claim per recipient, both
// guarded by unique keys so that two processes sharing the file never send a digest twice.
import type { Tx } from '../../core/ports.ts';
import type { JobRun } from '../../core/types.ts';
import { UniqueViolation } from '../../core/errors.ts';
import type * as Rows from './generated/client.ts';
import { call, oneOf, type Db } from './prisma-common.ts';

const toRun = (r: Rows.JobRun): JobRun => ({
  id: r.id, job: r.job, day: r.day, status: oneOf('JobRun', 'status', r.status, ['running', 'done'] as const),
  startedAt: r.startedAt, finishedAt: r.finishedAt, sent: r.sent,
});

/** Inserts and reports false instead of failing when the unique key is already taken. */
async function insertOnce(write: () => Promise<unknown>): Promise<boolean> {
  try {
    await call(write);
    return true;
  } catch (error) {
    if (error instanceof UniqueViolation) return false;
    throw error;
  }
}

export function jobRepository(db: Db): Pick<Tx, 'jobs'> {
  return {
    jobs: {
      find: async (job, day) => {
        const row = await db.jobRun.findUnique({ where: { job_day: { job, day } } });
        return row === null ? null : toRun(row);
      },
      start: (job, day, at) => insertOnce(() => db.jobRun.create({ data: { job, day, status: 'running', startedAt: at }, select: { id: true } })),
      finish: async (job, day, at, sent) => {
        await db.jobRun.update({ where: { job_day: { job, day } }, data: { status: 'done', finishedAt: at, sent }, select: { id: true } });
      },
      claimDelivery: (job, day, employeeId, at) =>
        insertOnce(() => db.jobDelivery.create({ data: { job, day, employeeId, createdAt: at }, select: { job: true } })),
      deliveries: (job, day) => db.jobDelivery.count({ where: { job, day } }),
    },
  };
}
