// Chat commands for circulars and notices (परिपत्र / सूचना):
//   send     circular to all: … | परिपत्र सभी को: … | सूचना स्थापना शाखा को: … | notice to EST, ACC: …
//            circular to posts SDO, DCLR: … | सूचना सभी अनुमंडल पदाधिकारी को: …
//            (… ack by 17:00 | … देखा: शाम 5 बजे तक — see bots/language/circular-deadline.ts;
//             the same words as the caption of one PDF send the PDF with it)
//   ack      the ✓ button | a reply "देखा"/"ok"/"seen"/… to the circular | a bare "देखा"/"ack" (the newest one)
//   status   circular status [number] | परिपत्र स्थिति [number] | a reply "status"/"स्थिति" to the confirmation
//   list     my circulars | मेरे परिपत्र
// Every pattern is a regular expression on the text: a message that is none of these costs no storage call.
import { acknowledgeCircular } from '../../core/messaging/acknowledge-circular.ts';
import { splitDeadline } from '../language/circular-deadline.ts';
import { circularStatus, type CircularStatus } from '../../core/messaging/circular-status.ts';
import type { Circular, CircularAudience } from '../../core/messaging/circular-types.ts';
import { matchSection } from '../language/match-sections.ts';
import { DEFAULT_CIRCULAR_POLICY, parseAudience, sendCircular, type CircularPolicy } from '../../core/messaging/send-circular.ts';
import type { FailureCode } from '../../core/errors.ts';
import { istDateTime } from '../../core/time.ts';
import type { Employee } from '../../core/types.ts';
import type { CommandContext, Outcome } from '../context.ts';
import { canonicalPost } from '../language/index.ts';
import { ctext } from '../messages/circular-texts.ts';
import { failureText } from '../messages/failures.ts';
import type { Button, Reply } from '../reply.ts';
import { repliedTo, type Pending } from './conversation.ts';
import { checkUpload, isPdf } from './upload-check.ts';

export { DEFAULT_CIRCULAR_POLICY };

const HEAD = String.raw`(circular|notice|परिपत्र|सूचना|paripatra|suchna)`;
// "circular to EST, ACC: …" / "circular for all staff: …"
const SEND_TO = new RegExp(String.raw`^${HEAD}\s+(?:to|for)\s+([^:：\n]+?)\s*[:：]\s*([\s\S]*)$`, 'i');
// "परिपत्र सभी को: …" / "सूचना स्थापना शाखा के लिए: …"
const SEND_KO = new RegExp(String.raw`^${HEAD}\s+([^:：\n]+?)\s+(?:को|के\s+लिए|ko|ke\s+liye)\s*[:：]\s*([\s\S]*)$`, 'i');
// "circular: …" without an audience.
const SEND_BARE = new RegExp(String.raw`^${HEAD}\s*[:：]`, 'i');
const NUMBER = String.raw`([A-Za-z0-9]{2,8}/C/\d{4}/\d{1,6})`;
const STATUS = new RegExp(String.raw`^(?:${HEAD}\s+(?:status|स्थिति|sthiti)|(?:status|स्थिति)\s+(?=[A-Za-z0-9]{2,8}/C/))\s*${NUMBER}?\s*[?？]?$`, 'i');
const ACK_NUMBER = new RegExp(String.raw`^(?:ack|acknowledge|देखा|seen)\s+${NUMBER}\s*$`, 'i');
const MINE = /^(?:my\s+circulars|my\s+notices|मेरे\s+परिपत्र|मेरी\s+सूचनाएँ|मेरी\s+सूचनाएं|mere\s+paripatra)\s*[?？]?$/i;

/** Said alone, these acknowledge the newest circular waiting for this person. */
const BARE_ACK = new Set(['ack', 'acknowledge', 'acknowledged', 'देखा', 'देख लिया', 'देख ली', 'देख लिए', 'seen', 'noted']);
/** As a reply to a circular, these acknowledge that circular ("ok" alone is too common to take). */
const REPLY_ACK = new Set([...BARE_ACK, 'ok', 'okay', 'ओके', 'ठीक है', 'प्राप्त', 'प्राप्त हुआ', 'received', 'got it', 'done', '👍', '✓', '✅']);
const REPLY_STATUS = new Set(['status', 'स्थिति', 'sthiti']);

