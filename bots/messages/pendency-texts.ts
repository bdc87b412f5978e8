// What the assistant says about pendency — the morning digest, the report, the reminder switch — in
// Hindi and English. The digest arrives as data (DigestParams) and is said here at delivery.
import type { Notification } from '../../core/outbox/notify.ts';
import type { PendingKind } from '../../core/pendency/pending-for.ts';
import type { UiLanguage } from '../../core/types.ts';
import type { Reply } from '../reply.ts';
import { leftText } from './deadline-texts.ts';
import { sentences, type P } from './say.ts';
const d = (iso: string | number | undefined) => String(iso ?? '').split('-').reverse().join('-');

/** One line of a digest, short keys because it travels as JSON inside the outbox payload. */
export interface DigestLine {
  /** file | receipt | leave | tour | ta */
  k: string;
  /** Number. */
  n: string;
  /** Subject, shortened. */
  s: string;
  /** Age in working days. */
  d: number;
  /** 1 when parked (files) or returned for clarification (applications). */
  p?: 1;
  r?: 1;
  /** 1 when over the service level. */
  o?: 1;
  /** The statutory deadline it carries: the kind's names, days (hours) left, 1 when overdue, how it counts. */
  t?: { en: string; hi: string; d: number; h: number; o: 0 | 1; c: string };
}

export interface TeamBlock {
  name: string;
  post: string;
  /** How many of theirs are overdue (lines may be fewer). */
  count: number;
  lines: DigestLine[];
}

/** The params of a `pendency.digest` notification, decoded. */
export interface DigestData {
  day: string;
  ownTotal: number;
  overdue: number;
  own: DigestLine[];
  teamTotal: number;
  /** How many direct reports have overdue items (`team` may list fewer). */
  teamMembers: number;
  team: TeamBlock[];
}

const KIND: Record<PendingKind, [string, string]> = {
  file: ['संचिका', 'File'], receipt: ['प्राप्ति', 'Receipt'], leave: ['अवकाश आवेदन', 'Leave'],
  tour: ['दौरा कार्यक्रम', 'Tour'], ta: ['यात्रा भत्ता दावा', 'TA claim'],
};

function line(l: DigestLine, lang: UiLanguage): string {
  const hi = lang === 'hi';
  // `k` comes back from JSON in the outbox: a kind this version does not know is shown as it is.
  const kind = (KIND as Partial<Record<string, [string, string]>>)[l.k]?.[hi ? 0 : 1] ?? l.k;
  const age = hi ? `${l.d} कार्य दिवस` : `${l.d} working day${l.d === 1 ? '' : 's'}`;
  const flags = [
    l.o ? (hi ? '⚠ समय-सीमा पार' : '⚠ overdue') : '',
    l.p ? (hi ? 'रोकी गई' : 'parked') : '',
    l.r ? (hi ? 'स्पष्टीकरण हेतु लौटाया' : 'returned to you') : '',
  ].filter((f) => f !== '');
  const statutory = l.t === undefined ? '' : ` — ⏳ ${hi ? l.t.hi : l.t.en}: ${leftText({ daysLeft: l.t.d, hoursLeft: l.t.h, overdue: l.t.o, counts: l.t.c }, lang)}`;
  return `${kind} ${l.n} — ${l.s} — ${age}${flags.length > 0 ? ` (${flags.join(', ')})` : ''}${statutory}`;
}

/** Room for the lines of a digest: one chat message (Telegram's limit is 4,096), with a margin. */
export const DIGEST_BUDGET = 3_600;

/** The digest as one message in the recipient's language; lines beyond the budget are counted, not listed. */
export function digestText(data: DigestData, lang: UiLanguage): string {
  const hi = lang === 'hi';
  const out: string[] = [];
  let used = 200;
  const fits = (text: string) => used + text.length + 1 <= DIGEST_BUDGET;
  const push = (text: string) => { out.push(text); used += text.length + 1; };
  if (data.ownTotal > 0) {
    push(hi
      ? `${d(data.day)} — आपके पास लंबित: ${data.ownTotal}${data.overdue > 0 ? ` (${data.overdue} समय-सीमा पार)` : ''}, सबसे पुराने पहले:`
      : `${d(data.day)} — pending with you: ${data.ownTotal}${data.overdue > 0 ? ` (${data.overdue} overdue)` : ''}, oldest first:`);
    let shown = 0;
    for (const l of data.own) {
      const text = `${shown + 1}. ${line(l, lang)}`;
      if (!fits(text)) break;
      push(text);
      shown++;
    }
    const more = data.ownTotal - shown;
    if (more > 0) push(hi ? `…और ${more}। पूरी सूची: "मेरे पास क्या है"` : `…and ${more} more. Full list: "what is with me"`);
  }
  if (data.teamTotal > 0) {
    if (out.length > 0) push('');
    push(hi ? `आपकी टीम के पास समय-सीमा पार लंबित: ${data.teamTotal}` : `Overdue with your team: ${data.teamTotal}`);
    let people = 0;
    for (const member of data.team) {
      const head = `• ${member.name} (${member.post}): ${member.count}`;
      if (!fits(head)) break;
      push(head);
      people++;
      let shown = 0;
      for (const l of member.lines) {
        const text = `   – ${line(l, lang)}`;
        if (!fits(text)) break;
        push(text);
        shown++;
      }
      if (member.count > shown) push(hi ? `   – …और ${member.count - shown}` : `   – …and ${member.count - shown} more`);
    }
    // `team` itself is capped when written (digest-params.ts); teamMembers says how far it goes.
    if (people < data.teamMembers) push(hi ? `…और ${data.teamMembers - people} कर्मी` : `…and ${data.teamMembers - people} more people`);
  } else if (data.ownTotal === 0) {
    out.push(hi ? `${d(data.day)} — कुछ लंबित नहीं।` : `${d(data.day)} — nothing pending.`);
  }
  out.push('');
  out.push(hi ? 'ये सुबह के अनुस्मारक बंद करने के लिए लिखें: reminders off' : 'To stop these morning reminders, send: reminders off');
  return out.join('\n');
}

