// eTour over chat: a tour programme (shown, then submitted), approved by reply; the tour diary;
// the TA claim after the tour, and its bill once approved. The rules live in core/tour.
import { failureText } from '../messages/failures.ts';
import { applyForTour, checkProgramme } from '../../core/tour/apply-for-tour.ts';
import { decideTour } from '../../core/tour/decide-tour.ts';
import { addDiaryEntry } from '../../core/tour/add-diary-entry.ts';
import { submitTaClaim } from '../../core/tour/submit-ta-claim.ts';
import { decideTaClaim } from '../../core/tour/decide-ta-claim.ts';
import { taBillOf } from '../../core/tour/ta-bill.ts';
import { tourOrderOf } from '../../core/signing/tour-order.ts';
import { sendOrderToApplicant } from '../../core/leave/order-to-applicant.ts';
import type { TaClaim, TourProgramme } from '../../core/tour/types.ts';
import { istDate } from '../../core/time.ts';
import type { Employee } from '../../core/types.ts';
import { officeOf, type CommandContext, type Outcome } from '../context.ts';
import { ttext } from '../messages/tour-texts.ts';
import { ltext } from '../messages/leave-texts.ts';
import { chatState, updateChatState, type Pending, type TourDetails } from './conversation.ts';
import { addDays } from '../../core/calendar/dates.ts';
import { requiresSignature } from '../../core/signing/sign-policy.ts';
import { beginSubjectSigning } from './sign.ts';

const say = (text: string): Outcome => ({ replies: [{ text }] });
export const TOUR_NUMBER = /\bTR\/\d{4}\/\d{1,6}\b/i;
export const CLAIM_NUMBER = /\bTA\/\d{4}\/\d{1,6}\b/i;

function tourDetails(e: TourDetails): TourDetails {
  const out: TourDetails = {};
  for (const key of ['destinations', 'startDate', 'endDate', 'purpose', 'remark', 'travelMode'] as const) {
    if (e[key] !== undefined) (out as Record<string, unknown>)[key] = e[key];
  }
  return out;
}

export async function applyTourCommand(ctx: CommandContext, me: Employee, raw: string): Promise<Outcome> {
  return applyTour(ctx, me, raw, tourDetails(ctx.parse.entities));
}

/** The answer to "on which date?" or "where to?": the programme goes on as if typed whole; null when it adds nothing. */
export async function continueTourCommand(ctx: CommandContext, me: Employee, pending: Extract<Pending, { kind: 'tour.details' }>, answer: TourDetails): Promise<Outcome | null> {
  const adds = pending.missing === 'dates' ? answer.startDate !== undefined : (answer.destinations?.length ?? 0) > 0;
  if (!adds) return null;
  const known: TourDetails = { ...pending.known };
  if (answer.startDate !== undefined) {
    known.startDate = answer.startDate;
    if (answer.endDate !== undefined) known.endDate = answer.endDate;
    else delete known.endDate;
  }
  if ((answer.destinations?.length ?? 0) > 0 && (known.destinations?.length ?? 0) === 0) known.destinations = answer.destinations;
  if (answer.travelMode !== undefined && known.travelMode === undefined) known.travelMode = answer.travelMode;
  await updateChatState(ctx, (s) => ({ ...s, pending: undefined }));
  return applyTour(ctx, me, pending.raw, known);
}

export async function applyTour(ctx: CommandContext, me: Employee, raw: string, e: TourDetails): Promise<Outcome> {
  const { lang, deps } = ctx;
  const places = e.destinations ?? [];
  if (e.startDate === undefined || places.length === 0) {
    // Asked back for what is missing, the programme remembered; with neither, the example.
    if (e.startDate === undefined && places.length === 0) return say(ttext('askTour', lang));
    const missing = e.startDate === undefined ? 'dates' : 'places';
    await updateChatState(ctx, (s) => ({ ...s, pending: { kind: 'tour.details', missing, known: e, raw } }));
    if (missing === 'places') return say(ttext('askTourPlaces', lang));
    const today = istDate(deps.clock.now());
    return {
      replies: [{
        text: ttext('askTourDates', lang, { places: places.join(', ') }),
        buttons: [
          { label: ltext('btnToday', lang), command: `/tour.date ${today}` },
          { label: ltext('btnTomorrow', lang), command: `/tour.date ${addDays(today, 1)}` },
        ],
      }],
    };
  }
  const programme = {
    destinations: places, startDate: e.startDate, endDate: e.endDate ?? e.startDate,
    purpose: (e.purpose ?? e.remark ?? '').trim() || raw, travelMode: e.travelMode ?? null,
  };
  const checked = checkProgramme({ employee: me, ...programme, chargeTo: null, backDateDays: deps.tourRules.backDateDays }, istDate(deps.clock.now()));
  if (!checked.ok) return say(failureText(checked.failure.code, checked.failure.params, lang));
  await updateChatState(ctx, (s) => ({ ...s, pending: { kind: 'tour.confirm', programme } }));
  return {
    replies: [{
      text: ttext('preview', lang, { places: programme.destinations.join(', '), from: programme.startDate, to: programme.endDate, purpose: programme.purpose, mode: programme.travelMode ?? '' }),
      buttons: [{ label: ltext('btnSubmit', lang), command: '/tour.submit' }, { label: ltext('btnDiscard', lang), command: '/tour.discard' }],
    }],
  };
}

