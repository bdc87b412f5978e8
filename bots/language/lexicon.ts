/**
 * Word lists for the office's three registers. Spellings here are already folded (lower case,
 * nukta removed, chandrabindu -> anusvara) because they are compared with folded tokens.
 */

function invert(groups: Record<string, string[]>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [canonical, variants] of Object.entries(groups)) {
    for (const v of variants) out[v] = canonical;
  }
  return out;
}

/** Roman (Hinglish) spellings people actually type, folded to one form each. */
export const ROMAN_VARIANTS: Record<string, string> = invert({
  manjur: ['manjoor', 'manzoor', 'manzur', 'mnjoor', 'manjor', 'manjoorr'],
  manjuri: ['manjoori', 'manzoori', 'manzuri'],
  namanjur: ['namanjoor', 'namanzoor', 'namanzur', 'na-manjoor'],
  thik: ['theek', 'thick', 'theak', 'thk', 'theekh', 'tik', 'thek'],
  swikrit: ['sweekrit', 'svikrit', 'swikrt', 'sweekrut', 'swikrut', 'swikrith', 'svikrt'],
  asvikrit: ['aswikrit', 'asweekrit', 'asvikrt', 'asvikrut'],
  bhej: ['bhejo', 'bhejiye', 'bhejiya', 'bhejen', 'bhejein', 'bhejdo', 'bhejiyega', 'bhejna', 'bhejne', 'bhejie'],
  bheja: ['bheji', 'bheje', 'bhejaa'],
  chhutti: ['chutti', 'chuti', 'chhuti', 'chhuttee', 'chhutty', 'chutty', 'chhuttiyan', 'chuttiyan', 'chhuttiyon', 'chhuttiya'],
  nahi: ['nahin', 'nhi', 'nahee', 'nahii', 'nai', 'nahim', 'nahiin', 'nhin'],
  haan: ['han', 'haa', 'ha', 'hn', 'haanji', 'hanji', 'haan'],
  yes: ['yup', 'yeah', 'yea', 'yess', 'yas'],
  hai: ['hain', 'h', 'hae', 'hai'],
  kya: ['kyaa', 'kia'],
  kaun: ['kon', 'koun', 'kaon', 'kaunn'],
  kahan: ['kahaan', 'kaha', 'kidhar', 'kahaa'],
  mera: ['meri', 'mere', 'mereko', 'mra'],
  mujhe: ['mujhko', 'muje', 'mujhey'],
  kar: ['karo', 'kare', 'karein', 'karen', 'kariye', 'kijiye', 'kijie', 'krdo', 'kr', 'karna', 'karni', 'karke', 'karo', 'kardo', 'kro', 'krna', 'karu', 'karun', 'karoon', 'kariyega'],
  karwa: ['karwayen', 'karwao', 'karaiye', 'karayein', 'karwayein', 'karaye', 'karwaiye', 'karwa', 'karayen', 'karao', 'karwana'],
  wapas: ['vapas', 'wapis', 'vapis', 'waapas', 'vaapas', 'wapass'],
  lauta: ['lautao', 'lautayen', 'lautaiye', 'lautaye', 'lautado', 'lautana'],
  aage: ['age', 'aagey', 'agey', 'aagay'],
  badha: ['badhao', 'badhaye', 'badhayen', 'badhaiye', 'barhayen', 'badhaen', 'badhaein', 'badhayein', 'badhado', 'badhana', 'barhao'],
  kal: ['kl', 'kall'],
  aaj: ['aj', 'aaj'],
  parson: ['parso', 'parsoon', 'parsun', 'parsoo'],
  din: ['dino', 'dinon', 'dinn'],
  please: ['plz', 'pls', 'plss', 'plez', 'pl', 'plzz', 'pleas', 'kindly', 'kripya', 'kripaya', 'kirpya', 'krpya'],
  ok: ['okay', 'okk', 'okey', 'k', 'oky', 'okie', 'okies', 'o.k', 'okkk', 'okhay'],
  approved: ['aproved', 'approvd', 'aprooved', 'approoved', 'apprved', 'aprovd', 'approvedd', 'aprvd', 'apprvd', 'appd',
    'apprd', 'aprd', 'apvd'],
  return: ['rtn', 'retrn', 'rtrn', 'retun'],
  send: ['snd', 'sned'],
  back: ['bk', 'bck'],
  thanks: ['thx', 'thnx', 'thanx', 'tnx', 'thnks', 'thanq'],
  good: ['gud', 'gd', 'gud'],
  morning: ['mrng', 'mrg', 'morng', 'mornin', 'mng'],
  hello: ['hlo', 'hllo', 'helloo'],
  approve: ['aprove', 'approv', 'apporve', 'aproove'],
  forward: ['fwd', 'frwd', 'farward', 'forwad', 'foward', 'fw'],
  sir: ['sirji', 'sar', 'sirr', 'saab'],
  ji: ['jee', 'jii'],
  chahiye: ['chaiye', 'chahie', 'chahye', 'chaahiye', 'chahiyeh', 'chahiey', 'chiye', 'chaahie'],
  sanchika: ['sanchka', 'sanchikaa'],
  leave: ['leav', 'lv', 'leve'],
  dikhao: ['dikhaiye', 'dikhayen', 'dikhaye', 'dikha', 'dikhana', 'dikhaen', 'dikhado'],
  batao: ['bataiye', 'batayen', 'bata', 'bataye', 'bataen', 'batana', 'batado'],
  khoj: ['khojo', 'khojiye', 'khoje', 'khojen', 'khojna', 'khojein'],
  dhundh: ['dhundho', 'dhundo', 'dhoondo', 'dhoondh', 'dhundhiye', 'dhoondho', 'dhundhna', 'dhundhe', 'dhundhein', 'dhoondhiye'],
  jod: ['jodo', 'jodein', 'joden', 'jodiye', 'jodna', 'jodiyee', 'jor', 'joro'],
  rakh: ['rakho', 'rakhen', 'rakhein', 'rakhiye', 'rakhna', 'rakhe', 'rakhiyega'],
  laga: ['lagao', 'lagaiye', 'lagayen', 'lagaen', 'lagana', 'lagaye', 'lagado', 'lagayein'],
  dobara: ['dubara', 'dobaara', 'dubaara', 'doobara'],
  phir: ['fir', 'phirse', 'firse'],
  tabiyat: ['tabiyet', 'tabeeyat', 'tabiat', 'tabyat'],
  shadi: ['shaadi', 'saadi', 'shaadee'],
  somvar: ['somwar'], mangalvar: ['mangalwar'], budhvar: ['budhwar'],
  guruvar: ['guruwar', 'brihaspativar', 'brihaspatiwar', 'vrihaspativar'],
  shukravar: ['shukrawar', 'sukrawar', 'sukravar'], shanivar: ['shaniwar'],
  ravivar: ['raviwar', 'itwar', 'etwar', 'itvar'],
  bimar: ['beemar', 'bimaar'],
  jaanch: ['janch', 'jaanch', 'jaach', 'jach'],
  pehle: ['pahle', 'phle', 'pehele', 'pahile'],
  jana: ['jaana', 'jaanaa'],
  report: ['riport', 'reprt'],
  status: ['staus', 'sttus', 'statuss'],
  pending: ['pendng', 'pendin'],
  reject: ['rejct', 'rjct', 'rejec'],
  rejected: ['rejectd', 'rjected', 'rjctd', 'rejctd'],
  tour: ['tuor', 'toor'],
  daura: ['dora', 'dauraa'],
});

