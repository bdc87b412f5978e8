// A small office for tests: a few sections and a reporting chain, written straight through the
// Store (the roll import has tests of its own), and the assistant over it.
import { randomUUID } from 'node:crypto';
import type { DocumentSigner, Store } from '../../core/ports.ts';
import { SIGNABLE, type SignPolicy } from '../../core/signing/sign-policy.ts';
import { DEFAULT_LEAVE_RULES } from '../../core/leave/rules.ts';
import { DEFAULT_CALENDAR } from '../../core/calendar/holidays.ts';
import { DEFAULT_TOUR_RULES } from '../../core/tour/ta-rates.ts';
import type { ChatAccount, Employee, NewEmployee } from '../../core/types.ts';
import { Dispatcher, type ChannelSender } from '../../bots/outbox/dispatcher.ts';
import { canonicalPost, type LanguageModel } from '../../bots/language/index.ts';
import { MemoryStore } from '../../core/store/memory-store.ts';
import { DEFAULT_OTP_POLICY, type OtpPolicy } from '../../core/otp/otp-policy.ts';
import { createAssistant, type Assistant } from '../../bots/assistant.ts';
import { PdfRenderer } from '../../adapters/pdf/pdf-renderer.ts';
import { MemoryBlobStore } from '../../core/store/memory-blobs.ts';
import { DEFAULT_NUMBER_FORMATS, type NumberFormats } from '../../core/efile/numbering.ts';
import type { OfficeProfile } from '../../core/office/profile.ts';
import { silentLogger } from '../../bots/log.ts';
import type { Inbound, Reply } from '../../bots/reply.ts';
import { FakeClock } from './clock.ts';
import { RecordingOtpSender } from './recording-otp.ts';
import { testLanguage } from './language.ts';

/** A chat channel that records what the dispatcher delivers, with the message ids it gave them. */
export class RecordingChannel implements ChannelSender {
  readonly channel = 'test';
  readonly delivered: { chatId: string; messageId: string; reply: Reply }[] = [];

  canReach(): boolean {
    return true;
  }

  async send(account: ChatAccount, reply: Reply): Promise<{ messageId: string }> {
    const messageId = `bot-${this.delivered.length + 1}`;
    this.delivered.push({ chatId: account.address, messageId, reply });
    return { messageId };
  }

  to(chatId: string): { messageId: string; reply: Reply }[] {
    return this.delivered.filter((d) => d.chatId === chatId);
  }

  lastTo(chatId: string): { messageId: string; reply: Reply } {
    const last = this.to(chatId).at(-1);
    if (last === undefined) throw new Error(`nothing was delivered to ${chatId}`);
    return last;
  }
}

export interface TestOffice {
  store: Store;
  clock: FakeClock;
  otp: RecordingOtpSender;
  blobs: MemoryBlobStore;
  policy: OtpPolicy;
  assistant: Assistant;
  staff: Record<'collector' | 'ddc' | 'so' | 'clerk' | 'clerkEn', Employee>;
  channel: RecordingChannel;
  dispatcher: Dispatcher;
  /** Links chat "<code>" to each employee directly (the OTP flow has tests of its own). */
  linkAll(): Promise<void>;
  /** Delivers queued notifications through the recording channel. */
  deliver(): Promise<void>;
  /** Lets the album window pass on the clock, closes the albums due and delivers their answers. */
  closeAlbums(): Promise<number>;
  say(chatId: string, text: string, extra?: Partial<Inbound>): Promise<Reply[]>;
  text(chatId: string, text: string, extra?: Partial<Inbound>): Promise<string>;
}

