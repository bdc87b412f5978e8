// Where is it, what is with me, what did I send, find it, and the file as a PDF note sheet.
import { ageInDays, findTracked, itemsInHandPage, noteSheetOf, sentItems, type TrailEntry } from '../../core/efile/queries.ts';
import type { Employee, UiLanguage } from '../../core/types.ts';
import { canSeeFile, canSeeReceipt } from '../../core/efile/guards.ts';
import { findByScanText } from '../../core/efile/find-by-scan-text.ts';
import { ltext } from '../messages/leave-texts.ts';
import { istDateTime } from '../../core/time.ts';
import { officeOf, type CommandContext, type Outcome } from '../context.ts';
import { failureText } from '../messages/failures.ts';
import { etext } from '../messages/efile-texts.ts';
import { deadlineLines, heldDeadlines } from './deadline.ts';
import type { Reply } from '../reply.ts';

const person = (e: Employee | null) => (e === null ? '—' : `${e.name} (${e.post})`);

const ACTIONS: Record<TrailEntry['action'], [string, string]> = {
  created: ['दर्ज/खोली गई', 'opened'], forwarded: ['भेजी गई', 'forwarded'], approved: ['स्वीकृत', 'approved'], returned: ['वापस', 'returned'],
  parked: ['रोकी गई', 'parked'], unparked: ['फिर चालू', 'resumed'], closed: ['बंद', 'closed'], reopened: ['फिर खोली गई', 'reopened'], attached: ['संलग्न', 'attached'],
  // A movement helper C's pull back writes (issue 20 item 2), worded here so the trail can show it.
  pulled_back: ['वापस ली गई', 'pulled back'],
};
const STATUS: Record<string, [string, string]> = {
  open: ['चालू', 'open'], parked: ['रोकी गई', 'parked'], closed: ['बंद', 'closed'], filed: ['संचिका में', 'in a file'],
};
const word = (table: Record<string, [string, string]>, key: string, lang: UiLanguage) => table[key]?.[lang === 'hi' ? 0 : 1] ?? key;

function trailText(trail: TrailEntry[], lang: UiLanguage): string {
  return trail.slice(-15).map((t) => etext('trailLine', lang, {
    at: istDateTime(t.at), from: t.from?.name ?? '—', to: t.to?.name ?? '—', action: word(ACTIONS, t.action, lang), remark: t.remark ?? '',
  })).join('\n');
}

/** The statutory deadline's days left (or the proposal still to confirm, with its buttons) under a status reply. */
async function withDeadline(ctx: CommandContext, of: Parameters<typeof deadlineLines>[1], outcome: Outcome): Promise<Outcome> {
  const lines = await deadlineLines(ctx, of);
  const [first, ...rest] = outcome.replies;
  if (first === undefined || lines.text.length === 0) return outcome;
  const reply: Reply = { ...first, text: [first.text, ...lines.text].join('\n'), buttons: [...(first.buttons ?? []), ...lines.buttons] };
  return { ...outcome, replies: [reply, ...rest] };
}

