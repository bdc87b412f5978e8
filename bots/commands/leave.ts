// eLeave over chat: apply (shown, then submitted on confirmation), decide by reply or button,
// balances, cancel, and who is out today. The office rules live in core/leave.
import { leaveKindsOpen, previewLeave } from '../../core/leave/preview-leave.ts';
import { applyForLeave } from '../../core/leave/apply-for-leave.ts';
import { decideLeave, type LeaveDecision } from '../../core/leave/decide-leave.ts';
import { cancelLeave, curtailLeave } from '../../core/leave/cancel-leave.ts';
import { addDays } from '../../core/calendar/dates.ts';
import { leaveBalances } from '../../core/leave/leave-balances.ts';
import { leaveOrderOf } from '../../core/leave/leave-order.ts';
import { sendOrderToApplicant } from '../../core/leave/order-to-applicant.ts';
import type { LeaveApplication } from '../../core/leave/types.ts';
import { istDate } from '../../core/time.ts';
import type { Employee } from '../../core/types.ts';
import { officeOf, type CommandContext, type Outcome } from '../context.ts';
import { failureText } from '../messages/failures.ts';
import { ltext, statusText } from '../messages/leave-texts.ts';
import { chatState, updateChatState, type LeaveDetails, type Pending } from './conversation.ts';
import { resolvePerson } from './resolve.ts';
import { beginSubjectSigning } from './sign.ts';
import { requiresSignature } from '../../core/signing/sign-policy.ts';

// Wording, kept importable from here for the modules that still do (bots/routing, assistant.ts).

const say = (text: string): Outcome => ({ replies: [{ text }] });
const who = (e: Employee | null) => (e === null ? '—' : `${e.name} (${e.post})`);

export const LEAVE_NUMBER = /\bLV\/\d{4}\/\d{1,6}\b/i;
const CHARGE_PHRASE = /(?:charge\s*(?:to|with)?|प्रभार\s*(?:में)?|prabhar)\s*[:\-]?\s*([^,;।]+)$/i;

/** The leave entities an application carries (the parse's, or what an earlier message said). */
function leaveDetails(e: LeaveDetails): LeaveDetails {
  const out: LeaveDetails = {};
  for (const key of ['leaveType', 'startDate', 'endDate', 'halfDay', 'purpose', 'remark'] as const) {
    if (e[key] !== undefined) (out as Record<string, unknown>)[key] = e[key];
  }
  return out;
}

export async function applyLeaveCommand(ctx: CommandContext, me: Employee, raw: string): Promise<Outcome> {
  return applyLeave(ctx, me, raw, leaveDetails(ctx.parse.entities));
}

/**
 * The answer to "which leave?" or "from which date?": what the earlier message said, with what the
 * answer adds, goes on exactly as if it had been typed whole. Null when the answer adds nothing.
 */
export async function continueLeaveCommand(ctx: CommandContext, me: Employee, pending: Extract<Pending, { kind: 'leave.details' }>, answer: LeaveDetails): Promise<Outcome | null> {
  const adds = pending.missing === 'type' ? answer.leaveType !== undefined : answer.startDate !== undefined;
  if (!adds) return null;
  const known: LeaveDetails = { ...pending.known };
  if (answer.leaveType !== undefined) known.leaveType = answer.leaveType;
  if (answer.startDate !== undefined) {
    known.startDate = answer.startDate;
    if (answer.endDate !== undefined) known.endDate = answer.endDate;
    else delete known.endDate;
  }
  if (answer.halfDay !== undefined) known.halfDay = answer.halfDay;
  await updateChatState(ctx, (s) => ({ ...s, pending: undefined }));
  return applyLeave(ctx, me, pending.raw, known);
}

