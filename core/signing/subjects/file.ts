// A file decision (approve or return) as signed: the note it will be written as, on the note sheet.
import { decideFile } from '../../efile/files.ts';
import { FILE_WORKFLOW } from '../../efile/file-workflow.ts';
import { noteSheetOf } from '../../efile/queries.ts';
import { fail, ok } from '../../errors.ts';
import { transition } from '../../workflow.ts';
import { documentHash, fileDecisionDocument } from '../decision-document.ts';
import { decisionText } from '../decision-text.ts';
import type { SigningSubject } from './subject.ts';

export const FILE_SUBJECT: SigningSubject = {
  async find(tx, deps, signer, request) {
    const file = await tx.files.byNumber(request.number);
    if (file === null) return fail('FILE.NOT_FOUND', { number: request.number });
    const step = await transition(tx, FILE_WORKFLOW, request.decision, { actor: signer, file });
    if (!step.ok) return step;
    const notes = await tx.notes.count(file.id);
    const text = decisionText(request.decision, request.remark);
    return ok({
      hash: documentHash(fileDecisionDocument(file, notes, request.decision, text, signer)),
      preview: { kind: 'file', number: file.fileNumber, noteNumber: notes + 1, decision: request.decision, text },
      async apply(visible) {
        const decided = await decideFile(tx, deps.clock, { actor: signer, file, decision: request.decision, remark: request.remark });
        if (!decided.ok) return decided;
        const { note, to } = decided.value;
        const what = `${request.decision === 'approve' ? 'Approval' : 'Return'} of ${file.fileNumber}, note ${note.number}`;
        const sheet = await noteSheetOf(tx, decided.value.file, deps.clock.now(), deps.office.name);
        sheet.signature = { ...visible, what };
        return ok({
          pdf: await deps.renderer.noteSheet(sheet), what, subjectId: file.fileNumber, audit: { note: note.number },
          finish: async () => ({ kind: 'file', number: file.fileNumber, note: note.number, decision: request.decision, to }),
        });
      },
    });
  },
};
