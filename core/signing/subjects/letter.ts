// The dispatch of an outgoing letter as signed: the draft as it stands, on its file. The dispatch
// number is taken when the signature is applied, in its transaction, so a refusal gives it back.
import { fail, OfficeError, ok } from '../../errors.ts';
import { documentHash, letterDispatchDocument } from '../decision-document.ts';
import { checkDispatchable, dispatchLetter, takeDispatchNumber } from '../dispatch-letter.ts';
import { letterDocumentOf, parseLetterRef } from '../letter-document.ts';
import type { SigningSubject } from './subject.ts';

export const LETTER_SUBJECT: SigningSubject = {
  async find(tx, deps, signer, request) {
    const ref = parseLetterRef(request.number);
    const letter = Number.isSafeInteger(ref.id) ? await tx.letters.byId(ref.id) : null;
    const file = letter === null ? null : await tx.files.byId(letter.fileId);
    if (letter === null || file === null) return fail('LETTER.NOT_FOUND', { number: `#${ref.id}` });
    const refused = await checkDispatchable(tx, signer, letter, file);
    if (refused !== null) return refused;
    return ok({
      hash: documentHash(letterDispatchDocument(letter, file.fileNumber, signer)),
      preview: { kind: 'letter', file: file.fileNumber, letterId: letter.id, addressee: letter.addressee, subject: letter.subject, body: letter.body },
      async apply(visible) {
        const number = await takeDispatchNumber(tx, deps.clock, deps.office.dispatchCode);
        const what = `Dispatch of letter ${number} on ${file.fileNumber}`;
        const doc = await letterDocumentOf(tx, { letter, file, number, sender: signer, at: deps.clock.now(), office: deps.office });
        doc.signature = { ...visible, what };
        return ok({
          pdf: await deps.renderer.outgoingLetter(doc), what, subjectId: number, audit: { file: file.fileNumber },
          async finish({ blob, proof, documentHash: hash, channel }) {
            const done = await dispatchLetter(tx, deps.clock, {
              actor: signer, letter, file, number, blob, signature: { documentHash: hash, challengeId: proof.id, channel },
            });
            // The number was taken in this transaction: a refusal now rolls it back with everything else.
            if (!done.ok) throw new OfficeError(done.failure);
            return { kind: 'letter', number, addressee: letter.addressee, file: file.fileNumber, note: done.value.note };
          },
        });
      },
    });
  },
};
