// "pull back GOP-1/2026" / "वापस लें GOP-1/2026" / "wapas lo …": the sender takes a file or receipt
// back from a wrong addressee who has not acted on it yet (core/efile/pull-back.ts).
import { pullBackFile, pullBackReceipt } from '../../core/efile/pull-back.ts';
import type { Employee } from '../../core/types.ts';
import type { CommandContext, Outcome } from '../context.ts';
import { dtext } from '../messages/efile-depth-texts.ts';
import { updateChatState } from './conversation.ts';
import { failed, targetProblem } from './file.ts';
import { findTarget } from './resolve.ts';

export async function pullBackCommand(ctx: CommandContext, me: Employee, kind: 'file' | 'receipt', number: string): Promise<Outcome> {
  const found = await findTarget(ctx, number, kind);
  if (!found.ok) return targetProblem(ctx, found);
  const t = found.target;
  const done = t.kind === 'file'
    ? await pullBackFile(ctx.tx, ctx.deps.clock, { actor: me, file: t.file })
    : await pullBackReceipt(ctx.tx, ctx.deps.clock, { actor: me, receipt: t.receipt });
  if (!done.ok) return failed(ctx, done);
  const shown = t.kind === 'file' ? t.file.fileNumber : t.receipt.diaryNumber;
  await updateChatState(ctx, (s) => ({ ...s, current: { target: t.kind, number: shown }, pending: undefined }));
  const from = done.value.from === null ? '—' : `${done.value.from.name} (${done.value.from.post})`;
  return { replies: [{ text: dtext('pulledBack', ctx.lang, { number: shown, from }), subject: { type: t.kind, id: shown } }], queuedNotifications: true };
}
