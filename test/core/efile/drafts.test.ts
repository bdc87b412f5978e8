// Yellow notes (core/efile/drafts.ts) on the in-memory store: written by the holder or by whoever has
// just sent the file on; corrected, discarded or confirmed by the holder; seen by the writer and the
// holder only; only a confirmed draft becomes a green note; every step audited.
import { describe, expect, test } from 'vitest';
import { decideFile, forwardFile } from '../../../core/efile/files.ts';
import {
  awaitSignature, canSeeDraft, confirmDraft, confirmDraftAsDecision, discardDraft, draftsOf, editDraft, writeDraft,
} from '../../../core/efile/drafts.ts';
import { noteSheetOf } from '../../../core/efile/queries.ts';
import { verifyAudit } from '../../../core/audit/verify-audit.ts';
import { efileOffice, type EfileOffice } from './efile-office.ts';
import { auditTypes, refusedWith, valueOf } from '../workflow-walk.ts';

/** The clerk's file, sent up to the section officer. */
async function upToSo(o: EfileOffice) {
  const file = await o.newFile(o.staff.clerk);
  valueOf(await o.run((tx) => forwardFile(tx, o.clock, { actor: o.staff.clerk, file, to: o.staff.so, remark: null })));
  return o.file(file.fileNumber);
}

const told = async (o: EfileOffice) => (await o.run((tx) => tx.outbox.due(new Date(8.64e15), 100)))
  .map((i) => ({ to: i.employeeId, ...(JSON.parse(i.payload) as { kind: string; params: Record<string, unknown> }) }));

