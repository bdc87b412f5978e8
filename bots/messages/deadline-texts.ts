// Statutory deadlines in both languages: the proposal on a new receipt, the clerk's confirm /
// correct / dismiss, the days left as `status`, `my files` and the digest show them, the escalation
// notes to the reporting officer and the section officer, and the failure codes.
import type { DEADLINE_FAILURES } from '../../core/deadlines/failures.ts';
import type { Notification } from '../../core/outbox/notify.ts';
import type { UiLanguage } from '../../core/types.ts';
import type { Reply } from '../reply.ts';
import { sentences, type P, type Say } from './say.ts';

const EN_MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const HI_MONTHS = ['जनवरी', 'फरवरी', 'मार्च', 'अप्रैल', 'मई', 'जून', 'जुलाई', 'अगस्त', 'सितंबर', 'अक्टूबर', 'नवंबर', 'दिसंबर'];

/** "2027-01-06" → "6 Jan 2027" / "6 जनवरी 2027". */
export function dayText(iso: string | number | undefined, lang: UiLanguage): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(String(iso ?? ''));
  if (m === null) return String(iso ?? '');
  const month = (lang === 'hi' ? HI_MONTHS : EN_MONTHS)[Number(m[2]) - 1] ?? m[2];
  return `${Number(m[3])} ${month} ${m[1]}`;
}

const plural = (n: string | number | undefined, one: string, many: string) => (Number(n) === 1 ? one : many);

/** How the period counts, as the proposal says it: "(30 days)", "(60 working days)", "(48 hours)", "(3 days before the hearing)". */
function periodText(p: P, lang: UiLanguage): string {
  const n = p.period;
  switch (p.counts) {
    case 'calendar_days': return lang === 'hi' ? `${n} दिन` : `${n} ${plural(n, 'day', 'days')}`;
    case 'working_days': return lang === 'hi' ? `${n} कार्य दिवस` : `${n} working ${plural(n, 'day', 'days')}`;
    case 'hours': return lang === 'hi' ? `${n} घंटे` : `${n} hours`;
    case 'stated_date':
      if (Number(n) === 0) return lang === 'hi' ? `तिथि ${dayText(p.stated, lang)}` : `the date ${dayText(p.stated, lang)}`;
      return lang === 'hi' ? `तिथि ${dayText(p.stated, lang)} से ${n} दिन पहले` : `${n} ${plural(n, 'day', 'days')} before ${dayText(p.stated, lang)}`;
    default: return '';
  }
}

/** "12 days left" / "due today" / "overdue by 2 days"; hours for a deadline under two days away that counts in hours. */
export function leftText(p: P, lang: UiLanguage): string {
  const days = Number(p.daysLeft);
  const hours = Number(p.hoursLeft);
  if (p.overdue === 1) {
    const late = Math.max(1, -days);
    if (p.counts === 'hours' && hours > -48) return lang === 'hi' ? `${Math.max(1, -hours)} घंटे से समय-सीमा पार` : `overdue by ${Math.max(1, -hours)} ${plural(-hours, 'hour', 'hours')}`;
    return lang === 'hi' ? `${late} दिन से समय-सीमा पार` : `overdue by ${late} ${plural(late, 'day', 'days')}`;
  }
  if (p.counts === 'hours' && hours < 48) return lang === 'hi' ? `${hours} घंटे शेष` : `${hours} ${plural(hours, 'hour', 'hours')} left`;
  if (days === 0) return lang === 'hi' ? 'आज अंतिम दिन' : 'due today';
  return lang === 'hi' ? `${days} दिन शेष` : `${days} ${plural(days, 'day', 'days')} left`;
}

const kindName = (p: P, lang: UiLanguage) => String(lang === 'hi' ? p.kindHi : p.kindEn);