/** Asks for what the application lacks, with the choices as buttons, and remembers the application. */
async function askForDetails(ctx: CommandContext, me: Employee, raw: string, known: LeaveDetails, missing: 'type' | 'dates'): Promise<Outcome> {
  const { lang, deps } = ctx;
  if (missing === 'dates') {
    await updateChatState(ctx, (s) => ({ ...s, pending: { kind: 'leave.details', missing, known, raw } }));
    const today = istDate(deps.clock.now());
    return {
      replies: [{
        text: ltext('askDates', lang),
        buttons: [
          { label: ltext('btnToday', lang), command: `/leave.date ${today}` },
          { label: ltext('btnTomorrow', lang), command: `/leave.date ${addDays(today, 1)}` },
        ],
      }],
    };
  }
  const kinds = await leaveKindsOpen(ctx.tx, deps.clock, {
    employee: me, ...(known.startDate === undefined ? {} : { startDate: known.startDate, endDate: known.endDate ?? known.startDate }),
    halfDay: known.halfDay ?? null, policy: deps.leavePolicy,
  });
  // None of the balance kinds fits: said why, and the kinds are still named to be typed (no dead end).
  const why = kinds.open.length === 0 && kinds.refusal !== null ? `${ltext('noKindOpen', lang, { why: failureText(kinds.refusal.code, kinds.refusal.params, lang) })}\n` : '';
  await updateChatState(ctx, (s) => ({ ...s, pending: { kind: 'leave.details', missing, known, raw } }));
  // Typed kinds besides the buttons: the per-occasion ones; with no button, every kind.
  const others = deps.leavePolicy.rules.types.filter((t) => !kinds.open.includes(t) && (!t.ledger || kinds.open.length === 0)).map((t) => t.code);
  return {
    replies: [{
      text: why + ltext('askKind', lang, { kinds: others.join(', '), buttons: kinds.open.length }),
      buttons: kinds.open.map((t) => ({ label: `${lang === 'hi' ? t.hi : t.en} (${t.code})`, command: `/leave.kind ${t.code}` })),
    }],
  };
}

/** An application from what is known of it (asks back for what it lacks). */
export async function applyLeaveCommandWith(ctx: CommandContext, me: Employee, raw: string, e: LeaveDetails): Promise<Outcome> {
  return applyLeave(ctx, me, raw, e);
}

async function applyLeave(ctx: CommandContext, me: Employee, raw: string, e: LeaveDetails): Promise<Outcome> {
  const { lang, deps } = ctx;
  const type = e.leaveType;
  if (type === undefined) return askForDetails(ctx, me, raw, e, 'type');
  if (e.startDate === undefined) return askForDetails(ctx, me, raw, e, 'dates');
  const request = { type, startDate: e.startDate, endDate: e.endDate ?? e.startDate, halfDay: e.halfDay ?? null };
  const preview = await previewLeave(ctx.tx, deps.clock, { employee: me, ...request, policy: deps.leavePolicy });
  if (!preview.ok) return say(failureText(preview.failure.code, preview.failure.params, lang));
  // The reason is what the applicant gave as one; never the whole sentence typed (it is printed in the order).
  const reason = (e.purpose ?? e.remark ?? '').replace(CHARGE_PHRASE, '').trim().replace(/[,;]$/, '');
  // "charge to SAH0016" / "प्रभार: सुनीता देवी": who acts for the applicant while away.
  let chargeTo: Employee | null = null;
  const chargePhrase = CHARGE_PHRASE.exec(raw)?.[1]?.trim();
  if (chargePhrase !== undefined && chargePhrase !== '') {
    const code = /^[A-Za-z]{2,6}\d{2,8}$/.test(chargePhrase) ? chargePhrase : undefined;
    const person = await resolvePerson(ctx, me, code ? { code } : { name: chargePhrase }, chargePhrase);
    if (person.kind !== 'one') return say(failureText('STAFF.NO_SUCH_ADDRESSEE', { name: chargePhrase }, lang));
    chargeTo = person.employee;
  }
  await updateChatState(ctx, (s) => ({ ...s, pending: { kind: 'leave.confirm', request: { ...request, reason, chargeToCode: chargeTo?.code ?? null } } }));
  const p = preview.value;
  return {
    replies: [{
      text: ltext('preview', lang, {
        type: p.rule.code, typeEn: p.rule.en, typeHi: p.rule.hi, from: request.startDate, to: request.endDate, days: p.days,
        halfDay: request.halfDay ?? '', reason: reason || ltext('noReasonGiven', lang),
        sanctioner: p.awaySanctioner === null ? who(p.sanctioner) : `${who(p.sanctioner)} — ${ltext('inChargeOf', lang, { name: who(p.awaySanctioner.officer), until: p.awaySanctioner.on.until })}`, balanceAfter: p.balanceAfter ?? '',
      }) + (chargeTo === null ? '' : `\n${ltext('chargeLine', lang, { name: who(chargeTo) })}`),
      buttons: [
        { label: ltext('btnSubmit', lang), command: '/leave.submit' },
        { label: ltext('btnDiscard', lang), command: '/leave.discard' },
      ],
    }],
  };
}