export async function statusCommand(ctx: CommandContext, number: string | undefined): Promise<Outcome> {
  const { lang } = ctx;
  if (number === undefined) return { replies: [{ text: etext('whatNumber', lang) }] };
  const found = await findTracked(ctx.tx, number);
  if (found === null) {
    const code = /\/R\//i.test(number) ? 'RECEIPT.NOT_FOUND' : 'FILE.NOT_FOUND';
    return { replies: [{ text: failureText(code, { number }, lang) }] };
  }
  const me = ctx.employee;
  const visible = me === null ? false : found.kind === 'file' ? await canSeeFile(ctx.tx, me, found.file) : await canSeeReceipt(ctx.tx, me, found.receipt);
  if (!visible) {
    const number = found.kind === 'file' ? found.file.fileNumber : found.receipt.diaryNumber;
    // A receipt in a file is where its file is.
    const holder = found.kind === 'receipt' && found.file !== null ? await ctx.tx.employees.byId(found.file.holderId) : found.holder;
    return { replies: [{ text: failureText('FILE.NOT_VISIBLE', { number, holder: person(holder) }, lang) }] };
  }
  if (found.kind === 'file') {
    const { file } = found;
    return withDeadline(ctx, { files: [file], receipts: [] }, {
      replies: [{
        text: etext('statusFile', lang, {
          number: file.fileNumber, subject: file.subject, status: word(STATUS, file.status, lang), holder: person(found.holder),
          since: istDateTime(file.movedAt), notes: found.notes, receipts: found.receipts.length, trail: trailText(found.trail, lang),
        }),
        subject: { type: 'file', id: file.fileNumber },
        buttons: [{ label: etext('btnNoteSheet', lang), command: `/file.sheet ${file.fileNumber}` }],
      }],
    });
  }
  const { receipt, file } = found;
  if (file !== null) {
    // Its holder was the clerk who put it in the file; the file has moved on since, and the receipt with it.
    const fileHolder = await ctx.tx.employees.byId(file.holderId);
    return withDeadline(ctx, { files: [], receipts: [receipt] }, {
      replies: [{
        text: etext('statusReceiptFiled', lang, {
          number: receipt.diaryNumber, subject: receipt.subject, file: file.fileNumber, holder: person(fileHolder),
          since: istDateTime(file.movedAt), status: word(STATUS, file.status, lang), trail: trailText(found.trail, lang),
        }),
        subject: { type: 'receipt', id: receipt.diaryNumber },
      }],
    });
  }
  return withDeadline(ctx, { files: [], receipts: [receipt] }, {
    replies: [{
      text: etext('statusReceipt', lang, {
        number: receipt.diaryNumber, subject: receipt.subject, holder: person(found.holder), since: istDateTime(receipt.movedAt),
        file: found.file?.fileNumber ?? '', trail: trailText(found.trail, lang),
      }),
      subject: { type: 'receipt', id: receipt.diaryNumber },
    }],
  });
}

/** Items listed in "what is with me" (the header gives the full count). */
const IN_HAND_SHOWN = 30;

export async function myItemsCommand(ctx: CommandContext, me: Employee): Promise<Outcome> {
  const { lang, tx } = ctx;
  const { items, total } = await itemsInHandPage(tx, me, IN_HAND_SHOWN);
  // Leave, tour programmes and TA claims waiting for this officer's decision.
  const awaiting: string[] = [];
  const name = async (id: number) => (await tx.employees.byId(id))?.name ?? '';
  for (const l of await tx.leave.listByHolder(me.id, ['pending'])) awaiting.push(ltext('awaitingLine', lang, { number: l.number, who: await name(l.employeeId), what: `${l.type} ${l.startDate.split('-').reverse().join('-')} (${l.days})` }));
  for (const t of await tx.tours.listByHolder(me.id, ['pending'])) awaiting.push(ltext('awaitingLine', lang, { number: t.number, who: await name(t.employeeId), what: t.destinations.join(', ') }));
  for (const c of await tx.taClaims.listByHolder(me.id, ['pending'])) awaiting.push(ltext('awaitingLine', lang, { number: c.number, who: await name(c.employeeId), what: `₹${c.total}` }));
  const awaitingText = awaiting.length === 0 ? [] : [ltext('awaitingHeader', lang, { count: awaiting.length }), ...awaiting];
  if (items.length === 0) return { replies: [{ text: awaitingText.length > 0 ? awaitingText.join('\n') : etext('nothingInHand', lang) }] };
  const now = ctx.deps.clock.now();
  // A statutory deadline under its letter or file: "⏳ RTI application: 12 days left".
  const deadlines = await heldDeadlines(ctx, me, IN_HAND_SHOWN);
  const lines = items.map((i) => etext('inHandLine', lang, {
    number: i.number, subject: i.subject, days: ageInDays(i.since, now), parked: i.parked ? 1 : 0,
  }) + (deadlines.has(i.number) ? `\n   ${deadlines.get(i.number)}` : ''));
  return { replies: [{ text: [etext('inHandHeader', lang, { count: total }), ...lines, ...awaitingText].join('\n') }] };
}

