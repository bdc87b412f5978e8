// The signing use cases on the in-memory store: each signable decision from consent to the stored
// signed copy, and every way a signature is refused with nothing applied.
import { describe, expect, test } from 'vitest';
import { addNote, forwardFile } from '../../../core/efile/files.ts';
import { applyForLeave } from '../../../core/leave/apply-for-leave.ts';
import { cancelLeave } from '../../../core/leave/cancel-leave.ts';
import { decideTour } from '../../../core/tour/decide-tour.ts';
import { applyForTour } from '../../../core/tour/apply-for-tour.ts';
import { submitTaClaim } from '../../../core/tour/submit-ta-claim.ts';
import { DEFAULT_TOUR_RULES } from '../../../core/tour/ta-rates.ts';
import { draftLetter } from '../../../core/signing/draft-letter.ts';
import { documentHash, fileDecisionDocument } from '../../../core/signing/decision-document.ts';
import { DEFAULT_DECISION_TEXT } from '../../../core/signing/decision-text.ts';
import { letterRef } from '../../../core/signing/letter-document.ts';
import { beginSignature, cancelSignature, describeSignature } from '../../../core/signing/sign-decision.ts';
import { sendSigningCode } from '../../../core/signing/send-signing-code.ts';
import type { SignRequest } from '../../../core/signing/sign-types.ts';
import type { Employee } from '../../../core/types.ts';
import { failure, signingOffice, value, wrongCode, type SigningOffice } from './signing-office.ts';

const fileRequest = (number: string, decision: 'approve' | 'return' = 'approve', remark: string | null = null): SignRequest =>
  ({ subject: 'file', number, decision, remark });
const approval = (subject: SignRequest['subject'], number: string): SignRequest => ({ subject, number, decision: 'approve', remark: null });

/** What must hold after any refused signature: the decision not taken, nothing signed or stored. */
async function nothingApplied(o: SigningOffice, subject: string, id: string): Promise<void> {
  expect(await o.run((tx) => tx.signedDocuments.listFor(subject, id))).toEqual([]);
  expect(o.signer.signed).toEqual([]);
  expect(o.blobs.blobs.size).toBe(0);
  expect(await o.eventsOf('signature.applied')).toEqual([]);
}

/** The section officer's CL, sanctioned by the DDC. */
async function leaveAtDdc(o: SigningOffice) {
  await o.run((tx) => tx.leaveLedger.add({ employeeId: o.staff.so.id, year: 2026, type: 'CL', days: 16, kind: 'opening', refId: null, note: null, at: o.clock.now() }));
  return value(await o.run((tx) => applyForLeave(tx, o.clock, {
    employee: o.staff.so, type: 'CL', startDate: '2026-12-07', endDate: '2026-12-08', halfDay: null, reason: 'family function', chargeTo: null, policy: o.deps.leavePolicy,
  }))).leave;
}

/** The section officer's tour to Patna, approved by the DDC. */
async function tourAtDdc(o: SigningOffice) {
  return value(await o.run((tx) => applyForTour(tx, o.clock, {
    employee: o.staff.so, destinations: ['Patna'], startDate: '2026-12-10', endDate: '2026-12-11', purpose: 'revenue meeting', travelMode: 'bus', chargeTo: null, rules: DEFAULT_TOUR_RULES,
  })));
}

