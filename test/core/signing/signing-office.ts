// A small office for the signing use cases, without I/O: the in-memory store and blobs, an OTP
// transport that keeps what it sends, and — since the real ones run pdfkit on a worker thread and
// need a CA on disk — a renderer that keeps the documents it is given and a signer that keeps what
// it signs. Helpers walk the consent → OTP path for one signer and read back what was recorded.
import type { ImagesCheck, NoteSheet, PdfCheck, VisibleSignature } from '../../../core/efile/documents.ts';
import type { LeaveOrder, PendencyReport, TaBill } from '../../../core/leave/documents.ts';
import type { LetterDocument, TourOrder } from '../../../core/signing/documents.ts';
import type { DocumentRenderer, DocumentSigner, SignatureCheck, SignerIdentity, Tx } from '../../../core/ports.ts';
import { createFile, forwardFile } from '../../../core/efile/files.ts';
import { DEFAULT_NUMBER_FORMATS } from '../../../core/efile/numbering.ts';
import type { EFile } from '../../../core/efile/types.ts';
import type { Result } from '../../../core/errors.ts';
import { DEFAULT_CALENDAR } from '../../../core/calendar/holidays.ts';
import { DEFAULT_LEAVE_RULES } from '../../../core/leave/rules.ts';
import { SAHARSA } from '../../../core/office/profile.ts';
import { DEFAULT_OTP_POLICY } from '../../../core/otp/otp-policy.ts';
import { beginSignature, completeSignature, describeSignature } from '../../../core/signing/sign-decision.ts';
import { sendSigningCode } from '../../../core/signing/send-signing-code.ts';
import type { SigningDeps, SignRequest } from '../../../core/signing/sign-types.ts';
import { MemoryBlobStore } from '../../../core/store/memory-blobs.ts';
import { MemoryStore } from '../../../core/store/memory-store.ts';
import type { AuditEvent, Employee } from '../../../core/types.ts';
import { FakeClock } from '../../helpers/clock.ts';
import { seedSmallOffice } from '../../helpers/office.ts';
import { RecordingOtpSender } from '../../helpers/recording-otp.ts';

export type Rendered =
  | { kind: 'noteSheet'; doc: NoteSheet }
  | { kind: 'leaveOrder'; doc: LeaveOrder }
  | { kind: 'signedTaBill'; doc: TaBill; signature: VisibleSignature }
  | { kind: 'tourOrder'; doc: TourOrder }
  | { kind: 'outgoingLetter'; doc: LetterDocument };

const bytes = (value: unknown): Uint8Array => new TextEncoder().encode(JSON.stringify(value));

/** Lays nothing out: keeps each document and returns its JSON as the "PDF". */
export class RecordingRenderer implements DocumentRenderer {
  readonly rendered: Rendered[] = [];

  private keep(item: Rendered): Promise<Uint8Array> {
    this.rendered.push(structuredClone(item));
    return Promise.resolve(bytes(item));
  }

  noteSheet(doc: NoteSheet) { return this.keep({ kind: 'noteSheet', doc }); }
  leaveOrder(doc: LeaveOrder) { return this.keep({ kind: 'leaveOrder', doc }); }
  signedTaBill(doc: TaBill, signature: VisibleSignature) { return this.keep({ kind: 'signedTaBill', doc, signature }); }
  tourOrder(doc: TourOrder) { return this.keep({ kind: 'tourOrder', doc }); }
  outgoingLetter(doc: LetterDocument) { return this.keep({ kind: 'outgoingLetter', doc }); }
  taBill(_bill: TaBill): Promise<Uint8Array> { throw new Error('not a signed document'); }
  pendencyReport(_report: PendencyReport): Promise<Uint8Array> { throw new Error('not a signed document'); }
  checkImages(): Promise<ImagesCheck> { throw new Error('not used in signing'); }
  receiptFromImages(): Promise<Uint8Array> { throw new Error('not used in signing'); }
  checkPdf(): Promise<PdfCheck> { throw new Error('not used in signing'); }

  last(): Rendered {
    const last = this.rendered.at(-1);
    if (last === undefined) throw new Error('nothing was rendered');
    return last;
  }
}

/** "Signs" by appending who and why to the bytes; keeps each call. `failNext` makes the next one throw. */
export class RecordingSigner implements DocumentSigner {
  readonly signed: { pdf: Uint8Array; signer: SignerIdentity }[] = [];
  failNext = false;

