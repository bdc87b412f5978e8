// The scheduled-job records of the in-memory store (same contract as the Prisma ones).
import type { JobRepo } from '../ports.ts';
import type { JobRun } from '../types.ts';

export interface JobState {
  runs: JobRun[];
  deliveries: Set<string>;
}

export function emptyJobState(): JobState {
  return { runs: [], deliveries: new Set() };
}

export function memoryJobRepo(s: () => JobState, nextId: (kind: string) => number): { jobs: JobRepo } {
  return {
    jobs: {
      find: async (job, day) => structuredClone(s().runs.find((r) => r.job === job && r.day === day) ?? null),
      start: async (job, day, at) => {
        if (s().runs.some((r) => r.job === job && r.day === day)) return false;
        s().runs.push({ id: nextId('job'), job, day, status: 'running', startedAt: new Date(at), finishedAt: null, sent: 0 });
        return true;
      },
      finish: async (job, day, at, sent) => {
        const run = s().runs.find((r) => r.job === job && r.day === day);
        if (run === undefined) throw new Error(`job run ${job} ${day} not found`);
        Object.assign(run, { status: 'done', finishedAt: new Date(at), sent });
      },
      claimDelivery: async (job, day, employeeId) => {
        const key = `${job}\u0000${day}\u0000${employeeId}`;
        if (s().deliveries.has(key)) return false;
        s().deliveries.add(key);
        return true;
      },
      deliveries: async (job, day) => [...s().deliveries].filter((k) => k.startsWith(`${job}\u0000${day}\u0000`)).length,
    },
  };
}
