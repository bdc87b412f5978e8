// The intake limits' failure codes said in Hindi and English: what was refused, the limit, and
// what to send instead.
import type { INTAKE_FAILURES } from '../../core/intake/failures.ts';
import type { P, Say } from './say.ts';

// Indian digit grouping (1,04,85,760) in both languages: how office staff write numbers.
const n = (value: string | number | undefined): string => (typeof value === 'number' ? value.toLocaleString('en-IN') : String(value ?? ''));

const FOUND: Record<string, [hi: string, en: string]> = {
  javascript: ['JavaScript (चलने वाला कोड)', 'JavaScript'],
  launch: ['कोई प्रोग्राम चलाने का निर्देश (Launch)', 'an action that starts a program (Launch)'],
  embedded_file: ['भीतर रखी हुई फ़ाइलें (embedded files)', 'files embedded in it'],
};
const found = (p: P, i: 0 | 1): string => FOUND[String(p.found)]?.[i] ?? String(p.found);

export const INTAKE_FAILURE_TEXT: Record<(typeof INTAKE_FAILURES)[number], Say> = {
  'INBOUND.TOO_LONG': {
    hi: (p) => `यह संदेश बहुत लंबा है (${n(p.length)} अक्षर)। एक संदेश में अधिकतम ${n(p.max)} अक्षर हो सकते हैं; छोटे भागों में भेजें, या लंबा पाठ PDF के रूप में। कोई कार्रवाई नहीं हुई।`,
    en: (p) => `This message is too long (${n(p.length)} characters). A message may be at most ${n(p.max)} characters; send it in shorter parts, or a long text as a PDF. Nothing was done.`,
  },
  'UPLOAD.TOO_MANY_PIXELS': {
    hi: (p) => `"${p.name}" ${n(p.width)} × ${n(p.height)} पिक्सेल (${n(p.megapixels)} मेगापिक्सेल) की है; अधिकतम ${n(p.max)} मेगापिक्सेल स्वीकार्य है। कम रिज़ॉल्यूशन में स्कैन करके भेजें (पत्र के लिए 300 dpi पर्याप्त है)। कुछ भी सहेजा नहीं गया।`,
    en: (p) => `"${p.name}" is ${n(p.width)} × ${n(p.height)} pixels (${n(p.megapixels)} megapixels); at most ${n(p.max)} megapixels are accepted. Scan at a lower resolution and send again (300 dpi is plenty for a letter). Nothing was saved.`,
  },
  'UPLOAD.ACTIVE_CONTENT': {
    hi: (p) => `"${p.name}" में ${found(p, 0)} है, जो कार्यालय के दस्तावेज़ में नहीं होना चाहिए, इसलिए यह स्वीकार नहीं की गई। इसे "Print to PDF" / "Save as PDF" से नई PDF बनाकर, या कागज़ स्कैन करके भेजें। कुछ भी सहेजा नहीं गया।`,
    en: (p) => `"${p.name}" contains ${found(p, 1)}, which an office document must not carry, so it was refused. Make a new PDF of it with "Print to PDF" / "Save as PDF", or scan the paper, and send that. Nothing was saved.`,
  },
};
