import { describe, expect, test } from 'vitest';
import { detectDeadlines, type DeadlineCandidate, type LetterText } from '../../../core/deadlines/detect.ts';
import { DEFAULT_DEADLINE_RULES } from '../../../core/deadlines/rules.ts';
import { datesInText } from '../../../core/deadlines/text-dates.ts';

// Received in the collectorate on 10 November 2026 unless a test says otherwise.
const RECEIVED = '2026-11-10';
const detect = (letter: LetterText, receivedOn: string | undefined = RECEIVED): DeadlineCandidate[] =>
  detectDeadlines(letter, { rules: DEFAULT_DEADLINE_RULES, receivedOn });
const kinds = (letter: LetterText): string[] => detect(letter).map((c) => c.kind);
const scan = (scanText: string): string[] => kinds({ scanText });

describe('RTI', () => {
  test('a Hindi application under section 6(1) is an RTI application, and the clerk is shown why', () => {
    const [c, ...rest] = detect({
      scanText: `सेवा में,
        लोक सूचना पदाधिकारी, समाहरणालय, सहरसा।
        विषय: सूचना का अधिकार अधिनियम, 2005 की धारा 6(1) के अंतर्गत सूचना हेतु आवेदन।
        महाशय, मौजा बनगाँव, थाना नं. 112 के खाता 45, खेसरा 311 की जमाबंदी पंजी की सत्यापित प्रति उपलब्ध कराई जाए।
        आवेदक: रामप्रवेश यादव, ग्राम महिषी। शुल्क 10 रु. नकद जमा, रसीद संलग्न।`,
    });
    expect(rest).toEqual([]);
    expect(c?.kind).toBe('rti');
    expect(c?.why).toEqual([{ source: 'scan', text: 'सूचना का अधिकार अधिनियम, 2005 की धारा 6', as: 'word' }]);
    expect(c?.statedDate).toBeNull();
  });

  test('OCR that dropped matras, broke words and used Devanagari digits still finds it', () => {
    // What tesseract made of a faint carbon copy: सचना, अधि कार, आवदन, ६(१).
    const found = detect({ scanText: 'सवा म लाक सचना पदाधिकारी समाहरणालय सहरसा\nविषय सचना का अधि कार अधिनियम २००५ की धारा ६ (१) के अतर्गत आवदन' });
    expect(found.map((c) => c.kind)).toEqual(['rti']);
    expect(found[0]?.why[0]?.text).toBe('सचना का अधि कार अधिनियम २००५ की धारा ६');
  });

  test('English with OCR faults (RTl, appIication) and a Hinglish caption are read too', () => {
    expect(scan('RTl appIication dated 01.11.2026 from Shri Arun Kumar, Saharsa: the applicant seeks copies of mutation orders of Mauza Sonbarsa.')).toEqual(['rti']);
    expect(kinds({ caption: 'RTI aavedan aaya hai, Ramesh ji ka' })).toEqual(['rti']);
    expect(kinds({ subject: 'R.T.I. application — Smt. Kiran Devi' })).toEqual(['rti']);
  });

  test('life or liberty makes it 48 hours, instead of (not as well as) the 30-day application', () => {
    expect(scan('सूचना का अधिकार अधिनियम 2005 की धारा 6(1) के तहत आवेदन। मेरे पुत्र को दिनांक 07.11.2026 से सौर बाजार थाना में रखा गया है; '
      + 'यह मामला जीवन या स्वतंत्रता से संबंधित है, अतः 48 घंटे में सूचना दें।')).toEqual(['rti_life_liberty']);
    expect(scan('Application under section 6(1) of the RTI Act: my brother is detained at Simri Bakhtiyarpur; the information concerns life and liberty.'))
      .toEqual(['rti_life_liberty']);
  });

  test('a first appeal is a first appeal, not a new application', () => {
    expect(scan('सेवा में, प्रथम अपीलीय प्राधिकार-सह-अपर समाहर्ता, सहरसा। विषय: सूचना का अधिकार अधिनियम 2005 की धारा 19(1) के अंतर्गत प्रथम अपील। '
      + 'अपीलकर्ता ने दिनांक 12.09.2026 को आवेदन दिया था, जिसकी सूचना 30 दिनों में नहीं मिली।')).toEqual(['rti_first_appeal']);
  });

  test("an Information Commission hearing notice is the Commission's date, not a new 30-day application", () => {
    const [c, ...rest] = detect({
      scanText: 'बिहार राज्य सूचना आयोग, पटना। द्वितीय अपीलवाद संख्या 1234/2026। अपीलार्थी: रमेश यादव, प्रतिवादी: लोक सूचना पदाधिकारी, समाहरणालय सहरसा। '
        + 'सूचना का अधिकार अधिनियम के अंतर्गत आवेदन के मामले में सुनवाई दिनांक 05.01.2027 को पूर्वाह्न 11 बजे निर्धारित है।',
    });
    expect(rest).toEqual([]);
    expect(c?.kind).toBe('rti_commission');
    expect(c?.statedDate).toBe('2027-01-05');
  });
});

