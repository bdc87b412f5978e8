// Scheduled-job records: a run per job and day, and a claim per recipient, both guarded by unique
// keys so that two processes sharing the file never send a digest twice. Prepared statements on
// Prisma's connection (prisma-common.ts `Sql`): a digest claims one delivery per recipient, and
// thousands of Prisma calls (≈0.35 ms each) would be most of its time.
import type { Tx } from '../../core/ports.ts';
import type { JobRun } from '../../core/types.ts';
import type * as Rows from './generated/client.ts';
import { oneOf, prismaRow, stamp, type Sql } from './prisma-common.ts';

const toRun = (r: Rows.JobRun): JobRun => ({
  id: r.id, job: r.job, day: r.day, status: oneOf('JobRun', 'status', r.status, ['running', 'done'] as const),
  startedAt: r.startedAt, finishedAt: r.finishedAt, sent: r.sent,
});

export function jobRepository(sql: Sql): Pick<Tx, 'jobs'> {
  return {
    jobs: {
      find: async (job, day) => {
        const row = sql.get<Record<string, unknown>>('SELECT * FROM "JobRun" WHERE "job" = ? AND "day" = ?', job, day);
        return row === undefined ? null : toRun(prismaRow<Rows.JobRun>(row, { dates: ['startedAt', 'finishedAt'] }));
      },
      // An existing key is the answer: nothing inserted (ON CONFLICT DO NOTHING), so false.
      start: async (job, day, at) => sql.run(
        'INSERT INTO "JobRun" ("job", "day", "status", "startedAt", "sent") VALUES (?, ?, \'running\', ?, 0) ON CONFLICT DO NOTHING', job, day, stamp(at),
      ).changes === 1,
      finish: async (job, day, at, sent) => {
        const { changes } = sql.run(
          'UPDATE "JobRun" SET "status" = \'done\', "finishedAt" = ?, "sent" = ? WHERE "job" = ? AND "day" = ?', stamp(at), sent, job, day,
        );
        if (changes === 0) throw new Error(`job run ${job} ${day} not found`);
      },
      claimDelivery: async (job, day, employeeId, at) => sql.run(
        'INSERT INTO "JobDelivery" ("job", "day", "employeeId", "createdAt") VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING', job, day, employeeId, stamp(at),
      ).changes === 1,
      deliveries: async (job, day) => sql.get<{ n: number }>('SELECT count(*) AS "n" FROM "JobDelivery" WHERE "job" = ? AND "day" = ?', job, day)?.n ?? 0,
    },
  };
}