/** Decodes the params written by the digest job; throws on a payload it did not write. */
export function digestData(params: P): DigestData {
  const team = JSON.parse(String(params.team ?? '[]')) as TeamBlock[];
  return {
    day: String(params.day ?? ''),
    ownTotal: Number(params.ownTotal ?? 0),
    overdue: Number(params.overdue ?? 0),
    own: JSON.parse(String(params.own ?? '[]')) as DigestLine[],
    teamTotal: Number(params.teamTotal ?? 0),
    team,
    teamMembers: Number(params.teamMembers ?? team.length),
  };
}

export const PENDENCY_TEXT = sentences({
  // From the morning job (fetch the PDF by asking) or, `attached` set, with the PDF asked for in chat.
  reportReady: {
    hi: (p) => p.attached
      ? `${d(p.day)} का लंबित प्रतिवेदन संलग्न है: ${p.total} लंबित संचिकाएँ/प्राप्तियाँ, जिनमें ${p.over30} 30 कार्य दिवस से पुरानी; पिछले 7 दिनों में ${p.disposed} निष्पादित।`
      : `${d(p.day)} का लंबित प्रतिवेदन तैयार है: ${p.total} लंबित संचिकाएँ/प्राप्तियाँ, जिनमें ${p.over30} 30 कार्य दिवस से पुरानी; पिछले 7 दिनों में ${p.disposed} निष्पादित। PDF के लिए लिखें: लंबित प्रतिवेदन`,
    en: (p) => p.attached
      ? `The pendency report for ${d(p.day)} is attached: ${p.total} files and receipts pending, ${p.over30} of them over 30 working days; ${p.disposed} disposed of in the last 7 days.`
      : `The pendency report for ${d(p.day)} is ready: ${p.total} files and receipts pending, ${p.over30} of them over 30 working days; ${p.disposed} disposed of in the last 7 days. For the PDF, send: report pendency`,
  },
  reportPreparing: {
    hi: () => 'लंबित प्रतिवेदन तैयार किया जा रहा है। एक-दो मिनट में PDF यहीं भेजा जाएगा।',
    en: () => 'The pendency report is being prepared. The PDF will come here in a minute or two.',
  },
  reportFailed: {
    hi: (p) => `${d(p.day)} का लंबित प्रतिवेदन अभी नहीं बन सका। कुछ देर बाद फिर लिखें: लंबित प्रतिवेदन। बार-बार ऐसा हो तो जिला सूचना-विज्ञान पदाधिकारी (DIO) को बताएँ।`,
    en: (p) => `The pendency report for ${d(p.day)} could not be prepared just now. Please ask again in a while: report pendency. If it keeps happening, tell the District Informatics Officer (DIO).`,
  },
  reportCaption: {
    hi: (p) => `लंबित प्रतिवेदन, ${d(p.day)}: कुल ${p.total} लंबित, ${p.over30} 30 कार्य दिवस से पुरानी।`,
    en: (p) => `Pendency report, ${d(p.day)}: ${p.total} pending, ${p.over30} over 30 working days.`,
  },
  reportNotAllowed: {
    hi: () => 'लंबित प्रतिवेदन केवल जिलाधिकारी और नामित पदाधिकारियों को मिलता है। अपनी लंबित सूची के लिए लिखें: मेरे पास क्या है',
    en: () => 'The pendency report goes only to the Collector and the officers named for it. For your own list, send: what is with me',
  },
  remindersOff: {
    hi: () => 'सुबह के लंबित अनुस्मारक बंद कर दिए गए। आपकी समय-सीमा पार फ़ाइलें फिर भी आपके नियंत्रक पदाधिकारी को दिखेंगी। फिर चालू करने के लिए: reminders on',
    en: () => 'Morning pendency reminders are off. Your overdue items will still be shown to your reporting officer. To turn them back on: reminders on',
  },
  remindersOn: {
    hi: () => 'सुबह के लंबित अनुस्मारक चालू हैं।',
    en: () => 'Morning pendency reminders are on.',
  },
  remindersAlreadyOff: { hi: () => 'अनुस्मारक पहले से बंद हैं।', en: () => 'Reminders are already off.' },
  remindersAlreadyOn: { hi: () => 'अनुस्मारक पहले से चालू हैं।', en: () => 'Reminders are already on.' },
});

export type PendencyTextKey = keyof typeof PENDENCY_TEXT;

export function ptext(key: PendencyTextKey, lang: UiLanguage, params: P = {}): string {
  return PENDENCY_TEXT[key][lang](params);
}

/**
 * The pendency notifications said in the recipient's language (null for any other kind), for the
 * dispatcher's list of feature renderers (bots/messages/notifications.ts).
 */
export function renderPendencyNotification(notification: Notification, lang: UiLanguage): Reply | null {
  if (notification.kind === 'pendency.digest') return { text: digestText(digestData(notification.params), lang) };
  if (notification.kind === 'pendency.report_ready') return { text: ptext('reportReady', lang, notification.params) };
  if (notification.kind === 'pendency.report_failed') return { text: ptext('reportFailed', lang, notification.params) };
  return null;
}
