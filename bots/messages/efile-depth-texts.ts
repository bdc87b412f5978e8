// What the assistant says about pull back, yellow (draft) notes and note references, in Hindi and
// English, and how their notifications read when delivered.
import type { Notification } from '../../core/outbox/notify.ts';
import type { UiLanguage } from '../../core/types.ts';
import type { Reply } from '../reply.ts';
import { sentences, type P } from './say.ts';

const DEPTH_TEXT = sentences({
  pulledBack: {
    hi: (p) => `${p.number} ${p.from} से वापस ले ली गई; अब यह आपके पास है। उन्हें सूचित कर दिया गया है।`,
    en: (p) => `${p.number} is pulled back from ${p.from}; it is with you again. They have been told.`,
  },
  pulledBackNote: {
    hi: (p) => `${p.by} (${p.byPost}) ने ${p.number} (${p.subject}) वापस ले ली है; यह अब आपके पास नहीं है, इस पर कुछ करने की आवश्यकता नहीं।`,
    en: (p) => `${p.by} (${p.byPost}) has pulled back ${p.number} (${p.subject}); it is no longer with you and needs nothing from you.`,
  },
  btnPullBack: { hi: () => 'वापस लें', en: () => 'Pull back' },
  pullBackWhich: {
    hi: () => 'कौन-सी संचिका या प्राप्ति वापस लेनी है? जैसे: वापस लें GOP-1/2026',
    en: () => 'Which file or receipt should be pulled back? e.g.: pull back GOP-1/2026',
  },
  draftWritten: {
    hi: (p) => `मसौदा टिप्पणी #${p.id} ${p.number} पर सहेजी गई (पीली टिप्पणी: नोटशीट पर नहीं जाती)।${p.toHolder ? ` ${p.holder} को पुष्टि के लिए भेजी गई।` : ' पुष्टि करने पर यह हरी टिप्पणी बनेगी।'}`,
    en: (p) => `Draft note #${p.id} saved on ${p.number} (a yellow note: not on the note sheet).${p.toHolder ? ` Sent to ${p.holder} to confirm.` : ' Confirm it to make it a green note.'}`,
  },
  draftForHolder: {
    hi: (p) => `📝 मसौदा टिप्पणी #${p.id} — ${p.number} (${p.subject})\n${p.writer} द्वारा:\n«${p.text}»\nसंशोधित करने के लिए इस संदेश के उत्तर में सही पाठ भेजें (या: मसौदा ${p.id}: <पाठ>)।`,
    en: (p) => `📝 Draft note #${p.id} — ${p.number} (${p.subject})\nby ${p.writer}:\n«${p.text}»\nTo correct it, reply to this message with the corrected text (or: draft ${p.id}: <text>).`,
  },
  draftEdited: {
    hi: (p) => `मसौदा टिप्पणी #${p.id} (${p.number}) संशोधित:\n«${p.text}»`,
    en: (p) => `Draft note #${p.id} (${p.number}) corrected:\n«${p.text}»`,
  },
  draftEditedNote: {
    hi: (p) => `${p.by} ने आपकी मसौदा टिप्पणी #${p.id} (${p.number}) संशोधित की:\n«${p.text}»`,
    en: (p) => `${p.by} corrected your draft note #${p.id} on ${p.number}:\n«${p.text}»`,
  },
  draftConfirmed: {
    hi: (p) => `मसौदा #${p.id} पुष्ट: ${p.number} पर हरी टिप्पणी ${p.note} बन गई।`,
    en: (p) => `Draft #${p.id} confirmed: it is green note ${p.note} on ${p.number}.`,
  },
  draftConfirmedNote: {
    hi: (p) => `${p.by} ने आपकी मसौदा टिप्पणी #${p.id} पुष्ट की: ${p.number} पर टिप्पणी ${p.note}।`,
    en: (p) => `${p.by} confirmed your draft note #${p.id}: note ${p.note} on ${p.number}.`,
  },
  draftDiscarded: {
    hi: (p) => `मसौदा टिप्पणी #${p.id} (${p.number}) हटा दी गई।`,
    en: (p) => `Draft note #${p.id} (${p.number}) discarded.`,
  },
  draftDiscardedNote: {
    hi: (p) => `${p.by} ने आपकी मसौदा टिप्पणी #${p.id} (${p.number}) हटा दी।`,
    en: (p) => `${p.by} discarded your draft note #${p.id} on ${p.number}.`,
  },
  draftWhichFile: {
    hi: () => 'मसौदा किस संचिका पर? संचिका संख्या के साथ लिखें, जैसे: मसौदा टिप्पणी GOP-1/2026: आदेशार्थ प्रस्तुत।',
    en: () => 'A draft on which file? Give the number, e.g.: draft GOP-1/2026: Submitted for orders.',
  },
  draftsNone: { hi: (p) => `${p.number} पर आपको दिखने वाली कोई खुली मसौदा टिप्पणी नहीं है।`, en: (p) => `There is no open draft note on ${p.number} for you.` },
  draftsList: { hi: (p) => `${p.number} की मसौदा टिप्पणियाँ:\n${p.list}`, en: (p) => `Draft notes on ${p.number}:\n${p.list}` },
  draftLine: { hi: (p) => `#${p.id} (${p.writer}): «${p.text}»`, en: (p) => `#${p.id} (${p.writer}): «${p.text}»` },
  btnConfirmDraft: { hi: () => 'पुष्ट करें (हरी टिप्पणी)', en: () => 'Confirm (green note)' },
  btnConfirmApprove: { hi: () => 'पुष्ट कर स्वीकृत करें', en: () => 'Confirm and approve' },
  btnDiscardDraft: { hi: () => 'हटाएँ', en: () => 'Discard' },
  letterCaption: {
    hi: (p) => `${p.number} — ${p.place}: प्राप्ति ${p.diary} (${p.subject})`,
    en: (p) => `${p.number} — ${p.place}: receipt ${p.diary} (${p.subject})`,
  },
  noSuchLetter: {
    hi: (p) => `${p.number} के पत्राचार में ${p.place} नहीं है (${p.count} पत्र हैं)।`,
    en: (p) => `${p.number} has no ${p.place} in its correspondence (it has ${p.count} letter(s)).`,
  },
});