export async function sentCommand(ctx: CommandContext, me: Employee): Promise<Outcome> {
  const { lang } = ctx;
  const items = await sentItems(ctx.tx, me, 10);
  if (items.length === 0) return { replies: [{ text: etext('nothingSent', lang) }] };
  return {
    replies: [{
      text: items.map((i) => etext('sentLine', lang, {
        number: i.number, subject: i.subject, to: i.sentTo?.name ?? '—', at: istDateTime(i.sentAt), holder: person(i.holder), status: word(STATUS, i.status, lang),
      })).join('\n'),
    }],
  };
}

export async function searchCommand(ctx: CommandContext, query: string | undefined): Promise<Outcome> {
  const { lang } = ctx;
  const words = (query ?? '').split(/\s+/).map((w) => w.trim()).filter((w) => w.length > 0).slice(0, 6);
  if (words.length === 0) return { replies: [{ text: etext('searchNeedsWords', lang) }] };
  const me = ctx.employee;
  if (me === null) return { replies: [{ text: etext('searchNeedsWords', lang) }] };
  // Only what the searcher may read is listed (search more, then keep the visible ones).
  const files = [];
  for (const f of await ctx.tx.files.search(words, 40)) if (files.length < 10 && (await canSeeFile(ctx.tx, me, f))) files.push(f);
  const receipts = [];
  for (const r of await ctx.tx.receipts.search(words, 40)) if (receipts.length < 10 && (await canSeeReceipt(ctx.tx, me, r))) receipts.push(r);
  // Letters found by what their scans say (OCR text), after those found by number, subject or sender.
  const byText = await findByScanText(ctx.tx, { viewer: me, words, limit: 10, exclude: new Set(receipts.map((r) => r.id)) });
  const off = ctx.deps.scanSearch?.available === true ? [] : [etext('scanSearchOff', lang)];
  const q = words.join(' ');
  if (files.length + receipts.length + byText.length === 0) return { replies: [{ text: [etext('searchNone', lang, { query: q }), ...off].join('\n') }] };
  const lines = [
    ...files.map((f) => `📁 ${f.fileNumber} — ${f.subject} (${word(STATUS, f.status, lang)})`),
    ...receipts.map((r) => `📨 ${r.diaryNumber} — ${r.subject}${r.fromWhom ? ` — ${r.fromWhom}` : ''}`),
    ...byText.map((h) => `📄 ${h.receipt.diaryNumber} — ${h.receipt.subject}${h.file ? ` (📁 ${h.file.fileNumber})` : ''} — ${etext('foundInScan', lang)}`),
  ];
  return { replies: [{ text: [etext('searchHeader', lang, { query: q, count: lines.length }), ...lines, ...off].join('\n') }] };
}

/** `file EST-12/2026`: the note sheet as a PDF document. */
export async function noteSheetCommand(ctx: CommandContext, number: string): Promise<Outcome> {
  const { lang } = ctx;
  const file = (await ctx.tx.files.byNumber(number.toUpperCase())) ?? (await ctx.tx.files.byNumber(number));
  if (file === null) return { replies: [{ text: failureText('FILE.NOT_FOUND', { number }, lang) }] };
  if (ctx.employee === null || !(await canSeeFile(ctx.tx, ctx.employee, file))) {
    const holder = await ctx.tx.employees.byId(file.holderId);
    return { replies: [{ text: failureText('FILE.NOT_VISIBLE', { number: file.fileNumber, holder: person(holder) }, lang) }] };
  }
  const sheet = await noteSheetOf(ctx.tx, file, ctx.deps.clock.now(), officeOf(ctx.deps).name, officeOf(ctx.deps).numbers);
  const pdf = await ctx.deps.renderer.noteSheet(sheet);
  return {
    replies: [{
      text: etext('noteSheetCaption', lang, { number: file.fileNumber }),
      document: { filename: `${file.fileNumber.replace(/[^\w-]+/g, '_')}-notesheet.pdf`, mime: 'application/pdf', base64: Buffer.from(pdf).toString('base64') },
      subject: { type: 'file', id: file.fileNumber },
    }],
  };
}