export async function submitLeaveCommand(ctx: CommandContext, me: Employee): Promise<Outcome> {
  const pending = (await chatState(ctx)).pending;
  if (pending?.kind !== 'leave.confirm') return say(ltext('nothingToSubmit', ctx.lang));
  await updateChatState(ctx, (s) => ({ ...s, pending: undefined }));
  const { chargeToCode, ...request } = pending.request;
  const chargeTo = chargeToCode ? await ctx.tx.employees.byCode(chargeToCode) : null;
  const applied = await applyForLeave(ctx.tx, ctx.deps.clock, {
    employee: me, ...request, policy: ctx.deps.leavePolicy, chargeTo,
  });
  if (!applied.ok) return say(failureText(applied.failure.code, applied.failure.params, ctx.lang));
  return {
    queuedNotifications: true,
    replies: [{ text: ltext('submitted', ctx.lang, { number: applied.value.leave.number, sanctioner: who(applied.value.preview.sanctioner) }), subject: { type: 'leave', id: applied.value.leave.number } }],
  };
}

export async function discardLeaveCommand(ctx: CommandContext): Promise<Outcome> {
  await updateChatState(ctx, (s) => ({ ...s, pending: undefined }));
  return say(ltext('discarded', ctx.lang));
}

/** Sanction, refuse or return a leave application in the officer's hands; a sanction brings the order PDF. */
export async function decideLeaveCommand(ctx: CommandContext, me: Employee, leave: LeaveApplication, decision: LeaveDecision, remark: string | null): Promise<Outcome> {
  const { lang, deps, tx } = ctx;
  if (decision !== 'sanction' && (remark === null || remark.trim() === '')) {
    await updateChatState(ctx, (s) => ({ ...s, pending: { kind: 'leave.reason', number: leave.number, decision } }));
    return say(ltext('askLeaveReason', lang, { number: leave.number }));
  }
  // A sanction by a post that signs waits for consent and the OTP (commands/sign.ts); the core says
  // whether the signer may sanction it now.
  if (decision === 'sanction' && requiresSignature(deps.signPolicy, me, 'leave.sanction')) return beginSubjectSigning(ctx, me, 'leave', leave.number);
  const decided = await decideLeave(tx, deps.clock, { actor: me, leave, decision, remark, policy: deps.leavePolicy });
  if (!decided.ok) return say(failureText(decided.failure.code, decided.failure.params, lang));
  await updateChatState(ctx, (s) => ({ ...s, pending: undefined }));
  const applicant = await tx.employees.byId(leave.employeeId);
  const words: [string, string] = ({ sanction: ['स्वीकृत', 'sanctioned'], refuse: ['अस्वीकृत', 'refused'], return: ['स्पष्टीकरण हेतु वापस', 'returned for clarification'] } as const satisfies Record<LeaveDecision, [string, string]>)[decision];
  const reply = { text: ltext('decided', lang, { number: leave.number, applicant: applicant?.name ?? '', decisionHi: words[0], decisionEn: words[1] }) };
  if (decision !== 'sanction' || applicant === null) return { queuedNotifications: true, replies: [reply] };
  const order = await leaveOrderOf(tx, { leave: decided.value.leave, policy: deps.leavePolicy, office: officeOf(deps).name, decidedBy: me });
  if (order === null) return { queuedNotifications: true, replies: [reply] };
  const pdf = await deps.renderer.leaveOrder(order);
  // The applicant gets the order too, on their own channel.
  if (applicant.id !== me.id) {
    await sendOrderToApplicant(tx, deps.clock, { kind: 'leave', number: leave.number, applicantId: applicant.id, blob: await deps.blobs.put(pdf), signed: false });
  }
  return {
    queuedNotifications: true,
    replies: [reply, {
      text: ltext('orderCaption', lang, { number: leave.number }),
      document: { filename: `${leave.number.replace(/\//g, '-')}-order.pdf`, mime: 'application/pdf', base64: Buffer.from(pdf).toString('base64') },
    }],
  };
}