export async function seedSmallOffice(store: Store): Promise<TestOffice['staff']> {
  return store.transaction(async (tx) => {
    const gop = await tx.sections.create({ code: 'GOP', name: 'जिला गोपनीय प्रशाखा' });
    const est = await tx.sections.create({ code: 'EST', name: 'स्थापना' });
    const base = (e: Partial<NewEmployee> & Pick<NewEmployee, 'code' | 'name' | 'post' | 'mobile'>): NewEmployee => ({
      dob: '1980-01-15', email: `${e.code.toLowerCase()}@saharsa.example.in`, sectionId: gop.id,
      reportingOfficerId: null, active: true, language: 'hi', preferredChannel: null, remindersMuted: false, ...e,
      postKey: canonicalPost(e.post),
    });
    const collector = await tx.employees.create(base({ code: 'SAH0001', name: 'आनंद शर्मा', post: 'जिलाधिकारी', mobile: '9000000001' }));
    const ddc = await tx.employees.create(base({ code: 'SAH0002', name: 'Rakesh Kumar', post: 'उप विकास आयुक्त', mobile: '9000000002', reportingOfficerId: collector.id }));
    const so = await tx.employees.create(base({ code: 'SAH0010', name: 'सुनीता देवी', post: 'प्रशाखा पदाधिकारी', mobile: '9000000010', reportingOfficerId: ddc.id, sectionId: est.id }));
    const clerk = await tx.employees.create(base({ code: 'SAH0020', name: 'मनोज कुमार', post: 'लिपिक', mobile: '9000000020', reportingOfficerId: so.id, sectionId: est.id }));
    const clerkEn = await tx.employees.create(base({ code: 'SAH0021', name: 'Priya Singh', post: 'Clerk', mobile: '9000000021', reportingOfficerId: so.id, sectionId: est.id, language: 'en' }));
    return { collector, ddc, so, clerk, clerkEn };
  });
}

const noSigner: DocumentSigner = {
  sign: async () => { throw new Error('no signer in this test office'); },
  verify: async () => ({ signed: false }),
};

export async function makeOffice(options: {
  store?: Store; clock?: FakeClock; maxUploadBytes?: number; albumWindowMs?: number; signer?: DocumentSigner; signPolicy?: SignPolicy;
  maxTextChars?: number; maxImageMegapixels?: number; language?: LanguageModel; formats?: NumberFormats; office?: OfficeProfile;
} = {}): Promise<TestOffice> {
  const store = options.store ?? new MemoryStore();
  const clock = options.clock ?? new FakeClock();
  const otp = new RecordingOtpSender();
  const policy: OtpPolicy = { ...DEFAULT_OTP_POLICY, key: 'test-key-that-is-long-enough-for-hmac' };
  const staff = await seedSmallOffice(store);
  const blobs = new MemoryBlobStore();
  const assistant = createAssistant({
    store, clock, language: options.language ?? (await testLanguage()), otpSender: otp, otpPolicy: policy, log: silentLogger,
    renderer: new PdfRenderer(clock), blobs, formats: options.formats ?? DEFAULT_NUMBER_FORMATS, ...(options.office ? { office: options.office } : {}),
    uploads: {
      maxBytes: options.maxUploadBytes ?? 2 * 1024 * 1024, albumWindowMs: options.albumWindowMs ?? 50,
      ...(options.maxImageMegapixels !== undefined ? { maxImageMegapixels: options.maxImageMegapixels } : {}),
    },
    ...(options.maxTextChars !== undefined ? { maxTextChars: options.maxTextChars } : {}),
    decisionConfidence: 0.6,
    signer: options.signer ?? noSigner, signPolicy: options.signPolicy ?? { posts: [], decisions: [...SIGNABLE] },
    leavePolicy: { rules: DEFAULT_LEAVE_RULES, calendar: DEFAULT_CALENDAR }, tourRules: DEFAULT_TOUR_RULES,
  });
  const say = (chatId: string, text: string, extra: Partial<Inbound> = {}) =>
    assistant.handle({ channel: 'test', chatId, messageId: randomUUID(), text, ...extra });
  const textOf = async (chatId: string, text: string, extra: Partial<Inbound> = {}) =>
    (await say(chatId, text, extra)).map((r) => r.text).join('\n');
  const channel = new RecordingChannel();
  const dispatcher = new Dispatcher(store, clock, [channel], silentLogger, blobs);
  const linkAll = () => store.transaction(async (tx) => {
    for (const e of Object.values(staff)) {
      const account = (await tx.accounts.find('test', e.code)) ?? (await tx.accounts.create({ channel: 'test', address: e.code, displayName: e.name }));
      await tx.accounts.update(account.id, { employeeId: e.id, linkedAt: clock.now() });
    }
  });
  const deliver = async () => {
    await dispatcher.runOnce();
  };
  const albumWindowMs = options.albumWindowMs ?? 50;
  const closeAlbums = async () => {
    clock.advance(albumWindowMs + 1);
    const closed = await assistant.closeAlbums();
    await deliver();
    return closed;
  };
  return { store, clock, otp, blobs, policy, assistant, staff, channel, dispatcher, linkAll, deliver, closeAlbums, say, text: textOf };
}