/** Devanagari spellings folded to one form (after nukta and chandrabindu folding). */
export const DEVANAGARI_VARIANTS: Record<string, string> = invert({
  'फाइल': ['फाईल', 'फ़ाइल'],
  'फाइलें': ['फाईलें'],
  'मंजूर': ['मंजुर'],
  'नामंजूर': ['नामंजुर', 'नामंज़ूर'],
  'स्वीकृत': ['स्विकृत', 'स्वीकृत'],
  'अस्वीकृत': ['अस्विकृत'],
  'ठीक': ['ठिक'],
  'नहीं': ['नही', 'नहि', 'नहिं'],
  'हां': ['हा', 'हाँ', 'हां'],
  'छुट्टी': ['छुटटी', 'छूट्टी', 'छुट्टि', 'छुट्टि'],
  'छुट्टियां': ['छुट्टियाँ', 'छुटियां'],
  'कृपया': ['क्रिपया', 'कृप्या'],
  'संचिका': ['सञ्चिका'],
  'दोबारा': ['दुबारा'],
  'पुनः': ['पुन', 'पनः', 'पुनह'],
  'प्रणाम': ['परनाम', 'प्रनाम', 'परणाम'],
});

/**
 * Words that carry a decision or a noting idiom, to which a misspelt word is folded when its
 * consonants are the same: "apprvd", "forwrded", "rejectd" (vowels dropped in chat) and
 * "सशोधित", "अवलोकनर्थ", "परस्तुत" (matras left out). Already folded spellings; a skeleton two of
 * them share is never used.
 */
