// Notifications are stored as {kind, params} and said here, in the recipient's language, when delivered.
import type { Notification } from '../../core/outbox/notify.ts';
import type { UiLanguage } from '../../core/types.ts';
import type { Reply } from '../reply.ts';
import { text, type TextKey } from './texts.ts';
import { etext, type EfileTextKey } from './efile-texts.ts';
import { ltext, type LeaveTextKey } from './leave-texts.ts';
import { renderPendencyNotification } from './pendency-texts.ts';
import { ttext, type TourTextKey } from './tour-texts.ts';
import { renderCircularNotification } from './circular-texts.ts';
import { renderTrainingNotification } from './training-texts.ts';
import { renderLetterNotification } from './letter-texts.ts';
import { channelName } from './channel-names.ts';
import { renderDeadlineNotification } from './deadline-texts.ts';
import { renderDepthNotification } from './efile-depth-texts.ts';

// Newer features render their own kinds; each returns null for a kind that is not its own.
const FEATURE_RENDERERS = [renderPendencyNotification, renderCircularNotification, renderTrainingNotification, renderLetterNotification, renderDepthNotification, renderDeadlineNotification];

const KIND_TO_TEXT: Record<string, { key: TextKey } | { ekey: EfileTextKey } | { lkey: LeaveTextKey } | { tkey: TourTextKey }> = {
  'account.linked': { key: 'newLinkNotice' },
  'account.link_requested': { key: 'linkRequestedNotice' },
  'account.preferred_changed': { key: 'preferredChangedNotice' },
  'audit.head': { key: 'auditHeadNote' },
  'message.direct': { key: 'directMessage' },
  'message.reply': { key: 'directReply' },
  'file.received': { ekey: 'fileReceived' },
  'receipt.received': { ekey: 'receiptReceived' },
  'file.approved': { ekey: 'fileApproved' },
  'file.returned': { ekey: 'fileReturned' },
  'file.routed_to_charge': { ekey: 'routedToCharge' },
  'leave.applied': { lkey: 'applied' },
  'leave.resubmitted': { lkey: 'resubmittedNote' },
  'leave.sanctioned': { lkey: 'sanctionedNote' },
  'leave.refused': { lkey: 'refusedNote' },
  'leave.returned': { lkey: 'returnedNote' },
  'leave.cancelled': { lkey: 'cancelledNote' },
  'leave.curtailed': { lkey: 'curtailedNote' },
  'leave.charge_given': { lkey: 'chargeNote' },
  'leave.order': { lkey: 'orderSent' },
  'leave.routed_to_charge': { lkey: 'routedToChargeNote' },
  'leave.waiting_in_charge': { lkey: 'applied' },
  'tour.waiting_in_charge': { tkey: 'applied' },
  'ta.waiting_in_charge': { tkey: 'claimNote' },
  'tour.routed_to_charge': { lkey: 'routedToChargeNote' },
  'tour.order': { lkey: 'orderSent' },
  'ta.order': { lkey: 'orderSent' },
  'tour.applied': { tkey: 'applied' },
  'tour.resubmitted': { tkey: 'applied' },
  'tour.approved': { tkey: 'approvedNote' },
  'tour.refused': { tkey: 'refusedNote' },
  'tour.returned': { tkey: 'returnedNote' },
  'tour.cancelled': { tkey: 'cancelledNote' },
  'tour.charge_given': { tkey: 'chargeNote' },
  'ta.submitted': { tkey: 'claimNote' },
  'ta.approved': { tkey: 'claimDecidedNote' },
  'ta.refused': { tkey: 'claimDecidedNote' },
  'ta.returned': { tkey: 'claimDecidedNote' },
};

export function renderNotification(notification: Notification, lang: UiLanguage): Reply {
  if (notification.kind === 'reply' && notification.reply !== undefined) {
    const { text: body, buttons } = notification.reply;
    return { text: body, ...(buttons !== undefined ? { buttons } : {}), ...(notification.subject !== undefined ? { subject: notification.subject } : {}) };
  }
  for (const render of FEATURE_RENDERERS) {
    const rendered = render(notification, lang);
    if (rendered !== null) return rendered;
  }
  const entry = KIND_TO_TEXT[notification.kind];
  // A chat is named as people know it ("Teams / web chat"), never by the adapter's id.
  if (typeof notification.params.channel === 'string') notification = { ...notification, params: { ...notification.params, channel: channelName(notification.params.channel, lang) } };
  // An unknown kind is a programming error in a newer writer; still deliver something readable.
  const body = entry === undefined ? `${notification.kind}: ${JSON.stringify(notification.params)}`
    : 'key' in entry ? text(entry.key, lang, notification.params)
      : 'ekey' in entry ? etext(entry.ekey, lang, notification.params)
        : 'lkey' in entry ? ltext(entry.lkey, lang, notification.params)
          : ttext(entry.tkey, lang, { ...notification.params, status: statusWord(notification.kind.split('.')[1] ?? '', lang) });
  // An application that reached the link officer says for whom they decide it.
  const onBehalfOf = notification.kind.startsWith('file.') ? undefined : notification.params.onBehalfOf;
  const { awayFrom, awayUntil } = notification.params;
  const behalfLine = onBehalfOf === undefined || onBehalfOf === '' ? null : awayFrom === undefined
    ? ltext('onBehalfOf', lang, { name: onBehalfOf })
    : ltext('onBehalfOfFrom', lang, { name: onBehalfOf, from: awayFrom, until: awayUntil ?? '' });
  const reply: Reply = { text: behalfLine === null ? body : `${body}\n${behalfLine}` };
  if (notification.subject !== undefined) reply.subject = notification.subject;
  if (notification.kind === 'file.received') {
    const n = String(notification.params.number);
    // Buttons carry the same commands a typed reply would give.
    reply.buttons = [
      { label: etext('btnApprove', lang), command: `/file.approve ${n}` },
      { label: etext('btnReturn', lang), command: `/file.return ${n}` },
      { label: etext('btnNoteSheet', lang), command: `/file.sheet ${n}` },
    ];
  }
  if (notification.kind === 'leave.applied' || notification.kind === 'leave.resubmitted' || notification.kind === 'leave.waiting_in_charge') {
    const n = String(notification.params.number);
    reply.buttons = [
      { label: ltext('btnSanction', lang), command: `/leave.sanction ${n}` },
      { label: ltext('btnRefuse', lang), command: `/leave.refuse ${n}` },
      { label: ltext('btnReturnLeave', lang), command: `/leave.return ${n}` },
    ];
  }
  if (['tour.applied', 'ta.submitted', 'tour.waiting_in_charge', 'ta.waiting_in_charge'].includes(notification.kind)) {
    const n = String(notification.params.number);
    const prefix = notification.kind.startsWith('tour.') ? '/tour' : '/ta';
    reply.buttons = [
      { label: ttext('btnApprove', lang), command: `${prefix}.approve ${n}` },
      { label: ttext('btnRefuse', lang), command: `${prefix}.refuse ${n}` },
    ];
  }
  return reply;
}

function statusWord(status: string, lang: UiLanguage): string {
  const words: Record<string, [string, string]> = { approved: ['स्वीकृत', 'approved'], refused: ['अस्वीकृत', 'refused'], returned: ['वापस', 'returned'], submitted: ['प्रस्तुत', 'submitted'] };
  return words[status]?.[lang === 'hi' ? 0 : 1] ?? status;
}
