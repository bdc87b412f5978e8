// Statutory deadlines as data: which kinds of letters carry a period set by law, by a court or by a
// government instruction, how the period counts, and the words that name each kind in a letter. The
// composition root may load a DEADLINE_RULES_FILE (JSON, checked by parseDeadlineRules) and falls
// back to DEFAULT_DEADLINE_RULES, as the leave rules do.
//
// The defaults, and where each comes from. They are DEFAULTS FOR THE OFFICE (the RTI cell, the legal
// cell, the lok shikayat cell) TO CONFIRM, not legal advice:
//
//  key                    counts         period  source
//  rti                    calendar days  30      RTI Act 2005 s.7(1): the PIO decides "as expeditiously as possible, and in
//                                                any case within thirty days of the receipt of the request". Not modelled
//                                                (the clerk corrects the date): +5 days when received through an APIO
//                                                (s.5(2) proviso); a transfer under s.6(3) counts from the transferee's receipt;
//                                                the time between the fee intimation and payment is excluded (s.7(3)).
//  rti_life_liberty       hours          48      RTI Act 2005 s.7(1) proviso: "where the information sought for concerns
//                                                the life or liberty of a person, the same shall be provided within forty-eight
//                                                hours of the receipt of the request". Serious.
//  rti_first_appeal       calendar days  30      RTI Act 2005 s.19(6): a first appeal (filed under s.19(1)) is disposed of
//                                                "within thirty days of the receipt", or within a total of forty-five days
//                                                for reasons recorded in writing. Modelled as 30; the officer who records
//                                                reasons corrects the date.
//  rti_commission         stated date    3 before  a hearing notice of the State (or Central) Information Commission in a
//                                                second appeal or complaint (s.19(3), s.18): the date is the Commission's.
//                                                Not in the issue's list; added so that such a notice, which also says
//                                                "सूचना का अधिकार" and "आवेदक", is not read as a new 30-day application.
//  lok_shikayat           working days   60      Bihar Right to Public Grievance Redressal Act 2015 (Bihar Act 19 of 2015),
//                                                s.4(4)-(5): hearing and decision "within the stipulated time limit", which
//                                                the Bihar Right to Public Grievance Redressal Rules 2016 (notified
//                                                22.01.2016) set at 60 working days. The Act counts from the filing of the
//                                                complaint with the Public Grievance Redressal Officer, not from its receipt
//                                                here: when the notice states the filing date, the clerk corrects the date.
//  cwjc                   stated date    7 before  a Civil Writ Jurisdiction Case of the Patna High Court (Art. 226). The
//                                                court gives the hearing (or the date for the counter affidavit); the
//                                                office's part — the statement of facts (तथ्य विवरणी) or instructions to the
//                                                Government Pleader — is due 7 days before it. Our choice: the counsel must
//                                                turn it into a sworn counter affidavit, file and serve it before the date,
//                                                and orders of the court show it grants about four weeks for a counter
//                                                affidavit and refuses further time with costs; a week leaves that margin.
//  mjc                    stated date    7 before  a civil contempt case: Contempt of Courts Act 1971, and rule 3(i) of the
//                                                Contempt of Courts (Patna High Court) Rules (Bihar Gazette 20.02.1985)
//                                                registers a civil contempt petition as a Miscellaneous Judicial Case (MJC).
//                                                The same 7 days; serious (an officer may be held in contempt, personally):
//                                                at the deadline the head of office is told as well. It supersedes the CWJC it
//                                                arises from. (Other MJCs than contempt exist; the clerk corrects those.)
//  court_notice           stated date    3 before  a summons or notice from a court, tribunal or commission with a date to appear
//                                                or answer. Our choice: 3 days for the record and the authorised officer to be
//                                                sent; the Collector's own (revenue) court is not an outside court.
//  public_representative  calendar days  30      a letter from an MP, MLA or MLC. DoPT's guidelines on official dealings with
//                                                Members of Parliament and State Legislatures (OM of 01.12.2011, reiterated
//                                                19.11.2014, 13.09.2022 and 12.01.2026, F.No. 11013/16/2025-PP.A-III; CSMOP),
//                                                sent to every State for its officers: acknowledge within 15 days, reply within
//                                                the next 15. Bihar's General Administration Department reiterated those
//                                                guidelines (letter of 14.11.2021) without, in what we found, a period of its
//                                                own: so 15 + 15 = 30 days.
//
// A due date that falls on a closed day (holiday calendar) moves to the working day before: the
// reply has to leave the office on a day it is open (see deadline.ts). "Stated date" kinds need the
// date from the letter (detect.ts finds it, the clerk confirms it).
//
// How a kind is named in a letter (detect.ts): by any one of `words`; or by one of `weakWords` with one
// of `context` in the same letter, unless one of `notWith` is there too. A word inside a phrase of
// `ignore` does not count (सांसद in "सांसद निधि", the MP's fund, is not a letter from an MP). A kind
// that `requires` another is named only when that one is too (a first appeal under the RTI Act), and
// a kind named with one it `supersedes` replaces it (an RTI first appeal is not also a new application).
import type { Parsed } from '../calendar/holidays.ts';
import { preparePhrase } from './match.ts';

