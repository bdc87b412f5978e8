// Yellow notes over chat (core/efile/drafts.ts): "draft: …" / "मसौदा टिप्पणी: …" writes one; the
// file's holder corrects it by replying to it (or "draft 3: …"), discards it, or confirms it with a
// button — as a green note, or as an approval that goes through the same OTP signing as any.
import { awaitSignature, confirmDraft, confirmDraftAsDecision, discardDraft, draftsOf, editDraft, writeDraft, canSeeDraft } from '../../core/efile/drafts.ts';
import type { DraftNote } from '../../core/efile/draft-types.ts';
import type { Decision } from '../../core/efile/types.ts';
import type { Employee } from '../../core/types.ts';
import { requiresSignature } from '../../core/signing/sign-policy.ts';
import type { CommandContext, Outcome } from '../context.ts';
import { failureText } from '../messages/failures.ts';
import { etext } from '../messages/efile-texts.ts';
import { draftButtons, dtext } from '../messages/efile-depth-texts.ts';
import { chatState, updateChatState } from './conversation.ts';
import { failed, targetProblem } from './file.ts';
import { findTarget, resolveTarget } from './resolve.ts';
import { beginSigning } from './sign.ts';

const say = (text: string): Outcome => ({ replies: [{ text }] });
const who = (e: Employee | null) => (e === null ? '—' : `${e.name} (${e.post})`);

/** The draft by its number, if the viewer may see it (its writer or the file's holder). */
async function visibleDraft(ctx: CommandContext, me: Employee, id: number): Promise<DraftNote | Outcome> {
  const draft = Number.isSafeInteger(id) ? await ctx.tx.drafts.byId(id) : null;
  const file = draft === null ? null : await ctx.tx.files.byId(draft.fileId);
  if (draft === null || file === null || !canSeeDraft(me, draft, file)) return say(failureText('DRAFT.NOT_FOUND', { id }, ctx.lang));
  return draft;
}

const isOutcome = (x: DraftNote | Outcome): x is Outcome => 'replies' in x;

/** "draft [FILE]: text": on the named file, or the one the chat is working on. */
export async function writeDraftCommand(ctx: CommandContext, me: Employee, number: string | undefined, text: string): Promise<Outcome> {
  // No number, no reply, no file being worked on: the file this chat has just sent up, before any
  // guess from what is in hand (the core checks that the forward to the reporting officer is still
  // the file's last movement, so a draft never lands on a file that has moved on).
  const state = await chatState(ctx);
  const unnamed = number === undefined && ctx.inbound.replyToMessageId === undefined && state.current === undefined;
  const target = unnamed && state.lastSent !== undefined
    ? await findTarget(ctx, state.lastSent.number, 'file')
    : number === undefined ? await resolveTarget(ctx) : await findTarget(ctx, number, 'file');
  if (!target.ok) return target.reason === 'unknown' ? say(dtext('draftWhichFile', ctx.lang)) : targetProblem(ctx, target);
  if (target.target.kind !== 'file') return say(dtext('draftWhichFile', ctx.lang));
  const file = target.target.file;
  const done = await writeDraft(ctx.tx, ctx.deps.clock, { actor: me, file, text });
  if (!done.ok) return failed(ctx, done);
  const { draft, holder } = done.value;
  const mine = file.holderId === me.id;
  if (mine) await updateChatState(ctx, (s) => ({ ...s, current: { target: 'file', number: file.fileNumber } }));
  return {
    replies: [{
      text: dtext('draftWritten', ctx.lang, { id: draft.id, number: file.fileNumber, toHolder: mine ? '' : 'yes', holder: who(holder) }),
      subject: { type: 'draft', id: String(draft.id) },
      ...(mine ? { buttons: draftButtons(draft.id, ctx.lang) } : {}),
    }],
    queuedNotifications: !mine,
  };
}

/** The holder's corrected text: a reply to the draft, or "draft 3: …". */
export async function editDraftCommand(ctx: CommandContext, me: Employee, id: number, text: string): Promise<Outcome> {
  const found = await visibleDraft(ctx, me, id);
  if (isOutcome(found)) return found;
  const done = await editDraft(ctx.tx, ctx.deps.clock, { actor: me, draft: found, text });
  if (!done.ok) return failed(ctx, done);
  return {
    replies: [{
      text: dtext('draftEdited', ctx.lang, { id, number: done.value.file.fileNumber, text: done.value.draft.text }),
      subject: { type: 'draft', id: String(id) }, buttons: draftButtons(id, ctx.lang),
    }],
    queuedNotifications: done.value.draft.authorId !== me.id,
  };
}

