// Rupee amounts in words for bills, in the Indian system (thousand, lakh, crore), English and Hindi.
// Hindi numbers below a hundred are irregular words, so they are listed rather than composed.

const EN_ONES = [
  'Zero', 'One', 'Two', 'Three', 'Four', 'Five', 'Six', 'Seven', 'Eight', 'Nine', 'Ten', 'Eleven', 'Twelve', 'Thirteen',
  'Fourteen', 'Fifteen', 'Sixteen', 'Seventeen', 'Eighteen', 'Nineteen',
];
const EN_TENS = ['', '', 'Twenty', 'Thirty', 'Forty', 'Fifty', 'Sixty', 'Seventy', 'Eighty', 'Ninety'];

const HI_BELOW_100 = (
  'शून्य एक दो तीन चार पाँच छह सात आठ नौ दस ग्यारह बारह तेरह चौदह पंद्रह सोलह सत्रह अठारह उन्नीस ' +
  'बीस इक्कीस बाईस तेईस चौबीस पच्चीस छब्बीस सत्ताईस अट्ठाईस उनतीस तीस इकतीस बत्तीस तैंतीस चौंतीस पैंतीस छत्तीस सैंतीस अड़तीस उनतालीस ' +
  'चालीस इकतालीस बयालीस तैंतालीस चौवालीस पैंतालीस छियालीस सैंतालीस अड़तालीस उनचास पचास इक्यावन बावन तिरेपन चौवन पचपन छप्पन सत्तावन अट्ठावन उनसठ ' +
  'साठ इकसठ बासठ तिरसठ चौंसठ पैंसठ छियासठ सड़सठ अड़सठ उनहत्तर सत्तर इकहत्तर बहत्तर तिहत्तर चौहत्तर पचहत्तर छिहत्तर सतहत्तर अठहत्तर उन्यासी ' +
  'अस्सी इक्यासी बयासी तिरासी चौरासी पचासी छियासी सत्तासी अट्ठासी नवासी नब्बे इक्यानवे बानवे तिरानवे चौरानवे पंचानवे छियानवे सत्तानवे अट्ठानवे निन्यानवे'
).split(' ');

interface Words {
  below100(n: number): string;
  hundred: string;
  thousand: string;
  lakh: string;
  crore: string;
}

const EN: Words = {
  below100: (n) => (n < 20 ? EN_ONES[n] ?? '' : `${EN_TENS[Math.floor(n / 10)] ?? ''}${n % 10 === 0 ? '' : ` ${EN_ONES[n % 10] ?? ''}`}`),
  hundred: 'Hundred', thousand: 'Thousand', lakh: 'Lakh', crore: 'Crore',
};
const HI: Words = { below100: (n) => HI_BELOW_100[n] ?? '', hundred: 'सौ', thousand: 'हज़ार', lakh: 'लाख', crore: 'करोड़' };

/** A whole number of 1 or more in words; crores above 99 are themselves put in words. */
function wholeInWords(n: number, w: Words): string {
  const parts: string[] = [];
  const crore = Math.floor(n / 10_000_000);
  const lakh = Math.floor((n % 10_000_000) / 100_000);
  const thousand = Math.floor((n % 100_000) / 1000);
  const hundred = Math.floor((n % 1000) / 100);
  const rest = n % 100;
  if (crore > 0) parts.push(`${wholeInWords(crore, w)} ${w.crore}`);
  if (lakh > 0) parts.push(`${w.below100(lakh)} ${w.lakh}`);
  if (thousand > 0) parts.push(`${w.below100(thousand)} ${w.thousand}`);
  if (hundred > 0) parts.push(`${w.below100(hundred)} ${w.hundred}`);
  if (rest > 0) parts.push(w.below100(rest));
  return parts.join(' ');
}

/** "Rupees One Thousand Nine Hundred Ninety and Paise Fifty Only" / "एक हज़ार नौ सौ नब्बे रुपये पचास पैसे मात्र". */
export function amountInWords(amount: number): { en: string; hi: string } {
  if (!Number.isFinite(amount) || amount < 0) throw new Error(`not an amount: ${amount}`);
  const paiseTotal = Math.round(amount * 100);
  const rupees = Math.floor(paiseTotal / 100);
  const paise = paiseTotal % 100;
  const enRupees = rupees === 0 ? EN.below100(0) : wholeInWords(rupees, EN);
  const hiRupees = rupees === 0 ? HI.below100(0) : wholeInWords(rupees, HI);
  return {
    en: `Rupees ${enRupees}${paise > 0 ? ` and Paise ${EN.below100(paise)}` : ''} Only`,
    hi: `${hiRupees} रुपये${paise > 0 ? ` ${HI.below100(paise)} पैसे` : ''} मात्र`,
  };
}