export async function submitTourCommand(ctx: CommandContext, me: Employee): Promise<Outcome> {
  const pending = (await chatState(ctx)).pending;
  if (pending?.kind !== 'tour.confirm') return say(ltext('nothingToSubmit', ctx.lang));
  await updateChatState(ctx, (s) => ({ ...s, pending: undefined }));
  const applied = await applyForTour(ctx.tx, ctx.deps.clock, { employee: me, ...pending.programme, chargeTo: null, rules: ctx.deps.tourRules });
  if (!applied.ok) return say(failureText(applied.failure.code, applied.failure.params, ctx.lang));
  const to = await ctx.tx.employees.byId(applied.value.sanctionerId);
  return {
    queuedNotifications: true,
    replies: [{ text: ttext('submitted', ctx.lang, { number: applied.value.number, to: to === null ? '' : `${to.name} (${to.post})` }), subject: { type: 'tour', id: applied.value.number } }],
  };
}

/**
 * An approval by a post that signs waits for consent and the OTP (commands/sign.ts; the core says
 * whether the signer may approve it now); null: decide at once.
 */
async function signedApproval(ctx: CommandContext, me: Employee, kind: 'tour' | 'ta', item: TourProgramme | TaClaim, remark: string | null): Promise<Outcome | null> {
  if (!requiresSignature(ctx.deps.signPolicy, me, kind === 'tour' ? 'tour.approve' : 'ta.approve')) return null;
  return beginSubjectSigning(ctx, me, kind, item.number, 'approve', remark?.trim() || null);
}

/** A refusal or return needs the officer's reason: asked, and the answer completes it (routing/tour.ts). */
async function askReason(ctx: CommandContext, target: 'tour' | 'ta', number: string, decision: 'refuse' | 'return'): Promise<Outcome> {
  await updateChatState(ctx, (s) => ({ ...s, pending: { kind: 'tour.reason', target, number, decision } }));
  return say(ttext('askReason', ctx.lang, { number }));
}

export async function decideTourCommand(ctx: CommandContext, me: Employee, tour: TourProgramme, decision: 'approve' | 'refuse' | 'return', remark: string | null): Promise<Outcome> {
  if (decision !== 'approve' && (remark === null || remark.trim() === '')) return askReason(ctx, 'tour', tour.number, decision);
  const signing = decision === 'approve' ? await signedApproval(ctx, me, 'tour', tour, remark) : null;
  if (signing !== null) return signing;
  const decided = await decideTour(ctx.tx, ctx.deps.clock, { actor: me, tour, decision, remark });
  if (!decided.ok) return say(failureText(decided.failure.code, decided.failure.params, ctx.lang));
  const employee = await ctx.tx.employees.byId(tour.employeeId);
  const words = { approve: ['स्वीकृत', 'approved'], refuse: ['अस्वीकृत', 'refused'], return: ['वापस', 'returned'] }[decision];
  if (decision === 'approve' && employee !== null && employee.id !== me.id) {
    // The officer on tour gets the approval order on their own channel.
    const order = await tourOrderOf(ctx.tx, { tour: decided.value, office: officeOf(ctx.deps), decidedBy: me });
    if (order !== null) {
      const blob = await ctx.deps.blobs.put(await ctx.deps.renderer.tourOrder(order));
      await sendOrderToApplicant(ctx.tx, ctx.deps.clock, { kind: 'tour', number: tour.number, applicantId: employee.id, blob, signed: false });
    }
  }
  return { queuedNotifications: true, replies: [{ text: ttext('decided', ctx.lang, { number: tour.number, employee: employee?.name ?? '', hi: words[0] ?? '', en: words[1] ?? '' }) }] };
}

