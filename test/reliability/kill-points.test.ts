// One `daftar start` on the embedded default (SQLite, a data folder of its own), Telegram by webhook,
// killed by SIGKILL at one named instant of the message path per run (bots/failpoints.ts:
// DAFTAR_FAILPOINT=<name>@<n> makes the process kill itself the n-th time it gets there), started
// again on the same folder without the failpoint, and then made to show that nothing a user sent was
// lost and nothing was done twice.
//
// Each run copies a prepared office (the demo roll, four chats linked through the chat with "link" and
// the console OTP) and drives one scripted stream through the loopback Bot API peer, which plays
// Telegram: every update is posted until the webhook answers 2xx, with a small back-off — a refused
// or dropped connection, a timeout or an error status is posted again, as Telegram does. The stream
// is sequential (one message at a time, each waiting for its answers and for the notifications it
// caused to be delivered), so that at the kill instant one thing is in flight:
//
//   SAH0042 links this chat ("link", then the OTP: after-commit work); SAH0029 sends a captioned
//   scan (its own receipt at once) and opens a file from the receipt with its button; SAH0035 sends
//   an album of three photos (one media_group_id, caption on the first: one receipt of three pages);
//   SAH0038 sends a scan without a caption and then "my files" (a command, never the letter's
//   subject); SAH0029 writes a note and sends the file to SAH0007, who approves it by replying to
//   the notice; SAH0035 sends an album whose third page has its own caption (two letters: 2 + 1
//   pages); SAH0042 a caption-less scan; SAH0038 an album of two; everyone "my files".
//
// After each run, from what the peer received and from the SQLite file: every scripted message
// acted on exactly once (one receipt per letter with its caption as subject and exactly its pages,
// one note, one forward, one approval, one link), every reply and notification delivered exactly
// once, diary numbers gap-free, `daftar audit verify` passing, no upload draft and no unanswered
// inbound record left, and no error in any process's log.
import { afterAll, beforeAll, describe, it } from 'vitest';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { BotApiPeer, type PeerMessage } from '../helpers/bot-api-peer.ts';
import { FAILPOINTS, type FailpointName } from '../../bots/failpoints.ts';
import { DaftarProcess, REPO_ROOT } from './daftar-process.ts';
import { stamp as sqliteStamp } from '../../adapters/storage/sqlite/connection.ts';
import {
  copyDataFolder, escapeRe, freePort, outboxTable, sleep, Slots, sqliteRows, TelegramStandIn, textOf, troubleIn, type UpdateBody,
} from './harness.ts';
import {
  dbFileOf, Incarnations, officeEnv, otpFromConsole, prepareOffice, removeFolder, TOKEN, WEBHOOK_SECRET, type Person, type PreparedOffice,
} from './office-run.ts';

// English-speaking staff of the demo roll (prisma/demo/saharsa-roll.csv), so every answer is in English.
const OFFICER: Person = { code: 'SAH0007', chat: 700_007 }; // Ravi Shankar Prasad, Deputy Collector (Revenue)
const A: Person = { code: 'SAH0029', chat: 700_029 }; // Nikhil Raj, Data Entry Operator
const B: Person = { code: 'SAH0035', chat: 700_035 }; // Vikash Kumar, Dealing Assistant
const C: Person = { code: 'SAH0038', chat: 700_038 }; // Abhishek Anand, Data Entry Operator
const D: Person = { code: 'SAH0042', chat: 700_042 }; // Shalini Kumari: links her chat during the stream
const LINKED_BEFORE = [OFFICER, A, B, C];
const CHATS = [OFFICER, A, B, C, D];

const LETTER = {
  a: 'Flood relief claim from CO Kahara',
  b1: 'Survey report from Amin, Mahishi',
  b2: 'Land mutation appeal of Ram Pravesh Yadav',
  b3: 'Circular on Aadhaar seeding of ration cards',
  c1: 'Electoral roll revision schedule from CEO Bihar',
};
const NO_SUBJECT = '(subject awaited)';

/**
 * The kill points: every failpoint at least once, several at different counts so that the kill
 * lands in different messages. Where each lands in the stream above (counting as the product's
 * failpoints are placed: every update passes the inbound and reply points, every photo on its own
 * the upload point, every album page the page point, every album the closing points, every queued
 * message the outbox points) is noted beside it.
 */
