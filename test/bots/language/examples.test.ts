import { beforeAll, describe, expect, it } from 'vitest';
import { loadLanguage, type LanguageModel, type Parse } from '../../../bots/language/index.ts';

let model: LanguageModel;
beforeAll(async () => {
  model = await loadLanguage();
});
const TODAY = '2026-11-25';
const parse = (text: string): Parse => model.parse(text, { today: TODAY });

/** The office's phrasing from the project brief, each to its intent. */
const EXAMPLES: [string, string][] = [
  ['approved', 'approve'], ['ok', 'approve'], ['ok put up', 'approve'], ['स्वीकृत', 'approve'],
  ['theek hai', 'approve'], ['manjoor', 'approve'], ['मंजूर', 'approve'], ['sanctioned', 'approve'], ['👍', 'approve'],
  ['देख लिया, स्वीकृत', 'approve'], ['ठीक है, आगे बढ़ाएँ', 'approve'],
  ['return — attach the survey report', 'return'], ['वापस, जाँच रिपोर्ट लगाएँ', 'return'],
  ['nahi, pehle jaanch karayein', 'return'], ['revert with comments', 'return'],
  ['refused, staff shortage', 'refuse'], ['अस्वीकृत', 'refuse'], ['leave nahi milegi, election duty hai', 'refuse'],
  ['send to DDC', 'forward'], ['आगे बढ़ाएँ ADM को', 'forward'], ['forward to Amit Anand', 'forward'],
  ['isko DDC ko bhej do', 'forward'], ['SAH0042 ko bhejo', 'forward'],
  ['note: letter received from BDO, put up for orders', 'note'], ['टिप्पणी: बीडीओ से पत्र प्राप्त', 'note'],
  ['link SAH0042', 'link'], ['जोड़ें SAH0042', 'link'], ['mera code SAH0042', 'link'],
  ['123456', 'otp'], ['otp 123456', 'otp'], ['१२३४५६', 'otp'],
  ['status EST-12/2026', 'status'], ['SAH/R/2026/000123 kahan hai', 'status'],
  ['where is my file GOP-4/2026', 'status'], ['मेरी संचिका कहाँ है', 'status'],
  ['my files', 'my_items'], ['मेरी फाइलें', 'my_items'], ['pending', 'my_items'], ['mere paas kya pending hai', 'my_items'],
  ['find land acquisition', 'search'], ['खोजें भूमि', 'search'], ['new file: road repair Sonbarsa', 'create_file'],
  ['put in EST-12/2026', 'attach'], ['close file EST-12/2026, matter settled', 'close_file'],
  ['CL 2 days from 3 Dec, family function', 'apply_leave'], ['3 दिसंबर से 2 दिन आकस्मिक अवकाश', 'apply_leave'],
  ['leave tomorrow', 'apply_leave'], ['kal ki chhutti chahiye', 'apply_leave'],
  ['half day CL today afternoon', 'apply_leave'], ['station leave 5-6 Dec to Patna', 'apply_leave'],
  ['tour to Patna 10-12 Dec for revenue meeting by bus', 'apply_tour'], ['12 दिसंबर को पटना दौरा, बैठक', 'apply_tour'],
  ['cancel my leave', 'cancel'], ['रद्द करें', 'cancel'],
  ['yes', 'confirm'], ['haan', 'confirm'], ['हाँ', 'confirm'], ['ji', 'confirm'], ['confirm', 'confirm'],
  ['no', 'deny'], ['nahi', 'deny'], ['नहीं', 'deny'],
  ['my leave', 'my_leave'], ['मेरी छुट्टी', 'my_leave'], ['leave balance', 'my_leave'],
  ['who is out today', 'who_is_out'], ['aaj kaun chhutti par hai', 'who_is_out'], ['report pendency', 'report'],
  ['circular to all: office will close at 2 pm', 'circular'],
  ['सूचना स्थापना शाखा को: सेवा पुस्तिका अद्यतन करें', 'circular'], ['msg DDC: meeting at 4', 'message'],
  ['ack', 'ack'], ['देखा', 'ack'], ['training', 'training'], ['प्रशिक्षण', 'training'],
  ['TA claim 850 bus fare Patna', 'ta_claim'], ['help', 'help'], ['मदद', 'help'], ['kya kar sakte ho', 'help'],
  ['reminders off', 'reminders_off'], ['reminders on', 'reminders_on'], ['tour diary', 'tour_diary'],
  ['verify SAH/R/2026/000123', 'verify'], ['park EST-12/2026', 'park'], ['reopen EST-12/2026', 'reopen'],
  ['sent files', 'sent'], ['good morning', 'help'], ['asdf qwer', 'unknown'], ['🙏', 'unknown'], ['', 'unknown'],
];

