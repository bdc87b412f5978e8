// The README's "First start" walkthrough (issue 18) through Telegram: Daftar started as `npm start`
// starts it (a child process on a fresh data directory with the demo office), with its Telegram
// channel pointed at a loopback Bot API peer (TELEGRAM_API_ROOT) and nothing else. Each person
// links their chat the real way — `link <code>` and the OTP, read where demo mode puts it: the
// server console — then the chain runs with a photo for the scan, inline keyboard presses (also
// under an earlier message), replies to the bot's messages, and the signed note sheet arriving as a
// document that pdfsig finds valid.
//
// The steps run in order on one office; each `it` is one paragraph of the README, so a step that
// does not work as written fails on its own and the later paragraphs still run.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { BotApiPeer, type PeerMessage } from '../helpers/bot-api-peer.ts';
import { nssDatabase, pdfsig } from '../helpers/nss.ts';
import { pdfText } from '../helpers/pdf-tools.ts';
import { startDaftar, type DaftarProcess } from './daftar-process.ts';
import { TelegramChat } from './telegram-chat.ts';
import { madeDueNow, openStore, runDeadlineEscalation } from './escalate-later.ts';

const SCAN = new URL('../fixtures/images/scan-portrait.jpg', import.meta.url);
const SUBJECT = 'सोनबरसा अंचल में बाढ़ राहत वितरण';
const FILE = 'GOP-1/2026';

let peer: BotApiPeer;
let app: DaftarProcess;
let scan: Buffer;
/** The clerk SAH0027, the head clerk SAH0024, the section officer SAH0016 and the DDC SAH0002, each on a chat of their own. */
let clerk: TelegramChat;
let headClerk: TelegramChat;
let sectionOfficer: TelegramChat;
let ddc: TelegramChat;
/** What the DDC was shown on the way, for the check of its words at the end. */
const seen = { ddcNotice: '', otpAsked: '' };

async function signatureReport(bytes: Uint8Array): Promise<string> {
  const nss = await nssDatabase([await readFile(path.join(app.dir, 'data', 'ca', 'office-ca.crt.pem'), 'utf8')]);
  try {
    return await pdfsig(bytes, nss);
  } finally {
    await nss.dispose();
  }
}

/** The notification "file … has come to you" in this chat, from index `from` on. */
const fileArrived = (chat: TelegramChat, from = 0) => chat.waitFor(`संचिका ${FILE} आपके पास आई`, from);

beforeAll(async () => {
  scan = await readFile(SCAN);
  // A token shaped like BotFather's (start-up checks the shape).
  peer = await BotApiPeer.start('123456789:AAtest-walkthrough-loopback-token');
  app = await startDaftar({ WEB_ENABLED: 'false', TELEGRAM_BOT_TOKEN: peer.token, TELEGRAM_API_ROOT: peer.apiRoot });
  await app.waitForLine(/Channels live: telegram/, { timeoutMs: 5_000 });
  clerk = new TelegramChat(peer, 27_001, 'SAH0027');
  headClerk = new TelegramChat(peer, 24_001, 'SAH0024');
  sectionOfficer = new TelegramChat(peer, 16_001, 'SAH0016');
  ddc = new TelegramChat(peer, 2_001, 'SAH0002');
}, 120_000);

afterAll(async () => {
  await app?.stop();
  await peer?.close();
});

