// eFile: receipts and files — making a file, attaching, moving, noting, parking, closing, and
// asking where things are.
import { proposalReply } from '../commands/deadline.ts';
import { addNote } from '../../core/efile/files.ts';
import { setReceiptSubject } from '../../core/efile/receipts.ts';
import { findByCode } from '../../core/staff/link-account.ts';
import { officeOf, type CommandContext, type Outcome } from '../context.ts';
import { numberCommands } from './numbers.ts';
import { chatState, updateChatState } from '../commands/conversation.ts';
import {
  attachCommand, closeCommand, createFileCommand, decideCommand, forwardCommand, forwardTo, noteCommand, parkCommand, reopenCommand, targetProblem,
} from '../commands/file.ts';
import { findTarget, resolveTarget } from '../commands/resolve.ts';
import { myItemsCommand, noteSheetCommand, searchCommand, sentCommand, statusCommand } from '../commands/track.ts';
import { etext } from '../messages/efile-texts.ts';
import { failureText } from '../messages/failures.ts';
import type { Employee } from '../../core/types.ts';
import type { CommandFamily } from './family.ts';
import { clearQuestion, looksLikeCommand, movedOn, say, withTarget } from './shared.ts';
import { depthButtons, depthPrefix, depthReply } from './drafts.ts';

async function decideButton(ctx: CommandContext, me: Employee, number: string | undefined, decision: 'approve' | 'return'): Promise<Outcome | null> {
  if (!number) return null;
  const found = await findTarget(ctx, number, 'file');
  if (!found.ok) return targetProblem(ctx, found);
  return decideCommand(ctx, me, found.target, decision, null);
}

async function askAddressee(ctx: CommandContext, target: 'file' | 'receipt', number: string | undefined): Promise<Outcome | null> {
  if (!number) return null;
  await updateChatState(ctx, (s) => ({ ...s, pending: { kind: 'forward', target, number } }));
  return say(etext('askAddressee', ctx.lang, { number }));
}

