// Sends a circular or notice (परिपत्र / सूचना) to the whole office, to sections or to posts: a
// gap-free number per year, one recipient row per employee, and a notification to each one who
// has a linked chat, all in the caller's transaction.
import { HEAD_OF_OFFICE } from '../office/profile.ts';
import { createHash } from 'node:crypto';
import { fail, ok, type Result } from '../errors.ts';
import type { Clock, Tx } from '../ports.ts';
import type { Employee } from '../types.ts';
import { istDateTime } from '../time.ts';
import { recordEvent } from '../audit/record-event.ts';
import { notify } from '../outbox/notify.ts';
import { transition } from '../workflow.ts';
import { CIRCULAR_WORKFLOW } from './circular-workflow.ts';
import type { Circular, CircularAudience, StoredAudience } from './circular-types.ts';

export interface CircularPolicy {
  /** Canonical post keys (employee.postKey) that may send circulars. */
  senderPosts: readonly string[];
  /** Hours recipients have to acknowledge when the sender gives no time. */
  ackHours: number;
}

/** The same defaults as config (CIRCULAR_POSTS, CIRCULAR_ACK_HOURS), for an assistant built without them. */
export const DEFAULT_CIRCULAR_POLICY: CircularPolicy = {
  senderPosts: [HEAD_OF_OFFICE, 'DDC', 'ADM', 'SDC', 'EST_DC', 'DIO'],
  ackHours: 24,
};

export const MAX_CIRCULAR_LENGTH = 3000;
const IST_OFFSET_MS = 330 * 60_000;

export const circularCounter = (year: number): string => `circular:${year}`;

/** SAH/C/2026/0001 */
export function circularNumber(office: string, year: number, serial: number): string {
  return `${office}/C/${year}/${String(serial).padStart(4, '0')}`;
}

/** A circular's PDF goes out under its number. */
export const circularPdfName = (number: string): string => `${number.replace(/\//g, '-')}.pdf`;

export interface SentCircular {
  circular: Circular;
  recipients: number;
  /** Recipients with no linked chat: recorded, not notified (the status names them). */
  unreachable: Employee[];
}

export async function sendCircular(tx: Tx, clock: Clock, options: {
  from: Employee; audience: CircularAudience; text: string; notice: boolean; ackBy: Date | null;
  pdfBlob: string | null; policy: CircularPolicy; office: string;
}): Promise<Result<SentCircular>> {
  const { from, audience, policy } = options;
  const step = await transition(tx, CIRCULAR_WORKFLOW, 'send', { actor: from, circular: null, copy: null, senderPosts: policy.senderPosts });
  if (!step.ok) return step;
  const text = options.text.trim();
  if (text === '' && options.pdfBlob === null) return fail('CIRCULAR.EMPTY');
  if (text.length > MAX_CIRCULAR_LENGTH) return fail('CIRCULAR.TOO_LONG', { max: MAX_CIRCULAR_LENGTH, length: text.length });
  const now = clock.now();
  const ackBy = options.ackBy ?? new Date(now.getTime() + policy.ackHours * 3_600_000);
  if (ackBy.getTime() <= now.getTime()) return fail('CIRCULAR.PAST_DEADLINE', { at: istDateTime(ackBy) });

  const recipients = await audienceOf(tx, audience, from);
  if (recipients.length === 0) return fail('CIRCULAR.NO_RECIPIENTS');

  const year = new Date(now.getTime() + IST_OFFSET_MS).getUTCFullYear();
  const number = circularNumber(options.office, year, await tx.counters.next(circularCounter(year)));
  const stored: StoredAudience = options.notice ? { ...audience, notice: true } : audience;
  const circular = await tx.circulars.create({
    number, senderId: from.id, audience: JSON.stringify(stored), text, pdfBlob: options.pdfBlob, ackBy, createdAt: now, remindedAt: null,
  });
  await tx.circulars.addRecipients(circular.id, recipients.map((e) => e.id));

  const unreachable: Employee[] = [];
  const params = circularParams(circular, from, options.notice);
  const document = options.pdfBlob === null ? undefined : { blob: options.pdfBlob, filename: circularPdfName(number), mime: 'application/pdf' };
  const linked = new Set(await tx.accounts.linkedAmong(recipients.map((e) => e.id)));
  for (const to of recipients) {
    // Nothing is queued for someone who could never receive it: the outbox would retry it forever.
    if (!linked.has(to.id)) { unreachable.push(to); continue; }
    await notify(tx, clock, {
      employeeId: to.id,
      notification: { kind: 'circular.issued', params, subject: { type: 'circular', id: number }, ...(document ? { document } : {}) },
    });
  }
  // A circular is an official order: the audit chain keeps a hash of its exact text, so the stored
  // text can later be shown to be what was sent, without copying the order into the log itself.
  await recordEvent(tx, clock, {
    actor: from.code, type: step.value.event, subjectType: 'circular', subjectId: number,
    data: {
      number, audience: stored, recipients: recipients.length, unreachable: unreachable.length,
      ackBy: ackBy.toISOString(), pdf: options.pdfBlob, textSha256: createHash('sha256').update(text).digest('hex'),
    },
  });
  return ok({ circular, recipients: recipients.length, unreachable });
}

/** What a recipient's notification says (the reminder says the same). */
export function circularParams(circular: Circular, from: Employee | null, notice: boolean): Record<string, string | number> {
  return {
    circularId: circular.id, number: circular.number, notice: notice ? 1 : 0, from: from?.name ?? '', fromPost: from?.post ?? '',
    text: circular.text, ackBy: circular.ackBy === null ? '' : istDateTime(circular.ackBy),
  };
}

export function parseAudience(stored: string): StoredAudience {
  return JSON.parse(stored) as StoredAudience;
}

/** Active employees the audience names, without the sender. */
async function audienceOf(tx: Tx, audience: CircularAudience, from: Employee): Promise<Employee[]> {
  const everyone = (await tx.employees.list({ activeOnly: true })).filter((e) => e.id !== from.id && e.active);
  if (audience.kind === 'all') return everyone;
  if (audience.kind === 'posts') return everyone.filter((e) => e.postKey !== null && audience.keys.includes(e.postKey));
  const ids = new Set((await tx.sections.list()).filter((s) => audience.codes.includes(s.code)).map((s) => s.id));
  return everyone.filter((e) => ids.has(e.sectionId));
}
