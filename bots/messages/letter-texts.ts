// Texts for outgoing letters and their dispatch (पत्र / प्रेषण), in Hindi and English.
import type { Notification } from '../../core/outbox/notify.ts';
import type { UiLanguage } from '../../core/types.ts';
import type { Reply } from '../reply.ts';

/** Renders a notification of this feature, or null when the kind is not one of ours. */
export function renderLetterNotification(_notification: Notification, _lang: UiLanguage): Reply | null {
  return null;
}
