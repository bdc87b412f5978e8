// Who each row reports to, and whether the hierarchy that results still holds: no one reporting
// to themselves, no officer whose own row failed, and every chain ending at the top (the Collector).
import type { Employee } from '../types.ts';
import { alive, reject, type Draft } from './roll-draft.ts';
import { nameKey, textKey } from './roll-values.ts';

export interface OfficerContext {
  drafts: Draft[];
  /** Employee code → index of its first row in the file (later rows with that code are duplicates). */
  codeOwner: ReadonlyMap<string, number>;
  existingByCode: ReadonlyMap<string, Employee>;
  codeById: ReadonlyMap<number, string>;
  canonicalPost?: ((post: string) => string | null) | undefined;
}

function storedOfficer(ctx: OfficerContext, employee: Employee | null | undefined): string | null {
  if (!employee || employee.reportingOfficerId === null) return null;
  return ctx.codeById.get(employee.reportingOfficerId) ?? null;
}

/**
 * Name + post → employee codes, over the people the roll will hold: this file's rows (one per
 * code, accepted or not, so that a rejected officer is reported as such rather than as unknown)
 * and active staff already stored who are not in the file.
 */
function nameIndex(ctx: OfficerContext): Map<string, Set<string>> {
  const index = new Map<string, Set<string>>();
  const add = (name: string, post: string, code: string): void => {
    if (name === '' || post === '') return;
    const key = matchKey(ctx, name, post);
    index.set(key, (index.get(key) ?? new Set()).add(code));
  };
  for (const [code, i] of ctx.codeOwner) {
    const d = ctx.drafts[i];
    if (d) add(d.name, d.post, code);
  }
  for (const [code, e] of ctx.existingByCode) if (!ctx.codeOwner.has(code) && e.active) add(e.name, e.post, code);
  return index;
}

function matchKey(ctx: OfficerContext, name: string, post: string): string {
  // Posts compare by their canonical key when one is known ('उप विकास आयुक्त' = 'DDC'), else as text.
  return `${nameKey(name)}\u0000${ctx.canonicalPost?.(post) ?? `text:${textKey(post)}`}`;
}

export function resolveOfficers(ctx: OfficerContext): void {
  const index = nameIndex(ctx);
  for (const d of ctx.drafts) {
    if (!alive(d)) continue;
    const ref = d.officerRef;
    if (ref.kind === 'keep') d.officer = storedOfficer(ctx, d.existing);
    if (ref.kind === 'none') d.officer = null;
    if (ref.kind !== 'code' && ref.kind !== 'name') continue;
    let target: string;
    if (ref.kind === 'code') target = ref.code;
    else {
      const codes = [...(index.get(matchKey(ctx, ref.name, ref.post)) ?? [])].sort();
      if (codes.length === 0) { reject(d, 'ROLL.OFFICER_UNKNOWN', { name: ref.name, post: ref.post }); continue; }
      if (codes.length > 1) { reject(d, 'ROLL.OFFICER_AMBIGUOUS', { name: ref.name, post: ref.post, codes: codes.join(', ') }); continue; }
      target = codes[0] ?? '';
    }
    if (target === d.code) { reject(d, 'ROLL.OFFICER_SELF'); continue; }
    const owner = ctx.codeOwner.get(target);
    const existing = ctx.existingByCode.get(target);
    if (owner === undefined && !existing) { reject(d, 'ROLL.OFFICER_UNKNOWN', { code: target }); continue; }
    if (existing && !existing.active) { reject(d, 'ROLL.OFFICER_INACTIVE', { code: target }); continue; }
    d.officer = target;
    if (owner !== undefined) d.officerRow = owner;
  }
}

/**
 * Rejections spread until nothing moves: a row whose officer's row failed fails too; a row waiting
 * for a mobile that stays with someone whose row failed fails; and every row whose chain of
 * officers (this file's answer where the row is accepted, the stored one otherwise) returns to it
 * is part of a cycle. Each pass can only reject, so it ends.
 */
export function settleHierarchy(ctx: OfficerContext): void {
  const { drafts } = ctx;
  const officerOf = (code: string): string | null => {
    const owner = ctx.codeOwner.get(code);
    const row = owner === undefined ? undefined : drafts[owner];
    if (row && alive(row)) return row.officer ?? null;
    return storedOfficer(ctx, ctx.existingByCode.get(code));
  };
  const cycleFrom = (d: Draft): string[] | null => {
    if (d.code === null) return null;
    const path = [d.code];
    const seen = new Set(path);
    for (let c = d.officer ?? null; c !== null; c = officerOf(c)) {
      path.push(c);
      if (c === d.code) return path;
      if (seen.has(c)) return null; // leads into someone else's cycle; theirs is reported on their rows
      seen.add(c);
    }
    return null;
  };

  for (let moved = true; moved;) {
    moved = false;
    for (const d of drafts) {
      if (!alive(d)) continue;
      const officerRow = d.officerRow === undefined ? undefined : drafts[d.officerRow];
      const holderRow = d.mobileHolderRow === undefined ? undefined : drafts[d.mobileHolderRow];
      if (officerRow && !alive(officerRow)) {
        reject(d, 'ROLL.OFFICER_REJECTED', { code: officerRow.code ?? '', line: officerRow.line });
        moved = true;
      } else if (holderRow && !alive(holderRow)) {
        reject(d, 'ROLL.MOBILE_TAKEN', { code: holderRow.code ?? '' });
        moved = true;
      }
    }
    const cycles = drafts.filter(alive).map((d) => [d, cycleFrom(d)] as const);
    for (const [d, path] of cycles) {
      if (path === null) continue;
      reject(d, 'ROLL.OFFICER_CYCLE', { path: path.join(' → ') });
      moved = true;
    }
  }
}
