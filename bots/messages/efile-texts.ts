// What the assistant says about receipts and files, in Hindi and English.
import type { UiLanguage } from '../../core/types.ts';

type P = Record<string, string | number>;
type Say = Record<UiLanguage, (p: P) => string>;

export const EFILE_TEXT = {
  pagesReceived: {
    hi: (p) => `${p.count} पृष्ठ मिले।`,
    en: (p) => `${p.count} page(s) received.`,
  },
  receiptDiarised: {
    hi: (p) => `प्राप्ति दर्ज: ${p.number}\nविषय: ${p.subject}\nपृष्ठ: ${p.pages}\nआगे क्या करें?`,
    en: (p) => `Receipt diarised: ${p.number}\nSubject: ${p.subject}\nPages: ${p.pages}\nWhat next?`,
  },
  askSubject: {
    hi: (p) => `प्राप्ति ${p.number} दर्ज हुई। पत्र का विषय लिखकर भेजें (जैसे: भूमि अधिग्रहण पर BDO सोनबरसा का पत्र)।`,
    en: (p) => `Receipt ${p.number} is diarised. Send the letter's subject (e.g. Land acquisition letter from BDO Sonbarsa).`,
  },
  subjectSet: { hi: (p) => `विषय दर्ज: ${p.subject}`, en: (p) => `Subject recorded: ${p.subject}` },
  noSubject: { hi: () => '(विषय अपेक्षित)', en: () => '(subject awaited)' },
  btnNewFile: { hi: () => 'नई संचिका बनाएँ', en: () => 'Put in a new file' },
  btnExistingFile: { hi: () => 'मौजूदा संचिका में रखें', en: () => 'Put in an existing file' },
  btnForward: { hi: () => 'आगे भेजें', en: () => 'Forward' },
  btnApprove: { hi: () => 'स्वीकृत', en: () => 'Approve' },
  btnReturn: { hi: () => 'वापस करें', en: () => 'Return' },
  btnNoteSheet: { hi: () => 'नोटशीट PDF', en: () => 'Note sheet PDF' },
  askFileNumber: {
    hi: (p) => `${p.number} किस संचिका में रखें? संचिका संख्या भेजें (जैसे EST-12/2026)।`,
    en: (p) => `Which file should ${p.number} go into? Send the file number (e.g. EST-12/2026).`,
  },
  askAddressee: {
    hi: (p) => `${p.number} किसे भेजें? पद, नाम या कर्मी कोड लिखें (जैसे DDC, अपर समाहर्ता, SAH0042)।`,
    en: (p) => `Whom should ${p.number} go to? Write a post, name or employee code (e.g. DDC, ADM, SAH0042).`,
  },
  askReturnRemark: {
    hi: (p) => `${p.number} वापस करने का कारण/निर्देश लिखें (जैसे: सर्वे रिपोर्ट संलग्न करें)।`,
    en: (p) => `Write the reason or instruction for returning ${p.number} (e.g. attach the survey report).`,
  },
  chooseAddressee: {
    hi: (p) => `"${p.query}" से एक से अधिक कर्मी मिलते हैं। किसे भेजें?`,
    en: (p) => `More than one person matches "${p.query}". Whom do you mean?`,
  },
  fileCreated: {
    hi: (p) => `नई संचिका खोली गई: ${p.number}\nविषय: ${p.subject}${p.receipt ? `\nसंलग्न: ${p.receipt}` : ''}\nअब टिप्पणी लिखें ("टिप्पणी: …") या आगे भेजें ("<पद या नाम> को भेजें")।`,
    en: (p) => `New file opened: ${p.number}\nSubject: ${p.subject}${p.receipt ? `\nAttached: ${p.receipt}` : ''}\nNow write a note ("note: …") or send it on ("send to <post or name>").`,
  },
  attached: { hi: (p) => `${p.receipt} संचिका ${p.file} में रखी गई।`, en: (p) => `${p.receipt} is now in file ${p.file}.` },
  noted: { hi: (p) => `${p.file} पर टिप्पणी ${p.note} दर्ज।`, en: (p) => `Note ${p.note} recorded on ${p.file}.` },
  forwarded: { hi: (p) => `${p.number} ${p.to} को भेज दी गई।`, en: (p) => `${p.number} sent to ${p.to}.` },
  forwardedToCharge: {
    hi: (p) => `${p.to} अवकाश/दौरे पर हैं; ${p.number} उनके प्रभार में ${p.inCharge} को भेजी गई। दोनों को सूचना दी गई।`,
    en: (p) => `${p.to} is away; ${p.number} went to ${p.inCharge}, who holds their charge. Both have been told.`,
  },
  routedToCharge: {
    hi: (p) => `सूचना: ${p.from} ने संचिका ${p.number} (${p.subject}) आपको भेजी; आपकी अनुपस्थिति में यह ${p.inCharge} (${p.inChargePost}) के पास गई।`,
    en: (p) => `For your information: ${p.from} sent file ${p.number} (${p.subject}) to you; while you are away it went to ${p.inCharge} (${p.inChargePost}).`,
  },
  approvedDone: { hi: (p) => `${p.number} स्वीकृत कर ${p.to} को वापस भेजी गई।`, en: (p) => `${p.number} approved and sent back to ${p.to}.` },
  returnedDone: { hi: (p) => `${p.number} ${p.to} को वापस भेजी गई।`, en: (p) => `${p.number} returned to ${p.to}.` },
  parked: { hi: (p) => `${p.number} आपके पास रोकी गई (लंबित)।`, en: (p) => `${p.number} parked with you (pending).` },
  closed: { hi: (p) => `संचिका ${p.number} बंद की गई।`, en: (p) => `File ${p.number} closed.` },
  reopened: { hi: (p) => `संचिका ${p.number} फिर खोली गई और अब आपके पास है।`, en: (p) => `File ${p.number} reopened; it is now with you.` },
  whichFile: {
    hi: () => 'किस संचिका पर? संचिका संख्या लिखें (जैसे EST-12/2026) या सूचना वाले संदेश का उत्तर दें।',
    en: () => 'Which file? Write its number (e.g. EST-12/2026) or reply to the message about it.',
  },
  closeNeedsRemark: { hi: () => 'बंद करने की टिप्पणी भी लिखें, जैसे: close EST-12/2026, मामला निष्पादित।', en: () => 'Add a closing remark, e.g.: close EST-12/2026, matter disposed of.' },
  createNeedsSubject: { hi: () => 'नई संचिका का विषय लिखें, जैसे: नई संचिका: सोनबरसा सड़क मरम्मत', en: () => 'Give the new file a subject, e.g.: new file: Sonbarsa road repair' },
  confirmDecision: {
    hi: (p) => `पक्का नहीं समझ पाया: "${p.text}" — ${p.number} पर क्या करना है?`,
    en: (p) => `I am not sure what "${p.text}" means for ${p.number}. What should be done?`,
  },
  btnJustNote: { hi: () => 'केवल टिप्पणी', en: () => 'Just a note' },
  nothingInHand: { hi: () => 'आपके पास अभी कोई संचिका या प्राप्ति लंबित नहीं है।', en: () => 'Nothing is pending with you right now.' },
  inHandHeader: { hi: (p) => `आपके पास ${p.count} लंबित (पुराने पहले):`, en: (p) => `${p.count} pending with you (oldest first):` },
  inHandLine: {
    hi: (p) => `• ${p.number} — ${p.subject} — ${p.days} दिन${p.parked ? ' (रोकी गई)' : ''}`,
    en: (p) => `• ${p.number} — ${p.subject} — ${p.days} day(s)${p.parked ? ' (parked)' : ''}`,
  },
  nothingSent: { hi: () => 'आपने हाल में कुछ आगे नहीं भेजा है।', en: () => 'You have not sent anything on recently.' },
  sentLine: {
    hi: (p) => `• ${p.number} — ${p.subject}\n  ${p.to} को ${p.at}; अभी: ${p.holder} (${p.status})`,
    en: (p) => `• ${p.number} — ${p.subject}\n  to ${p.to} on ${p.at}; now with ${p.holder} (${p.status})`,
  },
  statusFile: {
    hi: (p) => `संचिका ${p.number} — ${p.subject}\nस्थिति: ${p.status}; अभी ${p.holder} के पास, ${p.since} से\nटिप्पणियाँ: ${p.notes}; संलग्न प्राप्तियाँ: ${p.receipts}\nसंचलन:\n${p.trail}`,
    en: (p) => `File ${p.number} — ${p.subject}\nStatus: ${p.status}; with ${p.holder} since ${p.since}\nNotes: ${p.notes}; receipts attached: ${p.receipts}\nMovement:\n${p.trail}`,
  },
  statusReceipt: {
    hi: (p) => `प्राप्ति ${p.number} — ${p.subject}\nअभी ${p.holder} के पास, ${p.since} से${p.file ? `\nसंचिका: ${p.file}` : ''}\nसंचलन:\n${p.trail}`,
    en: (p) => `Receipt ${p.number} — ${p.subject}\nWith ${p.holder} since ${p.since}${p.file ? `\nIn file: ${p.file}` : ''}\nMovement:\n${p.trail}`,
  },
  /** A receipt put in a file goes where the file goes: said by the file and where the file is now. */
  statusReceiptFiled: {
    hi: (p) => `प्राप्ति ${p.number} — ${p.subject}\nसंचिका ${p.file} में रखी गई है; संचिका अभी ${p.holder} के पास है, ${p.since} से (${p.status})\nसंचलन:\n${p.trail}`,
    en: (p) => `Receipt ${p.number} — ${p.subject}\nPut in file ${p.file}; the file is now with ${p.holder} since ${p.since} (${p.status})\nMovement:\n${p.trail}`,
  },
  trailLine: { hi: (p) => `• ${p.at}: ${p.from} → ${p.to} (${p.action})${p.remark ? ` — ${p.remark}` : ''}`, en: (p) => `• ${p.at}: ${p.from} → ${p.to} (${p.action})${p.remark ? ` — ${p.remark}` : ''}` },
  whatNumber: { hi: () => 'कौन-सी संचिका या प्राप्ति? संख्या लिखें, जैसे: status EST-12/2026', en: () => 'Which file or receipt? Give its number, e.g.: status EST-12/2026' },
  searchNone: { hi: (p) => `"${p.query}" से कुछ नहीं मिला।`, en: (p) => `Nothing found for "${p.query}".` },
  searchHeader: { hi: (p) => `"${p.query}" — ${p.count} मिले:`, en: (p) => `"${p.query}" — ${p.count} found:` },
  searchNeedsWords: { hi: () => 'क्या खोजें? जैसे: खोजें भूमि अधिग्रहण', en: () => 'Search for what? e.g.: find land acquisition' },
  scanSearchOff: { hi: () => 'स्कैन के पाठ में खोज अभी बंद है: सर्वर पर tesseract-ocr (hin, eng) स्थापित नहीं है।', en: () => 'Scan text search is off: tesseract-ocr (hin, eng) is not installed on the server.' },
  foundInScan: { hi: () => 'स्कैन के पाठ में मिला', en: () => 'found in the scan text' },
  noteSheetCaption: { hi: (p) => `संचिका ${p.number} की नोटशीट`, en: (p) => `Note sheet of file ${p.number}` },
  // Notifications
  fileReceived: {
    hi: (p) => `📁 संचिका ${p.number} आपके पास आई — ${p.from} (${p.fromPost}) से${p.onBehalfOf ? ` — ${p.onBehalfOf} के प्रभार में` : ''}\nविषय: ${p.subject}${p.note ? `\nअंतिम टिप्पणी: ${p.note}` : ''}\nइस संदेश के उत्तर में लिखें: "स्वीकृत", "वापस: कारण", या "<पद या नाम> को भेजें"।`,
    en: (p) => `📁 File ${p.number} has come to you from ${p.from} (${p.fromPost})${p.onBehalfOf ? ` — for ${p.onBehalfOf}, whose charge you hold` : ''}\nSubject: ${p.subject}${p.note ? `\nLatest note: ${p.note}` : ''}\nReply to this message: "approved", "return: reason", or "send to <post or name>".`,
  },
  receiptReceived: {
    hi: (p) => `📨 प्राप्ति ${p.number} आपके पास आई — ${p.from} (${p.fromPost}) से\nविषय: ${p.subject}${p.remark ? `\nटिप्पणी: ${p.remark}` : ''}`,
    en: (p) => `📨 Receipt ${p.number} has come to you from ${p.from} (${p.fromPost})\nSubject: ${p.subject}${p.remark ? `\nRemark: ${p.remark}` : ''}`,
  },
  fileApproved: {
    hi: (p) => `✅ संचिका ${p.number} ${p.by} (${p.byPost}) द्वारा स्वीकृत होकर आपके पास लौटी।${p.remark ? `\nटिप्पणी: ${p.remark}` : ''}`,
    en: (p) => `✅ File ${p.number} was approved by ${p.by} (${p.byPost}) and is back with you.${p.remark ? `\nNote: ${p.remark}` : ''}`,
  },
  fileReturned: {
    hi: (p) => `↩️ संचिका ${p.number} ${p.by} (${p.byPost}) ने वापस की।${p.remark ? `\nनिर्देश: ${p.remark}` : ''}`,
    en: (p) => `↩️ File ${p.number} was returned by ${p.by} (${p.byPost}).${p.remark ? `\nInstruction: ${p.remark}` : ''}`,
  },
} satisfies Record<string, Say>;

