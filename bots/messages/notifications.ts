// Notifications are stored as {kind, params} and said here, in the recipient's language, when delivered.
import type { Notification } from '../../core/outbox/notify.ts';
import type { UiLanguage } from '../../core/types.ts';
import type { Reply } from '../reply.ts';
import { text, type TextKey } from './texts.ts';

const KIND_TO_TEXT: Record<string, TextKey> = {
  'account.linked': 'newLinkNotice',
};

export function renderNotification(notification: Notification, lang: UiLanguage): Reply {
  const key = KIND_TO_TEXT[notification.kind];
  // An unknown kind is a programming error in a newer writer; still deliver something readable.
  const body = key === undefined ? `${notification.kind}: ${JSON.stringify(notification.params)}` : text(key, lang, notification.params);
  return notification.subject === undefined ? { text: body } : { text: body, subject: notification.subject };
}