describe('public grievances (Bihar RPGR Act)', () => {
  test('a notice of the grievance redressal officer with a complaint number', () => {
    expect(scan('कार्यालय अनुमंडल लोक शिकायत निवारण पदाधिकारी, सहरसा सदर। बिहार लोक शिकायत निवारण अधिकार अधिनियम 2015 के अंतर्गत परिवाद। '
      + 'अनन्य संख्या 524110126110012345। परिवादी: सुनीता देवी, ग्राम पंचगछिया। विषय: राशन कार्ड निर्गत नहीं होना।')).toEqual(['lok_shikayat']);
    expect(kinds({ caption: 'lok shikayat parivad, Sunita Devi' })).toEqual(['lok_shikayat']);
  });
});

describe('High Court and other courts', () => {
  test('a writ with its next date: the date after the words that point at it, not the letter\'s own date', () => {
    const [c] = detect({
      scanText: 'Office of the Government Pleader, Patna High Court. Letter No. 552 dated 05.11.2026.\n'
        + 'IN THE HIGH COURT OF JUDICATURE AT PATNA, CWJC No. 1234/2026, Ram Kumar Singh vs The State of Bihar & Ors.\n'
        + 'You are requested to send the statement of facts for filing the counter affidavit. Next date 12/01/2027.',
    });
    expect(c).toMatchObject({ kind: 'cwjc', serious: false, statedDate: '2027-01-12', caseNumber: '1234/2026' });
    expect(c?.dateWhy).toEqual({ source: 'scan', text: '12/01/2027', cue: 'Next date' });
  });

  test('the Bihar style सी0डब्लू0जे0सी0 सं0 with a Hindi date after the hearing words', () => {
    const [c] = detect({
      scanText: 'पत्रांक 312 दिनांक 03.11.2026। माननीय उच्च न्यायालय, पटना में दायर सी0डब्लू0जे0सी0 सं0 4567/2026 रामेश्वर साह बनाम बिहार राज्य एवं अन्य '
        + 'में तथ्य विवरणी भेजने के संबंध में। वाद की अगली सुनवाई दिनांक १२ जनवरी २०२७ को होनी है।',
    });
    expect(c).toMatchObject({ kind: 'cwjc', statedDate: '2027-01-12', caseNumber: '4567/2026' });
  });

  test('OCR noise in the case name (CVVJC) and the date (03. 02. 2027) is read through', () => {
    const [c] = detect({ scanText: 'IN THE H1GH COURT OF JUD1CATURE AT PATNA CVVJC No. 88 of 2026 Sita Devi Versus State of Bihar\nnext date of hearing : 03. 02. 2027' });
    expect(c).toMatchObject({ kind: 'cwjc', statedDate: '2027-02-03', caseNumber: '88/2026' });
  });

  test('a contempt case (MJC) is serious and replaces the writ it arose from', () => {
    const found = detect({
      scanText: 'M.J.C. No. 789 of 2026 (arising out of CWJC No. 1234 of 2023) — contempt petition against the Collector, Saharsa. '
        + 'Show cause to be filed before 15th January 2027, the next date of hearing.',
    });
    expect(found.map((c) => c.kind)).toEqual(['mjc']);
    expect(found[0]).toMatchObject({ serious: true, statedDate: '2027-01-15', caseNumber: '789/2026' });
  });

  test('a hearing date written without a year is the next such day after receipt', () => {
    expect(detect({ scanText: 'एम0जे0सी0 45/2026 अवमानना वाद — अगली सुनवाई 20 जनवरी को।' })[0]).toMatchObject({ kind: 'mjc', statedDate: '2027-01-20' });
  });

  test('a writ with no future date asks for one: the order date is not the hearing', () => {
    expect(detect({ scanText: 'CWJC No. 5/2026: order dated 12.09.2026; the statement of facts is still awaited.' })[0])
      .toMatchObject({ kind: 'cwjc', statedDate: null, dateWhy: null });
    // Without a word pointing at it, the first date after receipt is offered, and said to be that.
    expect(detect({ subject: 'CWJC 2211/2025 parawise comments — 18.12.2026' })[0]?.dateWhy).toEqual({ source: 'subject', text: '18.12.2026', cue: null });
  });

  test('a civil court summons with the day to appear, in English and in Hindi', () => {
    expect(detect({ scanText: 'Summons: you are directed to appear before this court on 7th January, 2027 in Title Suit No. 12 of 2024.' })[0])
      .toMatchObject({ kind: 'court_notice', statedDate: '2027-01-07' });
    expect(detect({ scanText: 'व्यवहार न्यायालय, सहरसा। स्वत्व वाद संख्या 45/2025। आप दिनांक 20 दिसंबर 2026 को न्यायालय में उपस्थित होकर अभिलेख प्रस्तुत करें।' })[0])
      .toMatchObject({ kind: 'court_notice', statedDate: '2026-12-20' });
  });
});

