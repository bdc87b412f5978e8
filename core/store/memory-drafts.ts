// Yellow notes in the in-memory store (same contract as the SQL one).
import type { DraftNote, DraftNoteRepo } from '../efile/draft-types.ts';

export type DraftState = DraftNote[];
export const emptyDraftState = (): DraftState => [];

export function memoryDraftRepo(s: () => DraftState, nextId: (kind: string) => number): { drafts: DraftNoteRepo } {
  const copy = <T>(v: T): T => structuredClone(v);
  return {
    drafts: {
      add: async (data) => {
        const row: DraftNote = { ...copy(data), id: nextId('draft'), version: 0 };
        s().push(row);
        return copy(row);
      },
      byId: async (id) => copy(s().find((d) => d.id === id) ?? null),
      update: async (id, expectedVersion, patch) => {
        const row = s().find((d) => d.id === id);
        if (row === undefined || row.version !== expectedVersion) return null;
        Object.assign(row, copy(Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined))), { version: row.version + 1 });
        return copy(row);
      },
      listByFile: async (fileId, statuses) => copy(s().filter((d) => d.fileId === fileId && statuses.includes(d.status))
        .sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime() || a.id - b.id)),
    },
  };
}
