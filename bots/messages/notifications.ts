// Notifications are stored as {kind, params} and said here, in the recipient's language, when delivered.
import type { Notification } from '../../core/outbox/notify.ts';
import type { UiLanguage } from '../../core/types.ts';
import type { Reply } from '../reply.ts';
import { text, type TextKey } from './texts.ts';
import { etext, type EfileTextKey } from './efile-texts.ts';

const KIND_TO_TEXT: Record<string, { key: TextKey } | { ekey: EfileTextKey }> = {
  'account.linked': { key: 'newLinkNotice' },
  'file.received': { ekey: 'fileReceived' },
  'receipt.received': { ekey: 'receiptReceived' },
  'file.approved': { ekey: 'fileApproved' },
  'file.returned': { ekey: 'fileReturned' },
};

export function renderNotification(notification: Notification, lang: UiLanguage): Reply {
  const entry = KIND_TO_TEXT[notification.kind];
  // An unknown kind is a programming error in a newer writer; still deliver something readable.
  const body = entry === undefined ? `${notification.kind}: ${JSON.stringify(notification.params)}`
    : 'key' in entry ? text(entry.key, lang, notification.params) : etext(entry.ekey, lang, notification.params);
  const reply: Reply = { text: body };
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
  return reply;
}