describe('yellow notes', () => {
  test('a clerk drafts on the file just sent up; the officer corrects and confirms it: a green note in the officer\'s name', async () => {
    const o = await efileOffice();
    const file = await upToSo(o);
    const { draft } = valueOf(await o.run((tx) => writeDraft(tx, o.clock, { actor: o.staff.clerk, file, text: 'प्रस्ताव स्वीकृति हेतु प्रस्तुत।' })));
    expect(draft).toMatchObject({ status: 'draft', authorId: o.staff.clerk.id, noteNumber: null });
    expect((await told(o)).at(-1)).toMatchObject({ to: o.staff.so.id, kind: 'draft.written', params: { id: draft.id, text: 'प्रस्ताव स्वीकृति हेतु प्रस्तुत।' } });
    // Not a note yet: the note sheet has none.
    expect((await o.run((tx) => noteSheetOf(tx, file, o.clock.now()))).notes).toEqual([]);

    const edited = valueOf(await o.run((tx) => editDraft(tx, o.clock, { actor: o.staff.so, draft, text: 'प्रस्ताव उचित है; स्वीकृति हेतु प्रस्तुत।' })));
    expect(edited.draft.text).toBe('प्रस्ताव उचित है; स्वीकृति हेतु प्रस्तुत।');
    expect((await told(o)).at(-1)).toMatchObject({ to: o.staff.clerk.id, kind: 'draft.edited' });
    const done = valueOf(await o.run((tx) => confirmDraft(tx, o.clock, { actor: o.staff.so, draft: edited.draft })));
    expect(done.note).toMatchObject({ number: 1, authorId: o.staff.so.id, text: 'प्रस्ताव उचित है; स्वीकृति हेतु प्रस्तुत।' });
    expect(done.draft).toMatchObject({ status: 'confirmed', noteNumber: 1 });
    expect((await told(o)).at(-1)).toMatchObject({ to: o.staff.clerk.id, kind: 'draft.confirmed', params: { note: 1 } });
    expect((await auditTypes(o)).filter((t) => t.startsWith('draft.') || t === 'file.noted')).toEqual(['draft.drafted', 'draft.edited', 'file.noted', 'draft.confirmed']);
    expect((await verifyAudit(o.store, { anchors: [] })).records.problems).toEqual([]);
    // Confirmed once: never again, never edited.
    const after = (await o.run((tx) => tx.drafts.byId(draft.id)))!;
    await refusedWith(o, () => o.run((tx) => confirmDraft(tx, o.clock, { actor: o.staff.so, draft: after })), 'DRAFT.NOT_OPEN');
    await refusedWith(o, () => o.run((tx) => editDraft(tx, o.clock, { actor: o.staff.so, draft: after, text: 'x' })), 'DRAFT.NOT_OPEN');
  });

  test('seen only by its writer and the holder; only the holder corrects or confirms; the writer may withdraw it', async () => {
    const o = await efileOffice();
    const file = await upToSo(o);
    const { draft } = valueOf(await o.run((tx) => writeDraft(tx, o.clock, { actor: o.staff.clerk, file, text: 'Put up for orders.' })));
    expect(canSeeDraft(o.staff.clerk, draft, file)).toBe(true);
    expect(canSeeDraft(o.staff.so, draft, file)).toBe(true);
    expect(canSeeDraft(o.staff.ddc, draft, file)).toBe(false);
    expect(await o.run((tx) => draftsOf(tx, o.staff.ddc, file))).toEqual([]);
    expect((await o.run((tx) => draftsOf(tx, o.staff.so, file))).map((d) => d.id)).toEqual([draft.id]);
    await refusedWith(o, () => o.run((tx) => editDraft(tx, o.clock, { actor: o.staff.ddc, draft, text: 'x' })), 'DRAFT.NOT_FOUND');
    await refusedWith(o, () => o.run((tx) => confirmDraft(tx, o.clock, { actor: o.staff.clerk, draft })), 'DRAFT.NOT_HOLDER');
    await refusedWith(o, () => o.run((tx) => editDraft(tx, o.clock, { actor: o.staff.clerk, draft, text: 'x' })), 'DRAFT.NOT_HOLDER');
    const gone = valueOf(await o.run((tx) => discardDraft(tx, o.clock, { actor: o.staff.clerk, draft })));
    expect(gone.draft.status).toBe('discarded');
    expect((await told(o)).at(-1)).toMatchObject({ to: o.staff.so.id, kind: 'draft.discarded' });
    expect((await auditTypes(o)).at(-1)).toBe('draft.discarded');
  });

  test('who may write one: the holder, or whoever has just sent the file to their reporting officer; nobody else; never empty', async () => {
    const o = await efileOffice();
    const file = await upToSo(o);
    valueOf(await o.run((tx) => writeDraft(tx, o.clock, { actor: o.staff.so, file, text: 'Own draft of the holder.' })));
    await refusedWith(o, () => o.run((tx) => writeDraft(tx, o.clock, { actor: o.staff.ddc, file, text: 'x' })), 'DRAFT.NOT_ALLOWED');
    await refusedWith(o, () => o.run((tx) => writeDraft(tx, o.clock, { actor: o.staff.so, file, text: '   ' })), 'DRAFT.EMPTY');
    // Sent to someone other than the writer's reporting officer: no draft with it.
    const sideways = await o.newFile(o.staff.clerk);
    valueOf(await o.run((tx) => forwardFile(tx, o.clock, { actor: o.staff.clerk, file: sideways, to: o.staff.clerkEn, remark: null })));
    const withPriya = await o.file(sideways.fileNumber);
    await refusedWith(o, () => o.run((tx) => writeDraft(tx, o.clock, { actor: o.staff.clerk, file: withPriya, text: 'x' })), 'DRAFT.NOT_ALLOWED');
    // Once the officer moved it on, the clerk's chance to draft with it is over.
    valueOf(await o.run((tx) => forwardFile(tx, o.clock, { actor: o.staff.so, file, to: o.staff.ddc, remark: null })));
    const moved = await o.file(file.fileNumber);
    await refusedWith(o, () => o.run((tx) => writeDraft(tx, o.clock, { actor: o.staff.clerk, file: moved, text: 'late' })), 'DRAFT.NOT_ALLOWED');
  });

  test('confirmed as a decision: decided at once, the draft is the decision\'s note', async () => {
    const o = await efileOffice();
    const file = await upToSo(o);
    const { draft } = valueOf(await o.run((tx) => writeDraft(tx, o.clock, { actor: o.staff.clerk, file, text: 'Approved as proposed.' })));
    const done = valueOf(await o.run((tx) => confirmDraftAsDecision(tx, o.clock, { actor: o.staff.so, draft, decision: 'approve' })));
    expect(done.note).toMatchObject({ number: 1, decision: 'approve', text: 'Approved as proposed.' });
    expect(done.draft).toMatchObject({ status: 'confirmed', noteNumber: 1 });
    expect(done.to.id).toBe(o.staff.clerk.id);
  });

  test('sent for signature: still open until the signed decision\'s note is written, which confirms it', async () => {
    const o = await efileOffice();
    const file = await upToSo(o);
    const { draft } = valueOf(await o.run((tx) => writeDraft(tx, o.clock, { actor: o.staff.clerk, file, text: 'Approved; issue the order.' })));
    const waiting = valueOf(await o.run((tx) => awaitSignature(tx, o.clock, { actor: o.staff.so, draft })));
    expect(waiting.draft.status).toBe('signing');
    expect(await o.run((tx) => draftsOf(tx, o.staff.so, file))).toHaveLength(1);
    // What the signing subject does once the OTP is given (core/signing/subjects/file.ts).
    const decided = valueOf(await o.run((tx) => decideFile(tx, o.clock, { actor: o.staff.so, file, decision: 'approve', remark: waiting.draft.text })));
    expect(await o.run((tx) => tx.drafts.byId(draft.id))).toMatchObject({ status: 'confirmed', noteNumber: decided.note.number });
    expect((await auditTypes(o)).slice(-3)).toEqual(['file.noted', 'draft.confirmed', 'file.approved']);
  });
});