export const SKELETON_KEYWORDS = [
  'approved', 'approve', 'sanctioned', 'sanction', 'forwarded', 'forward', 'returned', 'return', 'revert', 'reject', 'rejected',
  'refused', 'submitted', 'perusal', 'resubmit', 'reexamine', 'rectify', 'complied', 'comply', 'observations',
  'discrepancy', 'discrepancies', 'signature', 'consideration', 'necessary', 'information', 'approval', 'reverted',
  'declined', 'disallowed', 'accepted', 'agreed', 'proposal', 'proposed', 'correction', 'corrections', 'clarify',
  'namaste', 'namaskar', 'pranam', 'hello', 'morning', 'evening', 'afternoon', 'suprabhat', 'नमस्ते', 'नमस्कार', 'प्रणाम',
  'सुप्रभात', 'सहमति', 'अनापत्ति', 'निर्गत',
  'स्वीकृत', 'स्वीकृति', 'अस्वीकृत', 'अनुमोदित', 'अनुमोदन', 'अनुमोदनार्थ', 'अग्रसारित', 'अवलोकनार्थ', 'अवलोकन',
  'आदेशार्थ', 'उपस्थापित', 'प्रस्तुत', 'संशोधित', 'संशोधन', 'निराकरण', 'त्रुटियों', 'चिह्नित', 'संचिका', 'टिप्पणी',
  'अवकाश', 'लंबित', 'परिपत्र', 'नामंजूर', 'मंजूर', 'लौटाएं', 'लौटाया', 'वापस', 'कृपया', 'महोदय', 'यथाप्रस्तावित',
  'प्रस्तावित', 'अस्वीकार', 'स्पष्टीकरण', 'पुनः', 'अनुपालन', 'समाहर्ता', 'आवश्यक', 'कार्रवाई', 'हस्ताक्षर',
];

/** Roman words that mark a message as Hinglish for language detection. */
export const ROMAN_HINDI_WORDS = new Set([
  'hai', 'ko', 'ki', 'ka', 'ke', 'se', 'me', 'mein', 'par', 'pe', 'nahi', 'haan', 'kya', 'kahan', 'mera', 'mujhe',
  'kar', 'karwa', 'bhej', 'bheja', 'chhutti', 'kal', 'aaj', 'parson', 'din', 'chahiye', 'thik', 'manjur', 'swikrit',
  'wapas', 'lauta', 'aage', 'badha', 'dikhao', 'batao', 'khoj', 'dhundh', 'jod', 'rakh', 'laga', 'dobara', 'phir',
  'ji', 'sahab', 'saheb', 'wala', 'wali', 'wale', 'abhi', 'kaun', 'kitna', 'kitni', 'kitne', 'bhi', 'aur', 'ya', 'tak',
  'liye', 'diya', 'gaya', 'gayi', 'ho', 'hoga', 'hogi', 'milegi', 'milega', 'sakte', 'sakti', 'sakta', 'lena', 'dena',
  'do', 'de', 'dijiye', 'lo', 'le', 'isko', 'ise', 'iski', 'ye', 'yeh', 'wo', 'woh', 'hua', 'hui', 'tha', 'thi',
  'namanjur', 'asvikrit', 'sanchika', 'daura', 'bhraman', 'tippani', 'jaanch', 'pehle', 'jana', 'jaunga', 'lunga',
  'kaise', 'madad', 'bolo', 'dekh', 'liya', 'mil', 'gaye', 'bachi', 'bache', 'hafte', 'somvar', 'guruvar', 'shukravar',
  'aadha', 'paali', 'dopahar', 'baad', 'band', 'chalu', 'shuru', 'khol', 'kholo', 'naya', 'nayi', 'nai', 'karein',
]);