const KILL_POINTS: { point: `${FailpointName}@${number}`; lands: string }[] = [
  { point: 'inbound.before-commit@1', lands: '"link SAH0042": the link challenge written, not committed' },
  { point: 'inbound.before-commit@6', lands: 'the first album, its second page' },
  { point: 'inbound.after-commit@3', lands: 'the captioned scan: diarised, its answer not yet sent' },
  { point: 'inbound.after-commit@11', lands: 'the forward: done and its notice queued, not yet answered' },
  { point: 'inbound.after-commit-work@1', lands: 'the link: committed, the OTP not yet sent' },
  { point: 'upload.blobs-stored@1', lands: 'the captioned scan: its page and PDF stored, nothing diarised' },
  { point: 'upload.blobs-stored@3', lands: 'the second caption-less scan: its page and PDF stored, nothing diarised' },
  { point: 'reply.between-sends@1', lands: 'the first caption-less scan: receipt sent, subject question not' },
  { point: 'reply.between-sends@2', lands: 'the second caption-less scan: receipt sent, subject question not' },
  { point: 'reply.before-ack@2', lands: 'the OTP: linked and answered, the update not yet acknowledged' },
  { point: 'reply.before-ack@8', lands: 'the first caption-less scan: both answers sent, not acknowledged' },
  { point: 'album.page-stored@2', lands: 'the first album, after its second page' },
  { point: 'album.page-stored@5', lands: 'the second album, after its second page' },
  { point: 'album.before-close@1', lands: 'the first album, due, before its PDF' },
  { point: 'album.before-close@3', lands: 'the last album, due, before its PDF' },
  { point: 'album.pdf-made@2', lands: 'the second album: PDFs made, nothing diarised' },
  { point: 'album.closed@1', lands: 'the first album: diarised and its answer queued, the outbox not kicked' },
  { point: 'album.closed@3', lands: 'the last album: diarised and its answer queued, the outbox not kicked' },
  { point: 'outbox.claimed@1', lands: 'the first album\'s answer: claimed, not sent' },
  { point: 'outbox.claimed@4', lands: 'the second album\'s answers: claimed, not sent' },
  { point: 'outbox.sent@1', lands: 'the first album\'s answer: sent, not marked delivered' },
  { point: 'outbox.sent@4', lands: 'the second album\'s first answer: sent, not marked' },
  { point: 'outbox.marked@1', lands: 'the first album\'s answer: marked, the process dies after' },
  { point: 'outbox.marked@5', lands: 'the second album\'s second answer: marked' },
];

/**
 * Where the one thing a kill may double is: a message sent to Telegram and not yet recorded as sent.
 * Telegram's sendMessage has no idempotency key, so a message can be sent and the process die before
 * it records so (the webhook not yet answered 200, the outbox row not yet marked); the retry, or the
 * restarted dispatcher, sends it again. Delivering exactly once across a crash is not possible on
 * this API: at-least-once is physics here. So at these kill points, and only at them, ONE message —
 * the one in flight at the kill instant: its first copy before the death, its second after — may come
 * twice. Everything else, notifications above all, exactly once.
 */
const IN_FLIGHT_POINTS = new Set<string>(['reply.between-sends', 'reply.before-ack', 'outbox.sent']);

/** Runs side by side: each is mostly waiting on its child process; two keep a 2-core machine busy. */
const LANES = 2;
/** How long a step waits for its answers (a restart in between included). */
const ANSWER_MS = 15_000;

const scans = [
  fs.readFileSync(path.join(REPO_ROOT, 'test/fixtures/images/scan-portrait.jpg')),
  fs.readFileSync(path.join(REPO_ROOT, 'test/fixtures/images/scan-landscape.jpg')),
];

const receiptPattern = (subject: string) => new RegExp(`^Receipt diarised: (\\S+)\\nSubject: ${escapeRe(subject)}\\nPages: (\\d+)`);
const ASK_SUBJECT = /^Receipt (\S+) is diarised\. Send the letter's subject/;
const MY_FILES = /^(?:\d+ pending with you|Nothing is pending with you)/;
const firstLines = (text: string) => JSON.stringify(text.split('\n').slice(0, 2).join(' | ').slice(0, 140));

interface Expect {
  chat: number;
  what: string;
  pattern: RegExp;
  /** What it answers or announces: a double is counted per source (all the answers of one update are one). */
  source?: string;
  /** For a receipt: the pages it must say. */
  pages?: number;
}
type Expected = Expect & { source: string };
type Found = { message: PeerMessage; match: RegExpExecArray } | null;

interface RunResult {
  point: string;
  problems: string[];
  messages: number;
  killed: boolean;
  lost: number;
  doubled: number;
  ms: number;
}


