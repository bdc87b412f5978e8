// The README's "First start" walkthrough (issue 18), done in the local web chat in real Chromium
// the way people do it: Daftar started as `npm start` starts it (a child process on a fresh data
// directory with the demo office), one browser tab per person, each picked in the demo picker, and
// everything through the page — typing, the 📎 upload, pressing buttons (also of earlier messages),
// Reply, downloading PDFs. Notifications must reach the open tabs without anyone typing. The OTP is
// read where demo mode puts it: the server console. Screenshots of each step and the PDFs
// downloaded are kept in data/test-output/web-walkthrough/ (emptied at the start of each run).
//
// The steps run in order on one office; each `it` is one paragraph of the README, so a step that
// does not work as written fails on its own and the later paragraphs still run.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { BrowserContext } from 'playwright-core';
import { pdfText } from '../helpers/pdf-tools.ts';
import { nssDatabase, pdfsig } from '../helpers/nss.ts';
import { freePort, startDaftar, type DaftarProcess } from './daftar-process.ts';
import { exactly, launchChromium, OUTPUT, WebChat } from './web-chat.ts';
import { madeDueNow, openStore, runDeadlineEscalation } from './escalate-later.ts';

const SCAN = fileURLToPath(new URL('../fixtures/images/scan-portrait.jpg', import.meta.url));
const SHOTS = path.join(OUTPUT, 'web-walkthrough');
/** The letter's subject as a Hindi-first clerk types it (the README then searches `find sonbarsa`). */
const SUBJECT = 'सोनबरसा अंचल में बाढ़ राहत वितरण';
const FILE = 'GOP-1/2026';

let app: DaftarProcess;
let context: BrowserContext;
let profile: string;
/** The clerk SAH0027, the head clerk SAH0024, the section officer SAH0016 and the DDC SAH0002. */
let clerk: WebChat;
let headClerk: WebChat;
let sectionOfficer: WebChat;
let ddc: WebChat;
/** What the DDC was shown on the way, for the check of its words at the end. */
const seen = { ddcNotice: '', otpAsked: '' };

/** The office CA's certificate, as a reader adds it to their trust store (README: data/ca). */
const officeCa = () => readFile(path.join(app.dir, 'data', 'ca', 'office-ca.crt.pem'), 'utf8');

async function signatureReport(bytes: Uint8Array): Promise<string> {
  const nss = await nssDatabase([await officeCa()]);
  try {
    return await pdfsig(bytes, nss);
  } finally {
    await nss.dispose();
  }
}

beforeAll(async () => {
  await rm(SHOTS, { recursive: true, force: true });
  const port = await freePort();
  app = await startDaftar({ WEB_PORT: String(port) });
  profile = await mkdtemp(path.join(tmpdir(), 'daftar-walkthrough-chromium-'));
  context = await launchChromium(profile);
  const url = `http://127.0.0.1:${port}/`;
  // Everyone in the chain has the page open from the start, and only picks their name.
  clerk = await WebChat.pick(context, url, 'SAH0027', SHOTS);
  headClerk = await WebChat.pick(context, url, 'SAH0024', SHOTS);
  sectionOfficer = await WebChat.pick(context, url, 'SAH0016', SHOTS);
  ddc = await WebChat.pick(context, url, 'SAH0002', SHOTS);
}, 120_000);

afterAll(async () => {
  await context?.close();
  await app?.stop();
  if (profile) await rm(profile, { recursive: true, force: true });
});