export type EfileTextKey = keyof typeof EFILE_TEXT;

export function etext(key: EfileTextKey, lang: UiLanguage, params: P = {}): string {
  return (EFILE_TEXT[key] as Say)[lang](params);
}

export const SIGN_TEXT = {
  summary: {
    hi: (p) => `हस्ताक्षर आवश्यक है। आप यह हस्ताक्षरित करेंगे:\nसंचिका: ${p.number}\nटिप्पणी संख्या: ${p.note}\nनिर्णय: ${p.decision}\nपाठ: ${p.text}\nSHA-256: ${p.hash}\nसहमति हो तो "हाँ" भेजें — आपके ${p.channelHint} पर OTP जाएगा। रद्द करने के लिए "रद्द"।`,
    en: (p) => `This decision needs your signature. You are signing:\nFile: ${p.number}\nNote no.: ${p.note}\nDecision: ${p.decision}\nText: ${p.text}\nSHA-256: ${p.hash}\nIf you agree, send "yes" — an OTP will go to your ${p.channelHint}. Send "cancel" to stop.`,
  },
  leaveSummary: {
    hi: (p) => `इस स्वीकृति पर हस्ताक्षर आवश्यक है। आप यह हस्ताक्षरित करेंगे:\nस्वीकृति आदेश: ${p.number}\nआवेदक: ${p.applicant}\n${p.type}, ${p.from} से ${p.to} (${p.days} दिन)\nSHA-256: ${p.hash}\nसहमति हो तो "हाँ" भेजें — OTP आपके पंजीकृत मोबाइल/ई-मेल पर जाएगा। रद्द करने के लिए "रद्द"।`,
    en: (p) => `This sanction needs your signature. You are signing:\nSanction order: ${p.number}\nApplicant: ${p.applicant}\n${p.type}, ${p.from} to ${p.to} (${p.days} day(s))\nSHA-256: ${p.hash}\nIf you agree, send "yes" — an OTP will go to your registered mobile/e-mail. Send "cancel" to stop.`,
  },
  leaveSigned: {
    hi: (p) => `✍️ हस्ताक्षरित: ${p.number} (${p.applicant}) स्वीकृत। हस्ताक्षरित आदेश संलग्न है।`,
    en: (p) => `✍️ Signed: ${p.number} (${p.applicant}) sanctioned. The signed order is attached.`,
  },
  btnConsent: { hi: () => 'हाँ, OTP भेजें', en: () => 'Yes, send the OTP' },
  btnCancel: { hi: () => 'रद्द करें', en: () => 'Cancel' },
  otpSent: {
    hi: (p) => `हस्ताक्षर के लिए OTP ${p.destination} पर भेजा गया (${p.minutes} मिनट तक मान्य)। वही यहाँ भेजें।`,
    en: (p) => `An OTP for the signature was sent to ${p.destination} (valid ${p.minutes} minutes). Send it here.`,
  },
  otpOnConsole: {
    hi: (p) => `डेमो मोड: हस्ताक्षर का OTP किसी फ़ोन या ई-मेल पर नहीं भेजा गया — वह सर्वर के कंसोल पर छपा है (${p.destination} के लिए; ${p.minutes} मिनट तक मान्य)। वही यहाँ भेजें।`,
    en: (p) => `Demo mode: the signature OTP was not sent to any phone or e-mail — it is printed on the server console (for ${p.destination}; valid ${p.minutes} minutes). Send it here.`,
  },
  signed: {
    hi: (p) => `✍️ हस्ताक्षरित: ${p.number}, टिप्पणी ${p.note} (${p.decision})। संचिका ${p.to} को भेजी गई। हस्ताक्षरित नोटशीट संलग्न है।`,
    en: (p) => `✍️ Signed: ${p.number}, note ${p.note} (${p.decision}). The file went to ${p.to}. The signed note sheet is attached.`,
  },
  cancelled: {
    hi: (p) => `हस्ताक्षर रद्द; ${p.number} पर निर्णय लंबित है और संचिका आपके पास है।`,
    en: (p) => `Signing cancelled; the decision on ${p.number} is still pending and the file stays with you.`,
  },
  decisionApprove: { hi: () => 'स्वीकृत', en: () => 'Approved' },
  decisionReturn: { hi: () => 'वापस', en: () => 'Returned' },
} satisfies Record<string, Say>;

