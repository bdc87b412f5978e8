// The eFile repositories of the in-memory store (same contract as the Prisma ones).
import type { ConversationRepo, CounterRepo, FileRepo, MovementRepo, NoteRepo, ReceiptRepo, SignedDocumentRepo, UploadDraftRepo } from '../ports.ts';
import type { Conversation, SignedDocument, UploadDraft } from '../types.ts';
import type { EFile, Movement, Note, Receipt, ReceiptOriginal } from '../efile/types.ts';
import { UniqueViolation } from '../errors.ts';
import { searchSpellings } from '../text/transliterate.ts';

export interface EfileState {
  counters: Record<string, number>;
  receipts: Receipt[];
  originals: ReceiptOriginal[];
  files: EFile[];
  notes: Note[];
  movements: Movement[];
  conversations: Conversation[];
  uploads: UploadDraft[];
  signed: SignedDocument[];
}

export function emptyEfileState(): EfileState {
  return { counters: {}, receipts: [], originals: [], files: [], notes: [], movements: [], conversations: [], uploads: [], signed: [] };
}

const copy = <T>(value: T): T => structuredClone(value);
const contains = (haystack: string | null, word: string) => (haystack ?? '').toLowerCase().includes(word.toLowerCase());
/** The text holds the search word in one of its spellings, in either script (core/text/transliterate.ts). */
const holds = (haystack: string | null, spellings: readonly string[]) => spellings.some((w) => contains(haystack, w));