describe('a file decision, signed', () => {
  test('shows what will be signed, binds the OTP to its hash, and on the right code decides, signs, stores and audits', async () => {
    const o = await signingOffice();
    const file = await o.fileAtDdc();
    const request = fileRequest(file.fileNumber);
    const { hash, preview, code, challengeId } = await o.consent(o.staff.ddc, request);
    // The hash is of the decision document, with the one default text the note will carry.
    expect(preview).toEqual({ kind: 'file', number: file.fileNumber, noteNumber: 1, decision: 'approve', text: DEFAULT_DECISION_TEXT.approve });
    const stored = await o.run((tx) => tx.files.byNumber(file.fileNumber));
    expect(hash).toBe(documentHash(fileDecisionDocument(stored ?? file, 0, 'approve', DEFAULT_DECISION_TEXT.approve, o.staff.ddc)));
    expect(await o.run((tx) => tx.otps.byId(challengeId))).toMatchObject({ purpose: 'sign', subjectHash: hash, subjectRef: file.fileNumber, status: 'pending' });
    expect(o.otp.sent.at(-1)).toMatchObject({ purpose: 'sign', to: { kind: 'sms', address: '9000000002' }, context: 'Daftar: test' });
    // Nothing is decided before the code.
    expect((await o.run((tx) => tx.files.byNumber(file.fileNumber)))?.holderId).toBe(o.staff.ddc.id);

    const done = value(await o.complete(o.staff.ddc, request, hash, code));
    expect(done).toMatchObject({ kind: 'file', number: file.fileNumber, note: 1, decision: 'approve', to: { id: o.staff.clerkEn.id }, subjectId: file.fileNumber, documentHash: hash });
    // The decision: the file back with the clerk, the note in the default text.
    expect((await o.run((tx) => tx.files.byNumber(file.fileNumber)))?.holderId).toBe(o.staff.clerkEn.id);
    const notes = await o.run((tx) => tx.notes.listByFile(file.id));
    expect(notes.map((n) => [n.text, n.decision])).toEqual([[DEFAULT_DECISION_TEXT.approve, 'approve']]);
    // The document: the note sheet with the visible block, signed through the port for this reason.
    const rendered = o.renderer.last();
    expect(rendered.kind).toBe('noteSheet');
    expect(rendered.kind === 'noteSheet' && rendered.doc.signature).toEqual({
      name: 'Rakesh Kumar', post: 'उप विकास आयुक्त', code: 'SAH0002', at: '25-11-2026 11:00 IST', via: 'signed via OTP to ••••0002',
      what: `Approval of ${file.fileNumber}, note 1`, documentHash: hash,
    });
    expect(o.signer.signed.map((s) => s.signer)).toEqual([{ name: 'Rakesh Kumar', code: 'SAH0002', post: 'उप विकास आयुक्त', reason: `Approval of ${file.fileNumber}, note 1` }]);
    // The signed copy: stored by its hash, filed under the file, and what was returned.
    expect(await o.blobs.get(done.blob)).toEqual(done.pdf);
    expect(await o.run((tx) => tx.signedDocuments.listFor('file', file.fileNumber))).toMatchObject([
      { subjectType: 'file', subjectId: file.fileNumber, blob: done.blob, signerId: o.staff.ddc.id, documentHash: hash, challengeId },
    ]);
    expect(await o.eventsOf('signature.applied')).toMatchObject([{
      actor: 'SAH0002', subjectType: 'file', subjectId: file.fileNumber,
      data: { documentHash: hash, challengeId, channel: 'test', pdf: done.blob, note: 1 },
    }]);
    expect((await o.events()).map((e) => e.type)).toEqual(expect.arrayContaining(['otp.issued', 'file.approved', 'signature.applied']));
  });

  test('a return with a remark is signed with the remark as its text', async () => {
    const o = await signingOffice();
    const file = await o.fileAtDdc();
    const request = fileRequest(file.fileNumber, 'return', '  attach the site photographs ');
    const { hash, preview, code } = await o.consent(o.staff.ddc, request);
    expect(preview).toMatchObject({ decision: 'return', text: 'attach the site photographs' });
    expect(value(await o.complete(o.staff.ddc, request, hash, code))).toMatchObject({ kind: 'file', decision: 'return' });
    expect((await o.run((tx) => tx.notes.listByFile(file.id))).map((n) => n.text)).toEqual(['attach the site photographs']);
    expect(o.signer.signed[0]?.signer.reason).toBe(`Return of ${file.fileNumber}, note 1`);
  });
});