const who = (chat: number) => CHATS.find((c) => c.chat === chat)?.code ?? String(chat);

/** The scripted stream of one run, and what it expects to have happened. */
class Stream {
  readonly expected: Expected[] = [];
  readonly receipts: { subject: string; pages: number; source: string }[] = [];
  readonly notes: string[] = [];
  readonly problems: string[] = [];
  /** Each step and how long it took, for a failure's report. */
  readonly trace: string[] = [];
  forwards = 0;
  approvals = 0;
  filesOpened = 0;
  linksInStream = 0;
  private groups = 0;
  private scanNo = 0;

  constructor(private readonly peer: BotApiPeer, private readonly telegram: TelegramStandIn, private readonly office: Incarnations,
    private readonly dbFile: string, private readonly prepared: PreparedOffice) {}

  private get ourStaff(): number[] {
    return CHATS.map((c) => this.prepared.ids.get(c.code) ?? 0);
  }

  /**
   * Notifications to this test's staff not yet delivered that the outbox will try within seconds (its
   * timer runs every 2 s). One claimed by a process that died is leased for minutes, one put off for
   * want of a live chat waits a minute: not waited for here, reported at the end.
   */
  dueSoon(): number {
    return sqliteRows<{ n: number }>(this.dbFile,
      `SELECT count(*) AS n FROM "${outboxTable(this.dbFile)}" WHERE "deliveredAt" IS NULL AND "nextAttemptAt" < ? AND "employeeId" IN (${this.ourStaff.join(',')})`,
      [sqliteStamp(new Date(Date.now() + 5_000))])[0]?.n ?? 0;
  }

  drafts(): number {
    return sqliteRows<{ n: number }>(this.dbFile, 'SELECT count(*) AS n FROM "UploadDraft"')[0]?.n ?? 0;
  }

  find(e: Expect): Found {
    for (const m of this.peer.sentTo(e.chat)) {
      const match = e.pattern.exec(textOf(m));
      if (match !== null) return { message: m, match };
    }
    return null;
  }

  private async answers(expects: Expect[], timeoutMs = ANSWER_MS): Promise<Found[]> {
    await this.peer.until(() => expects.every((e) => this.find(e) !== null), timeoutMs).catch(() => undefined);
    return expects.map((e) => this.find(e));
  }

  /**
   * Before the next message: what this step queued has been delivered and marked (so that a kill in
   * the next message finds nothing else in flight), 2 s at most.
   */
  private async settle(): Promise<void> {
    const until = performance.now() + 2_000;
    while (performance.now() < until) {
      try {
        if (this.dueSoon() === 0) break;
      } catch {
        // The file is being written by a starting process; look again.
      }
      await sleep(40);
    }
    await sleep(30);
  }

  private expect(source: string, expects: Expect[]): void {
    for (const e of expects) this.expected.push({ ...e, source: e.source ?? source });
  }

  private async post(chat: number, label: string, body: UpdateBody): Promise<void> {
    const posted = await this.telegram.deliver(chat, label, body);
    if (posted.acceptedAt === null) {
      this.problems.push(`${label} (${who(chat)}) was never answered 2xx: ${posted.attempts.map((a) => a.status ?? a.error).join(', ')}`);
    }
  }

  /** One message from `chat`, and the answers (and notifications) it must bring. */
  async step(label: string, chat: number, body: (messageId: number) => UpdateBody, expects: Expect[]): Promise<Found[]> {
    const t0 = performance.now();
    this.expect(label, expects);
    await this.post(chat, label, body(this.telegram.nextMessageId(chat)));
    const t1 = performance.now();
    const found = await this.answers(expects);
    const t2 = performance.now();
    await this.settle();
    this.trace.push(`${label}: 2xx after ${Math.round(t1 - t0)} ms, answers ${found.filter((f) => f !== null).length}/${found.length} after ${Math.round(t2 - t0)} ms, settled ${Math.round(performance.now() - t0)} ms`);
    return found;
  }

  private text(chat: number, words: string, replyTo?: number) {
    return (id: number) => this.peer.textMessage(chat, id, words, replyTo === undefined ? {} : { replyTo });
  }

  private photo(chat: number, caption: string | null, mediaGroupId?: string) {
    const k = this.scanNo++;
    const fileId = this.peer.addFile(scans[k % 2] as Buffer, `photos/scan_${k + 1}.jpg`);
    return (id: number) => this.peer.photoMessage(chat, id, fileId, {
      ...(caption !== null ? { caption } : {}), ...(mediaGroupId !== undefined ? { mediaGroupId } : {}),
    });
  }