describe('the README walkthrough in the web chat', { timeout: 90_000 }, () => {
  it('the clerk sends a scan, answers the subject, presses "new file" on the earlier message, notes and sends to the head clerk', async () => {
    const receipt = await clerk.attach(SCAN, /प्राप्ति दर्ज: SAH\/R\/2026\/\d{6}/);
    const diary = /SAH\/R\/2026\/\d{6}/.exec(await receipt.innerText())?.[0] ?? '';
    await clerk.waitForBot('पत्र का विषय लिखकर भेजें', 0);
    await clerk.screenshot('scan');
    await clerk.say(SUBJECT, `विषय दर्ज: ${SUBJECT}`);
    // The receipt's buttons, two messages up, are still there and still work (issue 18 item 3).
    const opened = await clerk.press(receipt, 'नई संचिका बनाएँ', 'नई संचिका खोली गई');
    expect(await opened.innerText()).toContain(FILE);
    expect(await opened.innerText()).toContain(SUBJECT);
    expect(await opened.innerText()).toContain(diary);
    expect(await receipt.locator('.actions button.chosen').innerText()).toContain('नई संचिका बनाएँ');
    await clerk.say('टिप्पणी: आदेशार्थ प्रस्तुत', `${FILE} पर टिप्पणी 1 दर्ज`);
    const sent = await clerk.say('प्रधान लिपिक को भेजें', /को भेज दी गई/);
    expect(await sent.innerText()).toContain('गीता देवी (प्रधान लिपिक)');
    await clerk.screenshot('sent-to-head-clerk');
  });

  it('the file reaches the head clerk\'s open page without her typing; she sends it to the section officer, who sends it to the DDC', async () => {
    const atHeadClerk = await headClerk.waitForBot(`संचिका ${FILE} आपके पास आई`, 0);
    expect(await atHeadClerk.innerText()).toContain('संजीव कुमार');
    expect(await atHeadClerk.innerText()).toContain('आदेशार्थ प्रस्तुत');
    for (const label of ['स्वीकृत', 'वापस करें', 'नोटशीट PDF']) expect(await atHeadClerk.locator('.actions button', { hasText: exactly(label) }).isEnabled(), label).toBe(true);
    await headClerk.screenshot('file-arrived');
    const onward = await headClerk.say('section officer ko bhejo', /को भेज दी गई/);
    expect(await onward.innerText()).toContain('अनीता कुमारी (प्रशाखा पदाधिकारी)');

    const atSection = await sectionOfficer.waitForBot(`संचिका ${FILE} आपके पास आई`, 0);
    expect(await atSection.innerText()).toContain('गीता देवी');
    const toDdc = await sectionOfficer.say('DDC ko bhej do', /को भेज दी गई/);
    expect(await toDdc.innerText()).toContain('राजेश कुमार सिंह (उप विकास आयुक्त)');
    await sectionOfficer.screenshot('sent-to-ddc');
  });

  it('the DDC approves: consent, the OTP from the server console, and a signed note sheet that pdfsig finds valid', async () => {
    const arrived = await ddc.waitForBot(`संचिका ${FILE} आपके पास आई`, 0);
    expect(await arrived.innerText()).toContain('अनीता कुमारी');
    seen.ddcNotice = await arrived.innerText();
    await ddc.screenshot('file-arrived');
    const consent = await ddc.say('approved', 'हस्ताक्षर आवश्यक है');
    expect(await consent.innerText()).toContain(FILE);
    expect(await consent.innerText()).toContain('निर्णय: स्वीकृत');
    const printed = app.lines.length;
    seen.otpAsked = await (await ddc.press(consent, 'हाँ, OTP भेजें', 'OTP')).innerText();
    const otp = await app.otp('0002', printed);
    expect(otp).toMatch(/^\d{6}$/);
    await ddc.screenshot('otp-asked');
    const signed = await ddc.say(otp, `हस्ताक्षरित: ${FILE}`);
    expect(await signed.innerText()).toContain('हस्ताक्षरित नोटशीट संलग्न');
    const pdf = await ddc.download(signed);
    expect(pdf.name).toBe('GOP-1_2026-signed.pdf');
    const text = await pdfText(pdf.bytes);
    expect(text).toContain(FILE);
    expect(text).toContain('आदेशार्थ प्रस्तुत');
    const report = await signatureReport(pdf.bytes);
    expect(report).toContain('Signature is Valid');
    expect(report).toContain('Certificate is Trusted');
    await ddc.screenshot('signed');
    // The file goes back to the section officer, who hears of it on her open page.
    await sectionOfficer.waitForBot(`संचिका ${FILE} राजेश कुमार सिंह (उप विकास आयुक्त) द्वारा स्वीकृत होकर आपके पास लौटी`, 0);
  });

  it('my files, sent, status (its note sheet button), find sonbarsa, file and signed bring what the README says', async () => {
    const mine = await sectionOfficer.say('my files', FILE);
    expect(await mine.innerText()).toContain(SUBJECT);
    await clerk.say('my files', 'लंबित नहीं');
    const sent = await clerk.say('sent', FILE);
    expect(await sent.innerText()).toContain('गीता देवी');
    const status = await clerk.say(`status ${FILE}`, `संचिका ${FILE}`);
    expect(await status.innerText()).toContain('अभी अनीता कुमारी (प्रशाखा पदाधिकारी) के पास');
    expect(await status.innerText()).toContain('राजेश कुमार सिंह → अनीता कुमारी (स्वीकृत)');
    const sheetByButton = await clerk.press(status, 'नोटशीट PDF', 'नोटशीट');
    expect((await clerk.download(sheetByButton)).name).toBe('GOP-1_2026-notesheet.pdf');
    const found = await clerk.say('find sonbarsa', /मिले/);
    expect(await found.innerText()).toContain(FILE);
    expect(await found.innerText()).toContain(SUBJECT);
    const sheet = await clerk.say(`file ${FILE}`, 'नोटशीट');
    const sheetPdf = await clerk.download(sheet);
    expect(sheetPdf.name).toBe('GOP-1_2026-notesheet.pdf');
    const sheetText = await pdfText(sheetPdf.bytes);
    for (const words of [FILE, SUBJECT, 'आदेशार्थ प्रस्तुत', 'संजीव कुमार', 'राजेश कुमार सिंह']) expect(sheetText.replace(/\s+/g, ' '), words).toContain(words);
    const signed = await clerk.say(`signed ${FILE}`, 'हस्ताक्षरित प्रति');
    const signedPdf = await clerk.download(signed);
    expect(signedPdf.name).toBe('GOP-1_2026-signed.pdf');
    expect(await signatureReport(signedPdf.bytes)).toContain('Signature is Valid');
    await clerk.screenshot('queries');
  });

  it('msg DDC: the message reaches the DDC\'s page, and his Reply goes back to the clerk', async () => {
    const ddcBefore = await ddc.count();
    const clerkBefore = await clerk.count();
    const sent = await clerk.say('msg DDC: survey report is ready', /संदेश .*को भेजा गया/);
    expect(await sent.innerText()).toContain('राजेश कुमार सिंह');
    const message = await ddc.waitForBot('survey report is ready', ddcBefore);
    expect(await message.innerText()).toContain('संजीव कुमार');
    await ddc.reply(message, 'ठीक है, कल देखेंगे', /संदेश .*को भेजा गया/);
    const answer = await clerk.waitForBot('ठीक है, कल देखेंगे', clerkBefore + 1);
    expect(await answer.innerText()).toContain('राजेश कुमार सिंह');
    await clerk.screenshot('reply-from-ddc');
  });

  it('the DDC\'s circular to all reaches the open pages; देखा typed and देखा pressed are both counted in circular status', async () => {
    const clerkBefore = await clerk.count();
    const headClerkBefore = await headClerk.count();
    const sent = await ddc.say('circular to all: review meeting at 11 tomorrow, ack by 17:00', /परिपत्र SAH\/C\/2026\/\d+/);
    const number = /SAH\/C\/2026\/\d+/.exec(await sent.innerText())?.[0] ?? '';
    const atClerk = await clerk.waitForBot('review meeting at 11 tomorrow', clerkBefore);
    expect(await atClerk.innerText()).toContain(number);
    await clerk.say('देखा', `परिपत्र ${number} की पावती दर्ज`);
    const atHeadClerk = await headClerk.waitForBot('review meeting at 11 tomorrow', headClerkBefore);
    await headClerk.press(atHeadClerk, 'देखा', `परिपत्र ${number} की पावती दर्ज`);
    const status = await ddc.say('circular status', `परिपत्र ${number}`);
    expect(await status.innerText()).toContain('पावती दी: 2');
    expect(await status.innerText()).toContain('अनीता कुमारी');
    await ddc.screenshot('circular-status');
  });

  it('training: the first step asks for a scan, the scan completes it, and it can be stopped with its button', async () => {
    await clerk.say('training', 'प्रशिक्षण में स्वागत है');
    const step = await clerk.waitForBot('चरण 1/6', 0);
    expect(await step.innerText()).toContain('डाक का स्कैन भेजना');
    await clerk.attach(SCAN, 'चरण 2/6');
    const second = clerk.bot('चरण 2/6');
    await clerk.screenshot('training');
    await clerk.press(second, 'प्रशिक्षण बंद करें', 'प्रशिक्षण रोका गया');
  });

  it('kal ki chhutti chahiye, bank work: the ask-back offers the kinds as buttons, and the choice completes the application', async () => {
    const tomorrow = new Date(Date.now() + 5.5 * 3_600_000 + 86_400_000).toISOString().slice(0, 10).split('-').reverse().join('-');
    const asked = await clerk.say('kal ki chhutti chahiye, bank work', /कौन-सी छुट्टी|आवेदन:/);
    await clerk.screenshot('leave-asked');
    const casual = asked.locator('.actions button', { hasText: /CL|आकस्मिक/ });
    // Issue 18 item 6: the choices come as buttons.
    expect.soft(await casual.count(), `buttons offered: ${(await asked.locator('.actions button').allInnerTexts()).join(' | ')}`).toBeGreaterThan(0);
    const from = await clerk.count();
    if ((await casual.count()) > 0) await casual.first().click();
    else await clerk.send('CL');
    const preview = await clerk.waitForBot('आवेदन:', from);
    const shown = await preview.innerText();
    expect(shown).toContain('(CL)');
    expect(shown).toContain(tomorrow);
    expect(shown).toMatch(/कारण: bank work/i);
    await clerk.screenshot('leave-preview');
    const done = await clerk.press(preview, 'भेजें', /छुट्टी का आवेदन LV\/2026\/\d+/);
    expect(await done.innerText()).toContain('गीता देवी');
  });

  it('the section officer, holding the file, writes a letter on it and dispatches it with the button; the letter PDF comes with its number', async () => {
    const draft = await sectionOfficer.say(
      `letter on ${FILE} to The Secretary, Revenue Dept, Patna: subject: Flood relief distribution in Sonbarsa text: The report on flood relief distribution is enclosed.`,
      'पत्र प्रारूप',
    );
    expect(await draft.innerText()).toContain('The Secretary, Revenue Dept, Patna');
    expect.soft(await draft.innerText(), 'the draft shows the text as typed').toContain('The report on flood relief distribution is enclosed.');
    const dispatched = await sectionOfficer.press(draft, 'प्रेषित करें', 'प्रेषित');
    const number = /पत्रांक (\S+),/.exec(await dispatched.innerText())?.[1] ?? '';
    expect(number).not.toBe('');
    const letter = await sectionOfficer.download(dispatched);
    expect(letter.name).toMatch(/\.pdf$/);
    const text = (await pdfText(letter.bytes)).replace(/\s+/g, ' ');
    // The letter's text as pdftotext reads it (copy, search, screen readers): everything as typed.
    for (const words of [number, 'The Secretary, Revenue Dept, Patna', 'Flood relief distribution in Sonbarsa', 'The report on flood relief distribution is enclosed.']) expect(text, words).toContain(words);
    await sectionOfficer.screenshot('letter');
  });

  it('the head clerk sanctions the leave from her open page with its button, and the clerk receives the sanction order PDF', async () => {
    const clerkBefore = await clerk.count();
    const application = await headClerk.waitForBot(/छुट्टी का आवेदन LV\/2026\/\d+: संजीव कुमार/, 0);
    const number = /LV\/2026\/\d+/.exec(await application.innerText())?.[0] ?? '';
    await headClerk.press(application, 'स्वीकृत', number);
    await headClerk.screenshot('leave-sanctioned');
    await clerk.waitForBot(`आपकी छुट्टी ${number}`, clerkBefore);
    // Issue 18 item 7: the applicant gets the order.
    const order = await clerk.waitForBot(`आपकी छुट्टी ${number} का स्वीकृति आदेश`, clerkBefore);
    const pdf = await clerk.download(order);
    const text = (await pdfText(pdf.bytes)).replace(/\s+/g, ' ');
    expect(text).toContain(number);
    expect(text).toContain('संजीव कुमार');
    await clerk.screenshot('leave-order');
  });

  it('says what is true for the person reading it (issue 18 item 11)', async () => {
    // The DDC is not told to send the file to the DDC.
    expect.soft(seen.ddcNotice, 'the DDC\'s notification').not.toContain('DDC को भेजें');
    // In demo mode the signing OTP is on the server console, and the reply says so.
    expect.soft(seen.otpAsked, 'the reply to the consent').toMatch(/console|कंसोल/i);
    // A clerk's help offers only what a clerk may do: not a circular to all.
    const help = await clerk.say('help', 'आप यह कर सकते हैं');
    expect.soft(await help.innerText(), 'the clerk\'s help').not.toContain('परिपत्र सभी को');
  });

  it('told each person of the file once, and left no script error on any page', async () => {
    // The notice that the file has come came once, in time, and no out-of-date one later (issue 18 item 4).
    for (const page of [headClerk, sectionOfficer, ddc]) {
      expect(await page.page.locator('.msg.bot', { hasText: `संचिका ${FILE} आपके पास आई` }).count(), page.who).toBe(1);
    }
    for (const page of [clerk, headClerk, sectionOfficer, ddc]) expect(page.pageErrors, page.who).toEqual([]);
  });
});