const ALL = /^(?:all|everyone|everybody|all\s+staff|all\s+employees|whole\s+office|entire\s+office|the\s+office|सभी|सब|सबको|सभी\s+कर्मी|सभी\s+कर्मियों|सभी\s+कर्मचारी|सभी\s+कर्मचारियों|समस्त\s+कर्मी|समस्त\s+कर्मियों|पूरे\s+कार्यालय|sabhi|sab|sabko)$/i;
const POSTS_PREFIX = /^(?:posts?|पदों|पद)\s+(.+)$/i;
const ALL_PREFIX = /^(?:all|every|सभी|समस्त|सब|sabhi)\s+/i;
const LIST_SPLIT = /\s*(?:,|،|;|&|\+|\band\b|\s और\s)\s*/i;

const MAX_NAMES = 20;

const say = (t: string): Outcome => ({ replies: [{ text: t }] });
const failed = (ctx: CommandContext, code: FailureCode, params: Record<string, string | number> = {}): Outcome => say(failureText(code, params, ctx.lang));
const policyOf = (ctx: CommandContext): CircularPolicy => ctx.deps.circulars ?? DEFAULT_CIRCULAR_POLICY;
const fold = (raw: string) => raw.normalize('NFC').toLowerCase().replace(/[\s.!।,]+$/u, '').replace(/\s+/g, ' ').trim();
const noticeOf = (circular: Circular) => (parseAudience(circular.audience).notice === true ? 1 : 0);

/** A message this feature answers, or null to let the router go on. Must cost no storage call when it is not one. */
export async function routeCircular(ctx: CommandContext, me: Employee, raw: string): Promise<Outcome | null> {
  if (raw.startsWith('/')) return null;
  const send = SEND_TO.exec(raw) ?? SEND_KO.exec(raw);
  if (send !== null) return sendCommand(ctx, me, send[1] ?? '', send[2] ?? '', send[3] ?? '');
  // "circular: …" from someone who may send one: say how to name the audience. From anyone else it is
  // not ours to answer (a receipt caption, a note).
  if (SEND_BARE.test(raw) && isSender(ctx, me)) return failed(ctx, 'CIRCULAR.NO_AUDIENCE');
  if ((ctx.inbound.attachments?.length ?? 0) > 0) return null;

  const status = STATUS.exec(raw);
  if (status !== null) return statusCommand(ctx, me, status[2]);
  const ackNumber = ACK_NUMBER.exec(raw);
  if (ackNumber?.[1] !== undefined) return ackCommand(ctx, me, ackNumber[1]);
  if (MINE.test(raw)) return mineCommand(ctx, me);

  const word = fold(raw);
  const isAck = REPLY_ACK.has(word);
  const isStatus = REPLY_STATUS.has(word);
  if (!isAck && !isStatus) return null;
  if (ctx.inbound.replyToMessageId !== undefined) {
    const sent = await repliedTo(ctx);
    if (sent?.subjectType === 'circular' && sent.subjectId !== null) {
      return isStatus ? statusCommand(ctx, me, sent.subjectId) : ackCommand(ctx, me, sent.subjectId, true);
    }
    // "seen" in reply to a file or a leave message is about that message, not about circulars.
    if (sent !== null) return null;
  }
  if (BARE_ACK.has(word)) return ackNewestCommand(ctx, me);
  return null;
}

/** A button action `/circular.<verb> args…`, or null when the verb is not one of ours. */
export async function circularAction(ctx: CommandContext, me: Employee, verb: string, args: string[]): Promise<Outcome | null> {
  const [number] = args;
  switch (verb) {
    case '/circular.ack':
      return number === undefined ? ackNewestCommand(ctx, me) : ackCommand(ctx, me, number);
    case '/circular.status':
      return statusCommand(ctx, me, number);
    case '/circular.mine':
      return mineCommand(ctx, me);
    default:
      return null;
  }
}

/** The chat asked a question of this feature (pending kind 'circular'); this message may be its answer. Null: a new request instead. */
export async function answerCircular(_ctx: CommandContext, _me: Employee, _pending: Extract<Pending, { kind: 'circular' }>, _raw: string): Promise<Outcome | null> {
  // Circulars ask no questions: every problem is answered at once and nothing is half-sent.
  return null;
}

function isSender(ctx: CommandContext, me: Employee): boolean {
  return me.postKey !== null && policyOf(ctx).senderPosts.includes(me.postKey);
}