  /** A photo on its own, captioned or not: its receipt at once (and, without a caption, the question for its subject). */
  async scan(label: string, chat: number, caption: string | null): Promise<Found> {
    const subject = caption ?? NO_SUBJECT;
    this.receipts.push({ subject, pages: 1, source: label });
    const expects: Expect[] = [{ chat, what: `the receipt of ${caption === null ? 'a caption-less scan' : `"${caption}"`}`, pattern: receiptPattern(subject), pages: 1 }];
    if (caption === null) expects.push({ chat, what: 'the question for the caption-less scan\'s subject', pattern: ASK_SUBJECT });
    const [receipt] = await this.step(label, chat, this.photo(chat, caption), expects);
    return receipt ?? null;
  }

  /**
   * An album: photos with one media_group_id, posted one after another as they come; a caption on
   * the first page names the letter, a caption on a later page starts the next letter. Its receipts
   * are answered through the outbox once the album has been quiet for the album window.
   */
  async album(label: string, chat: number, captions: (string | null)[]): Promise<void> {
    const group = `${13_000_000 + chat * 10 + ++this.groups}`;
    const letters: { subject: string; pages: number }[] = [];
    for (const [i, caption] of captions.entries()) {
      const last = letters.at(-1);
      if (i === 0 || caption !== null || last === undefined) letters.push({ subject: caption ?? NO_SUBJECT, pages: 1 });
      else last.pages += 1;
    }
    const expects = letters.map((l) => ({
      chat, what: `the receipt of "${l.subject}" (${label})`, pattern: receiptPattern(l.subject), pages: l.pages, source: `${label}: the receipt of "${l.subject}"`,
    }));
    for (const l of letters) this.receipts.push({ ...l, source: label });
    this.expect(label, expects);
    const t0 = performance.now();
    for (const [i, caption] of captions.entries()) {
      await this.post(chat, `${label}, page ${i + 1}`, this.photo(chat, caption, group)(this.telegram.nextMessageId(chat)));
    }
    const t1 = performance.now();
    const found = await this.answers(expects);
    const t2 = performance.now();
    await this.settle();
    this.trace.push(`${label}: pages in after ${Math.round(t1 - t0)} ms, receipts ${found.filter((f) => f !== null).length}/${found.length} after ${Math.round(t2 - t0)} ms, settled ${Math.round(performance.now() - t0)} ms`);
  }