export async function decideClaimCommand(ctx: CommandContext, me: Employee, claim: TaClaim, decision: 'approve' | 'refuse' | 'return', remark: string | null): Promise<Outcome> {
  if (decision !== 'approve' && (remark === null || remark.trim() === '')) return askReason(ctx, 'ta', claim.number, decision);
  const signing = decision === 'approve' ? await signedApproval(ctx, me, 'ta', claim, remark) : null;
  if (signing !== null) return signing;
  const decided = await decideTaClaim(ctx.tx, ctx.deps.clock, { actor: me, claim, decision, remark });
  if (!decided.ok) return say(failureText(decided.failure.code, decided.failure.params, ctx.lang));
  const employee = await ctx.tx.employees.byId(claim.employeeId);
  const words = { approve: ['स्वीकृत', 'approved'], refuse: ['अस्वीकृत', 'refused'], return: ['वापस', 'returned'] }[decision];
  const reply = { text: ttext('decided', ctx.lang, { number: claim.number, employee: employee?.name ?? '', hi: words[0] ?? '', en: words[1] ?? '' }) };
  if (decision !== 'approve') return { queuedNotifications: true, replies: [reply] };
  const bill = await taBillOf(ctx.tx, { claim: decided.value, office: officeOf(ctx.deps).name, payLevel: null });
  if (bill === null) return { queuedNotifications: true, replies: [reply] };
  const pdf = await ctx.deps.renderer.taBill(bill);
  if (employee !== null && employee.id !== me.id) {
    await sendOrderToApplicant(ctx.tx, ctx.deps.clock, { kind: 'ta', number: claim.number, applicantId: employee.id, blob: await ctx.deps.blobs.put(pdf), signed: false });
  }
  return {
    queuedNotifications: true,
    replies: [reply, {
      text: ttext('billCaption', ctx.lang, { number: claim.number }),
      document: { filename: `${claim.number.replace(/\//g, '-')}-bill.pdf`, mime: 'application/pdf', base64: Buffer.from(pdf).toString('base64') },
    }],
  };
}

/** The employee's approved tour a diary entry or claim is about: named, or the latest approved one. */
async function myTour(ctx: CommandContext, me: Employee, raw: string, startedOnly: boolean): Promise<TourProgramme | null> {
  const named = TOUR_NUMBER.exec(raw)?.[0];
  if (named !== undefined) return ctx.tx.tours.byNumber(named.toUpperCase());
  const today = istDate(ctx.deps.clock.now());
  return (await ctx.tx.tours.listByEmployee(me.id, 10)).find((t) => t.status === 'approved' && (!startedOnly || t.startDate <= today)) ?? null;
}

export async function tourDiaryCommand(ctx: CommandContext, me: Employee, raw: string): Promise<Outcome> {
  const tour = await myTour(ctx, me, raw, true);
  if (tour === null) return say(ttext('noTour', ctx.lang));
  const date = ctx.parse.entities.startDate ?? istDate(ctx.deps.clock.now());
  const text = raw.trim();
  const added = await addDiaryEntry(ctx.tx, ctx.deps.clock, { actor: me, tour, date: date > tour.endDate ? tour.endDate : date, text });
  if (!added.ok) return say(failureText(added.failure.code, added.failure.params, ctx.lang));
  return say(ttext('diaryAdded', ctx.lang, { number: tour.number, date: added.value.date }));
}

/** "TA claim 850 bus fare Patna": the claim for the latest approved tour. */
export async function taClaimCommand(ctx: CommandContext, me: Employee, raw: string): Promise<Outcome> {
  const tour = await myTour(ctx, me, raw, false);
  if (tour === null) return say(ttext('noTour', ctx.lang));
  const amount = ctx.parse.entities.amount;
  if (amount === undefined) return say(ttext('claimNeedsAmount', ctx.lang));
  // One journey from headquarters to the first destination carrying the whole fare stated; claims
  // with several legs need the itemised form (a later step).
  const journeys = [{ date: tour.startDate, from: 'Saharsa', to: tour.destinations[0] ?? '', mode: tour.travelMode ?? 'bus', fare: amount }];
  const submitted = await submitTaClaim(ctx.tx, ctx.deps.clock, { actor: me, tour, journeys, payLevel: null, rules: ctx.deps.tourRules });
  if (!submitted.ok) return say(failureText(submitted.failure.code, submitted.failure.params, ctx.lang));
  const c = submitted.value.claim;
  return {
    queuedNotifications: true,
    replies: [{ text: ttext('claimSubmitted', ctx.lang, { number: c.number, fares: amount, daDays: c.daDays, daRate: c.daRate, total: c.total }), subject: { type: 'ta', id: c.number } }],
  };
}