async function sendCommand(ctx: CommandContext, me: Employee, head: string, audienceText: string, body: string): Promise<Outcome> {
  const { deps, lang } = ctx;
  // Refused before anything is read or stored.
  if (!isSender(ctx, me)) return failed(ctx, 'CIRCULAR.NOT_ALLOWED');
  const files = ctx.inbound.attachments ?? [];
  const pdf = files[0];
  if (files.length > 1 || (pdf !== undefined && !isPdf(pdf.bytes))) return failed(ctx, 'CIRCULAR.ONLY_ONE_PDF');
  if (pdf !== undefined) {
    const checked = await checkUpload(deps, pdf);
    if (!checked.ok) return failed(ctx, checked.problem.code, checked.problem.params);
  }
  const split = splitDeadline(body, deps.clock.now());
  if (!split.ok) return failed(ctx, 'CIRCULAR.BAD_DEADLINE', { given: split.given });
  const audience = await resolveAudience(ctx, audienceText);
  if ('code' in audience) return failed(ctx, audience.code, audience.params);
  if (split.text === '' && pdf === undefined) return failed(ctx, 'CIRCULAR.EMPTY');

  const pdfBlob = pdf === undefined ? null : await deps.blobs.put(pdf.bytes);
  const notice = /^(notice|सूचना|suchna)$/i.test(head);
  const sent = await sendCircular(ctx.tx, deps.clock, {
    from: me, audience, text: split.text, notice, ackBy: split.ackBy, pdfBlob, policy: policyOf(ctx), office: deps.formats.office,
  });
  if (!sent.ok) return failed(ctx, sent.failure.code, sent.failure.params);
  const { circular, recipients, unreachable } = sent.value;
  const reply: Reply = {
    text: ctext('sent', lang, {
      number: circular.number, notice: notice ? 1 : 0, recipients, pdf: pdfBlob === null ? 0 : 1,
      ackBy: circular.ackBy === null ? '' : istDateTime(circular.ackBy),
      unreachable: unreachable.length === 0 ? '' : ctext('unreachable', lang, { count: unreachable.length, names: names(unreachable, lang, 10) }),
    }),
    buttons: [statusButton(circular.number, lang)],
    // A reply "status" to this confirmation asks for the circular's status.
    subject: { type: 'circular', id: circular.number },
  };
  return { queuedNotifications: true, replies: [reply] };
}

type AudienceProblem = { code: FailureCode; params: Record<string, string | number> };

async function resolveAudience(ctx: CommandContext, phrase: string): Promise<CircularAudience | AudienceProblem> {
  const text = phrase.trim();
  if (ALL.test(text)) return { kind: 'all' };
  const strip = (item: string) => item.trim().replace(ALL_PREFIX, '').trim();
  const explicitPosts = POSTS_PREFIX.exec(text);
  if (explicitPosts?.[1] !== undefined) {
    const keys: string[] = [];
    for (const item of explicitPosts[1].split(LIST_SPLIT).map(strip).filter(Boolean)) {
      const key = canonicalPost(item);
      if (key === null) return { code: 'CIRCULAR.UNKNOWN_POST', params: { name: item } };
      keys.push(key);
    }
    return { kind: 'posts', keys: [...new Set(keys)] };
  }
  const items = text.split(LIST_SPLIT).map(strip).filter(Boolean);
  const sections = await ctx.tx.sections.list();
  const codes = items.map((item) => matchSection(item, sections)?.code ?? null);
  if (codes.every((c) => c !== null)) return { kind: 'sections', codes: [...new Set(codes as string[])] };
  // Not sections: then posts, as in "सभी अनुमंडल पदाधिकारी" or "all SDOs".
  const keys = items.map((item) => canonicalPost(item));
  if (keys.every((k) => k !== null)) return { kind: 'posts', keys: [...new Set(keys as string[])] };
  const unknown = items[codes.findIndex((c) => c === null)] ?? text;
  return {
    code: 'CIRCULAR.UNKNOWN_SECTION',
    params: { name: unknown, sections: [...sections].sort((a, b) => a.code.localeCompare(b.code)).map((s) => `${s.code} — ${s.name}`).join('\n') },
  };
}

async function ackCommand(ctx: CommandContext, me: Employee, number: string, byReply = false): Promise<Outcome> {
  const circular = await ctx.tx.circulars.byNumber(number.toUpperCase());
  if (circular === null) return failed(ctx, 'CIRCULAR.NOT_FOUND', { number });
  // "ok" in reply to one's own confirmation or summary: the sender is told where it stands.
  if (byReply && circular.senderId === me.id) return statusCommand(ctx, me, circular.number);
  return acknowledge(ctx, me, circular, []);
}

async function ackNewestCommand(ctx: CommandContext, me: Employee): Promise<Outcome> {
  const open = await ctx.tx.circulars.unacknowledged(me.id, 6);
  const [newest, ...others] = open;
  if (newest === undefined) return say(ctext('nothingToAck', ctx.lang));
  return acknowledge(ctx, me, newest, others);
}

