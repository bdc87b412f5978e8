import { describe, expect, it } from 'vitest';
import { amount, diaryNumbers, employeeCode, fileNumbers, otpCode } from '../../../bots/language/codes.ts';
import { extractEntities } from '../../../bots/language/entities.ts';
import { analyze } from '../../../bots/language/normalize.ts';

const tokens = (t: string) => analyze(t).tokens;
const entities = (intent: string, text: string) =>
  JSON.parse(JSON.stringify(extractEntities(intent, analyze(text), '2026-11-25'))) as Record<string, unknown>;

describe('office identifiers', () => {
  it('reads file numbers in the office format, in upper case', () => {
    expect(fileNumbers(tokens('status EST-12/2026'))).toEqual(['EST-12/2026']);
    expect(fileNumbers(tokens('gop-0045/2026 kahan hai'))).toEqual(['GOP-0045/2026']);
    expect(fileNumbers(tokens('PLANNG-7/2025 and LND-1/2026'))).toEqual(['PLANNG-7/2025', 'LND-1/2026']);
    expect(fileNumbers(tokens('3/12 or 45/2024'))).toEqual([]);
  });
  it('reads diary numbers', () => {
    expect(diaryNumbers(tokens('SAH/R/2026/000123 kahan hai'))).toEqual(['SAH/R/2026/000123']);
    expect(diaryNumbers(tokens('EST-12/2026'))).toEqual([]);
  });
  it('reads employee codes: letters+digits, or a 5-10 digit roll number', () => {
    expect(employeeCode(tokens('link SAH0042'))).toBe('SAH0042');
    expect(employeeCode(tokens('लिंक SAH००४२'))).toBe('SAH0042');
    expect(employeeCode(tokens('link emp4521'))).toBe('EMP4521');
    expect(employeeCode(tokens('link 2019004512'))).toBe('2019004512');
    expect(employeeCode(tokens('link 1234'))).toBeUndefined();
  });
  it('reads OTPs, also in Hindi digits and split in two', () => {
    expect(otpCode(tokens('123456'))).toBe('123456');
    expect(otpCode(tokens('otp 482913'))).toBe('482913');
    expect(otpCode(tokens('ओटीपी: २४६८१०'))).toBe('246810');
    expect(otpCode(tokens('otp received: 417 209'))).toBe('417209');
    expect(otpCode(tokens('otp 4821'))).toBe('4821');
    expect(otpCode(tokens('4821'))).toBeUndefined();
  });
  it('reads rupee amounts', () => {
    expect(amount(tokens('TA claim 850 bus fare Patna'), new Set())).toBe(850);
    expect(amount(tokens('Rs. 1,250 train fare'), new Set())).toBe(1250);
    expect(amount(tokens('TA 950/- Madhepura bus'), new Set())).toBe(950);
    expect(amount(tokens('₹640'), new Set())).toBe(640);
  });
});