export async function myLeaveCommand(ctx: CommandContext, me: Employee): Promise<Outcome> {
  const { lang, deps } = ctx;
  const year = Number(istDate(deps.clock.now()).slice(0, 4));
  const balances = await leaveBalances(ctx.tx, { employeeId: me.id, year, policy: deps.leavePolicy });
  const applications = await ctx.tx.leave.listByEmployee(me.id, 8);
  const lines = [ltext('balancesHeader', lang, { year }), ...balances.map((b) => ltext('balanceLine', lang, { ...b }))];
  if (applications.length > 0) {
    lines.push(ltext('applicationsHeader', lang));
    for (const a of applications) lines.push(ltext('applicationLine', lang, { number: a.number, type: a.type, from: a.startDate, to: a.endDate, days: a.days, status: statusText(a.status, lang) }));
  }
  const tours = await ctx.tx.tours.listByEmployee(me.id, 5);
  if (tours.length > 0) {
    lines.push(ltext('toursHeader', lang));
    for (const t of tours) lines.push(ltext('applicationLine', lang, { number: t.number, type: t.destinations.join(', '), from: t.startDate, to: t.endDate, days: '', status: statusText(t.status, lang) }).replace(' ()', ''));
  }
  return say(lines.join('\n'));
}

export async function cancelLeaveCommand(ctx: CommandContext, me: Employee, raw: string): Promise<Outcome> {
  const { tx, deps, lang } = ctx;
  const number = LEAVE_NUMBER.exec(raw)?.[0]?.toUpperCase();
  const today = istDate(deps.clock.now());
  const leave = number !== undefined
    ? await tx.leave.byNumber(number)
    : (await tx.leave.listByEmployee(me.id, 20)).find((l) => ['pending', 'returned', 'sanctioned'].includes(l.status) && l.endDate >= today) ?? null;
  if (leave === null) return say(ltext('noLeaveToCancel', lang));
  if (leave.status === 'sanctioned' && leave.startDate <= today) {
    // Already begun: back on duty today, so the leave ends yesterday (or on its first day).
    const yesterday = addDays(today, -1);
    const lastDay = yesterday >= leave.startDate ? yesterday : leave.startDate;
    const curtailed = await curtailLeave(tx, deps.clock, { actor: me, leave, lastDay, policy: deps.leavePolicy });
    if (!curtailed.ok) return say(failureText(curtailed.failure.code, curtailed.failure.params, lang));
    return { queuedNotifications: true, replies: [{ text: ltext('curtailed', lang, { number: leave.number, to: lastDay, credited: curtailed.value.credited }) }] };
  }
  const cancelled = await cancelLeave(tx, deps.clock, { actor: me, leave, reason: ctx.parse.entities.remark ?? null, policy: deps.leavePolicy });
  if (!cancelled.ok) return say(failureText(cancelled.failure.code, cancelled.failure.params, lang));
  return { queuedNotifications: true, replies: [{ text: ltext('cancelled', lang, { number: leave.number }) }] };
}

/** Everyone on sanctioned leave or an approved tour on a date, with who holds their charge. */
export async function whoIsOutCommand(ctx: CommandContext): Promise<Outcome> {
  const { tx, lang, deps } = ctx;
  const date = ctx.parse.entities.startDate ?? istDate(deps.clock.now());
  const leaves = await tx.leave.covering(date, ['sanctioned', 'curtailed']);
  const tours = await tx.tours.covering(date, ['approved']);
  const lines: string[] = [];
  for (const l of leaves) {
    const e = await tx.employees.byId(l.employeeId);
    const charge = l.chargeToId === null ? null : await tx.employees.byId(l.chargeToId);
    lines.push(ltext('outLine', lang, { name: e?.name ?? '', post: e?.post ?? '', what: `${l.type} ${l.number}`, charge: charge?.name ?? '' }));
  }
  for (const t of tours) {
    const e = await tx.employees.byId(t.employeeId);
    const charge = t.chargeToId === null ? null : await tx.employees.byId(t.chargeToId);
    lines.push(ltext('outLine', lang, { name: e?.name ?? '', post: e?.post ?? '', what: `${lang === 'hi' ? 'दौरा' : 'tour'} ${t.destinations.join(', ')}`, charge: charge?.name ?? '' }));
  }
  if (lines.length === 0) return say(ltext('nobodyOut', lang, { date }));
  return say([ltext('outHeader', lang, { date, count: lines.length }), ...lines].join('\n'));
}
