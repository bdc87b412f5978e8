// Shared checks: only the current holder acts, nothing is done to a closed file, and a write that
// lost a race (another officer acted first) rolls the whole action back. The rules themselves are
// the file and receipt tables (file-workflow.ts, receipt-workflow.ts).
import { HEAD_OF_OFFICE } from '../office/profile.ts';
import { fail, ok, OfficeError, type Result } from '../errors.ts';
import type { Tx } from '../ports.ts';
import type { Employee } from '../types.ts';
import { transition } from '../workflow.ts';
import type { EFile, Receipt } from './types.ts';
import type { EfileTx } from './efile-tx.ts';
import { FILE_WORKFLOW } from './file-workflow.ts';

export { holderLabel } from './file-workflow.ts';

/** The file must be open (or parked) and in the actor's hands: what noting on it asks (FILE_WORKFLOW). */
export async function checkFileHeld(tx: Tx, actor: Employee, file: EFile): Promise<Result<never> | null> {
  const step = await transition(tx, FILE_WORKFLOW, 'note', { actor, file });
  return step.ok ? null : step;
}

/**
 * The addressee as the roll has them now: the Employee a caller hands in may be stale (deactivated
 * since) or not on the roll at all, and a file given to an id no one has drops out of every list.
 */
export async function addresseeOnRoll(tx: Tx, to: Employee): Promise<Result<Employee>> {
  const current = await tx.employees.byId(to.id);
  return current === null ? fail('STAFF.NO_SUCH_ADDRESSEE', { name: to.name }) : ok(current);
}

export function checkAddressee(actor: Employee, to: Employee): Result<never> | null {
  if (to.id === actor.id) return fail('FILE.SELF_FORWARD');
  if (!to.active) return fail('STAFF.ADDRESSEE_INACTIVE', { name: to.name });
  return null;
}

/** A versioned write that found a newer version: someone acted first. Throws to roll back. */
export function lostRace(number: string): never {
  throw new OfficeError({ code: 'FILE.CHANGED_MEANWHILE', params: { number } });
}

/** Posts that see every file of the collectorate (the district's supervising officers). */
export const SEE_ALL_POSTS = [HEAD_OF_OFFICE, 'DDC', 'ADM'];

/**
 * Who may read a file's contents (subject, notes, note sheet, signed copies): its own section, anyone
 * it has passed through, and the supervising officers. Others may learn only that a number exists
 * and who holds it — the confidential section (गोपनीय प्रशाखा) keeps its notes to itself.
 */
export async function canSeeFile(tx: EfileTx, viewer: Employee, file: EFile): Promise<boolean> {
  if (viewer.sectionId === file.sectionId || file.holderId === viewer.id) return true;
  if (viewer.postKey !== null && SEE_ALL_POSTS.includes(viewer.postKey)) return true;
  return (await tx.movements.listFor('file', file.id)).some((m) => m.fromId === viewer.id || m.toId === viewer.id);
}

export async function canSeeReceipt(tx: EfileTx, viewer: Employee, receipt: Receipt): Promise<boolean> {
  if (receipt.holderId === viewer.id || receipt.createdById === viewer.id) return true;
  if (viewer.postKey !== null && SEE_ALL_POSTS.includes(viewer.postKey)) return true;
  if (receipt.fileId !== null) {
    const file = await tx.files.byId(receipt.fileId);
    if (file !== null && (await canSeeFile(tx, viewer, file))) return true;
  }
  return (await tx.movements.listFor('receipt', receipt.id)).some((m) => m.fromId === viewer.id || m.toId === viewer.id);
}