describe('entities per intent', () => {
  it('keeps the return reason verbatim after the decision word', () => {
    expect(entities('return', 'return — attach the survey report')).toEqual({ remark: 'attach the survey report' });
    expect(entities('return', 'वापस, जाँच रिपोर्ट लगाएँ')).toEqual({ remark: 'जाँच रिपोर्ट लगाएँ' });
    expect(entities('return', 'nahi, pehle jaanch karayein')).toEqual({ remark: 'pehle jaanch karayein' });
    expect(entities('return', 'revert with comments')).toEqual({});
    expect(entities('return', 'संशोधन हेतु वापस')).toEqual({ remark: 'संशोधन हेतु' });
  });
  it('keeps refusal reasons and approval instructions, and nothing when there are none', () => {
    expect(entities('refuse', 'refused, staff shortage')).toEqual({ remark: 'staff shortage' });
    expect(entities('refuse', 'leave nahi milegi, election duty hai')).toEqual({ remark: 'election duty hai' });
    expect(entities('refuse', 'CL refused because two clerks are on leave')).toEqual({ remark: 'two clerks are on leave' });
    expect(entities('approve', 'ठीक है, आगे बढ़ाएँ')).toEqual({});
    expect(entities('approve', 'OK, put up fair copy for signature')).toEqual({ remark: 'put up fair copy for signature' });
    expect(entities('approve', 'EST-12/2026 approved')).toEqual({ fileNumber: 'EST-12/2026' });
  });
  it('reads addressees as a post, a name or an employee code', () => {
    expect(entities('forward', 'send to DDC')).toEqual({ addressee: { post: 'DDC' } });
    expect(entities('forward', 'आगे बढ़ाएँ ADM को')).toEqual({ addressee: { post: 'ADM' } });
    expect(entities('forward', 'forward to Amit Anand')).toEqual({ addressee: { name: 'Amit Anand' } });
    expect(entities('forward', 'isko DDC ko bhej do')).toEqual({ addressee: { post: 'DDC' } });
    expect(entities('forward', 'SAH0042 ko bhejo')).toEqual({ addressee: { code: 'SAH0042' } });
    expect(entities('forward', 'इसे श्री राजेश कुमार को भेजें')).toEqual({ addressee: { name: 'राजेश कुमार' } });
    expect(entities('forward', 'forward to DDC, urgent')).toEqual({ addressee: { post: 'DDC' }, remark: 'urgent' });
    expect(entities('forward', 'send EST-12/2026 to up vikas ayukt')).toEqual({
      fileNumber: 'EST-12/2026', addressee: { post: 'DDC' },
    });
  });
  it('reads notes, circulars and messages', () => {
    expect(entities('note', 'note: letter received from BDO, put up for orders')).toEqual({
      remark: 'letter received from BDO, put up for orders',
    });
    expect(entities('circular', 'circular to all: office will close at 2 pm')).toEqual({
      audience: 'all', remark: 'office will close at 2 pm',
    });
    expect(entities('circular', 'सूचना स्थापना शाखा को: सेवा पुस्तिका अद्यतन करें')).toEqual({
      audience: 'स्थापना शाखा', remark: 'सेवा पुस्तिका अद्यतन करें',
    });
    expect(entities('circular', 'परिपत्र सभी अनुमंडल पदाधिकारियों को: प्रतिवेदन भेजें')).toEqual({
      audience: 'SDO', remark: 'प्रतिवेदन भेजें',
    });
    expect(entities('message', 'msg DDC: meeting at 4')).toEqual({ addressee: { post: 'DDC' }, remark: 'meeting at 4' });
    expect(entities('message', 'msg Priya Kumari: come to my chamber')).toEqual({
      addressee: { name: 'Priya Kumari' }, remark: 'come to my chamber',
    });
  });
  it('reads leave requests', () => {
    expect(entities('apply_leave', 'CL 2 days from 3 Dec, family function')).toEqual({
      leaveType: 'CL', startDate: '2026-12-03', endDate: '2026-12-04', days: 2, purpose: 'family function',
    });
    expect(entities('apply_leave', 'station leave 5-6 Dec to Patna')).toEqual({
      leaveType: 'station_leave', startDate: '2026-12-05', endDate: '2026-12-06', days: 2, destinations: ['Patna'],
    });
    expect(entities('apply_leave', 'भाई की शादी के लिए 3 दिसंबर से 2 दिन का आकस्मिक अवकाश')).toEqual({
      leaveType: 'CL', startDate: '2026-12-03', endDate: '2026-12-04', days: 2, purpose: 'भाई की शादी',
    });
    // an impossible date: no dates at all, so the caller asks again
    expect(entities('apply_leave', 'CL on 31 Feb')).toEqual({ leaveType: 'CL' });
  });
  it('reads tour requests and TA claims', () => {
    expect(entities('apply_tour', 'tour to Patna 10-12 Dec for revenue meeting by bus')).toEqual({
      destinations: ['Patna'], startDate: '2026-12-10', endDate: '2026-12-12', days: 3,
      purpose: 'revenue meeting', travelMode: 'bus',
    });
    expect(entities('apply_tour', '12 दिसंबर को पटना दौरा, बैठक')).toEqual({
      destinations: ['Patna'], startDate: '2026-12-12', endDate: '2026-12-12', days: 1, purpose: 'बैठक',
    });
    expect(entities('ta_claim', 'TA claim 850 bus fare Patna')).toEqual({
      amount: 850, travelMode: 'bus', destinations: ['Patna'],
    });
  });
  it('reads queries and subjects', () => {
    expect(entities('search', 'find land acquisition')).toEqual({ query: 'land acquisition' });
    expect(entities('search', 'खोजें भूमि')).toEqual({ query: 'भूमि' });
    expect(entities('create_file', 'new file: road repair Sonbarsa')).toEqual({ subject: 'road repair Sonbarsa' });
    expect(entities('create_file', 'flood relief ki nayi file kholo')).toEqual({ subject: 'flood relief' });
    expect(entities('report', 'report pendency')).toEqual({ query: 'pendency' });
  });
});
