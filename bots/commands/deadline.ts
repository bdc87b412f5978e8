// Statutory deadlines in the chat: the proposal on a receipt whose words name one (RTI, lok
// shikayat, a High Court case…), its confirm / correct / not-statutory buttons, the typed
// "deadline 10-01-2027" / "समय-सीमा 10-01-2027" (also as a reply to the proposal or to any message
// about the letter), and the lines `status` and `my files` show ("RTI application: 12 days left").
// The counting and every change are the core's (core/deadlines/); this words them.
import { DEFAULT_DEADLINE_RULES, deadlineKind } from '../../core/deadlines/rules.ts';
import { dismissDeadline, proposeDeadlines, setDeadline, statusOf, type DeadlinePolicy, type Proposal } from '../../core/deadlines/statutory.ts';
import type { StatutoryDeadline } from '../../core/deadlines/statutory-types.ts';
import { datesInText } from '../../core/deadlines/text-dates.ts';
import type { EFile, Receipt } from '../../core/efile/types.ts';
import type { Clock, Tx } from '../../core/ports.ts';
import { notify } from '../../core/outbox/notify.ts';
import type { Employee, UiLanguage } from '../../core/types.ts';
import type { AssistantDeps, CommandContext, Outcome } from '../context.ts';
import { failureText } from '../messages/failures.ts';
import { dtext } from '../messages/deadline-texts.ts';
import type { Reply } from '../reply.ts';
import { updateChatState } from './conversation.ts';
import { resolveTarget } from './resolve.ts';
import { targetProblem } from './file.ts';

/** The office's deadline rules (DEADLINE_RULES_FILE, app/office-rules.ts) and its calendar. */
export function deadlinePolicyOf(deps: AssistantDeps): DeadlinePolicy {
  return { rules: deps.deadlineRules ?? DEFAULT_DEADLINE_RULES, calendar: deps.leavePolicy.calendar };
}

const say = (text: string): Outcome => ({ replies: [{ text }] });

/** What OCR read of the receipt's scans so far (empty until the background reader has been). */
async function scanTextOf(tx: Tx, receipt: Receipt): Promise<string> {
  const blobs = [receipt.pdfBlob, ...(await tx.receipts.originals(receipt.id)).map((o) => o.blob)];
  const texts: string[] = [];
  for (const blob of new Set(blobs)) {
    const read = await tx.scanTexts.byBlob(blob);
    if (read?.status === 'done' && read.text) texts.push(read.text);
  }
  return texts.join('\n');
}

async function proposalsFor(ctx: CommandContext, receipt: Receipt, caption: string | null = null): Promise<Proposal[]> {
  return proposeDeadlines(receipt, { caption, scanText: await scanTextOf(ctx.tx, receipt) }, deadlinePolicyOf(ctx.deps));
}

function kindParams(policy: DeadlinePolicy, key: string, lang: UiLanguage): Record<string, string | number> {
  const kind = deadlineKind(policy.rules, key);
  return {
    kindEn: kind?.en ?? key, kindHi: kind?.hi ?? key, counts: kind?.counts ?? '', period: kind?.period ?? '',
    source: kind === null ? '' : kind.source[lang],
  };
}

/** Days (and hours) left as the texts take them. */
function leftParams(row: StatutoryDeadline, now: Date): Record<string, string | number> {
  const status = statusOf(row, now);
  return { daysLeft: status.daysLeft, hoursLeft: status.hoursLeft, overdue: status.state === 'overdue' ? 1 : 0, dueDate: row.dueDate };
}

/** The proposal for a receipt, with its buttons; null when nothing is proposed or it was answered before. */
export async function proposalReply(ctx: CommandContext, receipt: Receipt, caption: string | null = null): Promise<Reply | null> {
  if ((await ctx.tx.deadlines.byReceipt(receipt.id)) !== null) return null;
  const first = (await proposalsFor(ctx, receipt, caption))[0];
  return first === undefined ? null : proposalOf(deadlinePolicyOf(ctx.deps), ctx.lang, receipt, first);
}

/** One proposal worded for a reader, with its confirm / correct / not-statutory buttons. */
function proposalOf(policy: DeadlinePolicy, lang: UiLanguage, receipt: Receipt, first: Proposal): Reply {
  const n = receipt.diaryNumber;
  const key = first.kind.key;
  const params = {
    ...kindParams(policy, key, lang), number: n, why: first.candidate.why.slice(0, 3).map((e) => `"${e.text}"`).join(', '),
    dueDate: first.deadline?.dueDate ?? '', stated: first.deadline?.statedDate ?? '',
  };
  const correct = { label: dtext('btnCorrect', lang), command: `/deadline.correct ${n} ${key}` };
  const dismiss = { label: dtext('btnDismiss', lang), command: `/deadline.dismiss ${n} ${key}` };
  if (first.deadline === null) return { text: dtext('proposalNeedsDate', lang, params), subject: { type: 'receipt', id: n }, buttons: [correct, dismiss] };
  const confirm = { label: dtext('btnConfirm', lang), command: `/deadline.confirm ${n} ${key}${first.deadline.statedDate ? ` ${first.deadline.statedDate}` : ''}` };
  return { text: dtext('proposal', lang, params), subject: { type: 'receipt', id: n }, buttons: [confirm, correct, dismiss] };
}