describe('public representatives', () => {
  test("an MLA's letter in Hindi, an MP's in English, and a Hinglish caption", () => {
    expect(scan('कार्यालय: विधायक, 75-सहरसा विधान सभा क्षेत्र। पत्रांक 17/2026। सेवा में, जिलाधिकारी, सहरसा। '
      + 'विषय: ग्राम पंचायत बनगाँव में चापाकल मरम्मति हेतु अनुरोध।')).toEqual(['public_representative']);
    expect(scan("Hon'ble MP Sri Dinesh Yadav's letter recommending a culvert on the Mahishi–Nauhatta road.")).toEqual(['public_representative']);
    expect(kinds({ caption: 'MLA sahab ka letter, Saharsa road repair ke liye request' })).toEqual(['public_representative']);
    expect(scan('सदस्य, बिहार विधान परिषद — सोनबरसा प्रखंड में भूमि विवाद के निष्पादन के संबंध में।')).toEqual(['public_representative']);
  });
});

describe('letters that carry no statutory deadline', () => {
  test.each([
    ['furniture for the RTI cell', "Please send information about the RTI cell's furniture and almirahs to the Nazarat section by Friday."],
    ['a circular on RTI disposal', 'परिपत्र: सूचना का अधिकार अधिनियम के अंतर्गत प्राप्त आवेदनों का ससमय निष्पादन सुनिश्चित करने के संबंध में।'],
    ['RTI training', 'RTI training for all PIOs and APIOs on 20.11.2026 at the DRDA hall; applications handled last quarter will be discussed.'],
    ['a DISHA meeting with MPs and MLAs', 'जिला विकास समन्वय एवं अनुश्रवण समिति (दिशा) की बैठक दिनांक 10.12.2026 को माननीय सांसद की अध्यक्षता में होगी; सभी माननीय विधायक आमंत्रित हैं।'],
    ["the MP's fund", 'सांसद निधि (MPLADS) 2025-26 से स्वीकृत योजनाओं का उपयोगिता प्रमाण पत्र भेजने के संबंध में। पत्रांक 200'],
    ['Madhya Pradesh', 'Letter from the Govt. of M.P., Bhopal, regarding the inter-state transfer of a revenue employee.'],
    ['Parliament (संसद, not सांसद)', 'संसद द्वारा पारित अधिनियम के अनुसार आवश्यक कार्रवाई हेतु पत्र।'],
    ['Independence Day (स्वतंत्रता alone)', 'स्वतंत्रता दिवस समारोह 2026 की तैयारी के संबंध में सूचना।'],
    ['coordination (समन्वय is not समन)', 'सभी विभागों से समन्वय स्थापित कर सूचना उपलब्ध कराएँ।'],
    ["the Collector's own court", 'समाहर्ता का न्यायालय, सहरसा — दाखिल खारिज अपील वाद संख्या 45/2026 में दिनांक 15.12.2026 को सुनवाई।'],
    ['a High Court order already decided', 'माननीय उच्च न्यायालय द्वारा पारित आदेश के आलोक में वेतन निर्धारण करने हेतु।'],
    ['a grievance review meeting', 'लोक शिकायत निवारण अधिकार अधिनियम के अंतर्गत लंबित परिवादों की समीक्षा बैठक दिनांक 12.11.2026 को'],
    ['an election letter', 'विधान सभा आम निर्वाचन 2025: सभी विधायक प्रत्याशियों के निर्वाचन व्यय लेखा की जाँच।'],
    ['a plain notice (सूचना)', 'सूचना: कार्यालय दिनांक 14.11.2026 को बंद रहेगा।'],
    ['"Part I" is not RTI, "smp" is not MP', 'Part I of the application form for the SMP scheme, applicant to sign, Hon\'ble members may note.'],
  ])('%s', (_name, text) => {
    expect(scan(text)).toEqual([]);
  });

  test('a circular about RTI applications still proposes one when it cites section 6 of the Act in full (missing one costs more)', () => {
    expect(scan('परिपत्र — सूचना का अधिकार अधिनियम 2005 की धारा 6(1) के अंतर्गत प्राप्त आवेदन')).toEqual(['rti']);
  });

  test('nothing to read, nothing proposed', () => {
    expect(detect({})).toEqual([]);
    expect(detect({ subject: '', caption: null, scanText: '   ' })).toEqual([]);
  });
});