describe('the other signed decisions', () => {
  test('a leave sanction: the order with the visible block, the ledger debited', async () => {
    const o = await signingOffice();
    const leave = await leaveAtDdc(o);
    const request = approval('leave', leave.number);
    const { hash, preview, code } = await o.consent(o.staff.ddc, request);
    expect(preview).toMatchObject({ kind: 'leave', number: leave.number, applicant: { code: 'SAH0010' }, type: 'CL', from: '2026-12-07', to: '2026-12-08', days: 2 });
    expect(value(await o.complete(o.staff.ddc, request, hash, code))).toMatchObject({ kind: 'leave', number: leave.number, applicant: 'सुनीता देवी', subjectId: leave.number });
    expect((await o.run((tx) => tx.leave.byNumber(leave.number)))?.status).toBe('sanctioned');
    expect(await o.run((tx) => tx.leaveLedger.balance(o.staff.so.id, 2026, 'CL'))).toBe(14);
    const rendered = o.renderer.last();
    expect(rendered).toMatchObject({
      kind: 'leaveOrder',
      doc: { office: { en: 'Collectorate, Saharsa' }, number: leave.number, sanctionedBy: { code: 'SAH0002' }, balanceAfter: 14, signature: { what: `Sanction of leave ${leave.number}`, documentHash: hash } },
    });
    expect(await o.run((tx) => tx.signedDocuments.listFor('leave', leave.number))).toHaveLength(1);
    expect(await o.eventsOf('signature.applied')).toMatchObject([{ subjectType: 'leave', subjectId: leave.number }]);
  });

  test('a tour approval: the tour approval order', async () => {
    const o = await signingOffice();
    const tour = await tourAtDdc(o);
    const request = approval('tour', tour.number);
    const { hash, preview, code } = await o.consent(o.staff.ddc, request);
    expect(preview).toMatchObject({ kind: 'tour', number: tour.number, officer: { code: 'SAH0010' }, destinations: ['Patna'], purpose: 'revenue meeting', mode: 'bus' });
    expect(value(await o.complete(o.staff.ddc, request, hash, code))).toMatchObject({ kind: 'tour', number: tour.number, officer: 'सुनीता देवी' });
    expect((await o.run((tx) => tx.tours.byNumber(tour.number)))?.status).toBe('approved');
    expect(o.renderer.last()).toMatchObject({
      kind: 'tourOrder',
      doc: {
        number: tour.number, date: '25-11-2026', from: '10-12-2026', approvedBy: { code: 'SAH0002' },
        copyTo: ['सुनीता देवी, प्रशाखा पदाधिकारी', 'स्थापना शाखा / Establishment Section', 'कोषागार पदाधिकारी, सहरसा / Treasury Officer, Saharsa'],
        signature: { what: `Approval of tour ${tour.number}`, documentHash: hash },
      },
    });
    expect(await o.run((tx) => tx.signedDocuments.listFor('tour', tour.number))).toHaveLength(1);
  });

  test('a TA approval: the TA bill with its visible block', async () => {
    const o = await signingOffice();
    const tour = await tourAtDdc(o);
    value(await o.run((tx) => decideTour(tx, o.clock, { actor: o.staff.ddc, tour, decision: 'approve', remark: null })));
    o.clock.advanceMinutes(24 * 60 * 20);
    const approved = await o.run((tx) => tx.tours.byNumber(tour.number));
    if (approved === null) throw new Error('no tour');
    const { claim } = value(await o.run((tx) => submitTaClaim(tx, o.clock, {
      actor: o.staff.so, tour: approved, journeys: [{ date: '2026-12-10', from: 'Saharsa', to: 'Patna', mode: 'bus', fare: 850 }], payLevel: null, rules: DEFAULT_TOUR_RULES,
    })));
    const request = approval('ta', claim.number);
    const { hash, preview, code } = await o.consent(o.staff.ddc, request);
    expect(preview).toMatchObject({ kind: 'ta', number: claim.number, tour: tour.number, fares: 850, total: claim.total });
    expect(value(await o.complete(o.staff.ddc, request, hash, code))).toMatchObject({ kind: 'ta', number: claim.number, officer: 'सुनीता देवी', total: claim.total });
    expect((await o.run((tx) => tx.taClaims.byNumber(claim.number)))?.status).toBe('approved');
    expect(o.renderer.last()).toMatchObject({ kind: 'signedTaBill', doc: { number: claim.number, fares: 850 }, signature: { what: `Approval of TA claim ${claim.number}`, documentHash: hash } });
    expect(await o.run((tx) => tx.signedDocuments.listFor('ta', claim.number))).toHaveLength(1);
  });

  test('a letter dispatch: numbered at signing, on the letterhead, noted on its file, kept with the letter', async () => {
    const o = await signingOffice();
    const file = await o.fileAtDdc('Land records update');
    const letter = value(await o.run((tx) => draftLetter(tx, o.clock, {
      actor: o.staff.ddc, file, addressee: 'The Secretary, Revenue Dept, Patna', subject: 'Updating land records', body: 'The report is enclosed.',
    })));
    const request = approval('letter', letterRef(file.fileNumber, letter.id));
    const { hash, preview, code, challengeId } = await o.consent(o.staff.ddc, request);
    expect(preview).toEqual({ kind: 'letter', file: file.fileNumber, letterId: letter.id, addressee: 'The Secretary, Revenue Dept, Patna', subject: 'Updating land records', body: 'The report is enclosed.' });
    const done = value(await o.complete(o.staff.ddc, request, hash, code));
    expect(done).toMatchObject({ kind: 'letter', number: 'SAH/D/2026/000001', addressee: 'The Secretary, Revenue Dept, Patna', file: file.fileNumber, note: 1, subjectId: 'SAH/D/2026/000001' });
    expect(await o.run((tx) => tx.letters.byId(letter.id))).toMatchObject({ status: 'dispatched', number: 'SAH/D/2026/000001', signerId: o.staff.ddc.id, blob: done.blob });
    expect((await o.run((tx) => tx.notes.listByFile(file.id))).at(-1)?.text).toContain('Letter no. SAH/D/2026/000001 signed and dispatched');
    expect(o.renderer.last()).toMatchObject({
      kind: 'outgoingLetter',
      doc: { office: { en: 'Collectorate, Saharsa', hi: 'समाहरणालय, सहरसा', district: { en: 'Saharsa, Bihar' } }, number: 'SAH/D/2026/000001', date: '25-11-2026', from: { code: 'SAH0002' } },
    });
    expect(await o.eventsOf('letter.dispatched')).toMatchObject([{ data: { signed: true, documentHash: hash, challengeId, channel: 'test', pdf: done.blob } }]);
    expect(await o.eventsOf('signature.applied')).toMatchObject([{ subjectType: 'letter', subjectId: 'SAH/D/2026/000001', data: { file: file.fileNumber } }]);
  });
});

