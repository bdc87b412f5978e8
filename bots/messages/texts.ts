// What the assistant says, in Hindi (the office's first language) and English.
import type { UiLanguage } from '../../core/types.ts';

type P = Record<string, string | number>;
type Say = Record<UiLanguage, (p: P) => string>;

const say = <K extends string>(table: Record<K, Say>) => table;

export const TEXT = say({
  helpUnlinked: {
    hi: () => [
      'नमस्ते! मैं दफ़्तर हूँ — सहरसा समाहरणालय का ई-ऑफिस सहायक।',
      'शुरू करने के लिए अपना खाता जोड़ें: जोड़ें <कर्मी कोड> (जैसे: जोड़ें SAH0042)।',
      'आपके मास्टर रोल वाले मोबाइल/ई-मेल पर 6 अंकों का OTP आएगा; वही यहाँ भेजें।',
    ].join('\n'),
    en: () => [
      'Hello! I am Daftar, the e-Office assistant of the Saharsa collectorate.',
      'To begin, link this chat: link <employee code> (e.g. link SAH0042).',
      'A 6-digit OTP will go to the mobile or e-mail on the master roll; send it here.',
    ].join('\n'),
  },
  helpLinked: {
    hi: (p) => [
      `${p.name} जी, आप यह कर सकते हैं:`,
      '• पत्र की फोटो/PDF भेजें — प्राप्ति (डाक) दर्ज होगी',
      `• नई संचिका: <विषय> • टिप्पणी: <पाठ> • ${p.to ?? 'DDC'} को भेजें`,
      '• सूचना वाले संदेश के उत्तर में: स्वीकृत / वापस: <कारण>',
      '• मेरी फाइलें • भेजी गई • status EST-12/2026 • खोजें <शब्द> • संचिका EST-12/2026 (PDF)',
      '• आकस्मिक अवकाश कल से 2 दिन, पारिवारिक कार्य • मेरी छुट्टी • दौरा: महिषी 3 दिसंबर निरीक्षण',
      `• संदेश ${p.to ?? 'DDC'}: <पाठ> • पत्र EST-12/2026 सेवा में: <प्रापक> विषय: <विषय> पाठ: <पाठ> • पत्र SAH/D/2026/000001`,
      p.circulars === 'receive' ? '• मेरे परिपत्र • देखा (परिपत्र मिलने की पावती)' : '• परिपत्र सभी को: <पाठ> (देखा: शाम 5 बजे तक) • परिपत्र स्थिति • मेरे परिपत्र • देखा',
      '• प्रशिक्षण — अभ्यास संचिका पर 6 चरणों में सीखें (कुछ भी असली नहीं बदलता)',
      '• मैं — आपका विवरण • सूचना यहाँ — सूचनाएँ इसी चैट पर • language english — उत्तर अंग्रेज़ी में',
    ].join('\n'),
    en: (p) => [
      `${p.name}, you can:`,
      '• send a photo or PDF of a letter — it is diarised as a receipt',
      `• new file: <subject> • note: <text> • send to ${p.to ?? 'DDC'}`,
      '• reply to a file message: approved / return: <reason>',
      '• my files • sent • status EST-12/2026 • find <words> • file EST-12/2026 (PDF)',
      '• CL 2 days from tomorrow for a family function • my leave • tour: Mahishi 3 Dec inspection',
      `• msg ${p.to ?? 'DDC'}: <text> • letter on EST-12/2026 to <addressee>: subject: <subject> text: <text> • letter SAH/D/2026/000001`,
      p.circulars === 'receive' ? '• my circulars • ack (to acknowledge a circular)' : '• circular to all / to EST / to posts SDO: <text> (ack by 17:00) • circular status • my circulars • ack',
      '• training — learn in 6 practice steps on a practice file (nothing real changes)',
      '• me — your details • notify here — notifications to this chat • भाषा हिंदी — replies in Hindi',
    ].join('\n'),
  },
  otpSent: {
    hi: (p) => `${p.name} जी, ${p.destination} पर 6 अंकों का OTP भेजा गया है (${p.minutes} मिनट तक मान्य)। कृपया वही यहाँ भेजें।`,
    en: (p) => `${p.name}, a 6-digit OTP has been sent to ${p.destination} (valid ${p.minutes} minutes). Please send it here.`,
  },
  otpOnConsole: {
    hi: (p) => `${p.name} जी, डेमो मोड: OTP किसी फ़ोन या ई-मेल पर नहीं भेजा गया — वह सर्वर के कंसोल पर छपा है (${p.destination} के लिए; ${p.minutes} मिनट तक मान्य)। वही यहाँ भेजें।`,
    en: (p) => `${p.name}, demo mode: the OTP was not sent to any phone or e-mail — it is printed on the server console (for ${p.destination}; valid ${p.minutes} minutes). Send it here.`,
  },
  linked: {
    hi: (p) => `धन्यवाद ${p.name} (${p.post}, ${p.section})। यह खाता आपसे जुड़ गया। "मदद" लिखकर देखें कि क्या-क्या कर सकते हैं।`,
    en: (p) => `Thank you, ${p.name} (${p.post}, ${p.section}). This chat is now linked to you. Send "help" to see what you can do.`,
  },
  onlyLinkWhenUnlinked: {
    hi: () => 'पहले यह खाता अपने कर्मी कोड से जोड़ें: जोड़ें <कर्मी कोड>। तब तक केवल मदद और जोड़ने की सुविधा उपलब्ध है।',
    en: () => 'Please link this chat to your employee code first: link <employee code>. Until then only help and linking are available.',
  },
  linkNeedsCode: {
    hi: () => 'कर्मी कोड भी लिखें, जैसे: जोड़ें SAH0042',
    en: () => 'Please include your employee code, e.g.: link SAH0042',
  },
  profile: {
    hi: (p) => `${p.name}\nकर्मी कोड: ${p.code}\nपद: ${p.post}\nकोषांग: ${p.section}\nरिपोर्टिंग पदाधिकारी: ${p.officer}\nजुड़े खाते: ${p.channels}`,
    en: (p) => `${p.name}\nEmployee code: ${p.code}\nPost: ${p.post}\nSection: ${p.section}\nReporting officer: ${p.officer}\nLinked chats: ${p.channels}`,
  },
  noOfficer: { hi: () => 'कोई नहीं (शीर्ष पद)', en: () => 'none (top of the hierarchy)' },
  languageSet: {
    hi: () => 'ठीक है, अब से उत्तर हिंदी में।',
    en: () => 'OK, replies will be in English from now on.',
  },
  notYet: {
    hi: (p) => `समझ गया: "${p.what}"। यह सुविधा अभी Daftar में जोड़ी जा रही है; तब तक यह काम ई-ऑफिस में सामान्य तरीके से करें।`,
    en: (p) => `Understood: "${p.what}". This service is still being added to Daftar; until then please do it the usual way in e-Office.`,
  },
  messageSent: { hi: (p) => `संदेश ${p.name} को भेजा गया।`, en: (p) => `Message sent to ${p.name}.` },
  chooseRecipient: { hi: () => 'किसे भेजें?', en: () => 'Whom do you mean?' },
  directMessage: {
    hi: (p) => `✉️ ${p.from} (${p.fromPost}) का संदेश:\n${p.text}\n(उत्तर देने के लिए इस संदेश का उत्तर दें)`,
    en: (p) => `✉️ Message from ${p.from} (${p.fromPost}):\n${p.text}\n(Reply to this message to answer)`,
  },
  directReply: {
    hi: (p) => `✉️ ${p.from} (${p.fromPost}) का उत्तर:\n${p.text}`,
    en: (p) => `✉️ Reply from ${p.from} (${p.fromPost}):\n${p.text}`,
  },
  nothingToConfirm: {
    hi: () => 'अभी आपसे कोई पुष्टि अपेक्षित नहीं है। "मदद" लिखें, सूची मिल जाएगी।',
    en: () => 'Nothing is waiting for your confirmation. Send "help" for what I can do.',
  },
  notUnderstood: {
    hi: () => 'माफ़ कीजिए, मैं समझ नहीं पाया। "मदद" लिखें, सूची मिल जाएगी।',
    en: () => 'Sorry, I did not understand that. Send "help" for what I can do.',
  },
  inProgress: {
    hi: () => 'यह संदेश मिल चुका है और उस पर अभी काम चल रहा है; यह दो बार नहीं होगा। दो मिनट में उत्तर न आए तो इसे फिर भेजें।',
    en: () => 'This message has been received and is still being handled; it will not be done twice. If no answer comes within two minutes, send it again.',
  },
  internalError: {
    hi: () => 'हमारी ओर से कोई तकनीकी समस्या आई; कुछ भी सहेजा या बदला नहीं गया। कृपया थोड़ी देर में फिर भेजें।',
    en: () => 'Something went wrong on our side; nothing was saved or changed. Please send it again in a little while.',
  },
  attachmentNotYet: {
    hi: () => 'स्कैन/फ़ाइल मिली, पर डाक (प्राप्ति) दर्ज करने की सुविधा अभी जोड़ी जा रही है। कुछ भी सहेजा नहीं गया।',
    en: () => 'Scan received, but diarising receipts is still being added. Nothing was saved.',
  },
  linkRequestedNotice: {
    hi: (p) => `सूचना: एक नए ${p.channel} खाते से आपके कर्मी कोड को जोड़ने का अनुरोध आया (${p.at}); OTP ${p.destination} पर भेजा गया। यदि यह आप नहीं थे, तो OTP किसी को न बताएँ और जिला सूचना विज्ञान पदाधिकारी को सूचित करें।`,
    en: (p) => `Notice: a new ${p.channel} chat asked to be linked to your employee code (${p.at}); an OTP was sent to ${p.destination}. If this was not you, share the OTP with no one and tell the District Informatics Officer.`,
  },
  preferredChangedNotice: {
    hi: (p) => `सूचना: अब से आपकी सूचनाएँ आपके ${p.channel} खाते पर जाएँगी (उसी खाते से बदला गया, ${p.at})। यदि यह आपने नहीं किया, तो तुरंत जिला सूचना विज्ञान पदाधिकारी को बताएँ।`,
    en: (p) => `Notice: your notifications now go to your ${p.channel} chat (changed from that chat, ${p.at}). If this was not you, tell the District Informatics Officer at once.`,
  },
  notifyHereSet: {
    hi: () => 'ठीक है, अब से आपकी सूचनाएँ इसी चैट पर आएँगी। आपके अन्य जुड़े खातों को भी बता दिया गया है।',
    en: () => 'Done: your notifications will come to this chat from now on. Your other linked chats have been told.',
  },
  notifyHereAlready: {
    hi: () => 'आपकी सूचनाएँ पहले से इसी चैट पर आती हैं।',
    en: () => 'Your notifications already come to this chat.',
  },
  groupChatRefused: {
    hi: () => 'दफ़्तर केवल व्यक्तिगत (एक-से-एक) चैट में काम करता है, क्योंकि जुड़ा हुआ खाता एक ही व्यक्ति की पहचान है। कृपया मुझे सीधे संदेश भेजें।',
    en: () => 'Daftar works in one-to-one chats only: a linked chat is one person\'s identity. Please message me directly.',
  },
  auditHeadNote: {
    hi: (p) => `ऑडिट शृंखला, ${String(p.day).split('-').reverse().join('-')}: अंतिम घटना #${p.seq}, हैश ${p.hash}। यह संदेश सँभालकर रखें — यह डेटाबेस के बाहर की प्रति है। बाद में जाँचने के लिए कि इससे पहले की कोई घटना मिटाई या बदली नहीं गई, सर्वर पर चलाएँ: daftar audit verify --anchor ${p.seq}:${p.hash}`,
    en: (p) => `Audit trail, ${String(p.day).split('-').reverse().join('-')}: last event #${p.seq}, hash ${p.hash}. Keep this message: it is a copy outside the database. To check later that no event up to it was deleted or rewritten, run on the server: daftar audit verify --anchor ${p.seq}:${p.hash}`,
  },
  newLinkNotice: {
    hi: (p) => `सूचना: आपके कर्मी कोड से एक नया ${p.channel} खाता जोड़ा गया (${p.at})। यदि यह आपने नहीं किया, तो तुरंत जिला सूचना विज्ञान पदाधिकारी को बताएँ।`,
    en: (p) => `Notice: a new ${p.channel} chat was linked to your employee code (${p.at}). If this was not you, tell the District Informatics Officer at once.`,
  },
});

export type TextKey = keyof typeof TEXT;

export function text(key: TextKey, lang: UiLanguage, params: P = {}): string {
  return TEXT[key][lang](params);
}