/** Number words up to twenty in Hindi (Devanagari and Roman); "do" is only read before din/days. */
export const NUMBER_WORDS: Record<string, number> = {
  'एक': 1, 'दो': 2, 'तीन': 3, 'चार': 4, 'पांच': 5, 'पाच': 5, 'छह': 6, 'छः': 6, 'छे': 6, 'सात': 7, 'आठ': 8,
  'नौ': 9, 'दस': 10, 'ग्यारह': 11, 'बारह': 12, 'तेरह': 13, 'चौदह': 14, 'पंद्रह': 15, 'बीस': 20, 'तीस': 30,
  ek: 1, do: 2, teen: 3, tin: 3, char: 4, chaar: 4, panch: 5, paanch: 5, chhah: 6, chhe: 6, che: 6, saat: 7,
  sat: 7, aath: 8, nau: 9, das: 10, gyarah: 11, barah: 12, pandrah: 15, bees: 20, tees: 30,
  one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, fifteen: 15,
  twenty: 20, a: 1, an: 1,
};

export const MONTHS: Record<string, number> = {
  jan: 1, january: 1, feb: 2, february: 2, mar: 3, march: 3, apr: 4, april: 4, may: 5, jun: 6, june: 6,
  jul: 7, july: 7, aug: 8, august: 8, sep: 9, sept: 9, september: 9, oct: 10, october: 10, nov: 11,
  november: 11, dec: 12, december: 12,
  'जनवरी': 1, 'फरवरी': 2, 'मार्च': 3, 'अप्रैल': 4, 'अप्रेल': 4, 'मई': 5, 'जून': 6, 'जुलाई': 7, 'अगस्त': 8,
  'सितंबर': 9, 'अक्टूबर': 10, 'अक्तूबर': 10, 'नवंबर': 11, 'दिसंबर': 12,
};

/** Day of week, Sunday = 0. */
export const WEEKDAYS: Record<string, number> = {
  sunday: 0, sun: 0, ravivar: 0, 'रविवार': 0, 'इतवार': 0,
  monday: 1, mon: 1, somvar: 1, 'सोमवार': 1,
  tuesday: 2, tue: 2, mangalvar: 2, 'मंगलवार': 2,
  wednesday: 3, wed: 3, budhvar: 3, 'बुधवार': 3,
  thursday: 4, thu: 4, guruvar: 4, 'गुरुवार': 4, 'बृहस्पतिवार': 4,
  friday: 5, fri: 5, shukravar: 5, 'शुक्रवार': 5,
  saturday: 6, sat: 6, shanivar: 6, 'शनिवार': 6,
};

/**
 * Leave-type phrases (as token sequences of canonical spellings) -> canonical type.
 * ML/PL are maternity/paternity leave (the pair used in leave rules); medical or sick leave is
 * commuted half-pay leave under the Bihar Service Code, so it is read as HPL.
 */
export const LEAVE_TYPES: [string[], string][] = [
  [['cl'], 'CL'], [['casual', 'leave'], 'CL'], [['casual'], 'CL'], [['आकस्मिक', 'अवकाश'], 'CL'],
  [['आकस्मिक'], 'CL'], [['aakasmik'], 'CL'],
  [['scl'], 'SCL'], [['special', 'casual', 'leave'], 'SCL'], [['विशेष', 'आकस्मिक', 'अवकाश'], 'SCL'],
  [['el'], 'EL'], [['earned', 'leave'], 'EL'], [['उपार्जित', 'अवकाश'], 'EL'], [['arjit', 'avkash'], 'EL'],
  [['privilege', 'leave'], 'EL'],
  [['hpl'], 'HPL'], [['half', 'pay', 'leave'], 'HPL'], [['अर्धवेतन', 'अवकाश'], 'HPL'], [['medical', 'leave'], 'HPL'],
  [['sick', 'leave'], 'HPL'], [['चिकित्सा', 'अवकाश'], 'HPL'], [['commuted', 'leave'], 'HPL'],
  [['ml'], 'ML'], [['maternity', 'leave'], 'ML'], [['maternity'], 'ML'], [['मातृत्व', 'अवकाश'], 'ML'],
  [['pl'], 'PL'], [['paternity', 'leave'], 'PL'], [['paternity'], 'PL'], [['पितृत्व', 'अवकाश'], 'PL'],
  [['rh'], 'RH'], [['restricted', 'holiday'], 'RH'], [['प्रतिबंधित', 'अवकाश'], 'RH'], [['ऐच्छिक', 'अवकाश'], 'RH'],
  [['station', 'leave'], 'station_leave'], [['मुख्यालय', 'छोड़ने', 'की', 'अनुमति'], 'station_leave'],
  [['मुख्यालय', 'छोडने', 'की', 'अनुमति'], 'station_leave'], [['स्टेशन', 'छोडने', 'की', 'अनुमति'], 'station_leave'],
  [['मुख्यालय', 'से', 'बाहर', 'जाने', 'की', 'अनुमति'], 'station_leave'], [['स्टेशन', 'लीव'], 'station_leave'],
  [['headquarters', 'leave'], 'station_leave'],
];

