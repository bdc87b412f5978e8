// Tour: the programme (with its confirm step), approval, the tour diary and the TA claim.
import { failureText } from '../messages/failures.ts';
import type { CommandContext, Outcome } from '../context.ts';
import {
  applyTour, applyTourCommand, continueTourCommand, decideClaimCommand, decideTourCommand, submitTourCommand, taClaimCommand, tourDiaryCommand,
} from '../commands/tour.ts';
import { ltext } from '../messages/leave-texts.ts';
import type { Employee } from '../../core/types.ts';
import type { CommandFamily } from './family.ts';
import { clearQuestion, looksLikeCommand, movedOn, say } from './shared.ts';
import { chatState } from '../commands/conversation.ts';
import { extractEntities } from '../language/entities.ts';
import { analyze } from '../language/normalize.ts';

/** An explicit "tour diary:" prefix is a command, whatever the words after it resemble. */
const TOUR_DIARY = /^(?:tour\s+diary|diary|दैनिकी|भ्रमण\s+दैनिकी|दौरा\s+डायरी|tour\s+dairy)\s*[:\-–—]\s*(.+)$/is;

/** The programme drafted in this chat is dropped, nothing stored. */
async function discardTour(ctx: CommandContext): Promise<Outcome> {
  await clearQuestion(ctx);
  return say(ltext('discarded', ctx.lang));
}

async function decideTourButton(ctx: CommandContext, me: Employee, [number, ...remark]: string[], decision: 'approve' | 'refuse'): Promise<Outcome> {
  const tour = number ? await ctx.tx.tours.byNumber(number) : null;
  if (tour === null) return say(failureText('TOUR.NOT_FOUND', { number: number ?? '' }, ctx.lang));
  return decideTourCommand(ctx, me, tour, decision, remark.join(' ') || null);
}

async function decideClaimButton(ctx: CommandContext, me: Employee, [number, ...remark]: string[], decision: 'approve' | 'refuse'): Promise<Outcome> {
  const claim = number ? await ctx.tx.taClaims.byNumber(number) : null;
  if (claim === null) return say(failureText('TOUR.CLAIM_NOT_FOUND', { number: number ?? '' }, ctx.lang));
  return decideClaimCommand(ctx, me, claim, decision, remark.join(' ') || null);
}

export const tourFamily: CommandFamily = {
  name: 'tour',
  takes: 'tour programmes, their dates or places asked back, their confirm step, /tour.* and /ta.* buttons, "tour diary: …", TA claims',
  buttons: {
    '/tour.submit': (ctx, me) => submitTourCommand(ctx, me),
    '/tour.discard': (ctx) => discardTour(ctx),
    '/tour.approve': (ctx, me, args) => decideTourButton(ctx, me, args, 'approve'),
    '/tour.refuse': (ctx, me, args) => decideTourButton(ctx, me, args, 'refuse'),
    '/ta.approve': (ctx, me, args) => decideClaimButton(ctx, me, args, 'approve'),
    '/ta.refuse': (ctx, me, args) => decideClaimButton(ctx, me, args, 'refuse'),
    '/tour.date': async (ctx, me, [date]) => {
      const { pending } = await chatState(ctx);
      if (pending?.kind !== 'tour.details') return say(ltext('nothingToSubmit', ctx.lang));
      return (await continueTourCommand(ctx, me, pending, { startDate: date ?? '' })) ?? applyTour(ctx, me, pending.raw, pending.known);
    },
  },
  prefix: async (ctx, me, raw) => {
    const diary = TOUR_DIARY.exec(raw)?.[1];
    return diary === undefined ? null : tourDiaryCommand(ctx, me, diary);
  },
  answers: {
    'tour.details': async (ctx, me, pending, raw) => {
      // The answer read as the rest of the programme: "12 Dec", "kal", "Patna".
      const answer = extractEntities('apply_tour', analyze(raw), ctx.today);
      const { intent, confidence, entities } = ctx.parse;
      const whole = intent === 'apply_tour' && confidence >= 0.85 && entities.startDate !== undefined && (entities.destinations?.length ?? 0) > 0;
      const completed = whole ? null : await continueTourCommand(ctx, me, pending, answer);
      if (completed !== null) return completed;
      if (intent === 'cancel' || intent === 'deny') return discardTour(ctx);
      await clearQuestion(ctx);
      if (whole || movedOn(ctx) || looksLikeCommand(ctx, raw) || (confidence >= 0.35 && intent !== 'unknown' && intent !== 'apply_tour')) return null;
      return applyTour(ctx, me, pending.raw, pending.known);
    },
    'tour.reason': async (ctx, me, pending, raw) => {
      await clearQuestion(ctx);
      // Another request instead of a reason is that request; the decision waits.
      if (movedOn(ctx) || looksLikeCommand(ctx, raw)) return null;
      const remark = ctx.parse.entities.remark ?? raw;
      if (pending.target === 'tour') {
        const tour = await ctx.tx.tours.byNumber(pending.number);
        return tour === null ? null : decideTourCommand(ctx, me, tour, pending.decision, remark);
      }
      const claim = await ctx.tx.taClaims.byNumber(pending.number);
      return claim === null ? null : decideClaimCommand(ctx, me, claim, pending.decision, remark);
    },
    'tour.confirm': async (ctx, me) => {
      const { intent } = ctx.parse;
      if (intent === 'confirm' || intent === 'approve') return submitTourCommand(ctx, me);
      if (intent === 'deny' || intent === 'cancel') return discardTour(ctx);
      await clearQuestion(ctx);
      return null;
    },
  },
  intents: {
    apply_tour: (ctx, me, raw) => applyTourCommand(ctx, me, raw),
    tour_diary: (ctx, me, raw) => tourDiaryCommand(ctx, me, raw),
    ta_claim: (ctx, me, raw) => taClaimCommand(ctx, me, raw),
  },
};