export const filesFamily: CommandFamily = {
  name: 'files',
  takes: 'receipt and file buttons; "file GOP-1/2026" (the note sheet) and "file GOP-1/2026 C/3" (a letter); status, my files, sent, find; new file, attach, note, forward, park, close, reopen; pull back; draft (yellow) notes and replies to them; the questions these ask',
  buttons: {
    '/receipt.newfile': async (ctx, me, [receipt]) => (receipt ? createFileCommand(ctx, me, receipt) : say(etext('whichFile', ctx.lang))),
    '/receipt.attach': async (ctx, _me, [receipt]) => {
      if (!receipt) return null;
      await updateChatState(ctx, (s) => ({ ...s, pending: { kind: 'receipt.attach', receipt } }));
      return say(etext('askFileNumber', ctx.lang, { number: receipt }));
    },
    '/receipt.forward': (ctx, _me, [number]) => askAddressee(ctx, 'receipt', number),
    '/file.forward': (ctx, _me, [number]) => askAddressee(ctx, 'file', number),
    '/file.approve': (ctx, me, [number]) => decideButton(ctx, me, number, 'approve'),
    '/file.return': (ctx, me, [number]) => decideButton(ctx, me, number, 'return'),
    '/file.sheet': async (ctx, _me, [number]) => (number ? noteSheetCommand(ctx, number) : say(etext('whichFile', ctx.lang))),
    '/file.note': async (ctx, me, [number, ...words]) => {
      if (!number) return null;
      const found = await findTarget(ctx, number, 'file');
      if (!found.ok) return targetProblem(ctx, found);
      if (found.target.kind !== 'file') return null;
      const noted = await addNote(ctx.tx, ctx.deps.clock, { actor: me, file: found.target.file, text: words.join(' ') });
      if (!noted.ok) return say(failureText(noted.failure.code, noted.failure.params, ctx.lang));
      return say(etext('noted', ctx.lang, { file: found.target.file.fileNumber, note: noted.value.number }));
    },
    // "/forward file|receipt <number> <employee code>": the employee picked from a list.
    '/forward': async (ctx, me, [kind, number, code]) => {
      if (!kind || !number || !code || (kind !== 'file' && kind !== 'receipt')) return null;
      const found = await findTarget(ctx, number, kind);
      if (!found.ok) return targetProblem(ctx, found);
      const to = await findByCode(ctx.tx, code);
      if (to === null) return say(failureText('STAFF.UNKNOWN_CODE', { code }, ctx.lang));
      return forwardTo(ctx, me, found.target, to, null);
    },
    ...depthButtons,
  },
  prefix: async (ctx, me, raw) => {
    const sheet = numberCommands(officeOf(ctx.deps).numbers).noteSheet.exec(raw)?.[1]?.toUpperCase();
    return sheet === undefined ? depthPrefix(ctx, me, raw) : noteSheetCommand(ctx, sheet);
  },
  reply: depthReply,
  answers: {
    'receipt.subject': async (ctx, me, pending, raw) => {
      if (movedOn(ctx) || looksLikeCommand(ctx, raw)) { await clearQuestion(ctx); return null; }
      const receipt = await ctx.tx.receipts.byDiaryNumber(pending.receipt);
      if (receipt === null) { await clearQuestion(ctx); return null; }
      const updated = await setReceiptSubject(ctx.tx, ctx.deps.clock, { actor: me, receipt, subject: raw });
      await clearQuestion(ctx);
      if (updated === null) return null;
      // A subject that names a statutory kind (RTI, court case…) gets its deadline proposed, as at diarising.
      const proposal = await proposalReply(ctx, updated);
      return { replies: [{ text: etext('subjectSet', ctx.lang, { subject: raw }) }, ...(proposal === null ? [] : [proposal])] };
    },
    'receipt.attach': async (ctx, me, pending) => {
      const fileNo = ctx.parse.entities.fileNumber;
      if (fileNo === undefined) {
        if (movedOn(ctx)) { await clearQuestion(ctx); return null; }
        return say(etext('askFileNumber', ctx.lang, { number: pending.receipt }));
      }
      await clearQuestion(ctx);
      return attachCommand(ctx, me, pending.receipt, fileNo);
    },
    forward: async (ctx, me, pending, raw) => {
      if (movedOn(ctx) && ctx.parse.intent !== 'forward') { await clearQuestion(ctx); return null; }
      const found = await findTarget(ctx, pending.number, pending.target);
      await clearQuestion(ctx);
      if (!found.ok) return targetProblem(ctx, found);
      return forwardCommand(ctx, me, found.target, raw, null);
    },
    'file.return': async (ctx, me, pending, raw) => {
      if (movedOn(ctx)) { await clearQuestion(ctx); return null; }
      const found = await findTarget(ctx, pending.number, 'file');
      await clearQuestion(ctx);
      if (!found.ok) return targetProblem(ctx, found);
      return decideCommand(ctx, me, found.target, 'return', ctx.parse.entities.remark ?? raw);
    },
    // A decision asked back: the buttons answer it; words start afresh.
    decision: async (ctx) => { await clearQuestion(ctx); return null; },
  },
  intents: {
    status: async (ctx) => {
      const e = ctx.parse.entities;
      if (e.fileNumber ?? e.diaryNumber) return statusCommand(ctx, e.fileNumber ?? e.diaryNumber);
      return withTarget(ctx, async (t) => statusCommand(ctx, t.kind === 'file' ? t.file.fileNumber : t.receipt.diaryNumber));
    },
    my_items: (ctx, me) => myItemsCommand(ctx, me),
    sent: (ctx, me) => sentCommand(ctx, me),
    search: (ctx) => searchCommand(ctx, ctx.parse.entities.query ?? ctx.parse.entities.remark),
    create_file: async (ctx, me) => {
      const context = await resolveTarget(ctx);
      const receipt = context.ok && context.target.kind === 'receipt' && context.target.receipt.fileId === null ? context.target.receipt.diaryNumber : undefined;
      return createFileCommand(ctx, me, receipt);
    },
    attach: async (ctx, me) => {
      const e = ctx.parse.entities;
      const receipt = e.diaryNumber ?? (await chatState(ctx)).current?.number;
      if (receipt === undefined || e.fileNumber === undefined) return say(etext('whichFile', ctx.lang));
      return attachCommand(ctx, me, receipt, e.fileNumber);
    },
    note: (ctx, me, raw) => noteCommand(ctx, me, ctx.parse.entities.remark ?? raw),
    forward: (ctx, me, raw) => {
      const e = ctx.parse.entities;
      return withTarget(ctx, (t) => forwardCommand(ctx, me, t, e.addressee?.name ?? e.addressee?.post ?? e.addressee?.code ?? raw, e.remark ?? null));
    },
    park: (ctx, me) => withTarget(ctx, (t) => parkCommand(ctx, me, t, ctx.parse.entities.remark ?? null)),
    close_file: (ctx, me) => withTarget(ctx, (t) => closeCommand(ctx, me, t, ctx.parse.entities.remark ?? null)),
    reopen: (ctx, me) => withTarget(ctx, (t) => reopenCommand(ctx, me, t)),
  },
};
