// Texts for the training walkthrough (प्रशिक्षण), in Hindi and English. Every practice message
// starts with the practice mark, so that nobody takes it for real work.
import type { Notification } from '../../core/outbox/notify.ts';
import type { UiLanguage } from '../../core/types.ts';
import type { Reply } from '../reply.ts';
import { sentences, type P } from './say.ts';

export const PRACTICE_MARK = '🎓 (अभ्यास / practice)';
const d = (iso: unknown) => String(iso).split('-').reverse().join('-');

const TEXT = sentences({
  intro: {
    hi: (p) => [
      `प्रशिक्षण में स्वागत है, ${p.name} जी। यहाँ आप अभ्यास संचिका ${p.file} पर वे 6 काम करके देखेंगे जो रोज़ करने होंगे।`,
      'कुछ भी असली नहीं बदलेगा: न कोई प्राप्ति, न संचिका, न छुट्टी। यह किसी की लंबित सूची या रिपोर्ट में नहीं गिना जाएगा।',
      '1. डाक का स्कैन भेजना  2. टिप्पणी लिखना  3. संचिका आगे भेजना  4. छुट्टी का आवेदन  5. उत्तर देकर स्वीकृति  6. OTP से हस्ताक्षर',
      'बीच में छोड़ना हो तो लिखें: प्रशिक्षण बंद करें (प्रगति सुरक्षित रहेगी)।',
    ].join('\n'),
    en: (p) => [
      `Welcome to training, ${p.name}. On the practice file ${p.file} you will try the 6 things you will do every day.`,
      'Nothing real changes: no receipt, file or leave is made, and none of it counts in anyone\'s pendency or reports.',
      '1. forward a scan  2. add a note  3. move the file  4. apply for leave  5. approve by reply  6. sign with OTP',
      'To leave at any time, send: stop training (your progress is kept).',
    ].join('\n'),
  },
  resume: {
    hi: (p) => `फिर से स्वागत है, ${p.name} जी। ${p.done}/6 चरण हो चुके हैं; जो बाकी हैं वहीं से आगे बढ़ते हैं।`,
    en: (p) => `Welcome back, ${p.name}. ${p.done} of 6 steps are done; we carry on with the ones left.`,
  },
  again: {
    hi: (p) => `आप ${d(p.date)} को प्रशिक्षण पूरा कर चुके हैं। अभ्यास के लिए सभी चरण फिर से करते हैं।`,
    en: (p) => `You completed the training on ${d(p.date)}. Here are all the steps again, for practice.`,
  },
  scan: {
    hi: () => [
      'चरण 1/6 — डाक का स्कैन भेजना',
      'कार्यालय में: आने वाला हर पत्र (डाक) फोटो या PDF के रूप में यहाँ भेजा जाता है; वह आपके नाम प्राप्ति के रूप में दर्ज होता है और उसे डायरी संख्या मिलती है।',
      'अभी करें: किसी भी कागज़ की फोटो या कोई PDF यहाँ भेजें (📎 दबाकर)।',
    ].join('\n'),
    en: () => [
      'Step 1/6 — forward a scan',
      'In the office: every letter that comes in (dak) is sent here as a photo or PDF; it is diarised as a receipt in your name and gets a diary number.',
      'Do it now: send a photo of any paper, or any PDF (press 📎).',
    ].join('\n'),
  },
  scanDone: {
    hi: (p) => `✔ मिल गया: ${p.pages} पृष्ठ, अभ्यास डायरी संख्या ${p.diary}। असली में यह आपके नाम प्राप्ति बनती और "नई संचिका / संचिका में लगाएँ / आगे भेजें" के बटन आते। यहाँ कुछ दर्ज नहीं हुआ।`,
    en: (p) => `✔ Received: ${p.pages} page(s), practice diary number ${p.diary}. For real, this becomes a receipt in your name with the buttons "new file / put in a file / forward". Nothing was diarised here.`,
  },
  scanHint: {
    hi: () => 'इस चरण में एक फोटो या PDF भेजनी है, लिखकर नहीं। फ़ोन में 📎 (attach) दबाकर कैमरा या गैलरी से भेजें।',
    en: () => 'This step needs a photo or a PDF, not text. On the phone press 📎 (attach) and send from the camera or the gallery.',
  },
  terminalSend: {
    hi: () => '(इस टर्मिनल चैट में: /send <फ़ाइल का पथ>)',
    en: () => '(In this terminal chat: /send <path to a file>)',
  },
  note: {
    hi: () => [
      'चरण 2/6 — टिप्पणी लिखना',
      'कार्यालय में: संचिका पर हर राय या आदेश क्रमांक के साथ टिप्पणी (नोटशीट) में दर्ज होता है।',
      'अभी लिखें: टिप्पणी: <आपकी बात>',
      'जैसे: टिप्पणी: प्रारूप उत्तर अवलोकनार्थ प्रस्तुत।',
    ].join('\n'),
    en: () => [
      'Step 2/6 — add a note',
      'In the office: every opinion or order on a file is written as a numbered note on its note sheet.',
      'Type: note: <your text>',
      'e.g. note: Draft reply put up for approval.',
    ].join('\n'),
  },
  noteDone: {
    hi: (p) => `✔ टिप्पणी ${p.n} अभ्यास संचिका ${p.file} पर जुड़ी: «${p.text}»। असली में यह आपके नाम के साथ नोटशीट में आती।`,
    en: (p) => `✔ Note ${p.n} added to the practice file ${p.file}: «${p.text}». For real, it goes on the note sheet with your name.`,
  },
  noteHint: {
    hi: () => 'टिप्पणी ऐसे लिखें — शुरू में "टिप्पणी:" ज़रूरी है: टिप्पणी: प्रारूप उत्तर अवलोकनार्थ प्रस्तुत।',
    en: () => 'Write a note like this — start with "note:": note: Draft reply put up for approval.',
  },
  move: {
    hi: () => [
      'चरण 3/6 — संचिका आगे भेजना',
      'कार्यालय में: अगले अधिकारी या कर्मी का पद या नाम लिखकर संचिका भेजी जाती है; उन्हें सूचना जाती है और संचिका उनकी लंबित सूची में गिनी जाती है।',
      'अभी लिखें: बड़ा बाबू को भेजें  (या: DDC को भेजें, या किसी सहकर्मी का नाम)',
    ].join('\n'),
    en: () => [
      'Step 3/6 — move the file',
      'In the office: you send a file on by writing the post or the name of the next person; they are told, and it counts in their pendency.',
      'Type: send to DDC  (or: send to head clerk, or a colleague\'s name)',
    ].join('\n'),
  },
  moveDone: {
    hi: (p) => `✔ समझ गया: असली में संचिका ${p.file} ${p.to} को जाती। यह अभ्यास है, इसलिए किसी को कुछ नहीं भेजा गया।`,
    en: (p) => `✔ Understood: for real, file ${p.file} would go to ${p.to}. This is practice, so nothing was sent to anyone.`,
  },
  moveMany: {
    hi: (p) => `"${p.query}" से एक से अधिक लोग मिलते हैं — असली में भी ऐसे ही बटन आते हैं। सही व्यक्ति चुनें:`,
    en: (p) => `"${p.query}" matches more than one person — the real forward asks the same way. Choose the right one:`,
  },
  moveHint: {
    hi: () => 'भेजने के लिए लिखें: <पद या नाम> को भेजें — जैसे: बड़ा बाबू को भेजें',
    en: () => 'To send it on, type: send to <post or name> — e.g. send to DDC',
  },
  leave: {
    hi: () => [
      'चरण 4/6 — छुट्टी का आवेदन',
      'कार्यालय में: छुट्टी का आवेदन एक वाक्य में लिखते हैं; पहले आपके शेष अवकाश के साथ पूर्वावलोकन दिखता है, पुष्टि करने पर आवेदन स्वीकृति अधिकारी को जाता है।',
      'अभी लिखें: कल से 2 दिन आकस्मिक अवकाश पारिवारिक कार्य हेतु',
    ].join('\n'),
    en: () => [
      'Step 4/6 — apply for leave',
      'In the office: a leave application is one sentence; you see a preview with your balance, and when you confirm it goes to your sanctioning officer.',
      'Type: CL 2 days from tomorrow for family function',
    ].join('\n'),
  },
  leavePreview: {
    hi: (p) => `✔ असली आवेदन ऐसा दिखता:\nप्रकार: ${p.typeHi} (${p.type})\n${d(p.from)} से ${d(p.to)} — ${p.days} दिन\nकारण: ${p.reason}\nस्वीकृति: ${p.sanctioner}${p.balanceAfter === '' ? '' : `\nइसके बाद शेष: ${p.balanceAfter} दिन`}\nयह अभ्यास है: कुछ नहीं भेजा गया और आपकी छुट्टी का शेष नहीं बदला।`,
    en: (p) => `✔ The real application would read:\nType: ${p.typeEn} (${p.type})\n${d(p.from)} to ${d(p.to)} — ${p.days} day(s)\nReason: ${p.reason}\nSanctioning officer: ${p.sanctioner}${p.balanceAfter === '' ? '' : `\nBalance after: ${p.balanceAfter} day(s)`}\nThis is practice: nothing was submitted and your balance is unchanged.`,
  },
  leaveRefused: {
    hi: (p) => `✔ आवेदन समझ आया, पर असली में यह यहीं रुक जाता: ${p.reason}\nयह अभ्यास है: कुछ नहीं भेजा गया।`,
    en: (p) => `✔ Understood, but for real it would stop here: ${p.reason}\nThis is practice: nothing was submitted.`,
  },
  leaveHint: {
    hi: () => 'छुट्टी का प्रकार, तारीख और कारण एक साथ लिखें — जैसे: कल से 2 दिन आकस्मिक अवकाश पारिवारिक कार्य हेतु',
    en: () => 'Write the type, the dates and the reason together — e.g. CL 2 days from tomorrow for family function',
  },
  approve: {
    hi: (p) => [
      'चरण 5/6 — उत्तर देकर स्वीकृति',
      'कार्यालय में: जब कोई संचिका आपके पास आती है, उसकी सूचना (🔔) आती है। उसी संदेश का उत्तर (Reply) देकर स्वीकृत करते हैं — इससे सही संचिका पहचानी जाती है।',
      p.how ? String(p.how) : 'अभी: आपको एक अभ्यास सूचना भेजी गई है। उस संदेश को दबाकर रखें (या दाईं ओर खिसकाएँ), "उत्तर दें / Reply" चुनें और लिखें: ठीक है, आगे बढ़ाएँ',
    ].join('\n'),
    en: (p) => [
      'Step 5/6 — approve by reply',
      'In the office: when a file reaches you, a message (🔔) tells you. You approve by REPLYING to that very message — that is how the right file is found.',
      p.how ? String(p.how) : 'Now: a practice message has been sent to you. Press and hold it (or swipe it right), choose Reply, and type: approved',
    ].join('\n'),
  },
  replyHowButton: {
    hi: () => 'अभी: आपको एक अभ्यास सूचना भेजी गई है। उस संदेश के नीचे ↩ (उत्तर) बटन दबाएँ और लिखें: ठीक है, आगे बढ़ाएँ',
    en: () => 'Now: a practice message has been sent to you. Press ↩ (reply) under that message and type: approved',
  },
  noReplyHere: {
    hi: () => '(इस चैट में किसी संदेश का उत्तर (Reply) देने की सुविधा नहीं है: यहाँ सीधे लिखें: ठीक है, आगे बढ़ाएँ)',
    en: () => '(This chat has no Reply to a message: here just type approved)',
  },
  practiceFileReceived: {
    hi: (p) => `📂 संचिका ${p.file} आपके पास आई है — विषय: अभ्यास: कार्यालय प्रशिक्षण; प्रेषक: अभ्यास डेस्क।\nइस संदेश के उत्तर (Reply) में लिखें: ठीक है, आगे बढ़ाएँ`,
    en: (p) => `📂 File ${p.file} has reached you — subject: Practice: office training; from: Practice desk.\nReply to this message with: approved`,
  },
  approveDone: {
    hi: (p) => `✔ स्वीकृत (अभ्यास)। असली में संचिका ${p.file} पर आपकी स्वीकृति टिप्पणी में जुड़ती और संचिका भेजने वाले को लौटती। जहाँ हस्ताक्षर ज़रूरी हैं, वहाँ OTP माँगा जाता है — अगला चरण यही है।`,
    en: (p) => `✔ Approved (practice). For real, your approval goes on the note sheet of ${p.file} and the file goes back to whoever sent it. Where a signature is needed an OTP is asked for — that is the next step.`,
  },
  approveNotReply: {
    hi: (p) => `लगभग सही! पर यह उत्तर (Reply) के रूप में नहीं आया, इसलिए असली में संचिका पहचानी नहीं जाती। अभ्यास सूचना (${p.file}) को दबाकर रखें, "Reply" चुनें, फिर लिखें: ठीक है, आगे बढ़ाएँ`,
    en: (p) => `Almost! But this was not sent as a Reply, so for real the file would not be known. Press and hold the practice message (${p.file}), choose Reply, then type: approved`,
  },
  approveNotReplyButton: {
    hi: () => 'लगभग सही! पर यह उत्तर (Reply) के रूप में नहीं आया, इसलिए असली में संचिका पहचानी नहीं जाती। अभ्यास सूचना के नीचे ↩ (उत्तर) दबाएँ, फिर लिखें: ठीक है, आगे बढ़ाएँ',
    en: () => 'Almost! But this was not sent as a Reply, so for real the file would not be known. Press ↩ (reply) under the practice message, then type: approved',
  },
  approveHint: {
    hi: () => 'अभ्यास सूचना के उत्तर (Reply) में लिखें: ठीक है, आगे बढ़ाएँ (या: स्वीकृत)',
    en: () => 'Reply to the practice message with: approved',
  },
  sign: {
    hi: (p) => [
      'चरण 6/6 — OTP से हस्ताक्षर',
      'कार्यालय में: जिस निर्णय पर हस्ताक्षर चाहिए, उससे पहले ठीक-ठीक दिखाया जाता है कि किस पर हस्ताक्षर होगा। सहमति देने पर सूची (master roll) में दर्ज आपके मोबाइल/ई-मेल पर 6 अंकों का OTP आता है; वही यहाँ भेजने पर हस्ताक्षर होता है।',
      `अभ्यास दस्तावेज़: संचिका ${p.file} पर स्वीकृति। OTP असली आएगा — इससे पता चलेगा कि आपका मोबाइल/ई-मेल सही दर्ज है — पर हस्ताक्षर किसी चीज़ पर नहीं होगा।`,
      'सहमति का बटन दबाएँ (या लिखें: हाँ)।',
    ].join('\n'),
    en: (p) => [
      'Step 6/6 — sign with OTP',
      'In the office: before a decision that needs a signature you are shown exactly what will be signed. When you consent, a 6-digit OTP comes to the mobile/e-mail on the master roll; sending it here signs.',
      `Practice document: approval on file ${p.file}. The OTP is real — it proves your mobile/e-mail on the roll works — but nothing is signed.`,
      'Press the consent button (or type: yes).',
    ].join('\n'),
  },
  otpSent: {
    hi: (p) => `${p.destination} पर अभ्यास OTP भेजा गया (${p.minutes} मिनट तक मान्य)। वही 6 अंक यहाँ लिखें।`,
    en: (p) => `A practice OTP has been sent to ${p.destination} (valid ${p.minutes} minutes). Type those 6 digits here.`,
  },
  signDone: {
    hi: () => '✔ OTP सही। असली में अब हस्ताक्षरित नोटशीट का PDF आता। यहाँ कुछ भी हस्ताक्षरित नहीं हुआ।',
    en: () => '✔ The OTP is right. For real, the signed note sheet PDF would come now. Nothing was signed here.',
  },
  signHintConsent: {
    hi: () => 'पहले सहमति दें: बटन दबाएँ या लिखें: हाँ',
    en: () => 'First consent: press the button or type: yes',
  },
  signHintCode: {
    hi: () => 'मोबाइल/ई-मेल पर आया 6 अंकों का अभ्यास OTP लिखें। नहीं आया? "OTP फिर भेजें" दबाएँ।',
    en: () => 'Type the 6-digit practice OTP from your mobile/e-mail. Did not come? Press "Send the OTP again".',
  },
  contactProblem: {
    hi: () => 'यही जाँचना था: कृपया DIO से सूची में अपना मोबाइल/ई-मेल ठीक करवाएँ। यह चरण अभी छोड़कर बाद में कर सकते हैं।',
    en: () => 'That is exactly what this step checks: please ask the DIO to correct your mobile/e-mail on the roll. You can skip this step for now and do it later.',
  },
  completed: {
    hi: (p) => `🎉 बधाई हो, ${p.name} जी! आपने प्रशिक्षण के सभी 6 चरण पूरे कर लिए। अब असली काम इसी चैट में करें — "मदद" लिखकर सूची देखें।`,
    en: (p) => `🎉 Congratulations, ${p.name}! You have completed all 6 training steps. You can now do the real work in this chat — send "help" for the list.`,
  },
  practisedAgain: {
    hi: () => '✔ अभ्यास का दौर पूरा हुआ। कभी भी दोबारा: प्रशिक्षण',
    en: () => '✔ Practice round finished. Any time again: training',
  },
  endedWithLeft: {
    hi: (p) => `प्रशिक्षण का यह दौर समाप्त: ${p.done}/6 चरण पूरे। बाकी: ${p.left}। जब चाहें "प्रशिक्षण" लिखें — वहीं से आगे बढ़ेंगे।`,
    en: (p) => `This round of training is over: ${p.done} of 6 steps done. Left: ${p.left}. Send "training" whenever you like to carry on.`,
  },
  pausedForReal: {
    hi: () => '🎓 प्रशिक्षण रोका गया ताकि यह असली काम हो सके; प्रगति सुरक्षित है। फिर शुरू करने के लिए लिखें: प्रशिक्षण',
    en: () => '🎓 Training was set aside so that this real work could be done; your progress is kept. To carry on, send: training',
  },
  stopped: {
    hi: (p) => `प्रशिक्षण रोका गया। ${p.done}/6 चरण पूरे — प्रगति सुरक्षित है। फिर शुरू करने के लिए लिखें: प्रशिक्षण`,
    en: (p) => `Training stopped. ${p.done} of 6 steps done — your progress is kept. To carry on, send: training`,
  },
  skipped: {
    hi: (p) => `चरण ${p.n} छोड़ा गया — इसे बाद में कर सकते हैं।`,
    en: (p) => `Step ${p.n} skipped — you can do it later.`,
  },
  inTraining: {
    hi: (p) => `आप अभी प्रशिक्षण में हैं (चरण ${p.n}/6), इसलिए यह संदेश असली काम के रूप में नहीं लिया गया। असली काम के लिए पहले लिखें: प्रशिक्षण बंद करें`,
    en: (p) => `You are in training (step ${p.n}/6), so this message was not taken as real work. For real work, first send: stop training`,
  },
  btnSkip: { hi: () => 'छोड़ें / अगला', en: () => 'Skip / next' },
  btnStop: { hi: () => 'प्रशिक्षण बंद करें', en: () => 'Stop training' },
  btnConsent: { hi: () => 'सहमति दें — OTP भेजें', en: () => 'I consent — send OTP' },
  btnResendOtp: { hi: () => 'OTP फिर भेजें', en: () => 'Send the OTP again' },
  btnResend: { hi: () => 'सूचना फिर भेजें', en: () => 'Send the message again' },
  btnRestart: { hi: () => 'फिर से अभ्यास करें', en: () => 'Practise again' },
  stepName: {
    hi: (p) => ({ scan: 'स्कैन भेजना', note: 'टिप्पणी', move: 'संचिका भेजना', leave: 'छुट्टी का आवेदन', approve: 'उत्तर देकर स्वीकृति', sign: 'OTP से हस्ताक्षर' } as P)[String(p.step)] as string,
    en: (p) => ({ scan: 'forward a scan', note: 'add a note', move: 'move the file', leave: 'apply for leave', approve: 'approve by reply', sign: 'sign with OTP' } as P)[String(p.step)] as string,
  },
});

export type TrainingTextKey = keyof typeof TEXT;

export function trtext(key: TrainingTextKey, lang: UiLanguage, params: P = {}): string {
  return TEXT[key][lang](params);
}

/** Practice numbers look like nothing real: no real series has these words in it. */
export function practiceNumbers(lang: UiLanguage, year: string | number): { file: string; diary: string } {
  return lang === 'hi'
    ? { file: `अभ्यास-1/${year}`, diary: `अभ्यास-डायरी-1/${year}` }
    : { file: `PRACTICE-1/${year}`, diary: `PRACTICE-DIARY-1/${year}` };
}

/** The subject type that ties a reply to the practice "file received" message. */
export const PRACTICE_SUBJECT = 'training';

/** Renders a notification of this feature, or null when the kind is not one of ours. */
export function renderTrainingNotification(notification: Notification, lang: UiLanguage): Reply | null {
  if (notification.kind !== 'training.file_received') return null;
  const year = notification.params.year ?? '';
  const reply: Reply = { text: `${PRACTICE_MARK}\n${trtext('practiceFileReceived', lang, { file: practiceNumbers(lang, year).file })}` };
  if (notification.subject !== undefined) reply.subject = notification.subject;
  return reply;
}