/**
 * Scan text read after the receipt was diarised (the background OCR reader, `blob` the receipt's
 * PDF): when it names a statutory kind that the subject did not, the receipt's holder (or its file's)
 * is sent the proposal with its buttons, in their language. Nothing when a deadline was already
 * confirmed, corrected or dismissed for it. Returns how many proposals were queued.
 */
export async function proposeFromScanText(tx: Tx, clock: Clock, policy: DeadlinePolicy, blob: string): Promise<number> {
  let queued = 0;
  for (const id of await tx.scanTexts.receiptsWithPdf(blob)) {
    const receipt = await tx.receipts.byId(id);
    if (receipt === null || (await tx.deadlines.byReceipt(receipt.id)) !== null) continue;
    const fromSubject = new Set(proposeDeadlines(receipt, {}, policy).map((p) => p.kind.key));
    const fresh = proposeDeadlines(receipt, { scanText: await scanTextOf(tx, receipt) }, policy).find((p) => !fromSubject.has(p.kind.key));
    if (fresh === undefined) continue;
    const file = receipt.fileId === null ? null : await tx.files.byId(receipt.fileId);
    const holder = await tx.employees.byId(file?.holderId ?? receipt.holderId);
    if (holder === null || !holder.active) continue;
    const reply = proposalOf(policy, holder.language, receipt, fresh);
    const text = `${dtext('readInScan', holder.language, { number: receipt.diaryNumber })}\n${reply.text}`;
    await notify(tx, clock, {
      employeeId: holder.id,
      notification: { kind: 'reply', params: {}, reply: { text, ...(reply.buttons !== undefined ? { buttons: reply.buttons } : {}) }, subject: { type: 'receipt', id: receipt.diaryNumber } },
    });
    queued += 1;
  }
  return queued;
}

async function receiptOr(ctx: CommandContext, number: string | undefined): Promise<Receipt | Outcome> {
  if (number === undefined) return say(dtext('whichReceipt', ctx.lang));
  const receipt = (await ctx.tx.receipts.byDiaryNumber(number.toUpperCase())) ?? (await ctx.tx.receipts.byDiaryNumber(number));
  return receipt ?? say(failureText('RECEIPT.NOT_FOUND', { number }, ctx.lang));
}

const isOutcome = (v: Receipt | Outcome): v is Outcome => 'replies' in v;

/** Confirms (or, with `dueDate`, corrects) the receipt's deadline and says so. */
async function record(ctx: CommandContext, me: Employee, receipt: Receipt, kind: string, options: { statedDate?: string | null; dueDate?: string | null }): Promise<Outcome> {
  const { lang } = ctx;
  const policy = deadlinePolicyOf(ctx.deps);
  const evidence = (await proposalsFor(ctx, receipt)).find((p) => p.kind.key === kind)?.candidate.why ?? [];
  const done = await setDeadline(ctx.tx, ctx.deps.clock, { actor: me, receipt, kind, policy, evidence, ...options });
  if (!done.ok) return say(failureText(done.failure.code, done.failure.params, lang));
  await updateChatState(ctx, (s) => ({ ...s, current: { target: 'receipt', number: receipt.diaryNumber } }));
  const file = done.value.fileId === null ? null : await ctx.tx.files.byId(done.value.fileId);
  const params = { ...kindParams(policy, kind, lang), ...leftParams(done.value, ctx.deps.clock.now()), number: file?.fileNumber ?? receipt.diaryNumber };
  return { replies: [{ text: dtext(done.value.corrected ? 'corrected' : 'confirmed', lang, params), subject: { type: 'receipt', id: receipt.diaryNumber } }] };
}

/** "/deadline.confirm <diary> <kind> [stated date]" */
export async function confirmButton(ctx: CommandContext, me: Employee, [number, kind, stated]: string[]): Promise<Outcome> {
  const receipt = await receiptOr(ctx, number);
  if (isOutcome(receipt)) return receipt;
  return record(ctx, me, receipt, kind ?? '', { statedDate: stated ?? null });
}