export async function discardDraftCommand(ctx: CommandContext, me: Employee, id: number): Promise<Outcome> {
  const found = await visibleDraft(ctx, me, id);
  if (isOutcome(found)) return found;
  const done = await discardDraft(ctx.tx, ctx.deps.clock, { actor: me, draft: found });
  if (!done.ok) return failed(ctx, done);
  return { replies: [{ text: dtext('draftDiscarded', ctx.lang, { id, number: done.value.file.fileNumber }) }], queuedNotifications: true };
}

/** Confirmed as a green note, in the holder's name. */
export async function confirmDraftCommand(ctx: CommandContext, me: Employee, id: number): Promise<Outcome> {
  const found = await visibleDraft(ctx, me, id);
  if (isOutcome(found)) return found;
  const done = await confirmDraft(ctx.tx, ctx.deps.clock, { actor: me, draft: found });
  if (!done.ok) return failed(ctx, done);
  await updateChatState(ctx, (s) => ({ ...s, current: { target: 'file', number: done.value.file.fileNumber } }));
  return { replies: [{ text: dtext('draftConfirmed', ctx.lang, { id, number: done.value.file.fileNumber, note: done.value.note.number }) }], queuedNotifications: true };
}

/**
 * Confirmed as a decision, the draft's text its remark. Where the holder's decisions are signed,
 * the same consent and OTP as any decision (commands/sign.ts) come first; the signed decision's note
 * confirms the draft (core/efile/draft-settle.ts).
 */
export async function confirmDraftDecisionCommand(ctx: CommandContext, me: Employee, id: number, decision: Decision): Promise<Outcome> {
  const found = await visibleDraft(ctx, me, id);
  if (isOutcome(found)) return found;
  if (requiresSignature(ctx.deps.signPolicy, me, decision === 'approve' ? 'file.approve' : 'file.return')) {
    const waiting = await awaitSignature(ctx.tx, ctx.deps.clock, { actor: me, draft: found });
    if (!waiting.ok) return failed(ctx, waiting);
    return beginSigning(ctx, me, waiting.value.file, decision, waiting.value.draft.text);
  }
  const done = await confirmDraftAsDecision(ctx.tx, ctx.deps.clock, { actor: me, draft: found, decision });
  if (!done.ok) return failed(ctx, done);
  await updateChatState(ctx, (s) => ({ ...s, pending: undefined, current: undefined }));
  const number = done.value.file.fileNumber;
  return {
    replies: [{
      text: `${dtext('draftConfirmed', ctx.lang, { id, number, note: done.value.note.number })}\n`
        + etext(decision === 'approve' ? 'approvedDone' : 'returnedDone', ctx.lang, { number, to: who(done.value.to) }),
    }],
    queuedNotifications: true,
  };
}

/** "drafts FILE": the open drafts on it the asker may see. */
export async function listDraftsCommand(ctx: CommandContext, me: Employee, number: string): Promise<Outcome> {
  const target = await findTarget(ctx, number, 'file');
  if (!target.ok) return targetProblem(ctx, target);
  if (target.target.kind !== 'file') return say(dtext('draftWhichFile', ctx.lang));
  const file = target.target.file;
  const drafts = await draftsOf(ctx.tx, me, file);
  if (drafts.length === 0) return say(dtext('draftsNone', ctx.lang, { number: file.fileNumber }));
  const lines = await Promise.all(drafts.map(async (d) => dtext('draftLine', ctx.lang, { id: d.id, writer: who(await ctx.tx.employees.byId(d.authorId)), text: d.text })));
  return {
    replies: [{
      text: dtext('draftsList', ctx.lang, { number: file.fileNumber, list: lines.join('\n') }),
      ...(file.holderId === me.id && drafts.length === 1 ? { buttons: draftButtons(drafts[0]?.id ?? 0, ctx.lang), subject: { type: 'draft', id: String(drafts[0]?.id) } } : {}),
    }],
  };
}