export function memoryEfileRepos(s: () => EfileState, nextId: (kind: string) => number): {
  counters: CounterRepo; receipts: ReceiptRepo; files: FileRepo; notes: NoteRepo; movements: MovementRepo;
  conversations: ConversationRepo; uploads: UploadDraftRepo; signedDocuments: SignedDocumentRepo;
} {
  const byMovedAt = <T extends { movedAt: Date; id: number }>(a: T, b: T) => a.movedAt.getTime() - b.movedAt.getTime() || a.id - b.id;
  return {
    counters: {
      next: async (key) => {
        s().counters[key] = (s().counters[key] ?? 0) + 1;
        return s().counters[key] ?? 1;
      },
      raiseTo: async (key, value) => {
        s().counters[key] = Math.max(s().counters[key] ?? 0, value);
      },
    },
    receipts: {
      create: async (data) => {
        if (s().receipts.some((r) => r.diaryNumber === data.diaryNumber)) throw new UniqueViolation('Receipt.diaryNumber');
        if (s().receipts.some((r) => r.year === data.year && r.serial === data.serial)) throw new UniqueViolation('Receipt.year_serial');
        const row: Receipt = { ...copy(data), id: nextId('receipt'), version: 0 };
        s().receipts.push(row);
        return copy(row);
      },
      byId: async (id) => copy(s().receipts.find((r) => r.id === id) ?? null),
      byDiaryNumber: async (n) => copy(s().receipts.find((r) => r.diaryNumber === n) ?? null),
      update: async (id, expectedVersion, patch) => {
        const row = s().receipts.find((r) => r.id === id);
        if (row === undefined || row.version !== expectedVersion) return null;
        Object.assign(row, copy(Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined))), { version: row.version + 1 });
        return copy(row);
      },
      listByHolder: async (holderId, statuses, limit) =>
        copy(s().receipts.filter((r) => r.holderId === holderId && statuses.includes(r.status)).sort(byMovedAt).slice(0, limit === undefined ? undefined : Math.max(0, limit))),
      countByHolder: async (holderId, statuses) => s().receipts.filter((r) => r.holderId === holderId && statuses.includes(r.status)).length,
      listByFile: async (fileId) => copy(s().receipts.filter((r) => r.fileId === fileId).sort((a, b) => a.id - b.id)),
      addOriginals: async (rows) => {
        // All or none, like one multi-row INSERT.
        const key = (o: ReceiptOriginal) => `${o.receiptId}:${o.position}`;
        const taken = new Set(s().originals.map(key));
        for (const row of rows) {
          if (taken.has(key(row))) throw new UniqueViolation('ReceiptOriginal.id');
          taken.add(key(row));
        }
        s().originals.push(...rows.map((r) => copy(r)));
      },
      originals: async (receiptId) => copy(s().originals.filter((o) => o.receiptId === receiptId).sort((a, b) => a.position - b.position)),
      search: async (words, limit) => {
        const wanted = words.map(searchSpellings);
        return copy(s().receipts
          .filter((r) => wanted.every((w) => holds(r.diaryNumber, w) || holds(r.subject, w) || holds(r.fromWhom, w)))
          .sort((a, b) => b.id - a.id).slice(0, limit));
      },
    },
    files: {
      create: async (data) => {
        if (s().files.some((f) => f.fileNumber === data.fileNumber)) throw new UniqueViolation('EFile.fileNumber');
        if (s().files.some((f) => f.sectionId === data.sectionId && f.year === data.year && f.serial === data.serial)) {
          throw new UniqueViolation('EFile.sectionId_year_serial');
        }
        if (data.paperNumber != null && s().files.some((f) => f.paperNumber === data.paperNumber)) throw new UniqueViolation('EFile.paperNumber');
        const row: EFile = { ...copy(data), paperNumber: data.paperNumber ?? null, id: nextId('file'), version: 0 };
        s().files.push(row);
        return copy(row);
      },
      byId: async (id) => copy(s().files.find((f) => f.id === id) ?? null),
      byNumber: async (n) => copy(s().files.find((f) => f.fileNumber === n) ?? null),
      byPaperNumber: async (n) => copy(s().files.find((f) => f.paperNumber === n) ?? null),
      update: async (id, expectedVersion, patch) => {
        const row = s().files.find((f) => f.id === id);
        if (row === undefined || row.version !== expectedVersion) return null;
        Object.assign(row, copy(Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined))), { version: row.version + 1 });
        return copy(row);
      },
      listByHolder: async (holderId, statuses, limit) =>
        copy(s().files.filter((f) => f.holderId === holderId && statuses.includes(f.status)).sort(byMovedAt).slice(0, limit === undefined ? undefined : Math.max(0, limit))),
      countByHolder: async (holderId, statuses) => s().files.filter((f) => f.holderId === holderId && statuses.includes(f.status)).length,
      search: async (words, limit) => {
        const wanted = words.map(searchSpellings);
        return copy(s().files
          .filter((f) => wanted.every((w) => holds(f.fileNumber, w) || holds(f.subject, w)
            || s().notes.some((n) => n.fileId === f.id && holds(n.text, w))))
          .sort((a, b) => b.id - a.id).slice(0, limit));
      },
    },
    notes: {
      add: async (data) => {
        if (s().notes.some((n) => n.fileId === data.fileId && n.number === data.number)) throw new UniqueViolation('Note.fileId_number');
        const row: Note = { ...copy(data), id: nextId('note') };
        s().notes.push(row);
        return copy(row);
      },
      listByFile: async (fileId) => copy(s().notes.filter((n) => n.fileId === fileId).sort((a, b) => a.number - b.number)),
      count: async (fileId) => s().notes.filter((n) => n.fileId === fileId).length,
    },
    movements: {
      add: async (data) => {
        const row: Movement = { ...copy(data), id: nextId('movement') };
        s().movements.push(row);
        return copy(row);
      },
      listFor: async (type, id) => copy(s().movements.filter((m) => m.subjectType === type && m.subjectId === id).sort((a, b) => a.id - b.id)),
      listByMover: async (fromId, limit) => copy(s().movements.filter((m) => m.fromId === fromId).sort((a, b) => b.id - a.id).slice(0, limit)),
    },
    conversations: {
      get: async (accountId) => copy(s().conversations.find((c) => c.accountId === accountId) ?? null),
      set: async (conversation) => {
        s().conversations = s().conversations.filter((c) => c.accountId !== conversation.accountId);
        s().conversations.push(copy(conversation));
      },
      clear: async (accountId) => {
        s().conversations = s().conversations.filter((c) => c.accountId !== accountId);
      },
    },
    uploads: {
      add: async (draft) => {
        const row: UploadDraft = { ...copy(draft), id: nextId('upload') };
        s().uploads.push(row);
        return copy(row);
      },
      list: async (accountId) => copy(s().uploads.filter((u) => u.accountId === accountId).sort((a, b) => a.id - b.id)),
      clear: async (accountId) => {
        s().uploads = s().uploads.filter((u) => u.accountId !== accountId);
      },
      album: async (accountId, albumKey) =>
        copy(s().uploads.filter((u) => u.accountId === accountId && u.albumKey === albumKey).sort((a, b) => a.id - b.id)),
      clearAlbum: async (accountId, albumKey) => {
        const before = s().uploads.length;
        s().uploads = s().uploads.filter((u) => !(u.accountId === accountId && u.albumKey === albumKey));
        return before - s().uploads.length;
      },
      openAlbum: async (accountId, since) => {
        const newest = s().uploads.filter((u) => u.accountId === accountId).sort((a, b) => b.id - a.id)[0];
        return newest !== undefined && newest.createdAt.getTime() >= since.getTime() ? newest.albumKey : null;
      },
      dueAlbums: async (quietSince, limit) => {
        const newest = new Map<string, { accountId: number; albumKey: string; at: number }>();
        for (const u of s().uploads) {
          const key = `${u.accountId}\u0000${u.albumKey}`;
          const at = Math.max(newest.get(key)?.at ?? -Infinity, u.createdAt.getTime());
          newest.set(key, { accountId: u.accountId, albumKey: u.albumKey, at });
        }
        return [...newest.values()].filter((a) => a.at < quietSince.getTime()).sort((a, b) => a.at - b.at).slice(0, limit)
          .map(({ accountId, albumKey }) => ({ accountId, albumKey }));
      },
    },
    signedDocuments: {
      add: async (document) => {
        const row: SignedDocument = { ...copy(document), id: nextId('signed') };
        s().signed.push(row);
        return copy(row);
      },
      listFor: async (subjectType, subjectId) =>
        copy(s().signed.filter((d) => d.subjectType === subjectType && d.subjectId === subjectId).sort((a, b) => b.id - a.id)),
    },
  };
}