export type DepthTextKey = keyof typeof DEPTH_TEXT;

export function dtext(key: DepthTextKey, lang: UiLanguage, params: P = {}): string {
  return DEPTH_TEXT[key][lang](params);
}

const NOTIFICATION_TEXT: Record<string, DepthTextKey> = {
  'file.pulled_back': 'pulledBackNote',
  'receipt.pulled_back': 'pulledBackNote',
  'draft.written': 'draftForHolder',
  'draft.edited': 'draftEditedNote',
  'draft.confirmed': 'draftConfirmedNote',
  'draft.discarded': 'draftDiscardedNote',
};

/** The buttons a draft note comes with for the file's holder. */
export function draftButtons(id: string | number, lang: UiLanguage): Reply['buttons'] {
  return [
    { label: dtext('btnConfirmDraft', lang), command: `/draft.confirm ${id}` },
    { label: dtext('btnConfirmApprove', lang), command: `/draft.approve ${id}` },
    { label: dtext('btnDiscardDraft', lang), command: `/draft.discard ${id}` },
  ];
}

/** Pull back and draft-note notifications; null for any other kind. */
export function renderDepthNotification(notification: Notification, lang: UiLanguage): Reply | null {
  const key = NOTIFICATION_TEXT[notification.kind];
  if (key === undefined) return null;
  const reply: Reply = { text: dtext(key, lang, notification.params) };
  if (notification.subject !== undefined) reply.subject = notification.subject;
  if (notification.kind === 'draft.written') reply.buttons = draftButtons(notification.params.id ?? '', lang);
  return reply;
}
