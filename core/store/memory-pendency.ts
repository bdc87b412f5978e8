// Office-wide pendency reads of the in-memory store (same contract as the Prisma ones).
import type { HolderCounts, PendencyRepo, PendingApplicationRow, PendingFileRow } from '../pendency/pendency-port.ts';
import type { EFile } from '../efile/types.ts';
import type { MemoryState } from './memory-state.ts';

const fileRow = (f: EFile): PendingFileRow => ({
  id: f.id, fileNumber: f.fileNumber, subject: f.subject, holderId: f.holderId, sectionId: f.sectionId,
  parked: f.status === 'parked', movedAt: new Date(f.movedAt),
});

const pending = (f: EFile) => f.status === 'open' || f.status === 'parked';
const byId = <T extends { id: number }>(a: T, b: T) => a.id - b.id;

/** Index of the bucket `at` falls in, cutoffs newest first. */
function bucket(at: Date, cutoffs: readonly Date[]): number {
  const i = cutoffs.findIndex((c) => at.getTime() >= c.getTime());
  return i < 0 ? cutoffs.length : i;
}

export function memoryPendencyRepo(s: () => MemoryState): { pendency: PendencyRepo } {
  return {
    pendency: {
      files: async (afterId, limit, upToId = Infinity) =>
        s().efile.files.filter((f) => f.id > afterId && f.id <= upToId && pending(f)).sort(byId).slice(0, Math.max(0, limit)).map(fileRow),
      receipts: async (afterId, limit, upToId = Infinity) =>
        s().efile.receipts.filter((r) => r.id > afterId && r.id <= upToId && r.status === 'open').sort(byId).slice(0, Math.max(0, limit)).map((r) => ({
          id: r.id, diaryNumber: r.diaryNumber, subject: r.subject, holderId: r.holderId, movedAt: new Date(r.movedAt),
        })),
      applications: async () => {
        const { applications, tours, claims } = s().leave;
        const open = (status: string) => status === 'pending' || status === 'returned';
        const base = (a: { id: number; number: string; employeeId: number; holderId: number; status: string; movedAt: Date }) => ({
          id: a.id, number: a.number, employeeId: a.employeeId, holderId: a.holderId, returned: a.status === 'returned', movedAt: new Date(a.movedAt),
        });
        const rows: PendingApplicationRow[] = [
          ...applications.filter((a) => open(a.status)).sort(byId)
            .map((a) => ({ ...base(a), kind: 'leave' as const, type: a.type, startDate: a.startDate, endDate: a.endDate })),
          ...tours.filter((t) => open(t.status)).sort(byId)
            .map((t) => ({ ...base(t), kind: 'tour' as const, destinations: [...t.destinations], startDate: t.startDate, endDate: t.endDate })),
          ...claims.filter((c) => open(c.status)).sort(byId).map((c) => ({ ...base(c), kind: 'ta' as const, total: c.total })),
        ];
        return rows;
      },
      countsByHolder: async (cutoffs, afterId, upToId) => {
        const rows = new Map<string, HolderCounts>();
        const count = (holderId: number, kind: 'file' | 'receipt', at: Date) => {
          const key = `${holderId}:${kind}`;
          const row = rows.get(key) ?? { holderId, kind, counts: Array.from({ length: cutoffs.length + 1 }, () => 0) };
          rows.set(key, row);
          row.counts[bucket(at, cutoffs)]! += 1;
        };
        const inRange = (id: number) => id > afterId && id <= upToId;
        for (const f of s().efile.files) if (inRange(f.id) && pending(f)) count(f.holderId, 'file', f.movedAt);
        for (const r of s().efile.receipts) if (inRange(r.id) && r.status === 'open') count(r.holderId, 'receipt', r.movedAt);
        return [...rows.values()].sort((a, b) => a.holderId - b.holderId || a.kind.localeCompare(b.kind));
      },
      lastId: async () => Math.max(0, ...s().efile.files.map((f) => f.id), ...s().efile.receipts.map((r) => r.id)),
      oldestFiles: async (limit, range) =>
        s().efile.files.filter((f) => pending(f) && (range === undefined || (f.id > range.afterId && f.id <= range.upToId))).sort((a, b) => a.movedAt.getTime() - b.movedAt.getTime() || a.id - b.id).slice(0, Math.max(0, limit)).map(fileRow),
      disposedFiles: async (from, to, movers) => {
        const files = new Map(s().efile.files.map((f) => [f.id, f]));
        const out = new Map<number, number>();
        for (const m of s().efile.movements) {
          if (m.subjectType !== 'file' || m.at.getTime() < from.getTime() || m.at.getTime() >= to.getTime()) continue;
          if (movers !== undefined && (m.fromId <= movers.afterId || m.fromId > movers.upToId)) continue;
          const file = files.get(m.subjectId);
          if (file === undefined) continue;
          if (m.action === 'closed' || (m.action === 'approved' && m.toId === file.createdById)) out.set(file.id, file.sectionId);
        }
        return [...out].sort((a, b) => a[0] - b[0]).map(([fileId, sectionId]) => ({ fileId, sectionId }));
      },
    },
  };
}