export function stext(key: keyof typeof SIGN_TEXT, lang: UiLanguage, params: P = {}): string {
  return (SIGN_TEXT[key] as Say)[lang](params);
}

export const VERIFY_TEXT = {
  valid: {
    hi: (p) => `✅ हस्ताक्षर वैध है।\nहस्ताक्षरकर्ता: ${p.name}${p.post ? `, ${p.post}` : ''}${p.code ? ` (${p.code})` : ''}\nसमय: ${p.at}\nविषय: ${p.reason}\nहस्ताक्षर के बाद दस्तावेज़ में कोई बदलाव नहीं हुआ।${p.trusted ? '' : '\n⚠️ प्रमाणपत्र कार्यालय के CA से जारी नहीं है।'}`,
    en: (p) => `✅ The signature is valid.\nSigned by: ${p.name}${p.post ? `, ${p.post}` : ''}${p.code ? ` (${p.code})` : ''}\nAt: ${p.at}\nFor: ${p.reason}\nThe document has not been changed since it was signed.${p.trusted ? '' : '\n⚠️ The certificate was not issued by the office CA.'}`,
  },
  changed: {
    hi: (p) => `❌ यह दस्तावेज़ हस्ताक्षर के बाद बदला गया है (${p.name} द्वारा हस्ताक्षरित)। इस प्रति पर भरोसा न करें।`,
    en: (p) => `❌ This document was changed after it was signed (signed by ${p.name}). Do not rely on this copy.`,
  },
  unsigned: { hi: () => 'इस PDF में कोई डिजिटल हस्ताक्षर नहीं मिला।', en: () => 'This PDF carries no digital signature.' },
  sendPdf: {
    hi: () => 'जाँच के लिए हस्ताक्षरित PDF "verify" कैप्शन के साथ भेजें, या हस्ताक्षरित PDF वाले संदेश के उत्तर में "verify" लिखें।',
    en: () => 'To check a signature, send the signed PDF with the caption "verify", or reply "verify" to the message that carried it.',
  },
  noSigned: { hi: (p) => `${p.number} की कोई हस्ताक्षरित प्रति नहीं है।`, en: (p) => `There is no signed copy of ${p.number}.` },
  notYourSignedCopy: {
    hi: (p) => `${p.number} की हस्ताक्षरित प्रति केवल आवेदक, स्वीकृति देने वाले पदाधिकारी और हस्ताक्षरकर्ता को मिलती है।`,
    en: (p) => `The signed copy of ${p.number} is only for the applicant, the sanctioning officer and the signer.`,
  },
  signedCopy: { hi: (p) => `${p.number} की हस्ताक्षरित प्रति (${p.at})`, en: (p) => `Signed copy of ${p.number} (${p.at})` },
} satisfies Record<string, Say>;