describe('the OTP', () => {
  test('a wrong code is counted and applies nothing; the right one still works', async () => {
    const o = await signingOffice();
    const file = await o.fileAtDdc();
    const request = fileRequest(file.fileNumber);
    const { hash, code } = await o.consent(o.staff.ddc, request);
    expect(failure(await o.complete(o.staff.ddc, request, hash, wrongCode(code)))).toEqual({ code: 'OTP.WRONG_CODE', params: { left: 4 } });
    await nothingApplied(o, 'file', file.fileNumber);
    expect((await o.run((tx) => tx.files.byNumber(file.fileNumber)))?.holderId).toBe(o.staff.ddc.id);
    expect(await o.eventsOf('otp.wrong_code')).toHaveLength(1);
    expect(value(await o.complete(o.staff.ddc, request, hash, code)).kind).toBe('file');
  });

  test('an expired code applies nothing', async () => {
    const o = await signingOffice();
    const file = await o.fileAtDdc();
    const request = fileRequest(file.fileNumber);
    const { hash, code } = await o.consent(o.staff.ddc, request);
    o.clock.advanceMinutes(6);
    expect(failure(await o.complete(o.staff.ddc, request, hash, code))).toEqual({ code: 'OTP.EXPIRED', params: { minutes: 5 } });
    await nothingApplied(o, 'file', file.fileNumber);
    expect((await o.run((tx) => tx.files.byNumber(file.fileNumber)))?.holderId).toBe(o.staff.ddc.id);
    // And it is gone: the same code again finds nothing waiting.
    expect(failure(await o.complete(o.staff.ddc, request, hash, code)).code).toBe('OTP.NO_PENDING');
  });

  test('a code used once does not sign twice', async () => {
    const o = await signingOffice();
    const file = await o.fileAtDdc();
    const request = fileRequest(file.fileNumber);
    const { hash, code } = await o.consent(o.staff.ddc, request);
    value(await o.complete(o.staff.ddc, request, hash, code));
    expect(failure(await o.complete(o.staff.ddc, request, hash, code)).code).toBe('OTP.NO_PENDING');
    expect(await o.run((tx) => tx.signedDocuments.listFor('file', file.fileNumber))).toHaveLength(1);
    expect(await o.eventsOf('signature.applied')).toHaveLength(1);
  });

  test('is bound to its chat, its signer and its document', async () => {
    const o = await signingOffice();
    const file = await o.fileAtDdc();
    const request = fileRequest(file.fileNumber);
    const { hash, code } = await o.consent(o.staff.ddc, request);
    // Another hash (another document) or another subject named with the same code: nothing waits for it.
    expect(failure(await o.complete(o.staff.ddc, request, '0'.repeat(64), code)).code).toBe('OTP.NO_PENDING');
    expect(failure(await o.complete(o.staff.ddc, { ...request, number: 'EST-99/2026' }, hash, code)).code).toBe('OTP.NO_PENDING');
    // Another officer's chat has no challenge of its own.
    expect(failure(await o.complete(o.staff.collector, request, hash, code)).code).toBe('OTP.NO_PENDING');
    await nothingApplied(o, 'file', file.fileNumber);
    expect(value(await o.complete(o.staff.ddc, request, hash, code)).kind).toBe('file');
  });

  test('cancelled, the code no longer works and the decision stays pending', async () => {
    const o = await signingOffice();
    const file = await o.fileAtDdc();
    const request = fileRequest(file.fileNumber);
    const { hash, code, challengeId } = await o.consent(o.staff.ddc, request);
    expect(value(await o.run((tx) => cancelSignature(tx, { accountId: o.accountOf(o.staff.ddc) })))).toEqual({ cancelled: true });
    expect((await o.run((tx) => tx.otps.byId(challengeId)))?.status).toBe('cancelled');
    expect(failure(await o.complete(o.staff.ddc, request, hash, code)).code).toBe('OTP.NO_PENDING');
    await nothingApplied(o, 'file', file.fileNumber);
    expect(value(await o.run((tx) => cancelSignature(tx, { accountId: o.accountOf(o.staff.ddc) })))).toEqual({ cancelled: false });
  });

  test('a code that could not be sent is cancelled and said so', async () => {
    const o = await signingOffice();
    const file = await o.fileAtDdc();
    const request = fileRequest(file.fileNumber);
    const { hash } = value(await o.run((tx) => describeSignature(tx, o.deps, { signer: o.staff.ddc, request })));
    const issued = value(await o.run((tx) => beginSignature(tx, o.deps, { signer: o.staff.ddc, accountId: o.accountOf(o.staff.ddc), request, hash })));
    o.otp.failNext = 1;
    const told: string[] = [];
    const sent = await sendSigningCode(o.store, o.otp, { issued, language: 'en', context: 'x', policy: o.deps.otpPolicy, onUndelivered: (e) => told.push(e.kind) });
    expect(failure(sent).code).toBe('OTP.NOT_SENT');
    expect(told).toEqual(['sms']);
    expect((await o.run((tx) => tx.otps.byId(issued.challenge.id)))?.status).toBe('cancelled');
    expect(failure(await o.complete(o.staff.ddc, request, hash, issued.code)).code).toBe('OTP.NO_PENDING');
  });
});

