// eFile depth (issue 20), taken by the files family (routing/files.ts): pull back ("pull back
// GOP-1/2026", "वापस लें …", "wapas lo …", the /pullback button), yellow notes ("draft: …",
// "मसौदा टिप्पणी: …", "draft 3: …" and a reply to a draft to correct it, "drafts GOP-1/2026", its
// buttons) and a letter of a file by its place in the correspondence ("file GOP-1/2026 C/3").
import type { OfficeNumbers } from '../../core/office/numbers.ts';
import type { Employee } from '../../core/types.ts';
import { officeOf, type CommandContext, type Outcome } from '../context.ts';
import { pullBackCommand } from '../commands/pull-back.ts';
import {
  confirmDraftCommand, confirmDraftDecisionCommand, discardDraftCommand, editDraftCommand, listDraftsCommand, writeDraftCommand,
} from '../commands/draft.ts';
import { letterOfFileCommand } from '../commands/file.ts';
import { repliedTo } from '../commands/conversation.ts';
import type { ButtonHandler, Handler } from './family.ts';

interface Patterns {
  pullBack: RegExp;
  pullBackAfter: RegExp;
  draftEdit: RegExp;
  draftWrite: RegExp;
  drafts: RegExp;
  letter: RegExp;
}

const PULL_BACK_WORDS = 'pull\\s*back|take\\s*back|recall|वापस\\s*(?:लें|ले|लो|लीजिए|लीजिये|मँगाएँ|मंगाएं|मँगाएं)|वापिस\\s*(?:लें|ले|लो)|wapas\\s*(?:lo|le|lein|len|lena|mangao|mangwao)|wapis\\s*(?:lo|le|lein|len)';
/** The words that start a yellow note: "draft", "yellow note", "मसौदा (टिप्पणी)", "masauda", "प्रारूप टिप्पणी". */
const DRAFT_WORDS = 'draft(?:\\s+note)?|yellow\\s+note|मसौदा(?:\\s*टिप्पणी)?|masauda(?:\\s*tippani)?|masoda|प्रारूप\\s*टिप्पणी|पीली\\s*टिप्पणी';

const made = new WeakMap<OfficeNumbers, Patterns>();

function patterns(numbers: OfficeNumbers): Patterns {
  let p = made.get(numbers);
  if (p === undefined) {
    const number = `(${numbers.fileSource}|${numbers.diarySource})`;
    p = {
      pullBack: new RegExp(`^(?:${PULL_BACK_WORDS})\\s*[:\\-]?\\s*${number}\\s*[.।]?$`, 'i'),
      pullBackAfter: new RegExp(`^${number}\\s+(?:${PULL_BACK_WORDS}|को\\s+वापस\\s+(?:लें|लो|ले))\\s*[.।]?$`, 'i'),
      draftEdit: new RegExp(`^(?:${DRAFT_WORDS})\\s*#?\\s*(\\d{1,9})\\s*[:：]\\s*([\\s\\S]+)$`, 'i'),
      draftWrite: new RegExp(`^(?:${DRAFT_WORDS})(?:\\s+(?:on\\s+|पर\\s+)?(${numbers.fileSource})(?:\\s+पर)?)?\\s*[:：]\\s*([\\s\\S]*)$`, 'i'),
      drafts: new RegExp(`^(?:drafts|draft\\s+notes|मसौदे|मसौदा\\s*टिप्पणियाँ|मसौदा\\s*टिप्पणियां)\\s+(${numbers.fileSource})\\s*$`, 'i'),
      letter: new RegExp(`^(?:file|फाइल|फ़ाइल|संचिका|sanchika)\\s+(${numbers.fileSource})\\s+((?:C|प)\\s*/\\s*([\\d०-९]{1,4}))\\s*(?:pdf)?$`, 'i'),
    };
    made.set(numbers, p);
  }
  return p;
}