describe('where the words were', () => {
  test('the subject the clerk typed, the caption and the scan are each named as the source', () => {
    const [c] = detect({ subject: 'CWJC 1234/2026 — तथ्य विवरणी', caption: 'high court letter', scanText: 'अगली तिथि 12.01.2027' });
    expect(c?.why[0]).toEqual({ source: 'subject', text: 'CWJC', as: 'word' });
    expect(c?.dateWhy).toEqual({ source: 'scan', text: '12.01.2027', cue: 'अगली तिथि' });
  });

  test('serious kinds come first when a letter names several', () => {
    const found = detect({ scanText: 'माननीय विधायक का पत्र संलग्न। साथ ही एम.जे.सी. 12/2026 में कारण पृच्छा, अगली तिथि 02.12.2026।' });
    expect(found.map((c) => c.kind)).toEqual(['mjc', 'public_representative']);
  });
});

describe('dates in letters', () => {
  test('Indian day-month order, Hindi and English month names, Devanagari digits, OCR letters for digits', () => {
    const found = datesInText('dated 5th Nov, 2026 / 12.1.27 / January 3, 2027 / ०१-०२-२०२७ / 1O.O1.2027 / 25 फ़रवरी 2027 / 7 सितम्बर', '2026-11-10');
    expect(found.map((d) => d.date)).toEqual(['2026-11-05', '2027-01-12', '2027-01-03', '2027-02-01', '2027-01-10', '2027-02-25', '2027-09-07']);
  });

  test('what is not a date is not read as one', () => {
    expect(datesInText('31.02.2027 · 02/13/2027 · CWJC 1234/2026 · section 12 may be invoked · 10.30 बजे', '2026-11-10')).toEqual([]);
    // Without the day of receipt a date without a year cannot be completed.
    expect(datesInText('अगली सुनवाई 20 जनवरी को')).toEqual([]);
  });
});