describe('a document that changed between consent and code', () => {
  async function refusedAfter(o: SigningOffice, request: SignRequest, signer: Employee, change: () => Promise<void>): Promise<string> {
    const { hash, code, challengeId } = await o.consent(signer, request);
    await change();
    expect(failure(await o.complete(signer, request, hash, code))).toEqual({ code: 'SIGN.DOCUMENT_CHANGED', params: { number: request.number } });
    // The challenge is spent and the refusal audited; nothing else.
    expect((await o.run((tx) => tx.otps.byId(challengeId)))?.status).toBe('cancelled');
    expect(await o.eventsOf('signature.refused')).toMatchObject([
      { actor: signer.code, subjectType: request.subject, subjectId: request.number, data: { reason: 'document_changed', challengeId } },
    ]);
    return challengeId;
  }

  test('a note added to the file: refused, the decision stays pending, nothing applied', async () => {
    const o = await signingOffice();
    const file = await o.fileAtDdc();
    await refusedAfter(o, fileRequest(file.fileNumber), o.staff.ddc, async () => {
      value(await o.run(async (tx) => addNote(tx, o.clock, { actor: o.staff.ddc, file: (await tx.files.byId(file.id)) ?? file, text: 'please also check the rates' })));
    });
    expect((await o.run((tx) => tx.files.byNumber(file.fileNumber)))?.holderId).toBe(o.staff.ddc.id);
    expect((await o.run((tx) => tx.notes.listByFile(file.id))).map((n) => n.decision)).toEqual([null]);
    await nothingApplied(o, 'file', file.fileNumber);
  });

  test('the signer no longer holds the file: refused at the code, and not even shown afterwards', async () => {
    const o = await signingOffice();
    const file = await o.fileAtDdc();
    const request = fileRequest(file.fileNumber);
    await refusedAfter(o, request, o.staff.ddc, async () => {
      value(await o.run(async (tx) => forwardFile(tx, o.clock, { actor: o.staff.ddc, file: (await tx.files.byId(file.id)) ?? file, to: o.staff.so, remark: null })));
    });
    expect((await o.run((tx) => tx.files.byNumber(file.fileNumber)))?.holderId).toBe(o.staff.so.id);
    await nothingApplied(o, 'file', file.fileNumber);
    expect(failure(await o.run((tx) => describeSignature(tx, o.deps, { signer: o.staff.ddc, request })))).toMatchObject({ code: 'FILE.NOT_IN_YOUR_HANDS', params: { number: file.fileNumber } });
  });

  test('consent to a document that changed since it was shown issues no code', async () => {
    const o = await signingOffice();
    const file = await o.fileAtDdc();
    const request = fileRequest(file.fileNumber);
    const { hash } = value(await o.run((tx) => describeSignature(tx, o.deps, { signer: o.staff.ddc, request })));
    value(await o.run(async (tx) => addNote(tx, o.clock, { actor: o.staff.ddc, file: (await tx.files.byId(file.id)) ?? file, text: 'one more point' })));
    expect(failure(await o.run((tx) => beginSignature(tx, o.deps, { signer: o.staff.ddc, accountId: o.accountOf(o.staff.ddc), request, hash })))).toEqual({
      code: 'SIGN.DOCUMENT_CHANGED', params: { number: file.fileNumber },
    });
    expect(o.otp.sent).toEqual([]);
    expect(await o.eventsOf('otp.issued')).toEqual([]);
  });

  test('a leave cancelled by its applicant meanwhile: refused, the ledger untouched', async () => {
    const o = await signingOffice();
    const leave = await leaveAtDdc(o);
    await refusedAfter(o, approval('leave', leave.number), o.staff.ddc, async () => {
      value(await o.run(async (tx) => cancelLeave(tx, o.clock, { actor: o.staff.so, leave: (await tx.leave.byId(leave.id)) ?? leave, reason: null, policy: o.deps.leavePolicy })));
    });
    expect((await o.run((tx) => tx.leave.byNumber(leave.number)))?.status).toBe('cancelled');
    expect(await o.run((tx) => tx.leaveLedger.balance(o.staff.so.id, 2026, 'CL'))).toBe(16);
    await nothingApplied(o, 'leave', leave.number);
  });

  test('a letter whose file moved: refused, the letter stays a draft and no dispatch number is used', async () => {
    const o = await signingOffice();
    const file = await o.fileAtDdc('Boundary survey');
    const letter = value(await o.run((tx) => draftLetter(tx, o.clock, { actor: o.staff.ddc, file, addressee: 'DM, Madhepura', subject: 'Survey', body: 'Please depute a surveyor.' })));
    await refusedAfter(o, approval('letter', letterRef(file.fileNumber, letter.id)), o.staff.ddc, async () => {
      value(await o.run(async (tx) => forwardFile(tx, o.clock, { actor: o.staff.ddc, file: (await tx.files.byId(file.id)) ?? file, to: o.staff.so, remark: null })));
    });
    expect(await o.run((tx) => tx.letters.byId(letter.id))).toMatchObject({ status: 'draft', number: null });
    expect(await o.run((tx) => tx.counters.next('dispatch:2026'))).toBe(1);
  });
});

