/**
 * Concepts shared by the three registers: "स्वीकृत", "manjoor" and "sanctioned" all give the
 * feature @approve, so an utterance in one register teaches the classifier about the others.
 * These are features for the classifier, not rules: the classifier weighs them from the corpus.
 */
import { wordSet } from './phrases.ts';

const GROUPS: Record<string, string[]> = {
  approve: ['approved', 'approve', 'sanctioned', 'sanction', 'agreed', 'agree', 'accepted', 'accept', 'passed',
    'manjur', 'manjuri', 'swikrit', 'swikriti', 'anumodit', 'anumodan', 'sahmat', 'sahmati', 'yathaprastavit',
    'स्वीकृत', 'स्वीकृति', 'मंजूर', 'मंजूरी', 'अनुमोदित', 'अनुमोदन', 'सहमत', 'सहमति', 'यथाप्रस्तावित',
    'प्रस्तावानुसार', 'ok', 'thik', 'ठीक', 'chalega', 'alright', 'fine', 'pass'],
  return: ['return', 'returned', 'revert', 'reverted', 'resubmit', 'reexamine', 'wapas', 'lauta', 'lautaya', 'वापस',
    'लौटाएं', 'लौटाया', 'लौटाई', 'लौटा', 'rework', 'correction', 'संशोधन', 'सुधार', 'sudhaar', 'sudhar', 'back'],
  // "nahi, pehle jaanch karayein": something must be done first, so the file goes back.
  first: ['pehle', 'पहले', 'first', 'before', 'after', 'baad', 'बाद', 'missing', 'attach', 'लगाएं', 'lagao', 'संलग्न'],
  refuse: ['refused', 'refuse', 'rejected', 'reject', 'denied', 'declined', 'decline', 'disallowed', 'regretted', 'अमान्य',
    'amanya', 'मना', 'mana', 'asvikrit',
    'namanjur', 'अस्वीकृत', 'अस्वीकार', 'नामंजूर', 'permitted', 'granted', 'allowed', 'milegi', 'milega', 'मिलेगी',
    'sambhav', 'संभव', 'possible'],
  neg: ['nahi', 'not', 'no', 'नहीं', 'na', 'mat', 'मत', 'cannot', "can't", "don't", 'never'],
  leave: ['leave', 'leaves', 'chhutti', 'छुट्टी', 'छुट्टियां', 'अवकाश', 'avkash', 'cl', 'el', 'hpl', 'rh', 'scl',
    'casual', 'earned', 'maternity', 'paternity', 'medical', 'आकस्मिक', 'उपार्जित', 'station', 'मुख्यालय'],
  tour: ['tour', 'daura', 'दौरा', 'दौरे', 'भ्रमण', 'bhraman', 'visit', 'trip', 'outstation', 'travel', 'जाना', 'jana',
    'jaunga', 'going'],
  ta: ['ta', 'टीए', 'भत्ता', 'allowance', 'fare', 'kiraya', 'किराया', 'भाडा', 'bhada', 'reimburse', 'claim', 'दावा',
    'bill', 'विपत्र', 'rs', 'rupees', 'रुपये', 'rupaye'],
  file: ['file', 'files', 'फाइल', 'फाइलें', 'संचिका', 'संचिकाएं', 'संचिकाओं', 'sanchika', 'dak', 'डाक', 'receipt',
    'receipts', 'आवती', 'letter', 'पत्र', 'tray', 'inbox', 'desk', 'table', 'टेबल'],
  pending: ['pending', 'लंबित', 'pendency', 'लंबितता', 'baki', 'बाकी', 'ruki', 'pada', 'padi', 'पड़ी', 'atki'],
  show: ['show', 'list', 'dikhao', 'दिखाएं', 'batao', 'बताएं', 'display', 'view', 'सूची'],
  where: ['where', "where's", 'kahan', 'कहां', 'kiske', 'किसके', 'whom', 'track', 'status', 'स्थिति', 'स्टेटस',
    'position', 'update', 'happened', 'pahuncha', 'पहुंचा', 'पहुंची', 'moved', 'हुआ', 'hua', 'kis', 'movement', 'movements'],
  mine: ['my', 'mera', 'मेरा', 'मेरी', 'मेरे', 'mine', 'mujhe', 'मुझे', 'maine', 'मैंने', 'i'],
  send: ['send', 'forward', 'bhej', 'भेज', 'भेजें', 'भेजो', 'भेजिए', 'अग्रसारित', 'mark', 'उपस्थापित', 'submitted',
    'bhejna', 'pass', 'route', 'over', 'badha', 'बढ़ाएं', 'बढ़ाइए', 'aage', 'आगे'],
  sent: ['sent', 'bheja', 'भेजा', 'भेजी', 'भेजे', 'forwarded', 'प्रेषित', 'moved', 'outbox', 'marked'],
  search: ['find', 'search', 'look', 'khoj', 'खोजें', 'खोज', 'खोजो', 'dhundh', 'ढूंढें', 'ढूंढो', 'regarding', 'related',
    'संबंधित'],
  new: ['new', 'nayi', 'naya', 'नई', 'नया', 'fresh', 'create', 'सृजित', 'banao', 'बनाएं', 'banani', 'bana', 'start',
    'make', 'kholna'],
  close: ['close', 'closed', 'band', 'बंद', 'नस्तीबद्ध', 'consign', 'समाप्त', 'filed', 'settled', 'निष्पादित', 'record'],
  open: ['open', 'reopen', 'reactivate', 'khol', 'kholo', 'खोलें', 'खोला', 'revive', 'पुनर्जीवित', 'chalu', 'चालू', 'सक्रिय', 'again',
    'opened', 'undo'],
  hold: ['park', 'hold', 'abeyance', 'रोक', 'रोकें', 'रोककर', 'स्थगित', 'होल्ड', 'पार्क', 'rok', 'side', 'wait'],
  attach: ['attach', 'संलग्न', 'nathi', 'नत्थी', 'tag', 'club', 'daal', 'डालें', 'daalo', 'laga', 'लगाएं', 'jod',
    'जोड़ें', 'place', 'put', 'add', 'रखें', 'rakh'],
  verify: ['verify', 'सत्यापित', 'सत्यापन', 'genuine', 'asli', 'असली', 'authentic', 'authenticate', 'signature',
    'हस्ताक्षर', 'हस्ताक्षरित', 'sign', 'signed', 'digital', 'डिजिटल', 'नकली', 'really'],
  ack: ['ack', 'acknowledged', 'noted', 'received', 'प्राप्त', 'देखा', 'seen', 'अवगत', 'संज्ञान', 'padh', 'पढ़',
    'samajh', 'jaankari', 'जानकारी', 'got', 'mil', 'receive', 'dekha'],
  help: ['help', 'madad', 'मदद', 'सहायता', 'menu', 'मेनू', 'guide', 'options', 'विकल्प', 'commands', 'कैसे', 'kaise',
    'how', 'निर्देश', 'bot', 'samajh', 'use', 'उपयोग'],
  yes: ['yes', 'haan', 'हां', 'ji', 'जी', 'correct', 'sure', 'yep', 'confirm', 'confirmed', 'पुष्टि', 'sahi', 'सही',
    'bilkul', 'बिल्कुल', 'pakka', 'पक्का', 'right', 'y', 'submit'],
  no: ['no', 'nahi', 'नहीं', 'nope', 'wrong', 'galat', 'गलत', 'mat', 'मत', 'n', 'रहने', 'rehne', 'stop'],
  cancel: ['cancel', 'रद्द', 'radd', 'निरस्त', 'withdraw', 'revoke', 'cancelled', 'le'],
  remind: ['reminder', 'reminders', 'अनुस्मारक', 'रिमाइंडर', 'notification', 'notifications', 'सूचनाएं', 'alert',
    'alerts', 'अलर्ट', 'yaad', 'याद', 'messaging', 'संदेश', 'message', 'roz', 'रोज', 'daily'],
  off: ['off', 'stop', 'band', 'बंद', 'mute', 'pause', 'silence', 'unsubscribe', 'mat', 'मत', 'more', "don't"],
  on: ['on', 'start', 'chalu', 'चालू', 'resume', 'enable', 'unmute', 'subscribe', 'shuru', 'शुरू', 'again', 'phir',
    'फिर', 'दोबारा'],
  training: ['training', 'प्रशिक्षण', 'prashikshan', 'learn', 'sikhna', 'trainings', 'workshop'],
  diary: ['diary', 'डायरी', 'दैनिकी', 'dainiki'],
  report: ['report', 'रिपोर्ट', 'प्रतिवेदन', 'summary', 'statistics', 'weekly', 'daily', 'साप्ताहिक', 'wise', 'शाखावार',
    'generate'],
  circular: ['circular', 'परिपत्र', 'notice', 'सूचना', 'broadcast', 'notify', 'suchna', 'suchit', 'sabko', 'सभी', 'sabhi',
    'everyone'],
  message: ['msg', 'message', 'संदेश', 'tell', 'bolo', 'बताएं', 'ping', 'text', 'inform', 'कहें', 'bata'],
  who: ['who', "who's", 'kaun', 'कौन', 'absent', 'अनुपस्थित', 'out', 'away', 'bahar', 'बाहर', 'absentees', 'people',
    'log', 'staff', 'कर्मियों'],
  balance: ['balance', 'bachi', 'bache', 'बचे', 'बचा', 'बची', 'शेष', 'remaining', 'left', 'kitni', 'kitne', 'कितने',
    'कितना', 'कितनी', 'kitna', 'hisaab', 'हिसाब', 'details', 'record', 'history', 'account', 'लेखा', 'विवरण', 'taken', 'li', 'ली'],
  link: ['link', 'लिंक', 'jod', 'जोड़ें', 'register', 'connect', 'code', 'कोड', 'id', 'आईडी', 'account', 'खाता',
    'employee', 'कर्मचारी'],
  otp: ['otp', 'ओटीपी'],
  // A greeting opens a conversation (and asks for the welcome); thanks and wishes only decorate one.
  greet: ['hello', 'hi', 'namaste', 'नमस्ते', 'namaskar', 'नमस्कार', 'good', 'morning', 'evening', 'suprabhat',
    'सुप्रभात', 'pranam', 'प्रणाम', 'jai', 'जय', 'hind', 'हिंद', 'hey'],
  thanks: ['thanks', 'thank', 'धन्यवाद', 'dhanyavad', 'shukriya', 'शुक्रिया', 'shubhkamnayein', 'शुभकामनाएं', 'बधाई',
    'badhai', 'happy', 'night', 'रात्रि', 'haal'],
  note: ['note', 'noting', 'टिप्पणी', 'नोट', 'tippani', 'नोटिंग'],
  request: ['chahiye', 'चाहिए', 'need', 'want', 'apply', 'request', 'requesting', 'grant', 'lena', 'लेना', 'avail',
    'take', 'get', 'lunga', 'required'],
  // The whole office rather than my own desk: a report, not my pending items.
  scope: ['office', 'कार्यालय', 'poore', 'पूरे', 'कुल', 'total', 'overall', 'wise', 'शाखावार'],
  when: ['today', 'tomorrow', 'aaj', 'आज', 'kal', 'कल', 'parson', 'परसों', 'yesterday', 'next', 'agle', 'अगले'],
  duration: ['days', 'day', 'din', 'दिन', 'week', 'hafte', 'सप्ताह', 'half', 'आधे', 'aadha', 'पाली', 'paali'],
};

export const CONCEPTS: Map<string, string[]> = (() => {
  const out = new Map<string, string[]>();
  for (const [concept, words] of Object.entries(GROUPS)) {
    for (const w of wordSet(words)) out.set(w, [...(out.get(w) ?? []), `@${concept}`]);
  }
  return out;
})();
