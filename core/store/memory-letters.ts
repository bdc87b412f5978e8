// Outgoing letters in the in-memory store (same contract as the Prisma one).
import type { LetterRepo, OutgoingLetter } from '../signing/letter-types.ts';
import { UniqueViolation } from '../errors.ts';

export type LetterState = OutgoingLetter[];
export const emptyLetterState = (): LetterState => [];

export function memoryLetterRepo(s: () => LetterState, nextId: (kind: string) => number): { letters: LetterRepo } {
  const copy = <T>(v: T): T => structuredClone(v);
  return {
    letters: {
      create: async (data) => {
        if (data.number !== null && s().some((l) => l.number === data.number)) throw new UniqueViolation('OutgoingLetter.number');
        const row: OutgoingLetter = { ...copy(data), id: nextId('letter'), version: 0 };
        s().push(row);
        return copy(row);
      },
      byId: async (id) => copy(s().find((l) => l.id === id) ?? null),
      byNumber: async (number) => copy(s().find((l) => l.number === number) ?? null),
      update: async (id, expectedVersion, patch) => {
        const row = s().find((l) => l.id === id);
        if (row === undefined || row.version !== expectedVersion) return null;
        if (patch.number != null && s().some((l) => l.number === patch.number && l.id !== id)) throw new UniqueViolation('OutgoingLetter.number');
        Object.assign(row, copy(Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined))), { version: row.version + 1 });
        return copy(row);
      },
      listByFile: async (fileId) => copy(s().filter((l) => l.fileId === fileId).sort((a, b) => a.id - b.id)),
    },
  };
}