/** How the period counts. */
export type PeriodCount = 'calendar_days' | 'working_days' | 'hours' | 'stated_date';
export const PERIOD_COUNTS: readonly PeriodCount[] = ['calendar_days', 'working_days', 'hours', 'stated_date'];

export interface DeadlineKind {
  key: string;
  en: string;
  hi: string;
  /** The law, rule or instruction the period comes from, as it is cited. */
  source: { en: string; hi: string };
  counts: PeriodCount;
  /**
   * Days (calendar or working) or hours after receipt; for 'stated_date', how many days before the
   * date stated in the letter (the hearing) the reply is due, 0 for on the date itself.
   */
  period: number;
  /** Contempt and the like: listed first, and the head of office is told at the deadline. */
  serious: boolean;
  /** Each names the kind on its own. */
  words: string[];
  /** Each names the kind only together with one of `context`, and none of `notWith`. */
  weakWords: string[];
  context: string[];
  notWith: string[];
  /** Phrases inside which a word does not count. */
  ignore: string[];
  /** For 'stated_date' kinds: the words that point at the date that matters ("next date", "सुनवाई"). */
  dateCues: string[];
  /** Another kind that must be named too, or null. */
  requires: string | null;
  /** Kinds this one replaces when both are named. */
  supersedes: string[];
}

export interface DeadlineRules {
  kinds: DeadlineKind[];
}

const COURT_DATE_CUES = [
  'next date', 'next date of hearing', 'date of hearing', 'hearing', 'listed on', 'listed for', 'posted on', 'returnable',
  'fixed for', 'अगली तिथि', 'अगली सुनवाई', 'सुनवाई', 'सुनवाई की तिथि', 'सूचीबद्ध', 'पेशी', 'तिथि निर्धारित', 'निर्धारित तिथि',
  'तिथि नियत', 'उपस्थित', 'appear',
];
const ROUTINE = ['परिपत्र', 'circular', 'प्रशिक्षण', 'training', 'कार्यशाला', 'workshop'];