/** Travel-mode phrases -> canonical mode. */
export const TRAVEL_MODES: [string[], string][] = [
  [['official', 'vehicle'], 'official_vehicle'], [['govt', 'vehicle'], 'official_vehicle'],
  [['government', 'vehicle'], 'official_vehicle'], [['सरकारी', 'वाहन'], 'official_vehicle'],
  [['विभागीय', 'वाहन'], 'official_vehicle'], [['sarkari', 'gaadi'], 'official_vehicle'],
  [['sarkari', 'gadi'], 'official_vehicle'], [['सरकारी', 'गाडी'], 'official_vehicle'],
  [['own', 'vehicle'], 'own_vehicle'], [['निजी', 'वाहन'], 'own_vehicle'], [['apni', 'gaadi'], 'own_vehicle'],
  [['apni', 'gadi'], 'own_vehicle'], [['अपनी', 'गाडी'], 'own_vehicle'], [['private', 'vehicle'], 'own_vehicle'],
  [['bus'], 'bus'], [['बस'], 'bus'],
  [['train'], 'train'], [['ट्रेन'], 'train'], [['रेल'], 'train'], [['rail'], 'train'], [['रेलगाडी'], 'train'],
  [['air'], 'air'], [['flight'], 'air'], [['हवाई', 'जहाज'], 'air'], [['हवाई'], 'air'], [['plane'], 'air'],
  [['car'], 'car'], [['कार'], 'car'], [['taxi'], 'car'], [['टैक्सी'], 'car'],
  [['auto'], 'auto'], [['ऑटो'], 'auto'], [['bike'], 'two_wheeler'], [['motorcycle'], 'two_wheeler'],
  [['मोटरसाइकिल'], 'two_wheeler'],
];

/** Places staff travel to from Saharsa; canonical English name -> spellings (folded). */
export const PLACES: Record<string, string[]> = {
  Patna: ['patna', 'पटना'], Saharsa: ['saharsa', 'सहरसा'], Darbhanga: ['darbhanga', 'दरभंगा'],
  Bhagalpur: ['bhagalpur', 'भागलपुर'], Purnia: ['purnia', 'purnea', 'पूर्णिया', 'पूर्णियां'],
  Madhepura: ['madhepura', 'मधेपुरा'], Supaul: ['supaul', 'सुपौल'], Muzaffarpur: ['muzaffarpur', 'मुजफ्फरपुर'],
  Gaya: ['gaya', 'गया'], Delhi: ['delhi', 'dilli', 'दिल्ली'], Kolkata: ['kolkata', 'calcutta', 'कोलकाता'],
  Begusarai: ['begusarai', 'बेगूसराय'], Khagaria: ['khagaria', 'खगडिया'], Madhubani: ['madhubani', 'मधुबनी'],
  Katihar: ['katihar', 'कटिहार'], Araria: ['araria', 'अररिया'], Kishanganj: ['kishanganj', 'किशनगंज'],
  Ranchi: ['ranchi', 'रांची'], Sitamarhi: ['sitamarhi', 'सीतामढी'], Samastipur: ['samastipur', 'समस्तीपुर'],
  'Simri Bakhtiyarpur': ['simri bakhtiyarpur', 'सिमरी बख्तियारपुर', 'simri'],
  Sonbarsa: ['sonbarsa', 'सोनबरसा'], Mahishi: ['mahishi', 'महिषी'], Kahara: ['kahara', 'कहरा'],
  Nauhatta: ['nauhatta', 'नवहट्टा'], 'Satar Kataiya': ['satar kataiya', 'सत्तर कटैया'],
  Salkhua: ['salkhua', 'सलखुआ'], 'Banma Itahari': ['banma itahari', 'बनमा ईटहरी', 'बनमा इटहरी'],
  Patarghat: ['patarghat', 'पतरघट'], 'Sour Bazar': ['sour bazar', 'सौर बाजार'],
};
