// Circulars of the in-memory store (same contract as the Prisma ones).
import type { Circular, CircularRecipient, CircularRepo } from '../messaging/circular-types.ts';
import { UniqueViolation } from '../errors.ts';

export interface CircularState {
  circulars: Circular[];
  recipients: CircularRecipient[];
}

export const emptyCircularState = (): CircularState => ({ circulars: [], recipients: [] });

const copy = <T>(v: T): T => structuredClone(v);
const defined = <T extends object>(patch: T): Partial<T> =>
  Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined)) as Partial<T>;
const newestFirst = (a: Circular, b: Circular) => b.createdAt.getTime() - a.createdAt.getTime() || b.id - a.id;

export function memoryCircularRepo(s: () => CircularState, nextId: (kind: string) => number): { circulars: CircularRepo } {
  const find = (id: number) => s().circulars.find((c) => c.id === id);
  return {
    circulars: {
      create: async (data) => {
        if (s().circulars.some((c) => c.number === data.number)) throw new UniqueViolation('Circular.number');
        const row: Circular = { ...copy(data), id: nextId('circular') };
        s().circulars.push(row);
        return copy(row);
      },
      byId: async (id) => copy(find(id) ?? null),
      byNumber: async (number) => copy(s().circulars.find((c) => c.number === number) ?? null),
      update: async (id, patch) => {
        const row = find(id);
        if (row === undefined) throw new Error(`circular ${id} not found`);
        Object.assign(row, copy(defined(patch)));
        return copy(row);
      },
      addRecipients: async (circularId, employeeIds) => {
        for (const employeeId of new Set(employeeIds)) {
          if (s().recipients.some((r) => r.circularId === circularId && r.employeeId === employeeId)) continue;
          s().recipients.push({ circularId, employeeId, deliveredAt: null, ackAt: null, remindedAt: null });
        }
      },
      recipients: async (circularId) => copy(s().recipients.filter((r) => r.circularId === circularId).sort((a, b) => a.employeeId - b.employeeId)),
      recipient: async (circularId, employeeId) => copy(s().recipients.find((r) => r.circularId === circularId && r.employeeId === employeeId) ?? null),
      markRecipient: async (circularId, employeeId, patch) => {
        const row = s().recipients.find((r) => r.circularId === circularId && r.employeeId === employeeId);
        if (row === undefined) return false;
        Object.assign(row, copy(defined(patch)));
        return true;
      },
      markFirst: async (circularId, employeeId, field, at) => {
        const row = s().recipients.find((r) => r.circularId === circularId && r.employeeId === employeeId);
        if (row === undefined || row[field] !== null) return false;
        row[field] = new Date(at.getTime());
        return true;
      },
      claimReminder: async (id, at) => {
        const row = find(id);
        if (row === undefined || row.remindedAt !== null) return false;
        row.remindedAt = new Date(at.getTime());
        return true;
      },
      listBySender: async (senderId, limit) => copy(s().circulars.filter((c) => c.senderId === senderId).sort(newestFirst).slice(0, limit)),
      unacknowledged: async (employeeId, limit) => {
        const open = new Set(s().recipients.filter((r) => r.employeeId === employeeId && r.ackAt === null).map((r) => r.circularId));
        return copy(s().circulars.filter((c) => open.has(c.id)).sort(newestFirst).slice(0, limit));
      },
      dueForReminder: async (now, limit) => copy(s().circulars
        .filter((c) => c.ackBy !== null && c.ackBy.getTime() <= now.getTime() && c.remindedAt === null)
        .sort((a, b) => (a.ackBy?.getTime() ?? 0) - (b.ackBy?.getTime() ?? 0) || a.id - b.id)
        .slice(0, limit)),
    },
  };
}