export const DEFAULT_DEADLINE_RULES: DeadlineRules = {
  kinds: [
    {
      key: 'rti_life_liberty', en: 'RTI application — life or liberty', hi: 'सूचना का अधिकार आवेदन — जीवन या स्वतंत्रता',
      source: { en: 'RTI Act 2005, s.7(1) proviso', hi: 'सूचना का अधिकार अधिनियम, 2005 की धारा 7(1) का परंतुक' },
      counts: 'hours', period: 48, serious: true,
      words: [
        'जीवन या स्वतंत्रता', 'जीवन अथवा स्वतंत्रता', 'जीवन एवं स्वतंत्रता', 'जीवन और स्वतंत्रता', 'जीवन व स्वतंत्रता',
        'जीवन या स्वतन्त्रता', 'जीवन एवं स्वतन्त्रता', 'life or liberty', 'life and liberty', 'life & liberty',
        '48 घंटे', '48 घण्टे', '48 hours', 'forty eight hours', 'अड़तालीस घंटे', 'proviso to section 7(1)', 'धारा 7(1) का परंतुक',
        'धारा 7(1) के परंतुक', 'धारा 7(1) का परन्तुक',
      ],
      weakWords: [], context: [], notWith: [], ignore: [], dateCues: [],
      requires: 'rti', supersedes: ['rti'],
    },
    {
      key: 'rti_first_appeal', en: 'RTI first appeal', hi: 'सूचना का अधिकार — प्रथम अपील',
      source: { en: 'RTI Act 2005, s.19(1) and s.19(6)', hi: 'सूचना का अधिकार अधिनियम, 2005 की धारा 19(1) एवं 19(6)' },
      counts: 'calendar_days', period: 30, serious: false,
      words: [
        'प्रथम अपील', 'first appeal', 'प्रथम अपीलीय प्राधिकार', 'प्रथम अपीलीय प्राधिकारी', 'first appellate authority',
        'धारा 19(1)', 'section 19(1)',
      ],
      weakWords: [], context: [], notWith: [], ignore: [], dateCues: [],
      requires: 'rti', supersedes: ['rti'],
    },
    {
      key: 'rti_commission', en: 'Information Commission hearing', hi: 'सूचना आयोग में सुनवाई',
      source: { en: 'RTI Act 2005, s.18 and s.19(3): the Commission\'s date', hi: 'सूचना का अधिकार अधिनियम, 2005 की धारा 18 एवं 19(3): आयोग की तिथि' },
      counts: 'stated_date', period: 3, serious: false,
      words: ['राज्य सूचना आयोग', 'बिहार सूचना आयोग', 'State Information Commission', 'Central Information Commission', 'केन्द्रीय सूचना आयोग'],
      weakWords: ['द्वितीय अपील', 'second appeal', 'धारा 19(3)', 'section 19(3)'],
      context: ['सूचना का अधिकार', 'RTI', 'Right to Information', 'सूचना आयोग', 'information commission'],
      notWith: ROUTINE, ignore: [], dateCues: COURT_DATE_CUES,
      requires: null, supersedes: ['rti', 'rti_first_appeal'],
    },
    {
      key: 'rti', en: 'RTI application', hi: 'सूचना का अधिकार आवेदन',
      source: { en: 'RTI Act 2005, s.7(1)', hi: 'सूचना का अधिकार अधिनियम, 2005 की धारा 7(1)' },
      counts: 'calendar_days', period: 30, serious: false,
      words: [
        'सूचना का अधिकार अधिनियम 2005 की धारा 6', 'सूचना का अधिकार अधिनियम की धारा 6', 'सूचना का अधिकार अधिनियम 2005 के अंतर्गत आवेदन',
        'section 6(1) of the RTI Act', 'section 6(1) of the Right to Information Act', 'section 6 of the RTI Act',
        'section 6 of the Right to Information Act', 'u/s 6(1) of RTI Act', 'application under the Right to Information Act',
        'application under RTI Act',
      ],
      weakWords: ['RTI', 'आरटीआई', 'आर टी आई', 'सूचना का अधिकार', 'सूचना अधिकार', 'Right to Information', 'suchna ka adhikar'],
      context: [
        'आवेदन', 'आवेदक', 'application', 'applicant', 'धारा 6', 'section 6', 'u/s 6', 'जन सूचना पदाधिकारी', 'लोक सूचना पदाधिकारी',
        'सहायक लोक सूचना पदाधिकारी', 'public information officer', 'PIO', 'SPIO', 'APIO', 'information sought', 'सूचना मांगी',
        'मांगी गई सूचना', 'वांछित सूचना', 'प्रथम अपील', 'first appeal', 'द्वितीय अपील', 'second appeal', 'जीवन या स्वतंत्रता',
        'life or liberty', 'life and liberty', 'BPL', 'बीपीएल', 'aavedan', 'avedan', 'aavedak',
      ],
      notWith: [...ROUTINE, 'त्रैमासिक', 'quarterly', 'समीक्षा बैठक', 'review meeting'],
      ignore: [], dateCues: [], requires: null, supersedes: [],
    },
    {
      key: 'lok_shikayat', en: 'Public grievance (Bihar RPGR Act)', hi: 'लोक शिकायत (बिहार लोक शिकायत निवारण अधिकार अधिनियम)',
      source: {
        en: 'Bihar Right to Public Grievance Redressal Act 2015, s.4; Rules 2016: 60 working days',
        hi: 'बिहार लोक शिकायत निवारण अधिकार अधिनियम, 2015 की धारा 4; नियमावली 2016: 60 कार्य दिवस',
      },
      counts: 'working_days', period: 60, serious: false,
      words: [],
      weakWords: [
        'लोक शिकायत', 'लोक शिकायत निवारण', 'public grievance', 'lok shikayat', 'शिकायत निवारण पदाधिकारी', 'grievance redressal officer', 'PGRO',
      ],
      context: [
        'परिवाद', 'परिवादी', 'अनन्य संख्या', 'सुनवाई', 'लोक प्राधिकार', 'complaint', 'complainant', 'grievance no', 'unique id', 'hearing',
        'public authority', 'parivad', 'sunwai',
      ],
      notWith: [...ROUTINE, 'बैठक', 'meeting'],
      ignore: [], dateCues: [], requires: null, supersedes: [],
    },
    {
      key: 'mjc', en: 'High Court contempt case (MJC)', hi: 'उच्च न्यायालय अवमानना वाद (एम.जे.सी.)',
      source: {
        en: 'Contempt of Courts Act 1971; Contempt of Courts (Patna High Court) Rules, r.3(i): the court\'s date',
        hi: 'न्यायालय अवमान अधिनियम, 1971; न्यायालय अवमान (पटना उच्च न्यायालय) नियमावली, नियम 3(i): न्यायालय की तिथि',
      },
      counts: 'stated_date', period: 7, serious: true,
      words: [
        'MJC', 'एमजेसी', 'miscellaneous jurisdiction case', 'miscellaneous judicial case', 'contempt petition', 'contempt case',
        'civil contempt', 'अवमानना वाद', 'अवमाननावाद', 'अवमानना याचिका', 'अवमान वाद',
      ],
      weakWords: ['contempt', 'अवमानना'],
      context: ['High Court', 'उच्च न्यायालय', 'न्यायालय', 'court', 'show cause', 'कारण पृच्छा', 'compliance', 'अनुपालन', 'आदेश', 'order'],
      notWith: ROUTINE, ignore: [], dateCues: COURT_DATE_CUES,
      requires: null, supersedes: ['cwjc', 'court_notice'],
    },
    {
      key: 'cwjc', en: 'High Court writ (CWJC)', hi: 'उच्च न्यायालय रिट (सी.डब्ल्यू.जे.सी.)',
      source: { en: 'Patna High Court, Civil Writ Jurisdiction Case (Art. 226): the court\'s date', hi: 'पटना उच्च न्यायालय, सिविल रिट (अनुच्छेद 226): न्यायालय की तिथि' },
      counts: 'stated_date', period: 7, serious: false,
      words: ['CWJC', 'सीडब्लूजेसी', 'सीडब्ल्यूजेसी', 'civil writ jurisdiction case'],
      weakWords: ['writ petition', 'writ', 'रिट याचिका', 'रिट', 'उच्च न्यायालय', 'High Court'],
      context: [
        'counter affidavit', 'प्रति शपथ पत्र', 'प्रतिशपथ पत्र', 'शपथ पत्र', 'तथ्य विवरणी', 'तथ्य विवरण', 'statement of facts', 'parawise comment',
        'कंडिकावार', 'next date', 'अगली तिथि', 'सुनवाई', 'hearing', 'listed', 'respondent', 'प्रतिवादी', 'उत्तरवादी', 'याचिकाकर्ता',
        'याचिकाकर्त्ता', 'petitioner', 'versus', 'बनाम', 'vs',
      ],
      notWith: ['परिपत्र', 'circular'], ignore: [], dateCues: COURT_DATE_CUES,
      requires: null, supersedes: ['court_notice'],
    },
    {
      key: 'court_notice', en: 'Court summons or notice', hi: 'न्यायालय का समन / नोटिस',
      source: { en: 'the court\'s, tribunal\'s or commission\'s date', hi: 'न्यायालय, अधिकरण या आयोग की तिथि' },
      counts: 'stated_date', period: 3, serious: false,
      words: ['summons', 'समन', 'सम्मन', 'समन्स'],
      weakWords: [
        'न्यायालय', 'court', 'tribunal', 'न्यायाधिकरण', 'उपभोक्ता आयोग', 'consumer commission', 'consumer forum', 'मानवाधिकार आयोग',
        'human rights commission', 'adalat', 'अदालत',
      ],
      context: [
        'notice', 'नोटिस', 'उपस्थित', 'appear', 'appearance', 'हाजिर', 'next date', 'अगली तिथि', 'पेशी', 'सुनवाई', 'hearing', 'वाद संख्या',
        'case no', 'suit no', 'title suit', 'स्वत्व वाद', 'परिवाद पत्र', 'peshi', 'tarikh', 'sunwai', 'hazir',
      ],
      notWith: ['परिपत्र', 'circular'],
      ignore: [
        'समाहर्ता का न्यायालय', 'समाहर्ता न्यायालय', 'समाहर्त्ता का न्यायालय', 'समाहर्त्ता न्यायालय', "Collector's court", 'court of the collector',
        'court fee', 'कोर्ट फी', 'न्यायालय शुल्क',
      ],
      dateCues: [...COURT_DATE_CUES, 'appear on', 'on or before'],
      requires: null, supersedes: [],
    },
    {
      key: 'public_representative', en: 'Reference from an MP / MLA', hi: 'माननीय सांसद / विधायक का पत्र',
      source: {
        en: 'DoPT guidelines on dealings with MPs and MLAs (OM 01.12.2011, 12.01.2026; CSMOP): acknowledge in 15 days, reply in the next 15',
        hi: 'सांसदों एवं विधायकों से पत्राचार पर कार्मिक एवं प्रशिक्षण विभाग के दिशा-निर्देश: 15 दिन में पावती, अगले 15 दिन में उत्तर',
      },
      counts: 'calendar_days', period: 30, serious: false,
      words: [
        'सदस्य बिहार विधान सभा', 'सदस्य विधान सभा', 'सदस्य बिहार विधान परिषद', 'सदस्य विधान परिषद', 'सदस्य लोक सभा', 'सदस्य राज्य सभा',
        'संसद सदस्य', 'Member of Parliament', 'Member of Legislative Assembly', 'Member of Legislative Council',
      ],
      // "MP" alone is also Madhya Pradesh ("Govt. of M.P."): only in these phrases.
      weakWords: [
        'सांसद', 'विधायक', 'विधान पार्षद', 'MLA', 'MLC', 'जनप्रतिनिधि', 'जन प्रतिनिधि', 'vidhayak', 'sansad', "Hon'ble MP", 'honourable MP',
        'माननीय MP', 'MP Lok Sabha', 'MP Rajya Sabha', 'MP sahab', 'MP saheb', 'MP ji', 'MP ka', 'MP ke', 'MP का', 'MP के',
      ],
      context: [
        'माननीय', "Hon'ble", 'honourable', 'अनुशंसा', 'recommend', 'recommendation', 'अनुरोध', 'request', 'मांग', 'demand', 'अभ्यावेदन',
        'representation', 'पत्रांक', 'पत्र', 'letter', 'संदर्भ', 'reference', 'लेटर पैड', 'letter pad', 'Lok Sabha', 'Rajya Sabha', 'लोक सभा',
        'राज्य सभा', 'patra', 'chitthi', 'sifarish', 'anurodh',
      ],
      notWith: [
        'बैठक', 'meeting', 'निर्वाचन', 'election', 'उद्घाटन', 'inauguration', 'शिलान्यास', 'foundation stone', 'समारोह', 'ceremony',
        'प्रोटोकॉल', 'protocol',
      ],
      ignore: [
        'सांसद निधि', 'विधायक निधि', 'सांसद स्थानीय क्षेत्र विकास', 'विधायक स्थानीय क्षेत्र विकास', 'सांसद आदर्श ग्राम', 'सांसद मद', 'विधायक मद',
        'MPLADS', 'MPLAD', 'MP LAD', 'MP fund', 'MLA fund', 'MLA LAD',
      ],
      dateCues: [], requires: null, supersedes: [],
    },
  ],
};