const kindOf = (numbers: OfficeNumbers, number: string): 'file' | 'receipt' => (numbers.file.test(number) ? 'file' : 'receipt');
const asciiDigits = (text: string) => text.replace(/[०-९]/g, (d) => String(d.charCodeAt(0) - 0x0966));

/** "pull back X" in any of its wordings; null when the message is something else. */
const pullBack: Handler = async (ctx, me, raw) => {
  const numbers = officeOf(ctx.deps).numbers;
  const { pullBack: before, pullBackAfter: after } = patterns(numbers);
  const number = (before.exec(raw) ?? after.exec(raw))?.[1]?.toUpperCase();
  return number === undefined ? null : pullBackCommand(ctx, me, kindOf(numbers, number), number);
};

/** "draft 3: corrected text" (before "draft: …", which it would otherwise be read as). */
const draftEdit: Handler = async (ctx, me, raw) => {
  const m = patterns(officeOf(ctx.deps).numbers).draftEdit.exec(raw);
  return m === null ? null : editDraftCommand(ctx, me, Number(m[1]), m[2] ?? '');
};

const draftWrite: Handler = async (ctx, me, raw) => {
  const m = patterns(officeOf(ctx.deps).numbers).draftWrite.exec(raw);
  return m === null ? null : writeDraftCommand(ctx, me, m[1]?.toUpperCase(), m[2] ?? '');
};

const draftList: Handler = async (ctx, me, raw) => {
  const m = patterns(officeOf(ctx.deps).numbers).drafts.exec(raw);
  return m?.[1] === undefined ? null : listDraftsCommand(ctx, me, m[1].toUpperCase());
};

const letterOfFile: Handler = async (ctx, me, raw) => {
  const m = patterns(officeOf(ctx.deps).numbers).letter.exec(raw.trim());
  if (m?.[1] === undefined || m[3] === undefined) return null;
  return letterOfFileCommand(ctx, me, m[1].toUpperCase(), Number(asciiDigits(m[3])), asciiDigits(m[2] ?? '').replace(/\s+/g, ''));
};

const draftId = (args: string[]): number | null => (args[0] !== undefined && /^\d+$/.test(args[0]) ? Number(args[0]) : null);
const byId = (act: (ctx: CommandContext, me: Employee, id: number) => Promise<Outcome>): ButtonHandler => async (ctx, me, args) => {
  const id = draftId(args);
  return id === null ? null : act(ctx, me, id);
};

export const depthButtons: Readonly<Record<string, ButtonHandler>> = {
  // "/pullback file|receipt <number>": the button on the sender's "sent" confirmation.
  '/pullback': async (ctx, me, [kind, number]) => {
    if ((kind !== 'file' && kind !== 'receipt') || !number) return null;
    return pullBackCommand(ctx, me, kind, number);
  },
  '/draft.confirm': byId(confirmDraftCommand),
  '/draft.approve': byId((ctx, me, id) => confirmDraftDecisionCommand(ctx, me, id, 'approve')),
  '/draft.return': byId((ctx, me, id) => confirmDraftDecisionCommand(ctx, me, id, 'return')),
  '/draft.discard': byId(discardDraftCommand),
};

/** The explicit commands of this module, tried in the prefix phase. */
export async function depthPrefix(ctx: CommandContext, me: Employee, raw: string): Promise<Outcome | null> {
  for (const handler of [pullBack, draftEdit, draftWrite, draftList, letterOfFile]) {
    const outcome = await handler(ctx, me, raw);
    if (outcome !== null) return outcome;
  }
  return null;
}

/** A reply to a draft note's message is the holder's corrected text. */
export async function depthReply(ctx: CommandContext, me: Employee, raw: string): Promise<Outcome | null> {
  if (ctx.inbound.replyToMessageId === undefined) return null;
  const sent = await repliedTo(ctx);
  if (sent?.subjectType !== 'draft' || sent.subjectId === null) return null;
  return editDraftCommand(ctx, me, Number(sent.subjectId), raw);
}