describe('the office phrasing in the brief', () => {
  it.each(EXAMPLES)('%s -> %s', (text, intent) => {
    expect(parse(text).intent).toBe(intent);
  });

  it('keeps remarks and addressees with the right intent', () => {
    expect(parse('return — attach the survey report')).toMatchObject({
      intent: 'return', entities: { remark: 'attach the survey report' },
    });
    expect(parse('वापस, जाँच रिपोर्ट लगाएँ')).toMatchObject({ intent: 'return', entities: { remark: 'जाँच रिपोर्ट लगाएँ' } });
    expect(parse('nahi, pehle jaanch karayein')).toMatchObject({
      intent: 'return', entities: { remark: 'pehle jaanch karayein' },
    });
    expect(parse('refused, staff shortage')).toMatchObject({ intent: 'refuse', entities: { remark: 'staff shortage' } });
    expect(parse('leave nahi milegi, election duty hai').entities).toEqual({ remark: 'election duty hai' });
    expect(parse('आगे बढ़ाएँ ADM को').entities).toEqual({ addressee: { post: 'ADM' } });
    expect(parse('forward to Amit Anand').entities).toEqual({ addressee: { name: 'Amit Anand' } });
    expect(parse('SAH0042 ko bhejo').entities).toEqual({ addressee: { code: 'SAH0042' } });
    expect(parse('ठीक है, आगे बढ़ाएँ').entities).toEqual({});
    expect(parse('link SAH0042').entities).toEqual({ employeeCode: 'SAH0042' });
    expect(parse('१२३४५६').entities).toEqual({ otp: '123456' });
    expect(parse('kal ki chhutti chahiye').entities).toEqual({ startDate: '2026-11-26', endDate: '2026-11-26', days: 1 });
    expect(parse('msg DDC: meeting at 4').entities).toEqual({ addressee: { post: 'DDC' }, remark: 'meeting at 4' });
  });

  it('reports language, a normalised text and sorted alternatives', () => {
    const p = parse('isko DDC ko bhej do');
    expect(p.language).toBe('mixed');
    expect(p.normalized).toBe('isko ddc ko bhej do');
    expect(parse('मेरी संचिका कहाँ है').language).toBe('hi');
    expect(parse('send to DDC').language).toBe('en');
    const alt = parse('approve this').alternatives.map((a) => a.confidence);
    expect(alt).toEqual([...alt].sort((a, b) => b - a));
    for (const c of [p.confidence, ...alt]) expect(c).toBeGreaterThanOrEqual(0);
  });

  it('refuses a today that is not an ISO date', () => {
    expect(() => model.parse('leave tomorrow', { today: '25/11/2026' })).toThrow(/ISO date/);
  });
});

describe('decisions', () => {
  it('are confident when the reply is clear', () => {
    for (const t of ['approved', 'स्वीकृत', 'return — attach the survey report', 'refused, staff shortage']) {
      expect(parse(t).confidence, t).toBeGreaterThan(0.8);
    }
  });
  it('ask back (low confidence) when the text names two different decisions', () => {
    for (const t of ['approved but return the file', 'स्वीकृत, वापस करें', 'manjoor hai, wapas bhejo', 'reject, approve']) {
      const p = parse(t);
      expect(['approve', 'return', 'refuse'], t).toContain(p.intent);
      expect(p.confidence, t).toBeLessThanOrEqual(0.35);
    }
  });
  it('read a negated approval as a refusal, not an approval', () => {
    expect(parse('leave not sanctioned, audit week').intent).toBe('refuse');
    expect(parse('अवकाश स्वीकृत नहीं, निरीक्षण है').intent).toBe('refuse');
  });
});
