// What `daftar import-files` says about each row, in English and Hindi side by side (the DIO runs it,
// the section's clerks read the report). Records over the code lists make a new code without a
// sentence a compile error.
import type { PaperField } from '../../core/efile/import-paper-file-columns.ts';
import type { PaperReason, PaperReasonCode } from '../../core/efile/import-paper-file.ts';

type P = PaperReason['params'];
type Both = { en: string; hi: string };

export const PAPER_FIELD_LABEL: Record<PaperField, Both> = {
  fileNumber: { en: 'file_number', hi: 'संचिका संख्या' },
  paperNumber: { en: 'paper_number', hi: 'पुरानी संचिका संख्या' },
  subject: { en: 'subject', hi: 'विषय' },
  section: { en: 'section', hi: 'कोषांग' },
  holder: { en: 'holder', hi: 'वर्तमान धारक' },
  openedOn: { en: 'opened_on', hi: 'खोलने की तिथि' },
  scans: { en: 'scans', hi: 'स्कैन' },
  notes: { en: 'notes', hi: 'टिप्पणी' },
};

const field = (p: P): Both => PAPER_FIELD_LABEL[p.field as PaperField] ?? { en: String(p.field), hi: String(p.field) };

const ACTIVE: Record<string, Both> = {
  javascript: { en: 'JavaScript', hi: 'JavaScript (चलने वाला कोड)' },
  launch: { en: 'an action that starts a program (Launch)', hi: 'प्रोग्राम चलाने का निर्देश (Launch)' },
  embedded_file: { en: 'embedded files', hi: 'भीतर रखी हुई फ़ाइलें' },
};

const REASON_TEXT: Record<PaperReasonCode, (p: P) => Both> = {
  'PAPER.MISSING_VALUE': (p) => p.field === 'paperNumber'
    ? { en: 'paper_number is blank (needed when file_number is blank)', hi: 'पुरानी संचिका संख्या खाली है (संचिका संख्या खाली हो तो आवश्यक)' }
    : { en: `${field(p).en} is blank`, hi: `${field(p).hi} खाली है` },
  'PAPER.UNKNOWN_SECTION': (p) => ({ en: `no section (कोषांग) "${p.value}" (give its code, like EST, or its name)`, hi: `कोषांग "${p.value}" नहीं मिला (कोड, जैसे EST, या नाम लिखें)` }),
  'PAPER.UNKNOWN_HOLDER': (p) => ({ en: `holder "${p.value}" is not on the staff roll (give the employee code, or "name, post")`, hi: `धारक "${p.value}" कर्मी सूची में नहीं है (कर्मी कोड या "नाम, पद" लिखें)` }),
  'PAPER.AMBIGUOUS_HOLDER': (p) => ({ en: `several staff are "${p.value}" (${p.codes}); give the employee code`, hi: `"${p.value}" एक से अधिक कर्मी हैं (${p.codes}); कर्मी कोड लिखें` }),
  'PAPER.INACTIVE_HOLDER': (p) => ({ en: `holder ${p.code} is deactivated; place the file with whoever holds it now`, hi: `धारक ${p.code} निष्क्रिय हैं; संचिका जिनके पास अभी है उनका नाम लिखें` }),
  'PAPER.BAD_DATE': (p) => ({ en: `opened_on "${p.value}" is not a date as DD-MM-YYYY, DD/MM/YYYY or YYYY-MM-DD`, hi: `खोलने की तिथि "${p.value}" सही तिथि नहीं है (DD-MM-YYYY, DD/MM/YYYY या YYYY-MM-DD)` }),
  'PAPER.FUTURE_DATE': (p) => ({ en: `opened_on "${p.value}" is after today`, hi: `खोलने की तिथि "${p.value}" आज के बाद की है` }),
  'PAPER.BAD_FILE_NUMBER': (p) => ({ en: `file_number "${p.value}" is not in the office format (like ${p.example}); leave it blank for a new number`, hi: `संचिका संख्या "${p.value}" कार्यालय के प्रारूप (जैसे ${p.example}) में नहीं है; नई संख्या के लिए खाली छोड़ें` }),
  'PAPER.OTHER_SECTION_NUMBER': (p) => ({ en: `file_number "${p.value}" is another section's number; this row's section is ${p.section}`, hi: `संचिका संख्या "${p.value}" किसी अन्य कोषांग की है; इस पंक्ति का कोषांग ${p.section} है` }),
  'PAPER.NUMBER_TAKEN': (p) => ({
    en: `file_number ${p.value} already belongs to another file${p.paper ? ` (paper file ${p.paper})` : ''}`,
    hi: `संचिका संख्या ${p.value} पहले से किसी अन्य संचिका की है${p.paper ? ` (पुरानी संचिका ${p.paper})` : ''}`,
  }),
  'PAPER.DUPLICATE_IN_INDEX': (p) => ({ en: `the same file is on line ${p.line} of the index`, hi: `यही संचिका सूची की पंक्ति ${p.line} पर भी है` }),
  'PAPER.SCAN_MISSING': (p) => ({ en: `scan ${p.name} is not in the folder`, hi: `स्कैन ${p.name} फ़ोल्डर में नहीं है` }),
  'PAPER.SCAN_CORRUPT': (p) => ({ en: `scan ${p.name} is damaged and does not open`, hi: `स्कैन ${p.name} खराब है, खुलता नहीं` }),
  'PAPER.SCAN_ENCRYPTED': (p) => ({ en: `scan ${p.name} is password-protected; save it without a password`, hi: `स्कैन ${p.name} पासवर्ड से सुरक्षित है; बिना पासवर्ड के सहेजें` }),
  'PAPER.SCAN_UNSUPPORTED': (p) => ({ en: `scan ${p.name} is not a PDF, JPEG or PNG`, hi: `स्कैन ${p.name} PDF, JPEG या PNG नहीं है` }),
  'PAPER.SCAN_EMPTY': (p) => ({ en: `scan ${p.name} is empty`, hi: `स्कैन ${p.name} खाली है` }),
  'PAPER.SCAN_TOO_BIG': (p) => ({ en: `scan ${p.name} is larger than ${p.maxMb} MB; split it`, hi: `स्कैन ${p.name} ${p.maxMb} MB से बड़ा है; इसे भागों में बाँटें` }),
  'PAPER.SCAN_OUTSIDE': (p) => ({ en: `scan ${p.name} is outside the folder; name files inside it`, hi: `स्कैन ${p.name} फ़ोल्डर के बाहर है; फ़ोल्डर के अंदर की फ़ाइल लिखें` }),
  'PAPER.SCAN_TOO_MANY_PIXELS': (p) => ({
    en: `scan ${p.name} is ${p.width} × ${p.height} pixels, over ${p.max} megapixels; scan it again at a lower resolution (300 dpi)`,
    hi: `स्कैन ${p.name} ${p.width} × ${p.height} पिक्सेल का है, ${p.max} मेगापिक्सेल से अधिक; कम रिज़ॉल्यूशन (300 dpi) पर फिर स्कैन करें`,
  }),
  'PAPER.SCAN_ACTIVE_CONTENT': (p) => ({
    en: `scan ${p.name} contains ${ACTIVE[String(p.found)]?.en ?? p.found}, which an office file must not carry; print it to a new PDF or scan the paper`,
    hi: `स्कैन ${p.name} में ${ACTIVE[String(p.found)]?.hi ?? p.found} है, जो कार्यालय की संचिका में नहीं होना चाहिए; नई PDF प्रिंट करें या कागज़ स्कैन करें`,
  }),
};