describe('the README walkthrough through Telegram', { timeout: 90_000 }, () => {
  it('each person links their chat with link <code> and the OTP printed on the server console', async () => {
    const people: [TelegramChat, string][] = [[clerk, '0027'], [headClerk, '0024'], [sectionOfficer, '0016'], [ddc, '0002']];
    for (const [chat, ending] of people) {
      await chat.say('/start', /link|जोड़ें/i);
      const printed = app.lines.length;
      await chat.say(`link SAH${ending}`, 'OTP');
      const otp = await app.otp(ending, printed);
      expect(otp, chat.who).toMatch(/^\d{6}$/);
      await chat.say(otp, /जुड़ गया|now linked/);
    }
  });

  it('the clerk sends a scan as a photo, answers the subject, presses "new file" under the earlier message, notes and sends to the head clerk', async () => {
    const receipt = await clerk.photo(scan, /प्राप्ति दर्ज: SAH\/R\/2026\/\d{6}/);
    const diary = /SAH\/R\/2026\/\d{6}/.exec(receipt.text ?? '')?.[0] ?? '';
    await clerk.waitFor('पत्र का विषय लिखकर भेजें', 0);
    await clerk.say(SUBJECT, `विषय दर्ज: ${SUBJECT}`);
    // The receipt's inline keyboard, two messages up, still works (issue 18 item 3).
    const opened = await clerk.press(receipt, 'नई संचिका बनाएँ', 'नई संचिका खोली गई');
    expect(opened.text).toContain(FILE);
    expect(opened.text).toContain(diary);
    expect(peer.callsTo('answerCallbackQuery').length).toBeGreaterThan(0);
    await clerk.say('टिप्पणी: आदेशार्थ प्रस्तुत', `${FILE} पर टिप्पणी 1 दर्ज`);
    const sent = await clerk.say('प्रधान लिपिक को भेजें', /को भेज दी गई/);
    expect(sent.text).toContain('गीता देवी (प्रधान लिपिक)');
  });

  it('the head clerk is told at once and sends it on by replying to the notification; the section officer sends it to the DDC', async () => {
    const atHeadClerk = await fileArrived(headClerk);
    expect(atHeadClerk.text).toContain('संजीव कुमार');
    expect(atHeadClerk.buttons?.map((b) => b.text)).toEqual(expect.arrayContaining(['स्वीकृत', 'वापस करें', 'नोटशीट PDF']));
    const onward = await headClerk.say('section officer ko bhejo', /को भेज दी गई/, atHeadClerk);
    expect(onward.text).toContain('अनीता कुमारी (प्रशाखा पदाधिकारी)');
    const atSection = await fileArrived(sectionOfficer);
    expect(atSection.text).toContain('गीता देवी');
    const toDdc = await sectionOfficer.say('DDC ko bhej do', /को भेज दी गई/, atSection);
    expect(toDdc.text).toContain('राजेश कुमार सिंह (उप विकास आयुक्त)');
  });

  let sheetNotice: PeerMessage | undefined;

  it('the DDC replies "approved": consent by button, the OTP from the console, and the signed note sheet comes as a document', async () => {
    const arrived = await fileArrived(ddc);
    seen.ddcNotice = arrived.text ?? '';
    const consent = await ddc.say('approved', 'हस्ताक्षर आवश्यक है', arrived);
    expect(consent.text).toContain(FILE);
    expect(consent.text).toContain('निर्णय: स्वीकृत');
    const printed = app.lines.length;
    seen.otpAsked = (await ddc.press(consent, 'हाँ, OTP भेजें', 'OTP')).text ?? '';
    const otp = await app.otp('0002', printed);
    const signed = await ddc.say(otp, `हस्ताक्षरित: ${FILE}`);
    sheetNotice = signed;
    expect(signed.document?.filename).toBe('GOP-1_2026-signed.pdf');
    const bytes = signed.document?.bytes ?? Buffer.alloc(0);
    expect(await pdfText(bytes)).toContain('आदेशार्थ प्रस्तुत');
    const report = await signatureReport(bytes);
    expect(report).toContain('Signature is Valid');
    expect(report).toContain('Certificate is Trusted');
    // The file goes back to the section officer, who is told.
    await sectionOfficer.waitFor(`संचिका ${FILE} राजेश कुमार सिंह (उप विकास आयुक्त) द्वारा स्वीकृत होकर आपके पास लौटी`, 0);
  });

  it('my files, sent, status, find sonbarsa, file (the note sheet as a document) and signed', async () => {
    expect(sheetNotice).toBeDefined();
    const mine = await sectionOfficer.say('my files', FILE);
    expect(mine.text).toContain(SUBJECT);
    expect((await clerk.say('sent', FILE)).text).toContain('गीता देवी');
    const status = await clerk.say(`status ${FILE}`, `संचिका ${FILE}`);
    expect(status.text).toContain('अभी अनीता कुमारी (प्रशाखा पदाधिकारी) के पास');
    const byButton = await clerk.press(status, 'नोटशीट PDF', 'नोटशीट');
    expect(byButton.document?.filename).toBe('GOP-1_2026-notesheet.pdf');
    const found = await clerk.say('find sonbarsa', /मिले/);
    expect(found.text).toContain(FILE);
    const sheet = await clerk.say(`file ${FILE}`, 'नोटशीट');
    expect(sheet.document?.filename).toBe('GOP-1_2026-notesheet.pdf');
    const text = (await pdfText(sheet.document?.bytes ?? Buffer.alloc(0))).replace(/\s+/g, ' ');
    for (const words of [FILE, SUBJECT, 'आदेशार्थ प्रस्तुत', 'राजेश कुमार सिंह']) expect(text, words).toContain(words);
    const signed = await clerk.say(`signed ${FILE}`, 'हस्ताक्षरित प्रति');
    expect(signed.document?.filename).toBe('GOP-1_2026-signed.pdf');
    expect(await signatureReport(signed.document?.bytes ?? Buffer.alloc(0))).toContain('Signature is Valid');
  });

  it('msg DDC reaches the DDC, and his reply to it goes back to the clerk', async () => {
    const ddcBefore = ddc.count();
    const clerkBefore = clerk.count();
    await clerk.say('msg DDC: survey report is ready', /संदेश .*को भेजा गया/);
    const message = await ddc.waitFor('survey report is ready', ddcBefore);
    expect(message.text).toContain('संजीव कुमार');
    await ddc.say('ठीक है, कल देखेंगे', /संदेश .*को भेजा गया/, message);
    const answer = await clerk.waitFor('ठीक है, कल देखेंगे', clerkBefore + 1);
    expect(answer.text).toContain('राजेश कुमार सिंह');
  });

  it('the DDC\'s circular to all: देखा typed and the देखा button are both counted in circular status', async () => {
    const clerkBefore = clerk.count();
    const headClerkBefore = headClerk.count();
    const sent = await ddc.say('circular to all: review meeting at 11 tomorrow, ack by 17:00', /परिपत्र SAH\/C\/2026\/\d+/);
    const number = /SAH\/C\/2026\/\d+/.exec(sent.text ?? '')?.[0] ?? '';
    await clerk.waitFor('review meeting at 11 tomorrow', clerkBefore);
    await clerk.say('देखा', `परिपत्र ${number} की पावती दर्ज`);
    const atHeadClerk = await headClerk.waitFor('review meeting at 11 tomorrow', headClerkBefore);
    await headClerk.press(atHeadClerk, 'देखा', `परिपत्र ${number} की पावती दर्ज`);
    const status = await ddc.say('circular status', `परिपत्र ${number}`);
    expect(status.text).toContain('पावती दी: 2');
  });

  it('training: the first step asks for a scan, a photo completes it, and its button stops it', async () => {
    await clerk.say('training', 'प्रशिक्षण में स्वागत है');
    const first = await clerk.waitFor('चरण 1/6', 0);
    expect(first.text).toContain('डाक का स्कैन भेजना');
    const second = await clerk.photo(scan, 'चरण 2/6');
    await clerk.press(second, 'प्रशिक्षण बंद करें', 'प्रशिक्षण रोका गया');
  });

  it('kal ki chhutti chahiye, bank work: the ask-back offers the kinds as buttons, and the choice completes the application', async () => {
    const tomorrow = new Date(Date.now() + 5.5 * 3_600_000 + 86_400_000).toISOString().slice(0, 10).split('-').reverse().join('-');
    const asked = await clerk.say('kal ki chhutti chahiye, bank work', /कौन-सी छुट्टी|आवेदन:/);
    const casual = (asked.buttons ?? []).find((b) => /CL|आकस्मिक/.test(b.text));
    // Issue 18 item 6: the choices come as buttons.
    expect.soft(casual, `buttons offered: ${(asked.buttons ?? []).map((b) => b.text).join(' | ') || 'none'}`).toBeDefined();
    const preview = casual === undefined ? await clerk.say('CL', 'आवेदन:') : await clerk.press(asked, casual.text, 'आवेदन:');
    expect(preview.text).toContain('(CL)');
    expect(preview.text).toContain(tomorrow);
    expect(preview.text).toMatch(/कारण: bank work/i);
    const done = await clerk.press(preview, 'भेजें', /छुट्टी का आवेदन LV\/2026\/\d+/);
    expect(done.text).toContain('गीता देवी');
  });

  it('the section officer, holding the file, writes a letter on it and dispatches it with the button; the letter comes as a document', async () => {
    const draft = await sectionOfficer.say(
      `letter on ${FILE} to The Secretary, Revenue Dept, Patna: subject: Flood relief distribution in Sonbarsa text: The report on flood relief distribution is enclosed.`,
      'पत्र प्रारूप',
    );
    expect(draft.text).toContain('The Secretary, Revenue Dept, Patna');
    expect.soft(draft.text, 'the draft shows the text as typed').toContain('The report on flood relief distribution is enclosed.');
    const dispatched = await sectionOfficer.press(draft, 'प्रेषित करें', 'प्रेषित');
    const shown = dispatched.text ?? dispatched.caption ?? '';
    const number = /पत्रांक (\S+),/.exec(shown)?.[1] ?? '';
    expect(number, shown).not.toBe('');
    expect(dispatched.document?.filename).toMatch(/\.pdf$/);
    const text = (await pdfText(dispatched.document?.bytes ?? Buffer.alloc(0))).replace(/\s+/g, ' ');
    // The letter's text as pdftotext reads it (copy, search, screen readers): everything as typed.
    for (const words of [number, 'The Secretary, Revenue Dept, Patna', 'Flood relief distribution in Sonbarsa', 'The report on flood relief distribution is enclosed.']) expect(text, words).toContain(words);
  });

  it('the head clerk sanctions the leave with its button, and the clerk receives the sanction order as a document', async () => {
    const clerkBefore = clerk.count();
    const application = await headClerk.waitFor(/छुट्टी का आवेदन LV\/2026\/\d+: संजीव कुमार/, 0);
    const number = /LV\/2026\/\d+/.exec(application.text ?? '')?.[0] ?? '';
    await headClerk.press(application, 'स्वीकृत', number);
    // Issue 18 item 7: the applicant gets the order.
    const order = await clerk.waitFor(`आपकी छुट्टी ${number} का स्वीकृति आदेश`, clerkBefore);
    expect(order.document?.filename).toMatch(/\.pdf$/);
    const text = (await pdfText(order.document?.bytes ?? Buffer.alloc(0))).replace(/\s+/g, ' ');
    expect(text).toContain(number);
    expect(text).toContain('संजीव कुमार');
  });

  it('says what is true for the person reading it (issue 18 item 11)', () => {
    // The DDC is not told to send the file to the DDC.
    expect.soft(seen.ddcNotice, 'the DDC\'s notification').not.toContain('DDC को भेजें');
    // With the development OTP sender the signing OTP is on the server console, and the reply says so.
    expect.soft(seen.otpAsked, 'the reply to the consent').toMatch(/console|कंसोल/i);
  });

  it('told each person of the file once', () => {
    for (const chat of [headClerk, sectionOfficer, ddc]) {
      expect(chat.messages.filter((m) => (m.text ?? '').includes(`संचिका ${FILE} आपके पास आई`)), chat.who).toHaveLength(1);
    }
  });
});