export function vtext(key: keyof typeof VERIFY_TEXT, lang: UiLanguage, params: P = {}): string {
  return (VERIFY_TEXT[key] as Say)[lang](params);
}

/** What changed between a notification being queued and delivered (bots/outbox/still-true.ts). */
const STATUS_WORDS: Record<string, [string, string]> = {
  cancelled: ['रद्द', 'cancelled'], sanctioned: ['स्वीकृत', 'sanctioned'], approved: ['स्वीकृत', 'approved'], refused: ['अस्वीकृत', 'refused'],
  returned: ['वापस', 'returned'], curtailed: ['घटाई गई', 'curtailed'],
};
const statusWord = (status: string | number, lang: UiLanguage) => STATUS_WORDS[String(status)]?.[lang === 'hi' ? 0 : 1] ?? String(status);

export const STALE_TEXT = {
  movedOn: {
    hi: (p) => `⚠ तब से यह आगे जा चुकी है: अब ${p.holder} के पास है।`,
    en: (p) => `⚠ It has moved on since: it is now with ${p.holder}.`,
  },
  inFile: {
    hi: (p) => `⚠ तब से यह संचिका ${p.file} में रखी जा चुकी है, जो अब ${p.holder} के पास है।`,
    en: (p) => `⚠ It has since been put in file ${p.file}, which is now with ${p.holder}.`,
  },
  closed: { hi: () => '⚠ तब से संचिका बंद हो चुकी है।', en: () => '⚠ The file has been closed since.' },
  status: {
    hi: (p) => `⚠ तब से स्थिति बदल गई: अब यह ${statusWord(p.status ?? '', 'hi')} है।`,
    en: (p) => `⚠ This has changed since: it is now ${statusWord(p.status ?? '', 'en')}.`,
  },
} satisfies Record<string, Say>;

export type StaleTextKey = keyof typeof STALE_TEXT;

export function staletext(key: StaleTextKey, lang: UiLanguage, params: P = {}): string {
  return (STALE_TEXT[key] as Say)[lang](params);
}
