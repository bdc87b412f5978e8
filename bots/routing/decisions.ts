// Approve, return, refuse: on a leave application, a tour programme or a TA claim when the message
// names or replies to one (or one alone waits for this officer and no file is in play), otherwise
// on the file in question. A decision is never guessed: below the confidence bar, or with another
// decision close behind, the officer is asked with buttons.
import type { LeaveApplication } from '../../core/leave/types.ts';
import type { TaClaim, TourProgramme } from '../../core/tour/types.ts';
import type { Employee } from '../../core/types.ts';
import type { CommandContext, Outcome } from '../context.ts';
import type { Intent } from '../language/index.ts';
import { chatState, repliedTo } from '../commands/conversation.ts';
import { askDecision, decideCommand } from '../commands/file.ts';
import { decideLeaveCommand, LEAVE_NUMBER } from '../commands/leave.ts';
import { CLAIM_NUMBER, decideClaimCommand, decideTourCommand, TOUR_NUMBER } from '../commands/tour.ts';
import type { CommandFamily } from './family.ts';
import { withTarget } from './shared.ts';

const DECISIONS: Intent[] = ['approve', 'return', 'refuse'];

/** Low confidence, or another decision close behind: ask, never guess a decision. */
function isUnsureDecision(ctx: CommandContext): boolean {
  const { parse, deps } = ctx;
  if (parse.confidence < deps.decisionConfidence) return true;
  const rival = parse.alternatives.find((a: { intent: Intent; confidence: number }) => a.intent !== parse.intent && DECISIONS.includes(a.intent));
  return rival !== undefined && parse.confidence - rival.confidence < 0.2 && !(parse.intent === 'return' && rival.intent === 'refuse') && !(parse.intent === 'refuse' && rival.intent === 'return');
}

type Absence = { kind: 'leave'; item: LeaveApplication } | { kind: 'tour'; item: TourProgramme } | { kind: 'ta'; item: TaClaim };

async function absenceByRef(ctx: CommandContext, kind: string, number: string): Promise<Absence | null> {
  if (kind === 'leave') { const item = await ctx.tx.leave.byNumber(number); return item && { kind, item }; }
  if (kind === 'tour') { const item = await ctx.tx.tours.byNumber(number); return item && { kind, item }; }
  if (kind === 'ta') { const item = await ctx.tx.taClaims.byNumber(number); return item && { kind, item }; }
  return null;
}

/** The leave, tour or TA claim a decision is about: named, or what the replied-to message was about. */
async function absenceInQuestion(ctx: CommandContext, me: Employee, raw: string): Promise<Absence | null> {
  for (const [kind, pattern] of [['leave', LEAVE_NUMBER], ['tour', TOUR_NUMBER], ['ta', CLAIM_NUMBER]] as const) {
    const named = pattern.exec(raw)?.[0];
    if (named !== undefined) return absenceByRef(ctx, kind, named.toUpperCase());
  }
  if (ctx.inbound.replyToMessageId !== undefined) {
    const sent = await repliedTo(ctx);
    if (sent !== null) return sent.subjectType !== null && sent.subjectId !== null ? absenceByRef(ctx, sent.subjectType, sent.subjectId) : null;
  }
  // Nothing named and no file in play: the one application waiting for this officer, if only one.
  if (ctx.parse.entities.fileNumber !== undefined || (await chatState(ctx)).current !== undefined) return null;
  const waiting: Absence[] = [
    ...(await ctx.tx.leave.listByHolder(me.id, ['pending'])).map((item) => ({ kind: 'leave' as const, item })),
    ...(await ctx.tx.tours.listByHolder(me.id, ['pending'])).map((item) => ({ kind: 'tour' as const, item })),
    ...(await ctx.tx.taClaims.listByHolder(me.id, ['pending'])).map((item) => ({ kind: 'ta' as const, item })),
  ];
  if (waiting.length !== 1) return null;
  return (await ctx.tx.files.countByHolder(me.id, ['open', 'parked'])) === 0 ? (waiting[0] ?? null) : null;
}

async function decide(ctx: CommandContext, me: Employee, raw: string): Promise<Outcome> {
  const { parse } = ctx;
  const e = parse.entities;
  const absence = await absenceInQuestion(ctx, me, raw);
  const verdict = parse.intent === 'approve' ? 'approve' : parse.intent === 'refuse' ? 'refuse' : 'return';
  // The application's own number is how it was named, not part of the remark.
  const remark = (e.remark ?? '').replace(LEAVE_NUMBER, '').replace(TOUR_NUMBER, '').replace(CLAIM_NUMBER, '').replace(/^[\s,:;—–-]+|[\s,:;—–-]+$/g, '') || null;
  if (absence?.kind === 'leave') return decideLeaveCommand(ctx, me, absence.item, verdict === 'approve' ? 'sanction' : verdict, remark);
  if (absence?.kind === 'tour') return decideTourCommand(ctx, me, absence.item, verdict, remark);
  if (absence?.kind === 'ta') return decideClaimCommand(ctx, me, absence.item, verdict, remark);
  return withTarget(ctx, (t) => {
    if (isUnsureDecision(ctx)) return askDecision(ctx, t, raw);
    return decideCommand(ctx, me, t, parse.intent === 'approve' ? 'approve' : 'return', e.remark ?? null);
  });
}

export const decisionsFamily: CommandFamily = {
  name: 'decisions',
  takes: 'approve / return / refuse, on the application or the file in question',
  intents: { approve: decide, return: decide, refuse: decide },
};