describe('one transaction', () => {
  test('a signer that fails rolls the decision back with everything else, and the code can be given again', async () => {
    const o = await signingOffice();
    const file = await o.fileAtDdc();
    const letter = value(await o.run((tx) => draftLetter(tx, o.clock, { actor: o.staff.ddc, file, addressee: 'DM, Madhepura', subject: 'Survey', body: 'Text.' })));
    const request = approval('letter', letterRef(file.fileNumber, letter.id));
    const { hash, code } = await o.consent(o.staff.ddc, request);
    o.signer.failNext = true;
    await expect(o.complete(o.staff.ddc, request, hash, code)).rejects.toThrow('signing service down');
    expect(await o.run((tx) => tx.letters.byId(letter.id))).toMatchObject({ status: 'draft', number: null });
    expect(await o.run((tx) => tx.notes.listByFile(file.id))).toEqual([]);
    expect(await o.eventsOf('signature.applied')).toEqual([]);
    // The number taken before the failure was given back, and the code was not spent.
    expect(value(await o.complete(o.staff.ddc, request, hash, code))).toMatchObject({ kind: 'letter', number: 'SAH/D/2026/000001' });
  });
});

describe('who may sign', () => {
  test('only the holder of a pending subject is shown it to sign', async () => {
    const o = await signingOffice();
    const leave = await leaveAtDdc(o);
    const tour = await tourAtDdc(o);
    const describe = (signer: Employee, request: SignRequest) => o.run((tx) => describeSignature(tx, o.deps, { signer, request }));
    expect(failure(await describe(o.staff.collector, approval('leave', leave.number)))).toMatchObject({ code: 'LEAVE.NOT_IN_YOUR_HANDS', params: { number: leave.number } });
    expect(failure(await describe(o.staff.collector, approval('tour', tour.number)))).toMatchObject({ code: 'TOUR.NOT_IN_YOUR_HANDS', params: { number: tour.number } });
    expect(failure(await describe(o.staff.ddc, approval('leave', 'LV/2026/999999')))).toEqual({ code: 'LEAVE.NOT_FOUND', params: { number: 'LV/2026/999999' } });
    expect(failure(await describe(o.staff.ddc, approval('ta', 'TA/2026/999999')))).toEqual({ code: 'TOUR.CLAIM_NOT_FOUND', params: { number: 'TA/2026/999999' } });
    expect(failure(await describe(o.staff.ddc, approval('letter', letterRef('EST-1/2026', 99))))).toEqual({ code: 'LETTER.NOT_FOUND', params: { number: '#99' } });
    value(await o.run((tx) => decideTour(tx, o.clock, { actor: o.staff.ddc, tour, decision: 'approve', remark: null })));
    expect(failure(await describe(o.staff.ddc, approval('tour', tour.number)))).toMatchObject({ code: 'TOUR.WRONG_STATUS', params: { status: 'approved' } });
  });
});