/** "/deadline.correct <diary> <kind>": asks for the date; the answer is "deadline DD-MM-YYYY" (or a reply with the date). */
export async function correctButton(ctx: CommandContext, _me: Employee, [number]: string[]): Promise<Outcome> {
  const receipt = await receiptOr(ctx, number);
  if (isOutcome(receipt)) return receipt;
  await updateChatState(ctx, (s) => ({ ...s, current: { target: 'receipt', number: receipt.diaryNumber } }));
  return { replies: [{ text: dtext('askDate', ctx.lang, { number: receipt.diaryNumber }), subject: { type: 'receipt', id: receipt.diaryNumber } }] };
}

/** "/deadline.dismiss <diary> <kind>": not statutory. */
export async function dismissButton(ctx: CommandContext, me: Employee, [number, kind]: string[]): Promise<Outcome> {
  const receipt = await receiptOr(ctx, number);
  if (isOutcome(receipt)) return receipt;
  const done = await dismissDeadline(ctx.tx, ctx.deps.clock, { actor: me, receipt, kind: kind ?? '', policy: deadlinePolicyOf(ctx.deps) });
  if (!done.ok) return say(failureText(done.failure.code, done.failure.params, ctx.lang));
  return say(dtext('dismissed', ctx.lang, { number: receipt.diaryNumber }));
}

/** "deadline …" / "समय-सीमा …" at the start of a message; what follows is the kind, the date, the letter's number, in any order. */
export const DEADLINE_WORD = /^\s*(?:deadline|due\s+date|समय[-\s]?सीमा|समयसीमा|अंतिम\s+तिथि|samay[-\s]?seema)(?=[\s:\-]|$)\s*[:\-]?\s*/i;
/** A message that is only a date (a reply to the proposal with the right date). */
const ONLY_A_DATE = /^\s*[\d०-९]{1,2}\s?[./-]\s?[\d०-९]{1,2}\s?[./-]\s?[\d०-९]{2,4}\s*$/;

/** The receipt a deadline command is about: named, replied to, current; a file stands for the receipt whose deadline it carries. */
async function receiptMeant(ctx: CommandContext): Promise<Receipt | Outcome> {
  const target = await resolveTarget(ctx);
  if (!target.ok) return target.reason === 'unknown' ? say(dtext('whichReceipt', ctx.lang)) : targetProblem(ctx, target);
  if (target.target.kind === 'receipt') return target.target.receipt;
  const file: EFile = target.target.file;
  const carried = (await ctx.tx.deadlines.forFiles([file.id])).find((d) => d.state === 'confirmed');
  const receipts = await ctx.tx.receipts.listByFile(file.id);
  const receipt = carried === undefined ? receipts[0] : receipts.find((r) => r.id === carried.receiptId);
  return receipt ?? say(dtext('noDeadline', ctx.lang, { number: file.fileNumber, kinds: kindKeys(ctx) }));
}

const kindKeys = (ctx: CommandContext): string => deadlinePolicyOf(ctx.deps).rules.kinds.map((k) => k.key).join(', ');

/**
 * Whether a message starting with the word is this command: the word alone, or with a date (digits),
 * a kind's key or a letter's number. "समय सीमा विस्तार हेतु आवेदन" — a subject, a note — is not.
 */
export function isDeadlineCommand(ctx: CommandContext, raw: string): boolean {
  if (!DEADLINE_WORD.test(raw)) return false;
  const rest = raw.replace(DEADLINE_WORD, '').trim();
  if (rest === '' || /[\d०-९]/.test(rest) || ctx.parse.entities.diaryNumber !== undefined || ctx.parse.entities.fileNumber !== undefined) return true;
  const rules = deadlinePolicyOf(ctx.deps).rules;
  return rest.split(/\s+/).some((w) => deadlineKind(rules, w) !== null);
}

/** "deadline [kind] [DD-MM-YYYY] [number]": records the date given (a correction), or shows the letter's deadline. */
export async function deadlineCommand(ctx: CommandContext, me: Employee, raw: string): Promise<Outcome> {
  const { lang } = ctx;
  const rest = raw.replace(DEADLINE_WORD, '');
  const named = [ctx.parse.entities.diaryNumber, ctx.parse.entities.fileNumber].filter((x): x is string => x !== undefined);
  const words = named.reduce((text, n) => text.split(n).join(' '), rest);
  const receipt = await receiptMeant(ctx);
  if (isOutcome(receipt)) return receipt;
  const policy = deadlinePolicyOf(ctx.deps);
  const kindWord = words.split(/\s+/).map((w) => w.toLowerCase()).find((w) => deadlineKind(policy.rules, w) !== null) ?? null;
  const date = datesInText(words, receipt.receivedOn)[0]?.date ?? null;
  // Digits that are not a real date (31-02-2027, 10-13-2027): said back, nothing changed.
  const notADate = words.split(/\s+/).filter((w) => /[\d०-९]/.test(w)).join(' ');
  if (date === null && notADate !== '') return say(failureText('DEADLINE.BAD_DATE', { date: notADate }, lang));
  if (date === null) return showDeadline(ctx, receipt);
  const existing = await ctx.tx.deadlines.byReceipt(receipt.id);
  const kind = kindWord ?? existing?.kind ?? (await proposalsFor(ctx, receipt))[0]?.kind.key ?? null;
  if (kind === null) return say(failureText('DEADLINE.NONE', { number: receipt.diaryNumber, kinds: kindKeys(ctx) }, lang));
  return record(ctx, me, receipt, kind, { dueDate: date });
}

