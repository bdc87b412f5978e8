// Turning what the user wrote into the file and the person they mean: numbers first, then the
// message they replied to, then the file they were working on; people by code, post or name.
import JaroWinkler from 'natural/lib/natural/distance/jaro-winkler_distance.js';
import type { Employee } from '../../core/types.ts';
import type { EFile, Receipt } from '../../core/efile/types.ts';
import { itemsInHandPage } from '../../core/efile/queries.ts';
import { findByCode } from '../../core/staff/link-account.ts';
import type { Addressee } from '../language/index.ts';
import type { CommandContext } from '../context.ts';
import { chatState, repliedTo } from './conversation.ts';

export type Target = { kind: 'file'; file: EFile } | { kind: 'receipt'; receipt: Receipt };

export type TargetResult =
  | { ok: true; target: Target }
  | { ok: false; reason: 'not_found_file' | 'not_found_receipt'; number: string }
  | { ok: false; reason: 'unknown' };

export async function findTarget(ctx: CommandContext, number: string, kind: 'file' | 'receipt'): Promise<TargetResult> {
  if (kind === 'file') {
    const file = (await ctx.tx.files.byNumber(number.toUpperCase())) ?? (await ctx.tx.files.byNumber(number));
    return file === null ? { ok: false, reason: 'not_found_file', number } : { ok: true, target: { kind: 'file', file } };
  }
  const receipt = (await ctx.tx.receipts.byDiaryNumber(number.toUpperCase())) ?? (await ctx.tx.receipts.byDiaryNumber(number));
  return receipt === null ? { ok: false, reason: 'not_found_receipt', number } : { ok: true, target: { kind: 'receipt', receipt } };
}

/** The file or receipt a message is about. */
export async function resolveTarget(ctx: CommandContext): Promise<TargetResult> {
  const { entities } = ctx.parse;
  if (entities.fileNumber) return findTarget(ctx, entities.fileNumber, 'file');
  if (entities.diaryNumber) return findTarget(ctx, entities.diaryNumber, 'receipt');
  if (ctx.inbound.replyToMessageId !== undefined) {
    const sent = await repliedTo(ctx);
    if (sent?.subjectId != null && (sent.subjectType === 'file' || sent.subjectType === 'receipt')) {
      return findTarget(ctx, sent.subjectId, sent.subjectType);
    }
    // A reply to a bot message about something else (or nothing): never guess a file for it.
    if (sent !== null) return { ok: false, reason: 'unknown' };
  }
  const current = (await chatState(ctx)).current;
  if (current !== undefined) return findTarget(ctx, current.number, current.target);
  if (ctx.employee !== null) {
    const held = await itemsInHandPage(ctx.tx, ctx.employee, 2);
    const only = held.total === 1 ? held.items[0] : undefined;
    if (only !== undefined) return findTarget(ctx, only.number, only.kind);
  }
  return { ok: false, reason: 'unknown' };
}

export type PersonResult =
  | { kind: 'one'; employee: Employee }
  | { kind: 'many'; candidates: Employee[] }
  | { kind: 'none'; query: string };

const HONORIFICS = /^(shri|sri|smt|mr|ms|mrs|dr|श्री|श्रीमती|सुश्री|डॉ)\.?\s+/i;
const normalName = (s: string) => s.normalize('NFC').toLowerCase().replace(/[.,]/g, ' ').replace(/\s+/g, ' ').trim().replace(HONORIFICS, '');

/** How alike two names are: the whole name, or the best single-word match for one-word queries. */
function nameScore(query: string, name: string): number {
  const q = normalName(query);
  const n = normalName(name);
  const whole = JaroWinkler(q, n, { ignoreCase: true });
  if (q.includes(' ')) return whole;
  return Math.max(whole, ...n.split(' ').map((part) => JaroWinkler(q, part, { ignoreCase: true }) - 0.02));
}

const NAME_THRESHOLD = 0.88;
const TIE_MARGIN = 0.03;

/** The person meant, by code, post (preferring the sender's own chain of officers) or fuzzy name. */
export async function resolvePerson(ctx: CommandContext, me: Employee, addressee: Addressee | undefined, raw: string): Promise<PersonResult> {
  const query = addressee?.code ?? addressee?.name ?? addressee?.post ?? raw;
  if (addressee?.code) {
    const found = await findByCode(ctx.tx, addressee.code);
    return found === null ? { kind: 'none', query } : { kind: 'one', employee: found };
  }
  if (addressee?.post) {
    // The post's holders only (one query), not the whole staff list.
    const holders = (await ctx.tx.employees.withPost(addressee.post, { activeOnly: true })).filter((e) => e.id !== me.id);
    if (holders.length === 1 && holders[0] !== undefined) return { kind: 'one', employee: holders[0] };
    if (holders.length > 1) {
      const chain = await officerChain(ctx, me);
      const mine = holders.filter((e) => chain.has(e.id) || e.sectionId === me.sectionId);
      if (mine.length === 1 && mine[0] !== undefined) return { kind: 'one', employee: mine[0] };
      return { kind: 'many', candidates: (mine.length > 1 ? mine : holders).slice(0, 8) };
    }
    if (!addressee.name) return { kind: 'none', query };
  }
  const name = addressee?.name ?? raw;
  if (name.trim() === '') return { kind: 'none', query };
  // A name may be misspelt, so every active name is scored (listing them is one prepared statement).
  const staff = (await ctx.tx.employees.list({ activeOnly: true })).filter((e) => e.id !== me.id);
  const scored = staff.map((e) => ({ e, score: nameScore(name, e.name) })).filter((s) => s.score >= NAME_THRESHOLD)
    .sort((a, b) => b.score - a.score);
  const best = scored[0];
  if (best === undefined) return { kind: 'none', query: name };
  const close = scored.filter((s) => best.score - s.score < TIE_MARGIN);
  return close.length === 1 ? { kind: 'one', employee: best.e } : { kind: 'many', candidates: close.slice(0, 8).map((s) => s.e) };
}

async function officerChain(ctx: CommandContext, me: Employee): Promise<Set<number>> {
  const chain = new Set<number>();
  let next = me.reportingOfficerId;
  while (next !== null && !chain.has(next) && chain.size < 20) {
    chain.add(next);
    next = (await ctx.tx.employees.byId(next))?.reportingOfficerId ?? null;
  }
  return chain;
}
