// A small office for tests: a few sections and a reporting chain, written straight through the
// Store (the roll import has tests of its own), and the assistant over it.
import { randomUUID } from 'node:crypto';
import type { Store } from '../../core/ports.ts';
import type { Employee, NewEmployee } from '../../core/types.ts';
import { MemoryStore } from '../../core/store/memory-store.ts';
import { DEFAULT_OTP_POLICY, type OtpPolicy } from '../../core/otp/otp-policy.ts';
import { createAssistant, type Assistant } from '../../bots/assistant.ts';
import { silentLogger } from '../../bots/log.ts';
import type { Inbound, Reply } from '../../bots/reply.ts';
import { FakeClock } from './clock.ts';
import { RecordingOtpSender } from './recording-otp.ts';
import { testLanguage } from './language.ts';

export interface TestOffice {
  store: Store;
  clock: FakeClock;
  otp: RecordingOtpSender;
  policy: OtpPolicy;
  assistant: Assistant;
  staff: Record<'collector' | 'ddc' | 'so' | 'clerk' | 'clerkEn', Employee>;
  say(chatId: string, text: string, extra?: Partial<Inbound>): Promise<Reply[]>;
  text(chatId: string, text: string, extra?: Partial<Inbound>): Promise<string>;
}

export async function seedSmallOffice(store: Store): Promise<TestOffice['staff']> {
  return store.transaction(async (tx) => {
    const gop = await tx.sections.create({ code: 'GOP', name: 'जिला गोपनीय प्रशाखा' });
    const est = await tx.sections.create({ code: 'EST', name: 'स्थापना' });
    const base = (e: Partial<NewEmployee> & Pick<NewEmployee, 'code' | 'name' | 'post' | 'mobile'>): NewEmployee => ({
      dob: '1980-01-15', postKey: null, email: `${e.code.toLowerCase()}@saharsa.example.in`, sectionId: gop.id,
      reportingOfficerId: null, active: true, language: 'hi', preferredChannel: null, remindersMuted: false, ...e,
    });
    const collector = await tx.employees.create(base({ code: 'SAH0001', name: 'आनंद शर्मा', post: 'जिलाधिकारी', postKey: 'COLLECTOR', mobile: '9000000001' }));
    const ddc = await tx.employees.create(base({ code: 'SAH0002', name: 'Rakesh Kumar', post: 'उप विकास आयुक्त', postKey: 'DDC', mobile: '9000000002', reportingOfficerId: collector.id }));
    const so = await tx.employees.create(base({ code: 'SAH0010', name: 'सुनीता देवी', post: 'प्रशाखा पदाधिकारी', postKey: 'SECTION_OFFICER', mobile: '9000000010', reportingOfficerId: ddc.id, sectionId: est.id }));
    const clerk = await tx.employees.create(base({ code: 'SAH0020', name: 'मनोज कुमार', post: 'लिपिक', postKey: 'CLERK', mobile: '9000000020', reportingOfficerId: so.id, sectionId: est.id }));
    const clerkEn = await tx.employees.create(base({ code: 'SAH0021', name: 'Priya Singh', post: 'Clerk', postKey: 'CLERK', mobile: '9000000021', reportingOfficerId: so.id, sectionId: est.id, language: 'en' }));
    return { collector, ddc, so, clerk, clerkEn };
  });
}

export async function makeOffice(options: { store?: Store; clock?: FakeClock } = {}): Promise<TestOffice> {
  const store = options.store ?? new MemoryStore();
  const clock = options.clock ?? new FakeClock();
  const otp = new RecordingOtpSender();
  const policy: OtpPolicy = { ...DEFAULT_OTP_POLICY, key: 'test-key-that-is-long-enough-for-hmac' };
  const staff = await seedSmallOffice(store);
  const assistant = createAssistant({ store, clock, language: await testLanguage(), otpSender: otp, otpPolicy: policy, log: silentLogger });
  const say = (chatId: string, text: string, extra: Partial<Inbound> = {}) =>
    assistant.handle({ channel: 'test', chatId, messageId: randomUUID(), text, ...extra });
  const textOf = async (chatId: string, text: string, extra: Partial<Inbound> = {}) =>
    (await say(chatId, text, extra)).map((r) => r.text).join('\n');
  return { store, clock, otp, policy, assistant, staff, say, text: textOf };
}