export function deadlineKind(rules: DeadlineRules, key: string): DeadlineKind | null {
  const wanted = key.trim().toLowerCase();
  return rules.kinds.find((k) => k.key === wanted) ?? null;
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const KEY = /^[a-z][a-z0-9_]*$/;
const FIELDS = Object.keys(DEFAULT_DEADLINE_RULES.kinds[0] ?? {});
const PHRASE_LISTS = ['words', 'weakWords', 'context', 'notWith', 'ignore', 'dateCues'] as const;
const nonEmpty = (v: unknown): v is string => typeof v === 'string' && v.trim() !== '';
const wholeNumber = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v);

/** Problems with one list of phrases: not a list, an empty phrase, one too short to find safely. */
function phraseProblems(list: unknown, name: string): string[] {
  if (!Array.isArray(list)) return [`"${name}" must be a list of words or phrases (may be empty)`];
  const problems: string[] = [];
  for (const p of list) {
    if (typeof p !== 'string') problems.push(`"${name}": ${JSON.stringify(p)} is not text`);
    else if (preparePhrase(p).light.length < 2) problems.push(`"${name}": "${p}" has too few letters to be found safely (2 or more)`);
  }
  return problems;
}

/**
 * Checks a deadline rules file: {"kinds": [{…one DeadlineKind…}]}. Every field of a kind is
 * required, so that a file says in full what the office applies; every problem is named, not just
 * the first.
 */