/** A reply that is only a date, to a message about a letter with a deadline proposed or recorded: the corrected date. */
export async function dateReply(ctx: CommandContext, me: Employee, raw: string): Promise<Outcome | null> {
  if (ctx.inbound.replyToMessageId === undefined || !ONLY_A_DATE.test(raw)) return null;
  const receipt = await receiptMeant(ctx);
  if (isOutcome(receipt)) return null;
  const existing = await ctx.tx.deadlines.byReceipt(receipt.id);
  if (existing === null && (await proposalsFor(ctx, receipt)).length === 0) return null;
  return deadlineCommand(ctx, me, raw);
}

async function showDeadline(ctx: CommandContext, receipt: Receipt): Promise<Outcome> {
  const lines = await deadlineLines(ctx, { receipts: [receipt], files: [] });
  if (lines.text.length > 0) return { replies: [{ text: lines.text.join('\n'), subject: { type: 'receipt', id: receipt.diaryNumber }, ...(lines.buttons.length > 0 ? { buttons: lines.buttons } : {}) }] };
  return say(dtext('noDeadline', ctx.lang, { number: receipt.diaryNumber, kinds: kindKeys(ctx) }));
}

/**
 * The deadline lines `status` shows: each confirmed deadline with its days left, and — for a loose
 * receipt with nothing answered yet — the proposal, with its buttons, to confirm it now.
 */
export async function deadlineLines(ctx: CommandContext, of: { receipts: Receipt[]; files: EFile[] }): Promise<{ text: string[]; buttons: { label: string; command: string }[] }> {
  const { lang } = ctx;
  const policy = deadlinePolicyOf(ctx.deps);
  const now = ctx.deps.clock.now();
  const rows = [
    ...(await ctx.tx.deadlines.forReceipts(of.receipts.map((r) => r.id))),
    ...(await ctx.tx.deadlines.forFiles(of.files.map((f) => f.id))),
  ];
  const seen = new Set<number>();
  const text: string[] = [];
  for (const row of rows) {
    if (seen.has(row.id) || row.state !== 'confirmed') continue;
    seen.add(row.id);
    text.push(dtext('line', lang, { ...kindParams(policy, row.kind, lang), ...leftParams(row, now) }));
  }
  const buttons: { label: string; command: string }[] = [];
  for (const receipt of of.receipts) {
    if (rows.some((r) => r.receiptId === receipt.id)) continue;
    const proposal = await proposalReply(ctx, receipt);
    if (proposal === null) continue;
    const first = (await proposalsFor(ctx, receipt))[0];
    if (first?.deadline) text.push(dtext('pendingLine', lang, { ...kindParams(policy, first.kind.key, lang), dueDate: first.deadline.dueDate }));
    else text.push(proposal.text);
    buttons.push(...(proposal.buttons ?? []));
  }
  return { text, buttons };
}

/** "RTI application: 12 days left" for each file and receipt in the employee's hands that carries a confirmed deadline, by number. */
export async function heldDeadlines(ctx: CommandContext, me: Employee, limit: number): Promise<Map<string, string>> {
  const { lang, tx } = ctx;
  const policy = deadlinePolicyOf(ctx.deps);
  const now = ctx.deps.clock.now();
  const files = await tx.files.listByHolder(me.id, ['open', 'parked'], limit);
  const receipts = await tx.receipts.listByHolder(me.id, ['open'], limit);
  const out = new Map<string, string>();
  const put = (number: string, row: StatutoryDeadline) => {
    if (row.state !== 'confirmed') return;
    const line = dtext('shortLine', lang, { ...kindParams(policy, row.kind, lang), ...leftParams(row, now), kindShort: kindParams(policy, row.kind, lang)[lang === 'hi' ? 'kindHi' : 'kindEn'] ?? row.kind });
    out.set(number, out.has(number) ? `${out.get(number)}; ${line}` : line);
  };
  for (const row of await tx.deadlines.forFiles(files.map((f) => f.id))) {
    const file = files.find((f) => f.id === row.fileId);
    if (file !== undefined) put(file.fileNumber, row);
  }
  for (const row of await tx.deadlines.forReceipts(receipts.map((r) => r.id))) {
    const receipt = receipts.find((r) => r.id === row.receiptId);
    if (receipt !== undefined && receipt.fileId === null) put(receipt.diaryNumber, row);
  }
  return out;
}