  async run(): Promise<void> {
    const { peer } = this;
    // SAH0042 links this chat: the OTP is sent after the link's transaction (after-commit work).
    const [asked] = await this.step(`"link ${D.code}"`, D.chat, this.text(D.chat, `link ${D.code}`),
      [{ chat: D.chat, what: 'the answer to "link"', pattern: /demo mode: the OTP was not sent to any phone or e-mail — it is printed on the server console|डेमो मोड: OTP किसी फ़ोन या ई-मेल पर नहीं भेजा गया — वह सर्वर के कंसोल पर छपा है/ }]);
    let dLinked = false;
    if (asked !== null) {
      const otp = otpFromConsole(this.office.all, this.prepared.mobiles.get(D.code) ?? '');
      if (otp === null) this.problems.push(`no OTP for ${D.code} on any console, though "link" was answered`);
      else {
        this.linksInStream += 1;
        const [linked] = await this.step(`the OTP of ${D.code}`, D.chat, this.text(D.chat, otp),
          [{ chat: D.chat, what: 'the answer to the OTP', pattern: /This chat is now linked to you/ }]);
        dLinked = linked !== null;
      }
    }

    // SAH0029: a captioned scan, and a file opened from its receipt with the receipt's button.
    const receiptA = await this.scan(`the scan "${LETTER.a}"`, A.chat, LETTER.a);
    const button = receiptA?.message.buttons?.find((b) => b.callback_data.startsWith('/receipt.newfile'));
    let file: string | null = null;
    if (receiptA !== null && button !== undefined) {
      const number = receiptA.match[1] ?? '';
      this.filesOpened += 1;
      const [opened] = await this.step(`the "new file" button under ${number}`, A.chat, () => peer.buttonPress(A.chat, receiptA.message.messageId, button.callback_data),
        [{ chat: A.chat, what: 'the new file', pattern: new RegExp(`^New file opened: (\\S+)\\n(?:.*\\n)*Attached: ${escapeRe(number)}\\n`) }]);
      file = opened?.match[1] ?? null;
    } else if (receiptA !== null) this.problems.push('the captioned scan\'s receipt has no "new file" button');

    // SAH0035: an album of three pages, the caption on the first: one letter.
    await this.album(`the album "${LETTER.b1}"`, B.chat, [LETTER.b1, null, null]);

    // SAH0038: a scan without a caption, then "my files": a command, never the letter's subject.
    await this.scan('the caption-less scan of SAH0038', C.chat, null);
    await this.step('"my files" of SAH0038 right after the caption-less scan', C.chat, this.text(C.chat, 'my files'),
      [{ chat: C.chat, what: 'the answer to "my files" (not "Subject recorded")', pattern: MY_FILES }]);

    // SAH0029: a note, the file to the officer; the officer approves by replying to the notice.
    if (file !== null) {
      const note = `Put up for orders on the flood relief claim, checked by ${A.code}`;
      this.notes.push(note);
      await this.step(`the note on ${file}`, A.chat, this.text(A.chat, `note: ${note}`),
        [{ chat: A.chat, what: 'the answer to the note', pattern: new RegExp(`^Note \\d+ recorded on ${escapeRe(file)}`) }]);
      this.forwards += 1;
      const [, notice] = await this.step(`"send to ${OFFICER.code}" of ${file}`, A.chat, this.text(A.chat, `send to ${OFFICER.code}`), [
        { chat: A.chat, what: 'the answer to the forward', pattern: new RegExp(`^${escapeRe(file)} sent to`) },
        { chat: OFFICER.chat, what: `the notice of ${file}`, pattern: new RegExp(`File ${escapeRe(file)} has come to you`), source: `the notice of ${file} to ${OFFICER.code}` },
      ]);
      if (notice != null) {
        this.approvals += 1;
        await this.step(`the approval of ${file}`, OFFICER.chat, this.text(OFFICER.chat, 'approved', notice.message.messageId), [
          { chat: OFFICER.chat, what: 'the answer to the approval', pattern: new RegExp(`^${escapeRe(file)} approved and sent back to`) },
          { chat: A.chat, what: `the approval notice of ${file}`, pattern: new RegExp(`File ${escapeRe(file)} was approved by`), source: `the approval notice of ${file} to ${A.code}` },
        ]);
      }
    }

    // SAH0035: an album whose third page has a caption of its own: two letters, of 2 pages and 1.
    await this.album('the album of two letters', B.chat, [LETTER.b2, null, LETTER.b3]);
    // SAH0042: a caption-less scan; SAH0038: an album of two.
    if (dLinked) await this.scan('the caption-less scan of SAH0042', D.chat, null);
    await this.album(`the album "${LETTER.c1}"`, C.chat, [LETTER.c1, null]);

    for (const p of [...(dLinked ? [D] : []), B, A, OFFICER]) {
      await this.step(`"my files" of ${p.code}`, p.chat, this.text(p.chat, 'my files'), [{ chat: p.chat, what: 'the answer to "my files"', pattern: MY_FILES }]);
    }
  }

  /** After the stream: until every notification is out and no album is open (8 s at most), then a moment for late doubles. */
  async quiet(): Promise<void> {
    const until = performance.now() + 8_000;
    while (performance.now() < until) {
      try {
        if (this.dueSoon() === 0 && this.drafts() === 0) break;
      } catch {
        // being written; look again
      }
      await sleep(100);
    }
    await sleep(500);
  }
}

/** What the peer received, against what the stream expected: lost, doubled, unexpected. */
function deliveries(peer: BotApiPeer, stream: Stream, death: { peerMessages: number } | null) {
  const copies = new Map<Expected, number[]>();
  const unexpected: string[] = [];
  const wrongPages: string[] = [];
  for (const chat of CHATS) {
    for (const m of peer.sentTo(chat.chat)) {
      const index = peer.sent.indexOf(m);
      const text = textOf(m);
      const e = stream.expected.find((x) => x.chat === chat.chat && x.pattern.test(text));
      if (e === undefined) {
        unexpected.push(`${chat.code} got a message nothing in the stream asked for: ${firstLines(text)}`);
        continue;
      }
      copies.set(e, [...(copies.get(e) ?? []), index]);
      const pages = e.pages === undefined ? null : Number(e.pattern.exec(text)?.[2]);
      if (pages !== null && pages !== e.pages) wrongPages.push(`${e.what} says ${pages} page(s), the letter has ${e.pages}`);
    }
  }
  const lost = stream.expected.filter((e) => (copies.get(e)?.length ?? 0) === 0).map((e) => `${e.what} to ${who(e.chat)} (for ${e.source})`);
  const bySource = new Map<string, { what: string; copies: number[] }[]>();
  for (const e of stream.expected) {
    const c = copies.get(e) ?? [];
    if (c.length > 1) bySource.set(e.source, [...(bySource.get(e.source) ?? []), { what: e.what, copies: c }]);
  }
  const doubled = [...bySource].map(([source, items]) => {
    // In flight at the kill: its first copy reached Telegram before the death, the repeat after it.
    const straddles = death !== null && items.every((i) => i.copies.length === 2 && (i.copies[0] as number) < death.peerMessages && (i.copies[1] as number) >= death.peerMessages);
    return { source, items, straddles, text: `${source}: ${items.map((i) => `${i.what} ${i.copies.length}×`).join(', ')}${straddles ? ' (first copy before the kill, the repeat after it)' : ''}` };
  });
  return { lost, doubled, unexpected, wrongPages };
}