async function acknowledge(ctx: CommandContext, me: Employee, circular: Circular, others: Circular[]): Promise<Outcome> {
  const { lang } = ctx;
  const done = await acknowledgeCircular(ctx.tx, ctx.deps.clock, { employee: me, circular });
  if (!done.ok) return failed(ctx, done.failure.code, done.failure.params);
  const p = { number: circular.number, notice: noticeOf(circular), at: istDateTime(done.value.at) };
  const lines = [ctext(done.value.already ? 'alreadyAcked' : 'acked', lang, p)];
  if (others.length > 0) {
    // Counted exactly only when few: beyond five the list says "5+".
    const count = others.length >= 5 ? '5+' : others.length;
    lines.push(ctext('othersOpen', lang, { count, numbers: others.slice(0, 4).map((c) => c.number).join(', ') }));
  }
  return say(lines.join('\n'));
}

async function mineCommand(ctx: CommandContext, me: Employee): Promise<Outcome> {
  const { lang } = ctx;
  const open = await ctx.tx.circulars.unacknowledged(me.id, 10);
  if (open.length === 0) return say(ctext('nothingToAck', lang));
  const senders = new Map((await ctx.tx.employees.list()).map((e) => [e.id, e]));
  const lines = [ctext('mine', lang, { count: open.length === 10 ? '10+' : open.length })];
  for (const c of open) {
    const from = senders.get(c.senderId);
    const snippet = c.text.length > 80 ? `${c.text.slice(0, 80)}…` : c.text || 'PDF';
    lines.push(ctext('mineLine', lang, { number: c.number, from: from === undefined ? '' : `${from.name} (${from.post})`, snippet, ackBy: c.ackBy === null ? '' : istDateTime(c.ackBy) }));
  }
  const buttons: Button[] = open.slice(0, 5).map((c) => ({ label: `${ctext('btnAck', lang)} ${c.number}`, command: `/circular.ack ${c.number}` }));
  return { replies: [{ text: lines.join('\n'), buttons }] };
}

async function statusCommand(ctx: CommandContext, me: Employee, number: string | undefined): Promise<Outcome> {
  const circular = number === undefined
    ? ((await ctx.tx.circulars.listBySender(me.id, 1))[0] ?? null)
    : await ctx.tx.circulars.byNumber(number.toUpperCase());
  if (circular === null) return number === undefined ? failed(ctx, 'CIRCULAR.NONE_SENT') : failed(ctx, 'CIRCULAR.NOT_FOUND', { number });
  const status = await circularStatus(ctx.tx, { viewer: me, circular });
  if (!status.ok) return failed(ctx, status.failure.code, status.failure.params);
  return { replies: [{ text: statusText(status.value, ctx.lang), buttons: [statusButton(circular.number, ctx.lang)], subject: { type: 'circular', id: circular.number } }] };
}

function statusText(s: CircularStatus, lang: CommandContext['lang']): string {
  const c = s.circular;
  const lines = [ctext('status', lang, {
    number: c.number, notice: noticeOf(c), sender: s.sender === null ? '' : `${s.sender.name}, ${s.sender.post}`, sentAt: istDateTime(c.createdAt),
    ackBy: c.ackBy === null ? '' : istDateTime(c.ackBy), reminded: c.remindedAt === null ? 0 : 1,
    recipients: s.recipients, delivered: s.delivered, acknowledged: s.acknowledged,
  })];
  if (s.pending.length > 0) {
    lines.push(ctext('statusPending', lang, { count: s.pending.length }));
    for (const e of s.pending.slice(0, MAX_NAMES)) lines.push(`• ${e.name} (${e.post})`);
    if (s.pending.length > MAX_NAMES) lines.push(ctext('andMore', lang, { count: s.pending.length - MAX_NAMES }));
  }
  if (s.unreachable.length > 0) lines.push(ctext('statusUnreachable', lang, { count: s.unreachable.length, names: names(s.unreachable, lang, MAX_NAMES) }));
  if (s.pending.length === 0 && s.unreachable.length === 0) lines.push(ctext('statusAllAcked', lang));
  return lines.join('\n');
}

function names(people: readonly Employee[], lang: CommandContext['lang'], max: number): string {
  const shown = people.slice(0, max).map((e) => `${e.name} (${e.post})`).join(', ');
  return people.length > max ? `${shown} ${ctext('andMore', lang, { count: people.length - max })}` : shown;
}

const statusButton = (number: string, lang: CommandContext['lang']): Button => ({ label: ctext('btnStatus', lang), command: `/circular.status ${number}` });
