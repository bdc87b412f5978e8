// Texts for circulars and notices (परिपत्र / सूचना), in Hindi and English.
import type { Notification } from '../../core/outbox/notify.ts';
import type { UiLanguage } from '../../core/types.ts';
import type { Reply } from '../reply.ts';
import { sentences, type P } from './say.ts';

/** परिपत्र or सूचना, as the sender called it (params.notice = 1 for a notice). */
const word = (p: P, lang: UiLanguage): string => (lang === 'hi' ? (p.notice === 1 ? 'सूचना' : 'परिपत्र') : p.notice === 1 ? 'Notice' : 'Circular');
const body = (p: P): string => (p.text === '' || p.text === undefined ? '' : `\n\n${p.text}`);
const line = (p: P, key: string): string => (p[key] === undefined || p[key] === '' ? '' : `\n${p[key]}`);

const TEXTS = sentences({
  issued: {
    hi: (p: P) => `📢 ${word(p, 'hi')} ${p.number}\nप्रेषक: ${p.from} (${p.fromPost})${body(p)}\n\nकृपया ${p.ackBy} तक "देखा" दबाएँ या इस संदेश के उत्तर में "देखा" लिखें।`,
    en: (p: P) => `📢 ${word(p, 'en')} ${p.number}\nFrom: ${p.from} (${p.fromPost})${body(p)}\n\nPlease press "Acknowledge" (or reply "seen" to this message) by ${p.ackBy}.`,
  },
  reminder: {
    hi: (p: P) => `⏰ स्मरण: ${word(p, 'hi')} ${p.number} (${p.from}, ${p.fromPost}) की पावती अभी तक नहीं दी गई है; समय-सीमा ${p.ackBy} थी।${body(p)}\n\nकृपया "देखा" दबाएँ।`,
    en: (p: P) => `⏰ Reminder: you have not acknowledged ${word(p, 'en').toLowerCase()} ${p.number} from ${p.from} (${p.fromPost}); it was due by ${p.ackBy}.${body(p)}\n\nPlease press "Acknowledge".`,
  },
  summary: {
    hi: (p: P) => `${word(p, 'hi')} ${p.number}: ${p.recipients} में से ${p.pending} ने अभी तक पावती नहीं दी; ${p.reminded} को स्मरण भेजा गया।${Number(p.unreachable) > 0 ? ` ${p.unreachable} का कोई चैट जुड़ा नहीं है।` : ''}\nनाम देखें: circular status ${p.number}`,
    en: (p: P) => `${word(p, 'en')} ${p.number}: ${p.pending} of ${p.recipients} have not acknowledged; ${p.reminded} reminded.${Number(p.unreachable) > 0 ? ` ${p.unreachable} have no linked chat.` : ''}\nNames: circular status ${p.number}`,
  },
  sent: {
    hi: (p: P) => `✅ ${word(p, 'hi')} ${p.number} ${p.recipients} कर्मियों को भेजा गया${p.pdf === 1 ? ' (PDF सहित)' : ''}। पावती की समय-सीमा: ${p.ackBy}।${line(p, 'unreachable')}\nस्थिति: "परिपत्र स्थिति ${p.number}", या इस संदेश के उत्तर में "स्थिति"।`,
    en: (p: P) => `✅ ${word(p, 'en')} ${p.number} sent to ${p.recipients} employees${p.pdf === 1 ? ' (with the PDF)' : ''}. Acknowledge by: ${p.ackBy}.${line(p, 'unreachable')}\nStatus: "circular status ${p.number}", or reply "status" to this message.`,
  },
  unreachable: {
    hi: (p: P) => `${p.count} का कोई चैट जुड़ा नहीं है, उन तक नहीं पहुँचेगा: ${p.names}`,
    en: (p: P) => `${p.count} have no linked chat and will not get it: ${p.names}`,
  },
  acked: {
    hi: (p: P) => `✓ धन्यवाद, ${word(p, 'hi')} ${p.number} की पावती दर्ज हुई।`,
    en: (p: P) => `✓ Thank you: your acknowledgement of ${word(p, 'en').toLowerCase()} ${p.number} is recorded.`,
  },
  alreadyAcked: {
    hi: (p: P) => `${word(p, 'hi')} ${p.number} की पावती आप ${p.at} को दे चुके हैं।`,
    en: (p: P) => `You already acknowledged ${word(p, 'en').toLowerCase()} ${p.number} on ${p.at}.`,
  },
  othersOpen: {
    hi: (p: P) => `पावती के लिए ${p.count} और परिपत्र बाकी हैं: ${p.numbers}। देखें: मेरे परिपत्र`,
    en: (p: P) => `${p.count} more circulars await your acknowledgement: ${p.numbers}. See: my circulars`,
  },
  nothingToAck: {
    hi: () => 'आपके पास पावती के लिए कोई परिपत्र बाकी नहीं है।',
    en: () => 'No circular is waiting for your acknowledgement.',
  },
  mine: {
    hi: (p: P) => `पावती के लिए बाकी परिपत्र (${p.count}):`,
    en: (p: P) => `Circulars awaiting your acknowledgement (${p.count}):`,
  },
  mineLine: {
    hi: (p: P) => `• ${p.number} — ${p.from}: ${p.snippet} (समय-सीमा ${p.ackBy})`,
    en: (p: P) => `• ${p.number} — ${p.from}: ${p.snippet} (due ${p.ackBy})`,
  },
  status: {
    hi: (p: P) => `${word(p, 'hi')} ${p.number} (${p.sender}, ${p.sentAt})\nपावती की समय-सीमा: ${p.ackBy}${p.reminded === 1 ? ' — स्मरण भेजा जा चुका है' : ''}\nप्राप्तकर्ता: ${p.recipients} • पहुँचा: ${p.delivered} • पावती दी: ${p.acknowledged}`,
    en: (p: P) => `${word(p, 'en')} ${p.number} (${p.sender}, ${p.sentAt})\nAcknowledge by: ${p.ackBy}${p.reminded === 1 ? ' — reminder sent' : ''}\nRecipients: ${p.recipients} • received: ${p.delivered} • acknowledged: ${p.acknowledged}`,
  },
  statusPending: {
    hi: (p: P) => `पावती बाकी (${p.count}):`,
    en: (p: P) => `Not yet acknowledged (${p.count}):`,
  },
  statusUnreachable: {
    hi: (p: P) => `नहीं पहुँच सकता — चैट नहीं जुड़ा (${p.count}): ${p.names}`,
    en: (p: P) => `Not reachable — no linked chat (${p.count}): ${p.names}`,
  },
  statusAllAcked: {
    hi: () => 'सभी ने पावती दे दी है। ✓',
    en: () => 'Everyone has acknowledged. ✓',
  },
  andMore: {
    hi: (p: P) => `…और ${p.count}`,
    en: (p: P) => `…and ${p.count} more`,
  },
  btnAck: { hi: () => '✓ देखा', en: () => '✓ Acknowledge' },
  btnStatus: { hi: () => 'स्थिति', en: () => 'Status' },
});

export type CircularTextKey = keyof typeof TEXTS;

export function ctext(key: CircularTextKey, lang: UiLanguage, params: P = {}): string {
  return TEXTS[key][lang](params);
}

const ackButton = (number: string | number, lang: UiLanguage) => ({ label: ctext('btnAck', lang), command: `/circular.ack ${number}` });

/** Renders a notification of this feature, or null when the kind is not one of ours. */
export function renderCircularNotification(notification: Notification, lang: UiLanguage): Reply | null {
  const p = notification.params;
  const subject = notification.subject === undefined ? {} : { subject: notification.subject };
  switch (notification.kind) {
    case 'circular.issued':
      return { text: ctext('issued', lang, p), buttons: [ackButton(p.number ?? '', lang)], ...subject };
    case 'circular.reminder':
      return { text: ctext('reminder', lang, p), buttons: [ackButton(p.number ?? '', lang)], ...subject };
    case 'circular.summary':
      return { text: ctext('summary', lang, p), buttons: [{ label: ctext('btnStatus', lang), command: `/circular.status ${p.number}` }], ...subject };
    default:
      return null;
  }
}