/** A queued notification in a few words: its reply's first line, or its kind. */
function notificationText(payload: string): string {
  try {
    const parsed = JSON.parse(payload) as { kind?: string; reply?: { text?: string } };
    return JSON.stringify((parsed.reply?.text ?? parsed.kind ?? '').split('\n')[0]?.slice(0, 80));
  } catch {
    return JSON.stringify(payload.slice(0, 80));
  }
}

async function runKillPoint(point: string, prepared: PreparedOffice, root: string, index: number, ports: Set<number>): Promise<RunResult & { log: string }> {
  const started = performance.now();
  const name = point.split('@')[0] ?? '';
  const dataDir = path.join(root, `run-${index}`);
  copyDataFolder(prepared.dataDir, dataDir);
  const dbFile = dbFileOf(dataDir);
  const peer = await BotApiPeer.start(TOKEN);
  const port = await freePort(ports);
  let telegram: TelegramStandIn | null = null;
  const api = { token: peer.token, apiRoot: peer.apiRoot };
  const env = (extra: Record<string, string>) => officeEnv(dataDir, api, port, extra);
  const office = new Incarnations(`kill@${point}`, env, { peer });
  const problems: string[] = [];
  let stream: Stream | null = null;
  office.start({ DAFTAR_FAILPOINT: point });
  try {
    await office.ready();
    telegram = new TelegramStandIn(peer, `http://127.0.0.1:${port}/telegram/hook`, WEBHOOK_SECRET, { giveUpMs: 45_000, firstMessageId: 1_000 });
    stream = new Stream(peer, telegram, office, dbFile, prepared);
    await stream.run();
    await stream.quiet();
  } catch (error) {
    problems.push(`the run broke off: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`);
  } finally {
    await office.stop();
    await peer.close();
  }
  const s = stream;
  const log = `${office.log(60)}\n---- steps ----\n${(s?.trace ?? []).join('\n')}`;
  if (s === null) {
    removeFolder(dataDir);
    return { point, problems, messages: 0, killed: false, lost: 0, doubled: 0, ms: Math.round(performance.now() - started), log };
  }
  problems.push(...s.problems);

  // ---- the kill ----
  const [first] = office.deaths;
  const killed = first !== undefined && first.process === office.all[0] && first.failpoint === point && first.signal === 'SIGKILL';
  if (!killed) {
    problems.push(first === undefined ? `failpoint ${point} was never reached (the process ran the whole stream without dying)`
      : `the first process died, but not at ${point}: ${first.failpoint === null ? `exit ${JSON.stringify({ code: first.code, signal: first.signal })}` : `failpoint ${first.failpoint}`}`);
  }
  for (const d of office.deaths.slice(killed ? 1 : 0)) {
    problems.push(`${d.process.name} died unexpectedly (${d.failpoint === null ? JSON.stringify({ code: d.code, signal: d.signal }) : `failpoint ${d.failpoint}`})`);
  }

  // ---- what the chats received ----
  const got = deliveries(peer, s, killed ? (first ?? null) : null);
  for (const l of got.lost) problems.push(`lost: ${l}`);
  problems.push(...got.unexpected, ...got.wrongPages);
  const mayDouble = killed && IN_FLIGHT_POINTS.has(name);
  if (got.doubled.length > (mayDouble ? 1 : 0) || got.doubled.some((d) => !d.straddles)) {
    for (const d of got.doubled) {
      problems.push(`delivered twice: ${d.text}${mayDouble ? (got.doubled.length > 1 ? ' — only one message may be in flight at the kill' : '') : ` — at ${name} no message is in flight when the process dies`}`);
    }
  }

  // ---- what the office recorded (read after the clean stop) ----
  const q = <T>(sql: string, params: unknown[] = []) => sqliteRows<T>(dbFile, sql, params);
  const receipts = q<{ id: number; diaryNumber: string; serial: number; subject: string; pages: number }>('SELECT id, "diaryNumber", serial, subject, pages FROM "Receipt" ORDER BY serial');
  const originals = new Map(q<{ receiptId: number; n: number }>('SELECT "receiptId", count(*) AS n FROM "ReceiptOriginal" GROUP BY "receiptId"').map((r) => [r.receiptId, r.n]));
  const describeReceipt = (r: { subject: string; pages: number }) => `"${r.subject}" of ${r.pages} page(s)`;
  const wanted = s.receipts.map(describeReceipt).sort();
  const have = receipts.map(describeReceipt).sort();
  const missing = [...wanted];
  const extra: string[] = [];
  for (const h of have) {
    const i = missing.indexOf(h);
    if (i >= 0) missing.splice(i, 1);
    else extra.push(h);
  }
  for (const m of missing) problems.push(`no receipt ${m} (lost, or made of other pages)`);
  for (const e of extra) problems.push(`a receipt nothing asked for, or a letter diarised twice: ${e}`);
  const serials = receipts.map((r) => r.serial);
  if (serials.some((n, i) => n !== i + 1)) problems.push(`diary serials not gap-free from 1: ${serials.join(', ')}`);
  if (new Set(receipts.map((r) => r.diaryNumber)).size !== receipts.length) problems.push(`diary numbers repeated: ${receipts.map((r) => r.diaryNumber).join(', ')}`);
  for (const r of receipts) {
    if (!r.diaryNumber.endsWith(String(r.serial).padStart(6, '0'))) problems.push(`diary number ${r.diaryNumber} does not carry its serial ${r.serial}`);
    if ((originals.get(r.id) ?? 0) !== r.pages) problems.push(`receipt ${r.diaryNumber} says ${r.pages} page(s) but keeps ${originals.get(r.id) ?? 0} original(s)`);
    if (/^my files$/i.test(r.subject)) problems.push(`receipt ${r.diaryNumber} took "my files" as its subject`);
  }
  for (const note of s.notes) {
    const n = q<{ n: number }>('SELECT count(*) AS n FROM "Note" WHERE text = ?', [note])[0]?.n ?? 0;
    if (n !== 1) problems.push(`the note "${note.slice(0, 40)}…" is recorded ${n} times`);
  }
  const audit = new Map(q<{ type: string; n: number }>('SELECT type, count(*) AS n FROM "AuditEvent" GROUP BY type').map((r) => [r.type, r.n]));
  const counted: [string, number, string][] = [
    ['receipt.diarised', s.receipts.length, 'receipts diarised'],
    ['file.created', s.filesOpened, 'files opened'],
    ['file.forwarded', s.forwards, 'forwards'],
    ['file.approved', s.approvals, 'approvals'],
    ['account.linked', LINKED_BEFORE.length + s.linksInStream, 'chats linked'],
  ];
  for (const [type, want, what] of counted) {
    if ((audit.get(type) ?? 0) !== want) problems.push(`${what}: ${audit.get(type) ?? 0} (${type} events), the stream did ${want}`);
  }
  const files = q<{ n: number }>('SELECT count(*) AS n FROM "EFile"')[0]?.n ?? 0;
  if (files !== s.filesOpened) problems.push(`${files} files, the stream opened ${s.filesOpened}`);
  const drafts = q<{ accountId: number; caption: string | null }>('SELECT "accountId", caption FROM "UploadDraft"');
  if (drafts.length > 0) problems.push(`${drafts.length} upload draft(s) left (orphan pages): ${drafts.map((d) => `account ${d.accountId} ${d.caption ?? '(no caption)'}`).join('; ')}`);
  const inbound = q<{ messageId: string; status: string; replies: string | null }>('SELECT "messageId", status, replies FROM "InboundMessage" WHERE channel = \'telegram\'');
  const unanswered = inbound.filter((r) => r.replies === null);
  if (unanswered.length > 0) problems.push(`inbound records left without their answer: ${unanswered.map((r) => `${r.messageId} (${r.status})`).join(', ')}`);
  const recorded = new Set(inbound.map((r) => r.messageId));
  const notRecorded = (telegram as TelegramStandIn | null)?.posted.filter((p) => !recorded.has(p.inboundId)) ?? [];
  if (notRecorded.length > 0) problems.push(`messages never recorded as received: ${notRecorded.map((p) => `${p.label} (${p.inboundId})`).join(', ')}`);
  const outbox = outboxTable(dbFile);
  const ourStaff = CHATS.map((c) => prepared.ids.get(c.code) ?? 0);
  const pending = q<{ id: number; payload: string; nextAttemptAt: string; attempts: number; lastError: string | null }>(
    `SELECT id, payload, "nextAttemptAt", attempts, "lastError" FROM "${outbox}" WHERE "deliveredAt" IS NULL AND "employeeId" IN (${ourStaff.join(',')})`);
  const leasedPast = sqliteStamp(new Date(Date.now() + 30_000));
  for (const o of pending) {
    const what = `${o.id} (${notificationText(o.payload)})`;
    problems.push(o.lastError !== null
      ? `notification ${what} not delivered: put off until ${o.nextAttemptAt} after "${o.lastError}" (${o.attempts} attempt(s))`
      : o.nextAttemptAt > leasedPast
        ? `notification ${what} not marked delivered: still leased (until ${o.nextAttemptAt}) to the process that died, so the restarted process leaves it — it goes out again (or for the first time) only after the lease`
        : `notification ${what} never delivered (${o.attempts} attempt(s), next try at ${o.nextAttemptAt})`);
  }

  const verified = await DaftarProcess.run(['audit', 'verify'], env({}));
  if (verified.code !== 0) problems.push(`daftar audit verify exited ${verified.code}: ${verified.output.trim().split('\n').join(' | ')}`);
  problems.push(...office.all.flatMap(troubleIn).map((t) => `error in the log: ${t}`));

  removeFolder(dataDir);
  const lost = got.lost.length + missing.length;
  return {
    point, problems, messages: (telegram as TelegramStandIn | null)?.posted.length ?? 0, killed, lost, doubled: got.doubled.length,
    ms: Math.round(performance.now() - started), log,
  };
}