export function parseDeadlineRules(json: unknown): Parsed<DeadlineRules> {
  if (!isRecord(json) || !Array.isArray(json.kinds)) return { ok: false, problems: ['expected an object with a "kinds" list'] };
  const problems: string[] = [];
  for (const key of Object.keys(json)) if (key !== 'kinds') problems.push(`unknown key "${key}"`);
  if (json.kinds.length === 0) problems.push('"kinds" is empty: list at least one kind of deadline');
  const kinds: DeadlineKind[] = [];
  const listedKeys = new Set<string>();
  json.kinds.forEach((k, i) => {
    const at = `kinds[${i}]${isRecord(k) && typeof k.key === 'string' ? ` (${k.key})` : ''}`;
    if (!isRecord(k)) {
      problems.push(`${at}: expected an object`);
      return;
    }
    const before = problems.length;
    const need = (ok: boolean, what: string): void => {
      if (!ok) problems.push(`${at}: ${what}`);
    };
    need(typeof k.key === 'string' && KEY.test(k.key), '"key" must be small letters, digits or _, e.g. "rti"');
    need(nonEmpty(k.en), '"en" (English name) is required');
    need(nonEmpty(k.hi), '"hi" (Hindi name) is required');
    need(isRecord(k.source) && nonEmpty(k.source.en) && nonEmpty(k.source.hi), '"source" must be {"en": "…", "hi": "…"}: the law or instruction the period comes from');
    need(PERIOD_COUNTS.includes(k.counts as PeriodCount), '"counts" must be "calendar_days", "working_days", "hours" or "stated_date"');
    if (k.counts === 'stated_date') need(wholeNumber(k.period) && k.period >= 0, '"period" must be a whole number of days before the stated date, 0 or more');
    else need(wholeNumber(k.period) && k.period > 0, `"period" must be a whole number of ${k.counts === 'hours' ? 'hours' : 'days'}, 1 or more`);
    need(typeof k.serious === 'boolean', '"serious" must be true or false');
    for (const name of PHRASE_LISTS) for (const p of phraseProblems(k[name], name)) problems.push(`${at}: ${p}`);
    const listed = (name: string): number => (Array.isArray(k[name]) ? (k[name] as unknown[]).length : 0);
    if (listed('words') === 0 && listed('weakWords') === 0) problems.push(`${at}: list at least one of "words" or "weakWords", or the kind is never named`);
    if (listed('weakWords') > 0 && listed('context') === 0) problems.push(`${at}: "weakWords" count only with a word of "context": list some`);
    if (k.counts !== 'stated_date' && listed('dateCues') > 0) problems.push(`${at}: "dateCues" are only for "stated_date" kinds: leave it []`);
    need(k.requires === null || (typeof k.requires === 'string' && k.requires !== k.key), '"requires" must be another kind\'s key, or null');
    need(Array.isArray(k.supersedes) && k.supersedes.every((s) => typeof s === 'string' && s !== k.key), '"supersedes" must be a list of other kinds\' keys');
    for (const name of Object.keys(k)) if (!FIELDS.includes(name)) problems.push(`${at}: unknown key "${name}"`);
    // A key seen before is named even when that earlier kind had problems of its own.
    if (typeof k.key === 'string') {
      if (listedKeys.has(k.key)) problems.push(`${at}: the key is listed twice`);
      listedKeys.add(k.key);
    }
    if (problems.length > before) return;
    const kind = k as unknown as DeadlineKind;
    kinds.push({ ...kind, en: kind.en.trim(), hi: kind.hi.trim(), source: { en: kind.source.en.trim(), hi: kind.source.hi.trim() } });
  });
  // Keys named by other kinds must exist, and two kinds may not each replace the other.
  for (const kind of kinds) {
    if (kind.requires !== null && !listedKeys.has(kind.requires)) problems.push(`${kind.key}: "requires" names "${kind.requires}", which is not a kind in the file`);
    for (const s of kind.supersedes) {
      if (!listedKeys.has(s)) problems.push(`${kind.key}: "supersedes" names "${s}", which is not a kind in the file`);
      else if (kinds.find((o) => o.key === s)?.supersedes.includes(kind.key)) {
        if (kind.key < s) problems.push(`${kind.key} and ${s} each supersede the other: keep one direction`);
      }
    }
  }
  return problems.length > 0 ? { ok: false, problems } : { ok: true, value: { kinds } };
}