const DEADLINE_TEXTS = sentences({
  proposal: {
    hi: (p) => `⏳ ${kindName(p, 'hi')}: उत्तर की अंतिम तिथि ${dayText(p.dueDate, 'hi')} (${periodText(p, 'hi')}; ${p.source})।\nशब्द: ${p.why}\nपुष्टि करें, तिथि सुधारें (लिखें: समय-सीमा DD-MM-YYYY), या "वैधानिक नहीं" दबाएँ।`,
    en: (p) => `⏳ ${kindName(p, 'en')}: reply due ${dayText(p.dueDate, 'en')} (${periodText(p, 'en')}; ${p.source}).\nWords: ${p.why}\nConfirm, correct the date (send: deadline DD-MM-YYYY), or tap "not statutory".`,
  },
  readInScan: {
    hi: (p) => `${p.number} के स्कैन में पढ़ा गया:`,
    en: (p) => `Read in the scan of ${p.number}:`,
  },
  proposalNeedsDate: {
    hi: (p) => `⏳ यह ${kindName(p, 'hi')} लगता है (शब्द: ${p.why}), पर पत्र में सुनवाई/नियत तिथि नहीं मिली। तिथि भेजें: समय-सीमा DD-MM-YYYY — या "वैधानिक नहीं" दबाएँ।`,
    en: (p) => `⏳ This looks like a ${kindName(p, 'en')} (words: ${p.why}), but no hearing or fixed date was found in the letter. Send the due date: deadline DD-MM-YYYY — or tap "not statutory".`,
  },
  btnConfirm: { hi: () => 'पुष्टि करें', en: () => 'Confirm' },
  btnCorrect: { hi: () => 'तिथि सुधारें', en: () => 'Correct the date' },
  btnDismiss: { hi: () => 'वैधानिक नहीं', en: () => 'Not statutory' },
  askDate: {
    hi: (p) => `${p.number} की सही अंतिम तिथि भेजें, जैसे: समय-सीमा 10-01-2027`,
    en: (p) => `Send the correct due date for ${p.number}, e.g.: deadline 10-01-2027`,
  },
  confirmed: {
    hi: (p) => `✅ ${p.number}: ${kindName(p, 'hi')} की समय-सीमा ${dayText(p.dueDate, 'hi')} दर्ज (${leftText(p, 'hi')})। 75% समय बीतने पर और अंतिम तिथि पर नियंत्री पदाधिकारी व प्रशाखा पदाधिकारी को सूचना जाएगी।`,
    en: (p) => `✅ ${p.number}: ${kindName(p, 'en')} deadline ${dayText(p.dueDate, 'en')} recorded (${leftText(p, 'en')}). At 75% of the time and on the due date the reporting officer and the section officer will be told.`,
  },
  corrected: {
    hi: (p) => `✅ ${p.number}: ${kindName(p, 'hi')} की अंतिम तिथि आपके अनुसार ${dayText(p.dueDate, 'hi')} दर्ज (${leftText(p, 'hi')})।`,
    en: (p) => `✅ ${p.number}: ${kindName(p, 'en')} due date recorded as you gave it, ${dayText(p.dueDate, 'en')} (${leftText(p, 'en')}).`,
  },
  dismissed: {
    hi: (p) => `ठीक है: ${p.number} पर कोई वैधानिक समय-सीमा नहीं गिनी जाएगी। आवश्यकता हो तो बाद में लिखें: समय-सीमा DD-MM-YYYY`,
    en: (p) => `All right: no statutory deadline will be counted on ${p.number}. If needed later, send: deadline DD-MM-YYYY`,
  },
  line: {
    hi: (p) => `⏳ ${kindName(p, 'hi')}: ${leftText(p, 'hi')} (अंतिम तिथि ${dayText(p.dueDate, 'hi')})`,
    en: (p) => `⏳ ${kindName(p, 'en')}: ${leftText(p, 'en')} (due ${dayText(p.dueDate, 'en')})`,
  },
  shortLine: {
    hi: (p) => `⏳ ${p.kindShort}: ${leftText(p, 'hi')}`,
    en: (p) => `⏳ ${p.kindShort}: ${leftText(p, 'en')}`,
  },
  pendingLine: {
    hi: (p) => `⏳ प्रस्तावित: ${kindName(p, 'hi')}, अंतिम तिथि ${dayText(p.dueDate, 'hi')} — पुष्टि बाकी`,
    en: (p) => `⏳ Proposed: ${kindName(p, 'en')}, due ${dayText(p.dueDate, 'en')} — not yet confirmed`,
  },
  noDeadline: {
    hi: (p) => `${p.number} पर कोई वैधानिक समय-सीमा दर्ज या प्रस्तावित नहीं है। दर्ज करने के लिए लिखें: समय-सीमा <प्रकार> DD-MM-YYYY (प्रकार: ${p.kinds})`,
    en: (p) => `${p.number} has no statutory deadline recorded or proposed. To record one, send: deadline <kind> DD-MM-YYYY (kinds: ${p.kinds})`,
  },
  whichReceipt: {
    hi: () => 'किस पत्र की समय-सीमा? पहले पत्र खोलें (स्थिति <डायरी संख्या>) या संख्या साथ लिखें: समय-सीमा 10-01-2027 SAH/R/2026/000123',
    en: () => 'Which letter\'s deadline? Open it first (status <diary number>) or give its number: deadline 10-01-2027 SAH/R/2026/000123',
  },
  warningNote: {
    hi: (p) => `⚠️ वैधानिक समय-सीमा का 75% समय बीत गया: ${p.number} — ${p.subject}\n${p.kindHi}, अंतिम तिथि ${dayText(p.dueDate, 'hi')}; अभी ${p.holder} के पास।`,
    en: (p) => `⚠️ 75% of a statutory deadline has passed: ${p.number} — ${p.subject}\n${p.kindEn}, due ${dayText(p.dueDate, 'en')}; now with ${p.holder}.`,
  },
  dueNote: {
    hi: (p) => `🔴 वैधानिक समय-सीमा समाप्त: ${p.number} — ${p.subject}\n${p.kindHi}, अंतिम तिथि ${dayText(p.dueDate, 'hi')} थी; अभी ${p.holder} के पास।`,
    en: (p) => `🔴 Statutory deadline passed: ${p.number} — ${p.subject}\n${p.kindEn} was due ${dayText(p.dueDate, 'en')}; now with ${p.holder}.`,
  },
});