describe('one Daftar process (SQLite), Telegram by webhook, killed at each failpoint of the message path', () => {
  let root = '';
  let prepared: PreparedOffice | null = null;
  const results: RunResult[] = [];
  const lanes = new Slots(LANES);
  const ports = new Set<number>();
  const suiteStarted = performance.now();

  beforeAll(async () => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'daftar-kill-points-'));
    prepared = await prepareOffice(path.join(root, 'template'), LINKED_BEFORE);
  }, 120_000);

  afterAll(() => {
    if (root !== '') fs.rmSync(root, { recursive: true, force: true });
    const messages = results.reduce((n, r) => n + r.messages, 0);
    const lost = results.reduce((n, r) => n + r.lost, 0);
    const doubled = results.reduce((n, r) => n + r.doubled, 0);
    const kills = results.filter((r) => r.killed).length;
    console.log(`reliability: ${results.length} kill points, ${kills} kills, ${messages} messages, ${lost} lost, ${doubled} doubled (in flight at the kill)`
      + `; office prepared in ${prepared?.ms ?? '-'} ms, all in ${Math.round((performance.now() - suiteStarted) / 1000)} s`);
  });

  it('covers every failpoint, some at several counts', ({ expect }) => {
    const named = new Set(KILL_POINTS.map((k) => k.point.split('@')[0]));
    expect(Object.keys(FAILPOINTS).filter((f) => !named.has(f)), 'failpoints no kill point reaches').toEqual([]);
    expect(new Set(KILL_POINTS.map((k) => k.point)).size).toBe(KILL_POINTS.length);
    expect(KILL_POINTS.length).toBeGreaterThanOrEqual(20);
  });

  it.concurrent.for(KILL_POINTS.map((k, i): [string, string, number] => [k.point, k.lands, i]))('killed at %s (%s)', { timeout: 300_000 }, async ([point, lands, index], { expect, onTestFailed }) => {
    await lanes.take();
    let result: (RunResult & { log: string }) | null = null;
    try {
      if (prepared === null) throw new Error('the office was not prepared');
      result = await runKillPoint(point, prepared, root, index, ports);
    } finally {
      lanes.give();
    }
    results.push(result);
    const r = result;
    onTestFailed(() => console.log(`---- kill point ${point} (${lands}): the processes' last lines ----\n${r.log}`));
    expect(r.problems, `kill point ${point} (${lands}), ${r.messages} messages, ${r.ms} ms`).toEqual([]);
  });
});
