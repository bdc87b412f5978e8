// The business rows a file's audit events vouch for: its notes (number, decision, and since events
// carry it, the SHA-256 of the text) and its movements (what happened, to whom, in order). The chain
// proves the events were not changed; this proves the rows still say what the events recorded, so a
// note edited in the database without an event is caught too.
import { createHash } from 'node:crypto';
import type { Tx } from '../ports.ts';
import type { AuditEvent } from '../types.ts';
import type { MovementAction } from '../efile/types.ts';

export type RecordProblem =
  | { kind: 'file_missing'; file: string; seq: number }
  | { kind: 'note_missing'; file: string; note: number; seq: number }
  | { kind: 'note_text'; file: string; note: number; seq: number }
  | { kind: 'note_decision'; file: string; note: number; seq: number; recorded: string; found: string }
  | { kind: 'note_unrecorded'; file: string; note: number }
  | { kind: 'movement'; file: string; position: number; seq: number | null; recorded: string | null; found: string | null };

/** What an event says of a note; undefined: the event did not record it (older events). */
interface NoteFact { seq: number; required: boolean; decision: string | null | undefined; textSha256: string | undefined }
interface MoveFact { seq: number; action: MovementAction; to: string | null }
interface FileFacts { firstSeq: number; notes: Map<number, NoteFact>; moves: MoveFact[] }

export function sha256Text(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

type Data = Record<string, unknown>;
const str = (v: unknown): string | null => (typeof v === 'string' ? v : null);

/** Which movement each file event stands for, and to whom it went (the actor, unless the event names someone). */
const MOVES: Record<string, { action: MovementAction; to: (e: AuditEvent, d: Data) => string | null }> = {
  'file.created': { action: 'created', to: (e) => e.actor },
  'file.digitised': { action: 'created', to: (_e, d) => str(d.holder) },
  'file.forwarded': { action: 'forwarded', to: (_e, d) => str(d.to) },
  'file.approved': { action: 'approved', to: (_e, d) => str(d.to) },
  'file.returned': { action: 'returned', to: (_e, d) => str(d.to) },
  'file.parked': { action: 'parked', to: (e) => e.actor },
  'file.closed': { action: 'closed', to: (e) => e.actor },
  'file.reopened': { action: 'reopened', to: (e) => e.actor },
  'file.pulled_back': { action: 'pulled_back', to: (e) => e.actor },
};

/** Collects, event by event (walkChain's visit), what the events say of each file; then checks the rows. */
export class RecordCheck {
  private readonly files = new Map<string, FileFacts>();

  visit = (event: AuditEvent): void => {
    if (event.subjectType !== 'file' || event.subjectId === null) return;
    const move = MOVES[event.type];
    if (event.type !== 'file.noted' && move === undefined) return;
    const data = parse(event.data);
    let facts = this.files.get(event.subjectId);
    if (facts === undefined) {
      facts = { firstSeq: event.seq, notes: new Map(), moves: [] };
      this.files.set(event.subjectId, facts);
    }
    if (event.type === 'file.noted' && typeof data.note === 'number') {
      facts.notes.set(data.note, { seq: event.seq, required: true, decision: data.decision as string | null | undefined, textSha256: str(data.textSha256) ?? undefined });
    }
    // A digitised file's first note is its paper notes, recorded by the digitising event (null: none).
    // Events written before that was recorded leave note 1 allowed, unchecked.
    if (event.type === 'file.digitised' && data.noteTextSha256 !== null) {
      const hash = str(data.noteTextSha256);
      facts.notes.set(1, { seq: event.seq, required: hash !== null, decision: hash === null ? undefined : null, textSha256: hash ?? undefined });
    }
    if (move !== undefined) facts.moves.push({ seq: event.seq, action: move.action, to: move.to(event, data) });
  };

  /** Every file the events name, against its rows; problems in file order, at most `limit`. */
  async check(tx: Tx, limit = 100): Promise<{ files: number; problems: RecordProblem[] }> {
    const problems: RecordProblem[] = [];
    const codes = new Map<number, string | null>();
    const codeOf = async (id: number): Promise<string | null> => {
      if (!codes.has(id)) codes.set(id, (await tx.employees.byId(id))?.code ?? null);
      return codes.get(id) ?? null;
    };
    for (const [number, facts] of this.files) {
      if (problems.length >= limit) break;
      const file = await tx.files.byNumber(number);
      if (file === null) {
        problems.push({ kind: 'file_missing', file: number, seq: facts.firstSeq });
        continue;
      }
      problems.push(...noteProblems(number, facts, await tx.notes.listByFile(file.id)));
      const moves = await tx.movements.listFor('file', file.id);
      const found = await Promise.all(moves.map(async (m) => ({ action: m.action, to: await codeOf(m.toId) })));
      const wrong = firstMoveProblem(number, facts.moves, found);
      if (wrong !== null) problems.push(wrong);
    }
    return { files: this.files.size, problems: problems.slice(0, limit) };
  }
}

function noteProblems(file: string, facts: FileFacts, notes: { number: number; text: string; decision: string | null }[]): RecordProblem[] {
  const problems: RecordProblem[] = [];
  const byNumber = new Map(notes.map((n) => [n.number, n]));
  for (const [number, fact] of [...facts.notes].sort((a, b) => a[0] - b[0])) {
    const note = byNumber.get(number);
    if (note === undefined) {
      if (fact.required) problems.push({ kind: 'note_missing', file, note: number, seq: fact.seq });
    } else if (fact.textSha256 !== undefined && sha256Text(note.text) !== fact.textSha256) problems.push({ kind: 'note_text', file, note: number, seq: fact.seq });
    else if (fact.decision !== undefined && (fact.decision ?? null) !== note.decision) {
      problems.push({ kind: 'note_decision', file, note: number, seq: fact.seq, recorded: fact.decision ?? 'none', found: note.decision ?? 'none' });
    }
  }
  for (const note of notes) if (!facts.notes.has(note.number)) problems.push({ kind: 'note_unrecorded', file, note: note.number });
  return problems;
}

const said = (m: { action: string; to: string | null }): string => `${m.action}${m.to === null ? '' : ` to ${m.to}`}`;

function firstMoveProblem(file: string, recorded: MoveFact[], found: { action: string; to: string | null }[]): RecordProblem | null {
  for (let i = 0; i < Math.max(recorded.length, found.length); i += 1) {
    const r = recorded[i];
    const f = found[i];
    if (r !== undefined && f !== undefined && r.action === f.action && (r.to === null || r.to === f.to)) continue;
    return { kind: 'movement', file, position: i + 1, seq: r?.seq ?? null, recorded: r === undefined ? null : said(r), found: f === undefined ? null : said(f) };
  }
  return null;
}

function parse(data: string): Data {
  try {
    const parsed: unknown = JSON.parse(data);
    return parsed !== null && typeof parsed === 'object' ? (parsed as Data) : {};
  } catch {
    return {};
  }
}
