// Statutory deadlines in the in-memory store (same contract as the SQL one).
import { UniqueViolation } from '../errors.ts';
import type { StatutoryDeadline, StatutoryDeadlineRepo } from '../deadlines/statutory-types.ts';

export type DeadlineState = StatutoryDeadline[];
export const emptyDeadlineState = (): DeadlineState => [];

const byDue = (a: StatutoryDeadline, b: StatutoryDeadline) => a.dueBy.getTime() - b.dueBy.getTime() || a.id - b.id;

export function memoryDeadlineRepo(s: () => DeadlineState, nextId: (kind: string) => number): { deadlines: StatutoryDeadlineRepo } {
  const copy = <T>(v: T): T => structuredClone(v);
  return {
    deadlines: {
      create: async (data) => {
        if (s().some((d) => d.receiptId === data.receiptId)) throw new UniqueViolation('StatutoryDeadline.receiptId');
        const row: StatutoryDeadline = { ...copy(data), id: nextId('deadline'), version: 0 };
        s().push(row);
        return copy(row);
      },
      byReceipt: async (receiptId) => copy(s().find((d) => d.receiptId === receiptId) ?? null),
      update: async (id, expectedVersion, patch) => {
        const row = s().find((d) => d.id === id);
        if (row === undefined || row.version !== expectedVersion) return null;
        Object.assign(row, copy(Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined))), { version: row.version + 1 });
        return copy(row);
      },
      forReceipts: async (ids) => copy(s().filter((d) => ids.includes(d.receiptId)).sort((a, b) => a.id - b.id)),
      forFiles: async (ids) => copy(s().filter((d) => d.fileId !== null && ids.includes(d.fileId)).sort((a, b) => a.id - b.id)),
      confirmed: async () => copy(s().filter((d) => d.state === 'confirmed').sort(byDue)),
      withEventsDue: async (now, limit) => copy(s().filter((d) => d.state === 'confirmed' && d.dueRaisedAt === null
        && (d.dueBy.getTime() <= now.getTime() || (d.warningRaisedAt === null && d.warnAt.getTime() <= now.getTime()))).sort(byDue).slice(0, limit)),
      markRaised: async (id, event, at) => {
        const row = s().find((d) => d.id === id);
        if (row === undefined) return false;
        const column = event === 'deadline.warning' ? 'warningRaisedAt' : 'dueRaisedAt';
        if (row[column] !== null) return false;
        row[column] = at;
        row.version += 1;
        return true;
      },
    },
  };
}