// Issue 20's parts of the walkthrough (README: "Pull back, yellow notes and references between notes
// and letters" and "Statutory deadlines"), on the same office and the same linked chats.
const YELLOW_SUBJECT = 'बाढ़ राहत शिविर हेतु टेंट क्रय';
const DRAFT_TEXT = 'टेंट क्रय का प्रस्ताव अनुमोदनार्थ प्रस्तुत';
const DISCARDED_TEXT = 'यह मसौदा गलती से लिखा गया';
const PULL_SUBJECT = 'सोनबरसा अंचल भवन मरम्मत';
const RTI_CAPTION = 'RTI application under section 6 — information on flood relief';
/** The RTI receipt's diary number, from the step that diarises it to the step that escalates it. */
const rti = { diary: '' };

const shown = (m: PeerMessage) => m.text ?? m.caption ?? '';
const fileNumberIn = (text: string) => /GOP-\d+\/2026/.exec(text)?.[0] ?? '';
const labels = (m: PeerMessage) => (m.buttons ?? []).map((b) => b.text.replace(/^[^\p{L}\p{N}]+/u, '').trim());

describe('issue 20 through Telegram: a yellow note confirmed into green, a pull back, an RTI deadline that escalates', { timeout: 120_000 }, () => {
  it('a yellow note: the clerk sends a new file to the head clerk with a draft; she discards one draft and confirms the other with its button; the note sheet has only the confirmed text, as her note', async () => {
    const opened = await clerk.say(`new file: ${YELLOW_SUBJECT}`, 'नई संचिका खोली गई');
    const number = fileNumberIn(shown(opened));
    expect(number).not.toBe('');
    const headBefore = headClerk.count();
    const sent = await clerk.say(`send ${number} to SAH0024`, /को भेज दी गई/);
    expect(shown(sent)).toContain('गीता देवी (प्रधान लिपिक)');
    // Just sent to her reporting officer, the clerk writes the draft (the file is the one just sent).
    const drafted = /मसौदा टिप्पणी #\d+/;
    const asked = await clerk.say(`मसौदा टिप्पणी: ${DRAFT_TEXT}`, new RegExp(`${drafted.source}|मसौदा किस संचिका पर`));
    expect.soft(shown(asked), 'README: "मसौदा टिप्पणी: …" writes a draft on the file just sent to the reporting officer').toMatch(drafted);
    // Should the file not be found from the chat, the same draft with the file's number (README: "draft GOP-1/2026: …").
    const written = drafted.test(shown(asked)) ? asked : await clerk.say(`मसौदा टिप्पणी ${number}: ${DRAFT_TEXT}`, drafted);
    const id = Number(/#(\d+)/.exec(shown(written))?.[1]);
    expect(shown(written)).toContain(`मसौदा टिप्पणी #${id} ${number} पर सहेजी गई`);
    expect(shown(written)).toContain('गीता देवी (प्रधान लिपिक) को पुष्टि के लिए भेजी गई');
    await clerk.say(`मसौदा टिप्पणी ${number}: ${DISCARDED_TEXT}`, `मसौदा टिप्पणी #${id + 1} ${number} पर सहेजी गई`);

    // The head clerk's chat gets each draft with its three buttons.
    const draft = await headClerk.waitFor(`मसौदा टिप्पणी #${id} — ${number}`, headBefore);
    expect(shown(draft)).toContain(DRAFT_TEXT);
    expect(shown(draft)).toContain('संजीव कुमार');
    expect(labels(draft)).toEqual(['पुष्ट करें (हरी टिप्पणी)', 'पुष्ट कर स्वीकृत करें', 'हटाएँ']);
    const wrong = await headClerk.waitFor(`मसौदा टिप्पणी #${id + 1} — ${number}`, headBefore);
    expect(shown(wrong)).toContain(DISCARDED_TEXT);
    const clerkBefore = clerk.count();
    await headClerk.press(wrong, 'हटाएँ', `मसौदा टिप्पणी #${id + 1} (${number}) हटा दी गई`);
    const confirmed = await headClerk.press(draft, 'पुष्ट करें (हरी टिप्पणी)', `मसौदा #${id} पुष्ट`);
    expect(shown(confirmed)).toContain(`${number} पर हरी टिप्पणी 1 बन गई`);
    // The clerk is told of both.
    await clerk.waitFor(`गीता देवी ने आपकी मसौदा टिप्पणी #${id + 1} (${number}) हटा दी`, clerkBefore);
    await clerk.waitFor(`गीता देवी ने आपकी मसौदा टिप्पणी #${id} पुष्ट की: ${number} पर टिप्पणी 1`, clerkBefore);

    const sheet = await headClerk.say(`file ${number}`, 'नोटशीट');
    expect(sheet.document?.filename).toMatch(/notesheet\.pdf$/);
    const text = (await pdfText(sheet.document?.bytes ?? Buffer.alloc(0))).replace(/\s+/g, ' ');
    expect(text).toContain(DRAFT_TEXT);
    expect(text, 'the discarded draft').not.toContain(DISCARDED_TEXT);
    // The green note is hers: her name follows its text (the signature line of note 1).
    const after = text.slice(text.indexOf(DRAFT_TEXT));
    expect(after.slice(0, 200), `the note sheet after the note's text:\n${after.slice(0, 400)}`).toContain('गीता देवी');
    expect(after.slice(0, 200)).not.toContain('संजीव कुमार');
  });

  it('pull back: the clerk sends a file to the DDC by mistake and pulls it back with the button under "sent"; the DDC is told; status shows it; after the head clerk noted it, a second pull back is refused with who acted', async () => {
    const opened = await clerk.say(`new file: ${PULL_SUBJECT}`, 'नई संचिका खोली गई');
    const number = fileNumberIn(shown(opened));
    const ddcBefore = ddc.count();
    const sent = await clerk.say(`send ${number} to SAH0002`, /को भेज दी गई/);
    expect(shown(sent)).toContain('राजेश कुमार सिंह (उप विकास आयुक्त)');
    await ddc.waitFor(`संचिका ${number} आपके पास आई`, ddcBefore);
    const back = await clerk.press(sent, 'वापस लें', 'वापस ले ली गई');
    expect(shown(back)).toContain(`${number} राजेश कुमार सिंह (उप विकास आयुक्त) से वापस ले ली गई; अब यह आपके पास है।`);
    const told = await ddc.waitFor(`ने ${number} (${PULL_SUBJECT}) वापस ले ली है`, ddcBefore);
    expect(shown(told)).toContain('संजीव कुमार');
    const status = await clerk.say(`status ${number}`, `संचिका ${number}`);
    expect(shown(status)).toContain('राजेश कुमार सिंह → संजीव कुमार (वापस ली गई)');

    // Sent again, to the right person, who writes a note on it: it can no longer be pulled back.
    const headBefore = headClerk.count();
    const resent = await clerk.say(`send ${number} to SAH0024`, /को भेज दी गई/);
    const arrived = await headClerk.waitFor(`संचिका ${number} आपके पास आई`, headBefore);
    await headClerk.say('टिप्पणी: भवन का प्राक्कलन मंगाया जाए', `${number} पर टिप्पणी 1 दर्ज`, arrived);
    const refused = await clerk.press(resent, 'वापस लें', 'वापस नहीं ली जा सकती');
    expect(shown(refused)).toContain(`${number} अब वापस नहीं ली जा सकती: गीता देवी (प्रधान लिपिक) ने`);
    expect(shown(refused)).toContain('टिप्पणी लिखी');
    expect(shown(refused)).toMatch(/\d{2}-\d{2}-\d{4} \d{2}:\d{2} IST/);
    expect(shown(await clerk.say(`status ${number}`, `संचिका ${number}`))).toContain('अभी गीता देवी (प्रधान लिपिक) के पास');
  });

  it('an RTI application: a photo with the RTI caption brings the proposed deadline with buttons, the clerk confirms, status shows the days left', async () => {
    const from = clerk.count();
    const receipt = await clerk.photo(scan, /प्राप्ति दर्ज: SAH\/R\/2026\/\d{6}/, RTI_CAPTION);
    rti.diary = /SAH\/R\/2026\/\d{6}/.exec(shown(receipt))?.[0] ?? '';
    const proposal = await clerk.waitFor('उत्तर की अंतिम तिथि', from);
    expect(shown(proposal)).toContain('सूचना का अधिकार आवेदन');
    expect(shown(proposal)).toContain('(30 दिन; सूचना का अधिकार अधिनियम, 2005 की धारा 7(1))');
    expect(shown(proposal)).toContain('शब्द: "RTI", "application", "section 6"');
    expect(labels(proposal)).toEqual(['पुष्टि करें', 'तिथि सुधारें', 'वैधानिक नहीं']);
    const confirmed = await clerk.press(proposal, 'पुष्टि करें', `${rti.diary}: सूचना का अधिकार आवेदन की समय-सीमा`);
    expect(shown(confirmed)).toMatch(/दर्ज \((29|30) दिन शेष\)/);
    expect(shown(await clerk.say(`status ${rti.diary}`, rti.diary))).toMatch(/सूचना का अधिकार आवेदन: (29|30) दिन शेष/);
  });

  it('the RTI deadline escalates: the job run on an injected clock at 75% and past the due time tells the head clerk and the section officer in their chats', async () => {
    expect(rti.diary).not.toBe('');
    // The server's clock cannot be moved; its database can be opened beside it (escalate-later.ts).
    const store = await openStore({ file: path.join(app.dir, 'data', 'daftar.db') });
    try {
      const row = await store.transaction(async (tx) => tx.deadlines.byReceipt((await tx.receipts.byDiaryNumber(rti.diary))?.id ?? 0));
      expect(row?.state).toBe('confirmed');
      if (row === null) return;
      const told = (events: Awaited<ReturnType<typeof runDeadlineEscalation>>) => events.map((e) => [e.kind, e.number, e.told.map((p) => p.code).sort()]);
      const headBefore = headClerk.count();
      const soBefore = sectionOfficer.count();

      const at75 = new Date(row.warnAt.getTime() + 3_600_000);
      expect(told(await runDeadlineEscalation({ store, clock: { now: () => at75 } }))).toEqual([['deadline.warning', rti.diary, ['SAH0016', 'SAH0024']]]);
      // Queued for the later instant, the notes wait: the server's dispatcher (every 2 s) does not deliver them now.
      await new Promise((resolve) => setTimeout(resolve, 4_000));
      expect(headClerk.textsFrom(headBefore), 'before the queued notes are made due now').not.toContain('वैधानिक समय-सीमा');
      expect(await madeDueNow(store, at75)).toBe(2);
      const atHead = await headClerk.waitFor(`वैधानिक समय-सीमा का 75% समय बीत गया: ${rti.diary}`, headBefore, 30_000);
      expect(shown(atHead)).toContain('अभी संजीव कुमार');
      expect(shown(atHead)).toContain(RTI_CAPTION);
      await sectionOfficer.waitFor(`वैधानिक समय-सीमा का 75% समय बीत गया: ${rti.diary}`, soBefore, 30_000);
      // The same instant again: nobody is told twice.
      expect(await runDeadlineEscalation({ store, clock: { now: () => at75 } })).toEqual([]);

      const pastDue = new Date(row.dueBy.getTime() + 3_600_000);
      expect(told(await runDeadlineEscalation({ store, clock: { now: () => pastDue } }))).toEqual([['deadline.due', rti.diary, ['SAH0016', 'SAH0024']]]);
      expect(await madeDueNow(store, pastDue)).toBe(2);
      const dueAtHead = await headClerk.waitFor(`वैधानिक समय-सीमा समाप्त: ${rti.diary}`, headBefore, 30_000);
      expect(shown(dueAtHead)).toContain('सूचना का अधिकार आवेदन, अंतिम तिथि');
      const dueAtSo = await sectionOfficer.waitFor(`वैधानिक समय-सीमा समाप्त: ${rti.diary}`, soBefore, 30_000);
      expect(shown(dueAtSo)).toContain('अभी संजीव कुमार');
      for (const chat of [headClerk, sectionOfficer]) {
        expect(chat.messages.filter((m) => shown(m).includes(`वैधानिक समय-सीमा का 75% समय बीत गया: ${rti.diary}`)), chat.who).toHaveLength(1);
        expect(chat.messages.filter((m) => shown(m).includes(`वैधानिक समय-सीमा समाप्त: ${rti.diary}`)), chat.who).toHaveLength(1);
      }
    } finally {
      await store.close();
    }
  });
});