export function paperReasonText(reason: PaperReason): Both {
  return REASON_TEXT[reason.code](reason.params);
}

/** "english | हिंदी": each line of the report in both. */
export const both = (text: Both): string => `${text.en} | ${text.hi}`;

export const IMPORT_TEXT = {
  created: (number: string, receipts: number, pages: number): Both => ({
    en: `created → ${number} (${receipts} scan${receipts === 1 ? '' : 's'}, ${pages} page${pages === 1 ? '' : 's'})`,
    hi: `बनाई गई → ${number} (${receipts} स्कैन, ${pages} पृष्ठ)`,
  }),
  wouldCreate: (number: string | null, receipts: number, pages: number): Both => ({
    en: `would be created → ${number ?? 'a new number'} (${receipts} scan${receipts === 1 ? '' : 's'}, ${pages} page${pages === 1 ? '' : 's'})`,
    hi: `बनाई जाएगी → ${number ?? 'नई संख्या'} (${receipts} स्कैन, ${pages} पृष्ठ)`,
  }),
  skipped: (number: string): Both => ({ en: `skipped: already imported (${number})`, hi: `छोड़ी गई: पहले से आयातित (${number})` }),
  rejected: (reasons: Both[]): Both => ({ en: `rejected: ${reasons.map((r) => r.en).join('; ')}`, hi: `अस्वीकृत: ${reasons.map((r) => r.hi).join('; ')}` }),
  summary: (s: { created: number; skipped: number; rejected: number; total: number }, dryRun: boolean): Both => dryRun
    ? { en: `dry run: ${s.created} would be created, ${s.skipped} skipped, ${s.rejected} rejected of ${s.total} rows; nothing was written`, hi: `जाँच मात्र: ${s.total} में से ${s.created} बनेंगी, ${s.skipped} छोड़ी गईं, ${s.rejected} अस्वीकृत; कुछ नहीं लिखा गया` }
    : { en: `created ${s.created}, skipped ${s.skipped}, rejected ${s.rejected} of ${s.total} rows`, hi: `${s.total} में से ${s.created} बनाई गईं, ${s.skipped} छोड़ी गईं, ${s.rejected} अस्वीकृत` },
  rerun: {
    en: 'Correct the rejected rows and run the import again: files already in are skipped, never duplicated.',
    hi: 'अस्वीकृत पंक्तियाँ सुधारकर फिर चलाएँ: पहले से आयातित संचिकाएँ छोड़ दी जाती हैं, दोहराई नहीं जातीं।',
  },
  ocrQueued: (scans: number): Both => ({
    en: `${scans} scan${scans === 1 ? '' : 's'} queued for text search; the server (daftar start) reads them in the background.`,
    hi: `${scans} स्कैन पाठ-खोज के लिए कतार में; सर्वर (daftar start) इन्हें पृष्ठभूमि में पढ़ता है।`,
  }),
} as const;