export type DeadlineTextKey = keyof typeof DEADLINE_TEXTS;

export function dtext(key: DeadlineTextKey, lang: UiLanguage, params: P = {}): string {
  return DEADLINE_TEXTS[key][lang](params);
}

export const DEADLINE_FAILURE_TEXT: Record<(typeof DEADLINE_FAILURES)[number], Say> = {
  'DEADLINE.DATE_NEEDED': {
    hi: () => 'इस प्रकार की समय-सीमा पत्र में दी गई तिथि (सुनवाई) से गिनी जाती है, जो नहीं मिली। अंतिम तिथि स्वयं भेजें: समय-सीमा DD-MM-YYYY। कुछ नहीं बदला।',
    en: () => 'This kind of deadline counts from the date the letter gives (the hearing), and none was found. Send the due date itself: deadline DD-MM-YYYY. Nothing was changed.',
  },
  'DEADLINE.BAD_DATE': {
    hi: (p) => `"${p.date}" कोई सही तिथि नहीं है। दिन-माह-वर्ष लिखें, जैसे: समय-सीमा 10-01-2027। कुछ नहीं बदला।`,
    en: (p) => `"${p.date}" is not a real date. Write day-month-year, e.g.: deadline 10-01-2027. Nothing was changed.`,
  },
  'DEADLINE.BEFORE_RECEIPT': {
    hi: (p) => `अंतिम तिथि ${dayText(p.dueDate, 'hi')} पत्र की प्राप्ति (${dayText(p.receivedOn, 'hi')}) से पहले है। सही तिथि भेजें। कुछ नहीं बदला।`,
    en: (p) => `The due date ${dayText(p.dueDate, 'en')} is before the letter was received (${dayText(p.receivedOn, 'en')}). Send the right date. Nothing was changed.`,
  },
  'DEADLINE.NONE': {
    hi: (p) => `${p.number} पर कोई वैधानिक समय-सीमा प्रस्तावित नहीं है, इसलिए प्रकार भी लिखें, जैसे: समय-सीमा rti 10-01-2027 (प्रकार: ${p.kinds})। कुछ नहीं बदला।`,
    en: (p) => `No statutory deadline was proposed on ${p.number}, so name its kind too, e.g.: deadline rti 10-01-2027 (kinds: ${p.kinds}). Nothing was changed.`,
  },
  'DEADLINE.UNKNOWN_KIND': {
    hi: (p) => `"${p.kind}" कार्यालय के समय-सीमा नियमों में कोई प्रकार नहीं है। कुछ नहीं बदला।`,
    en: (p) => `"${p.kind}" is not a kind of deadline in the office's rules. Nothing was changed.`,
  },
};

/** The escalation notes (kinds deadline.warning and deadline.due); null for any other kind. */
export function renderDeadlineNotification(notification: Notification, lang: UiLanguage): Reply | null {
  const key = notification.kind === 'deadline.warning' ? 'warningNote' : notification.kind === 'deadline.due' ? 'dueNote' : null;
  if (key === null) return null;
  const reply: Reply = { text: dtext(key, lang, notification.params) };
  if (notification.subject !== undefined) reply.subject = notification.subject;
  return reply;
}