// Issue 20's parts of the walkthrough (README: "Pull back, yellow notes and references between notes
// and letters" and "Statutory deadlines"), on the same office and the same open pages.
const YELLOW_SUBJECT = 'बाढ़ राहत शिविर हेतु टेंट क्रय';
const DRAFT_TEXT = 'टेंट क्रय का प्रस्ताव अनुमोदनार्थ प्रस्तुत';
const DISCARDED_TEXT = 'यह मसौदा गलती से लिखा गया';
const PULL_SUBJECT = 'सोनबरसा अंचल भवन मरम्मत';
const RTI_SUBJECT = 'RTI application under section 6 — information on flood relief';
/** The RTI receipt's diary number, from the step that diarises it to the step that escalates it. */
const rti = { diary: '' };

/** The number of the file a "new file" reply opened. */
const fileNumberIn = (text: string) => /GOP-\d+\/2026/.exec(text)?.[0] ?? '';

describe('issue 20 in the web chat: a yellow note confirmed into green, a pull back, an RTI deadline that escalates', { timeout: 120_000 }, () => {
  it('a yellow note: the clerk sends a new file to the head clerk with a draft; she discards one draft and confirms the other with its button; the note sheet has only the confirmed text, as her note', async () => {
    const opened = await clerk.say(`new file: ${YELLOW_SUBJECT}`, 'नई संचिका खोली गई');
    const number = fileNumberIn(await opened.innerText());
    expect(number).not.toBe('');
    const headBefore = await headClerk.count();
    const sent = await clerk.say(`send ${number} to SAH0024`, /को भेज दी गई/);
    expect(await sent.innerText()).toContain('गीता देवी (प्रधान लिपिक)');
    // Just sent to her reporting officer, the clerk writes the draft (the file is the one just sent).
    const drafted = /मसौदा टिप्पणी #\d+/;
    const asked = await clerk.waitForBot(new RegExp(`${drafted.source}|मसौदा किस संचिका पर`), await clerk.send(`मसौदा टिप्पणी: ${DRAFT_TEXT}`));
    expect.soft(await asked.innerText(), 'README: "मसौदा टिप्पणी: …" writes a draft on the file just sent to the reporting officer').toMatch(drafted);
    // Should the file not be found from the chat, the same draft with the file's number (README: "draft GOP-1/2026: …").
    const written = drafted.test(await asked.innerText()) ? asked : await clerk.say(`मसौदा टिप्पणी ${number}: ${DRAFT_TEXT}`, drafted);
    const writtenText = await written.innerText();
    const id = Number(/#(\d+)/.exec(writtenText)?.[1]);
    expect(writtenText).toContain(`मसौदा टिप्पणी #${id} ${number} पर सहेजी गई`);
    expect(writtenText).toContain('गीता देवी (प्रधान लिपिक) को पुष्टि के लिए भेजी गई');
    const second = await clerk.say(`मसौदा टिप्पणी ${number}: ${DISCARDED_TEXT}`, `मसौदा टिप्पणी #${id + 1}`);
    expect(await second.innerText()).toContain(number);
    await clerk.screenshot('drafts-written');

    // The head clerk's open page gets each draft with its three buttons.
    const draft = await headClerk.waitForBot(`मसौदा टिप्पणी #${id} — ${number}`, headBefore);
    expect(await draft.innerText()).toContain(DRAFT_TEXT);
    expect(await draft.innerText()).toContain('संजीव कुमार');
    for (const label of ['पुष्ट करें (हरी टिप्पणी)', 'पुष्ट कर स्वीकृत करें', 'हटाएँ']) expect(await draft.locator('.actions button', { hasText: exactly(label) }).isEnabled(), label).toBe(true);
    const wrong = await headClerk.waitForBot(`मसौदा टिप्पणी #${id + 1} — ${number}`, headBefore);
    expect(await wrong.innerText()).toContain(DISCARDED_TEXT);
    await headClerk.screenshot('drafts-arrived');
    const clerkBefore = await clerk.count();
    await headClerk.press(wrong, 'हटाएँ', `मसौदा टिप्पणी #${id + 1} (${number}) हटा दी गई`);
    const confirmed = await headClerk.press(draft, 'पुष्ट करें (हरी टिप्पणी)', `मसौदा #${id} पुष्ट`);
    expect(await confirmed.innerText()).toContain(`${number} पर हरी टिप्पणी 1 बन गई`);
    await headClerk.screenshot('draft-confirmed');
    // The clerk is told of both.
    await clerk.waitForBot(`गीता देवी ने आपकी मसौदा टिप्पणी #${id + 1} (${number}) हटा दी`, clerkBefore);
    await clerk.waitForBot(`गीता देवी ने आपकी मसौदा टिप्पणी #${id} पुष्ट की: ${number} पर टिप्पणी 1`, clerkBefore);

    const sheet = await headClerk.say(`file ${number}`, 'नोटशीट');
    const text = (await pdfText((await headClerk.download(sheet)).bytes)).replace(/\s+/g, ' ');
    expect(text).toContain(DRAFT_TEXT);
    expect(text, 'the discarded draft').not.toContain(DISCARDED_TEXT);
    // The green note is hers: her name follows its text (the signature line of note 1).
    const after = text.slice(text.indexOf(DRAFT_TEXT));
    expect(after.slice(0, 200), `the note sheet after the note's text:\n${after.slice(0, 400)}`).toContain('गीता देवी');
    expect(after.slice(0, 200)).not.toContain('संजीव कुमार');
  });

  it('pull back: the clerk sends a file to the DDC by mistake and pulls it back with the button on "sent"; the DDC is told; status shows it; after the head clerk noted it, a second pull back is refused with who acted', async () => {
    const opened = await clerk.say(`new file: ${PULL_SUBJECT}`, 'नई संचिका खोली गई');
    const number = fileNumberIn(await opened.innerText());
    const ddcBefore = await ddc.count();
    const sent = await clerk.say(`send ${number} to SAH0002`, /को भेज दी गई/);
    expect(await sent.innerText()).toContain('राजेश कुमार सिंह (उप विकास आयुक्त)');
    await ddc.waitForBot(`संचिका ${number} आपके पास आई`, ddcBefore);
    const back = await clerk.press(sent, 'वापस लें', 'वापस ले ली गई');
    expect(await back.innerText()).toContain(`${number} राजेश कुमार सिंह (उप विकास आयुक्त) से वापस ले ली गई; अब यह आपके पास है।`);
    await clerk.screenshot('pulled-back');
    const told = await ddc.waitForBot(`ने ${number} (${PULL_SUBJECT}) वापस ले ली है`, ddcBefore);
    expect(await told.innerText()).toContain('संजीव कुमार');
    await ddc.screenshot('told-pulled-back');
    const status = await clerk.say(`status ${number}`, `संचिका ${number}`);
    expect(await status.innerText()).toContain('राजेश कुमार सिंह → संजीव कुमार (वापस ली गई)');

    // Sent again, to the right person, who writes a note on it: it can no longer be pulled back.
    const headBefore = await headClerk.count();
    const resent = await clerk.say(`send ${number} to SAH0024`, /को भेज दी गई/);
    await headClerk.waitForBot(`संचिका ${number} आपके पास आई`, headBefore);
    await headClerk.say(`note on ${number}: भवन का प्राक्कलन मंगाया जाए`, `${number} पर टिप्पणी 1 दर्ज`);
    const refused = await clerk.press(resent, 'वापस लें', 'वापस नहीं ली जा सकती');
    const refusal = await refused.innerText();
    expect(refusal).toContain(`${number} अब वापस नहीं ली जा सकती: गीता देवी (प्रधान लिपिक) ने`);
    expect(refusal).toContain('टिप्पणी लिखी');
    expect(refusal).toMatch(/\d{2}-\d{2}-\d{4} \d{2}:\d{2} IST/);
    await clerk.screenshot('pull-back-refused');
    const still = await clerk.say(`status ${number}`, `संचिका ${number}`);
    expect(await still.innerText()).toContain('अभी गीता देवी (प्रधान लिपिक) के पास');
  });

  it('an RTI application: the scan\'s subject brings the proposed deadline with buttons, the clerk confirms, status shows the days left', async () => {
    const before = await clerk.count();
    const receipt = await clerk.attach(SCAN, /प्राप्ति दर्ज: SAH\/R\/2026\/\d{6}/);
    rti.diary = /SAH\/R\/2026\/\d{6}/.exec(await receipt.innerText())?.[0] ?? '';
    await clerk.waitForBot('पत्र का विषय लिखकर भेजें', before);
    const proposal = await clerk.say(RTI_SUBJECT, 'उत्तर की अंतिम तिथि');
    const proposed = await proposal.innerText();
    expect(proposed).toContain('सूचना का अधिकार आवेदन');
    expect(proposed).toContain('(30 दिन; सूचना का अधिकार अधिनियम, 2005 की धारा 7(1))');
    expect(proposed).toContain('शब्द: "RTI", "application", "section 6"');
    for (const label of ['पुष्टि करें', 'तिथि सुधारें', 'वैधानिक नहीं']) expect(await proposal.locator('.actions button', { hasText: exactly(label) }).isEnabled(), label).toBe(true);
    await clerk.screenshot('rti-proposal');
    const confirmed = await clerk.press(proposal, 'पुष्टि करें', `${rti.diary}: सूचना का अधिकार आवेदन की समय-सीमा`);
    expect(await confirmed.innerText()).toMatch(/दर्ज \((29|30) दिन शेष\)/);
    const status = await clerk.say(`status ${rti.diary}`, rti.diary);
    expect(await status.innerText()).toMatch(/सूचना का अधिकार आवेदन: (29|30) दिन शेष/);
    await clerk.screenshot('rti-status');
  });

  it('the RTI deadline escalates: the job run on an injected clock at 75% and past the due time tells the head clerk and the section officer on their open pages', async () => {
    expect(rti.diary).not.toBe('');
    // The server's clock cannot be moved; its database can be opened beside it (SQLite in WAL mode,
    // each write transaction BEGIN IMMEDIATE), and the job run there as the server runs it, at a later instant.
    const store = await openStore({ file: path.join(app.dir, 'data', 'daftar.db') });
    try {
      const row = await store.transaction(async (tx) => tx.deadlines.byReceipt((await tx.receipts.byDiaryNumber(rti.diary))?.id ?? 0));
      expect(row?.state).toBe('confirmed');
      if (row === null) return;
      const told = (events: Awaited<ReturnType<typeof runDeadlineEscalation>>) => events.map((e) => [e.kind, e.number, e.told.map((p) => p.code).sort()]);

      const at75 = new Date(row.warnAt.getTime() + 3_600_000);
      const headBefore = await headClerk.count();
      const soBefore = await sectionOfficer.count();
      const warned = await runDeadlineEscalation({ store, clock: { now: () => at75 } });
      expect(told(warned)).toEqual([['deadline.warning', rti.diary, ['SAH0016', 'SAH0024']]]);
      // Queued for the later instant, the notes wait: the server's dispatcher (every 2 s) does not deliver them now.
      await headClerk.page.waitForTimeout(4_000);
      expect(await headClerk.textsFrom(headBefore), 'before the queued notes are made due now').not.toContain('वैधानिक समय-सीमा');
      expect(await madeDueNow(store, at75)).toBe(2);
      const atHead = await headClerk.waitForBot(`वैधानिक समय-सीमा का 75% समय बीत गया: ${rti.diary}`, headBefore, 30_000);
      expect(await atHead.innerText()).toContain('अभी संजीव कुमार');
      expect(await atHead.innerText()).toContain(RTI_SUBJECT);
      await sectionOfficer.waitForBot(`वैधानिक समय-सीमा का 75% समय बीत गया: ${rti.diary}`, soBefore, 30_000);
      await headClerk.screenshot('rti-75-percent');
      // The same instant again: nobody is told twice.
      expect(await runDeadlineEscalation({ store, clock: { now: () => at75 } })).toEqual([]);

      const pastDue = new Date(row.dueBy.getTime() + 3_600_000);
      const due = await runDeadlineEscalation({ store, clock: { now: () => pastDue } });
      expect(told(due)).toEqual([['deadline.due', rti.diary, ['SAH0016', 'SAH0024']]]);
      expect(await madeDueNow(store, pastDue)).toBe(2);
      const dueAtHead = await headClerk.waitForBot(`वैधानिक समय-सीमा समाप्त: ${rti.diary}`, headBefore, 30_000);
      expect(await dueAtHead.innerText()).toContain('सूचना का अधिकार आवेदन, अंतिम तिथि');
      const dueAtSo = await sectionOfficer.waitForBot(`वैधानिक समय-सीमा समाप्त: ${rti.diary}`, soBefore, 30_000);
      expect(await dueAtSo.innerText()).toContain('अभी संजीव कुमार');
      await sectionOfficer.screenshot('rti-due');
      // Each was told once of each event.
      for (const page of [headClerk, sectionOfficer]) {
        expect(await page.page.locator('.msg.bot', { hasText: `वैधानिक समय-सीमा का 75% समय बीत गया: ${rti.diary}` }).count(), page.who).toBe(1);
        expect(await page.page.locator('.msg.bot', { hasText: `वैधानिक समय-सीमा समाप्त: ${rti.diary}` }).count(), page.who).toBe(1);
      }
    } finally {
      await store.close();
    }
  });

  it('left no script error on any page', () => {
    for (const page of [clerk, headClerk, sectionOfficer, ddc]) expect(page.pageErrors, page.who).toEqual([]);
  });
});