  async sign(pdf: Uint8Array, signer: SignerIdentity): Promise<Uint8Array> {
    if (this.failNext) {
      this.failNext = false;
      throw new Error('signing service down (test)');
    }
    this.signed.push({ pdf, signer });
    const tail = new TextEncoder().encode(`\n%signed ${JSON.stringify(signer)}`);
    const out = new Uint8Array(pdf.length + tail.length);
    out.set(pdf);
    out.set(tail, pdf.length);
    return out;
  }

  async verify(): Promise<SignatureCheck> {
    return { signed: false };
  }
}

export function value<T>(result: Result<T>): T {
  if (!result.ok) throw new Error(`expected success, got ${JSON.stringify(result.failure)}`);
  return result.value;
}

export function failure<T>(result: Result<T>): { code: string; params: Record<string, string | number> } {
  if (result.ok) throw new Error('expected a failure, got success');
  return result.failure;
}

export async function signingOffice() {
  const store = new MemoryStore();
  const clock = new FakeClock('2026-11-25T05:30:00.000Z');
  const staff = await seedSmallOffice(store);
  const blobs = new MemoryBlobStore();
  const otp = new RecordingOtpSender();
  const renderer = new RecordingRenderer();
  const signer = new RecordingSigner();
  const deps: SigningDeps = {
    clock, renderer, signer, blobs, otpSender: otp,
    otpPolicy: { ...DEFAULT_OTP_POLICY, key: 'test-key-that-is-long-enough-for-hmac' },
    leavePolicy: { rules: DEFAULT_LEAVE_RULES, calendar: DEFAULT_CALENDAR },
    office: { name: SAHARSA.name, place: SAHARSA.place, dispatchCode: DEFAULT_NUMBER_FORMATS.office },
  };
  const run = <T>(work: (tx: Tx) => Promise<T>): Promise<T> => store.transaction(work);
  // One linked chat per employee, as the assistant would have it.
  const accounts = new Map<number, number>();
  await run(async (tx) => {
    for (const e of Object.values(staff)) {
      const account = await tx.accounts.create({ channel: 'test', address: e.code, displayName: e.name });
      await tx.accounts.update(account.id, { employeeId: e.id, linkedAt: clock.now() });
      accounts.set(e.id, account.id);
    }
  });
  const accountOf = (e: Employee): number => accounts.get(e.id) ?? 0;

  /** Shown, consented to, code sent: what the signer saw and the code their phone got. */
  async function consent(who: Employee, request: SignRequest) {
    const { hash, preview } = value(await run((tx) => describeSignature(tx, deps, { signer: who, request })));
    const issued = value(await run((tx) => beginSignature(tx, deps, { signer: who, accountId: accountOf(who), request, hash })));
    value(await sendSigningCode(store, otp, { issued, language: who.language, context: 'Daftar: test', policy: deps.otpPolicy }));
    return { hash, preview, code: otp.lastCode(), challengeId: issued.challenge.id };
  }

  const complete = (who: Employee, request: SignRequest, hash: string, code: string) =>
    run((tx) => completeSignature(tx, deps, { signer: who, accountId: accountOf(who), channel: 'test', request, hash, code }));

  /** A file opened by the clerk and sent to the DDC, who decides it. */
  async function fileAtDdc(subject = 'Sonbarsa road repair estimate'): Promise<EFile> {
    return run(async (tx) => {
      const section = await tx.sections.byId(staff.clerkEn.sectionId);
      if (section === null) throw new Error('no section');
      const file = await createFile(tx, clock, { actor: staff.clerkEn, subject, section, formats: DEFAULT_NUMBER_FORMATS });
      return value(await forwardFile(tx, clock, { actor: staff.clerkEn, file, to: staff.ddc, remark: null })).file;
    });
  }

  const events = (): Promise<AuditEvent[]> => run((tx) => tx.audit.page(1, 10_000));
  const eventsOf = async (type: string) => (await events()).filter((e) => e.type === type).map((e) => ({ ...e, data: JSON.parse(e.data ?? '{}') as Record<string, unknown> }));

  return { store, clock, staff, blobs, otp, renderer, signer, deps, run, accountOf, consent, complete, fileAtDdc, events, eventsOf };
}

export type SigningOffice = Awaited<ReturnType<typeof signingOffice>>;

/** A code that is not the one sent. */
export const wrongCode = (code: string): string => (code === '000000' ? '111111' : '000000');
