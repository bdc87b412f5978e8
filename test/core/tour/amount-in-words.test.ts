import { expect, test } from 'vitest';
import { amountInWords } from '../../../core/tour/amount-in-words.ts';

test('rupees and paise in words, Indian grouping, English and Hindi', () => {
  expect(amountInWords(1990.5)).toEqual({ en: 'Rupees One Thousand Nine Hundred Ninety and Paise Fifty Only', hi: 'एक हज़ार नौ सौ नब्बे रुपये पचास पैसे मात्र' });
  expect(amountInWords(3340.5)).toEqual({ en: 'Rupees Three Thousand Three Hundred Forty and Paise Fifty Only', hi: 'तीन हज़ार तीन सौ चालीस रुपये पचास पैसे मात्र' });
  expect(amountInWords(12_45_678)).toEqual({
    en: 'Rupees Twelve Lakh Forty Five Thousand Six Hundred Seventy Eight Only', hi: 'बारह लाख पैंतालीस हज़ार छह सौ अठहत्तर रुपये मात्र',
  });
  expect(amountInWords(1_01_00_000.07)).toEqual({ en: 'Rupees One Crore One Lakh and Paise Seven Only', hi: 'एक करोड़ एक लाख रुपये सात पैसे मात्र' });
  expect(amountInWords(0)).toEqual({ en: 'Rupees Zero Only', hi: 'शून्य रुपये मात्र' });
  expect(amountInWords(99)).toEqual({ en: 'Rupees Ninety Nine Only', hi: 'निन्यानवे रुपये मात्र' });
  expect(amountInWords(0.999)).toEqual({ en: 'Rupees One Only', hi: 'एक रुपये मात्र' });
});
