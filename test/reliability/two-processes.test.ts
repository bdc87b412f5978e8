// Two `daftar start` processes serving one office on one PostgreSQL database, with Telegram in
// webhook mode behind a load balancer, and one of them killed (SIGKILL) while it has updates in
// hand. The loopback Bot API peer plays Telegram and the load balancer: it posts a scripted stream
// of updates to the two webhooks in turn, a few at a time, and a post that gets no 200 (refused,
// reset, an error status) is posted again to the other process, as Telegram retries.
//
// What must hold afterwards, read from PostgreSQL and from what the peer received: every update
// acted on exactly once (one receipt per scan, with its caption as subject; one note per note; one
// forward, one approval), diary numbers without gap or duplicate, an answer to every update, no
// notification twice, an intact audit chain (`daftar audit verify`), and no unhandled error in
// either process's log. A second test checks that a process refuses to long-poll Telegram while
// another process on the same database does.
//
// The stream: five clerks each photograph two letters with a caption (→ receipts), open a file from
// each receipt with its button, write a note on it and send it to an officer; the officer approves
// every file by replying to its notice; everyone asks for "my files". Each chat waits for the answer
// before its next message, the chats run side by side. Process A is killed (SIGKILL) 15 ms into a
// command posted to it (a note, a forward or a decision) once more than half the scans are in, and
// started again five deliveries on.
//
// Chats are linked the honest way, through the chat itself: "link SAH00xx", then the OTP that the
// development console sender prints on the console of whichever process handled the request, sent
// back through the load balancer (so usually checked by the other process: DAFTAR_SECRET is shared).
import { afterAll, beforeAll, describe, it } from 'vitest';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import type { Update } from 'telegraf/types';
import { BotApiPeer, type PeerMessage } from '../helpers/bot-api-peer.ts';
import { freshPostgresDatabase, postgresRows, type TestDatabase } from '../helpers/postgres.ts';
import { istDate } from '../../core/time.ts';
import { childEnv, DaftarProcess, REPO_ROOT } from './daftar-process.ts';
import { escapeRe, freePort, READY, seedLanguageCache, sleep, Slots, textOf, troubleIn } from './harness.ts';

/** Shaped like BotFather's (Daftar's configuration checks the shape). */
const TOKEN = '123456789:AAreliability-loopback-token';
const PUBLIC_WEBHOOK = 'https://daftar.saharsa.example.in/telegram/hook';
const WEBHOOK_SECRET = `reliability_${randomBytes(12).toString('hex')}`;
/** DAFTAR_SECRET, the same for every process (an OTP asked for on one is checked on the other). */
const SHARED_SECRET = randomBytes(32).toString('hex');
/** Photos from one chat within this window are one receipt; each chat here waits for its answer anyway. */
const ALBUM_WINDOW_MS = 500;
/**
 * How long a chat waits for an answer before it goes on without it (the answer still counts if it
 * comes later). Generous: on a loaded machine a scan takes seconds; an update taken by a process
 * that then died is given up on at once (see hopeless()).
 */
const ANSWER_TIMEOUT_MS = 30_000;
/** Deliveries posted at the same time, to whichever process (Telegram's max_connections, scaled down). */
const CONCURRENT_DELIVERIES = 3;

// English-speaking staff of the demo roll (prisma/demo/saharsa-roll.csv), so every answer is in English.
const OFFICER = { code: 'SAH0007', chat: 700_007, name: 'Ravi Shankar Prasad' }; // Deputy Collector (Revenue)
const CLERKS = [
  { code: 'SAH0029', chat: 700_029 }, // Nikhil Raj, Data Entry Operator
  { code: 'SAH0035', chat: 700_035 }, // Vikash Kumar, Dealing Assistant
  { code: 'SAH0038', chat: 700_038 }, // Abhishek Anand, Data Entry Operator
  { code: 'SAH0042', chat: 700_042 }, // Shalini Kumari, Data Entry Operator
  { code: 'SAH0047', chat: 700_047 }, // Anjali Sinha, Dealing Assistant
];
const SCANS_PER_CLERK = 2;
const CAPTIONS = [
  'Flood relief claim from CO Kahara',
  'Survey report from Amin, Mahishi',
  'Land mutation appeal of Ram Pravesh Yadav',
  'Circular on Aadhaar seeding of ration cards',
  'Electoral roll revision schedule from CEO Bihar',
  'Request for vehicle for the DDC tour to Simri Bakhtiyarpur',
  'Court notice in CWJC 1432 of 2026',
  'Audit para reply from the Block Accounts Office',
  'Complaint about the hand pump at Nauhatta school',
  'Budget allotment for the anganwadi buildings',
];

type Kind = 'link' | 'otp' | 'scan' | 'newfile' | 'note' | 'forward' | 'approve' | 'myfiles';

/** One update of the stream and what became of it. */
interface Sent {
  updateId: number;
  chat: number;
  kind: Kind;
  label: string;
  /** The id the assistant keys it by (InboundMessage.messageId). */
  inboundId: string;
  /** Each post: the process and its answer (a status or a network error). */
  attempts: string[];
  acceptedBy: string | null;
  /** performance.now() of the 200. */
  acceptedAt: number;
  answered: () => boolean;
  answer: PeerMessage | null;
  /** ms from the 200 to the answer seen by the peer. */
  latencyMs: number | null;
  /** What the chat had received when the update was sent (its answer comes after). */
  from: number;
}

interface Endpoint {
  name: 'A' | 'B';
  port: number;
  dataDir: string;
  process: DaftarProcess;
  /** Earlier incarnations (a killed process is restarted as a new one). */
  previous: DaftarProcess[];
  /** Posts under way to it right now, by update_id. */
  posting: Set<number>;
}

const scanBytes = [
  fs.readFileSync(path.join(REPO_ROOT, 'test/fixtures/images/scan-portrait.jpg')),
  fs.readFileSync(path.join(REPO_ROOT, 'test/fixtures/images/scan-landscape.jpg')),
];

describe('two Daftar processes on one PostgreSQL database, Telegram by webhook, one killed mid-stream', () => {
  let db: TestDatabase | undefined;
  let db2: TestDatabase | undefined;
  let peer: BotApiPeer | undefined;
  let root = '';
  const children: DaftarProcess[] = [];
  // The two tests run side by side (each is mostly waiting on child processes): the polling test
  // starts its processes once the webhook test's two are up, so as not to slow their start.
  let webhookProcessesUp = () => {};
  const gate = new Promise<void>((resolve) => { webhookProcessesUp = resolve; });

  beforeAll(async () => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'daftar-reliability-'));
    peer = await BotApiPeer.start(TOKEN);
  });

  afterAll(async () => {
    // Whatever happened above: no child outlives the test, no database or folder is left behind.
    await Promise.all(children.map((c) => c.stop(3_000).catch(() => c.kill('SIGKILL'))));
    await peer?.close();
    await db?.drop().catch(() => undefined);
    await db2?.drop().catch(() => undefined);
    if (root !== '') fs.rmSync(root, { recursive: true, force: true });
  });

  function envFor(databaseUrl: string, dataDir: string, extra: Record<string, string>, botApi = peer): Record<string, string> {
    if (botApi === undefined) throw new Error('no peer');
    return childEnv({
      DAFTAR_ENV: 'development',
      DATABASE_URL: databaseUrl,
      DAFTAR_DATA_DIR: dataDir,
      DAFTAR_BLOB_DIR: path.join(root, 'shared-blobs'),
      DAFTAR_CA_DIR: path.join(root, 'shared-ca'),
      DAFTAR_SECRET: SHARED_SECRET,
      DAFTAR_DEMO: 'true',
      OTP_CONSOLE: 'true',
      OCR_ENABLED: 'false',
      WEB_ENABLED: 'false',
      WHATSAPP_ENABLED: 'false',
      LOG_LEVEL: 'info',
      UPLOAD_ALBUM_WINDOW_MS: String(ALBUM_WINDOW_MS),
      // The morning digest's catch-up runs at start-up (both processes race for it); nothing fires mid-test.
      REMINDER_TIME: '00:00',
      TELEGRAM_BOT_TOKEN: botApi.token,
      TELEGRAM_API_ROOT: botApi.apiRoot,
      ...extra,
    });
  }

  it.concurrent('acts on every update exactly once, answers every one, and keeps the diary gap-free', async ({ expect, onTestFailed }) => {
    if (peer === undefined) throw new Error('no peer');
    onTestFailed(() => webhookProcessesUp());
    const p = peer;
    const started = performance.now();
    const all: DaftarProcess[] = [];
    // On any failure, the processes' own words: what they logged, in order.
    onTestFailed(() => {
      for (const c of all) console.log(c.log());
    });
    db = await freshPostgresDatabase();
    const url = db.url;
    const year = istDate(new Date()).slice(0, 4);

    // ---- 1. two processes, started at once on the empty database ----
    const endpoints: Endpoint[] = [];
    const ports = new Set<number>();
    for (const name of ['A', 'B'] as const) {
      endpoints.push({ name, port: await freePort(ports), dataDir: path.join(root, `data-${name}`), process: undefined as never, previous: [], posting: new Set() });
    }
    await seedLanguageCache(endpoints.map((e) => e.dataDir));
    const startProcess = (e: Endpoint, generation: number): DaftarProcess => {
      const child = DaftarProcess.start(generation === 0 ? e.name : `${e.name}${generation + 1}`, envFor(url, e.dataDir, {
        TELEGRAM_WEBHOOK_URL: PUBLIC_WEBHOOK,
        TELEGRAM_WEBHOOK_SECRET: WEBHOOK_SECRET,
        TELEGRAM_WEBHOOK_HOST: '127.0.0.1',
        TELEGRAM_WEBHOOK_PORT: String(e.port),
      }));
      children.push(child);
      all.push(child);
      return child;
    };
    const processesStarted = performance.now();
    for (const e of endpoints) e.process = startProcess(e, 0);
    await Promise.all(endpoints.map(async (e) => {
      await e.process.waitFor(READY, 45_000);
      // Its webhook listener is up (a port it could not bind would say "failed: telegram").
      expect((await e.process.waitFor(/^Channels live: /, 5_000)).line.text, `${e.name}'s channels`).toBe('Channels live: telegram.');
    })).finally(() => webhookProcessesUp());
    const seededBy = endpoints.filter((e) => e.process.lines.some((l) => /Demo office seeded: 55 staff/.test(l.text))).map((e) => e.name);
    expect(seededBy, 'exactly one process seeds the demo office').toHaveLength(1);
    expect((await postgresRows<{ n: number }>(url, 'SELECT count(*)::int AS n FROM "Employee"'))[0]?.n).toBe(55);
    // Both registered the one public webhook with the one secret; the load balancer posts with it.
    expect(p.callsTo('setWebhook')).toHaveLength(2);
    const hook = p.webhook();
    expect(hook).toMatchObject({ url: PUBLIC_WEBHOOK, secretToken: WEBHOOK_SECRET });
    const secretToken = hook?.secretToken ?? '';
    const startupMs = Math.round(performance.now() - started);
    const readyMs = Object.fromEntries(endpoints.map((e) => [e.name, Math.round((e.process.lines.find((l) => READY.test(l.text))?.at ?? 0) - processesStarted)]));

    // ---- the peer as Telegram and load balancer ----
    const stream: Sent[] = [];
    const nextMessageId = new Map<number, number>();
    let nextUpdateId = 880_000;
    let roundRobin = 0;
    let retried = 0;
    const slots = new Slots(CONCURRENT_DELIVERIES);
    let kill: { after: Sent; inFlight: Sent[]; posting: number[]; at: number } | null = null;
    let deliveredSinceKill = 0;
    let restart: Promise<void> | null = null;
    const scansAccepted = () => stream.filter((s) => s.kind === 'scan' && s.acceptedBy !== null).length;

    const scanOpenAt = (e: Endpoint) => stream.some((x) => x.kind === 'scan' && e.posting.has(x.updateId));
    const killA = (after: Sent) => {
      const a = endpoints[0] as Endpoint;
      if (kill !== null) return;
      // Not while a scan is open at A (see deliver()), nor once A has already answered everything it
      // was given (a fast machine answers a command within the 15 ms): try again on A's next command.
      if (scanOpenAt(a) || a.posting.size === 0) {
        killScheduled = false;
        return;
      }
      const inFlight = stream.filter((s) => s.acceptedBy === a.process.name && !s.answered());
      kill = { after, inFlight, posting: [...a.posting], at: performance.now() };
      a.process.kill('SIGKILL');
    };
    let killScheduled = false;

    const accepted = () => {
      if (kill !== null) {
        deliveredSinceKill += 1;
        // Then the killed one comes back (same data folder, same port) and the stream finishes on both.
        if (restart === null && deliveredSinceKill >= 5) {
          const a = endpoints[0] as Endpoint;
          restart = (async () => {
            await a.process.exited;
            a.previous.push(a.process);
            a.process = startProcess(a, a.previous.length);
            await a.process.waitFor(READY, 45_000);
            expect((await a.process.waitFor(/^Channels live: /, 5_000)).line.text, 'the restarted process\'s channels').toBe('Channels live: telegram.');
          })();
          // Awaited (and so reported) after the stream; marked handled meanwhile.
          restart.catch(() => undefined);
        }
        return;
      }
      // A webhook request is answered only once its update was acted on and answered (the adapter
      // waits), so what A has in hand at a kill is what it was still posting: see deliver().
    };

    const deliver = async (sent: Sent, update: Update): Promise<void> => {
      await slots.take();
      try {
        let target = roundRobin++ % 2;
        for (let attempt = 1; ; attempt++) {
          const e = endpoints[target] as Endpoint;
          const name = e.process.name;
          e.posting.add(update.update_id);
          // Mid-stream, once more than half the scans are in: A is killed while it works on a command
          // (a note, a forward, a decision) and has no scan open. Kills inside scans and albums, at
          // named points of the message path, are kill-points.test.ts's subject.
          if (name === 'A' && !killScheduled && ['note', 'forward', 'approve', 'newfile'].includes(sent.kind) && scansAccepted() > CAPTIONS.length / 2) {
            killScheduled = true;
            setTimeout(() => killA(sent), 15);
          }
          const result = await p.deliverToWebhook(`http://127.0.0.1:${e.port}/telegram/hook`, update, { secretToken, timeoutMs: 15_000 });
          e.posting.delete(update.update_id);
          sent.attempts.push(`${name}:${result.status ?? result.error ?? '?'}`);
          if (result.status === 200) {
            sent.acceptedBy = name;
            sent.acceptedAt = performance.now();
            accepted();
            return;
          }
          if (attempt >= 30) throw new Error(`update ${update.update_id} (${sent.label}) was taken by neither process: ${sent.attempts.join(', ')}`);
          retried += 1;
          target = 1 - target;
          await sleep(Math.min(500, 25 * attempt));
        }
      } finally {
        slots.give();
      }
    };

    /** Sends one update from a chat and waits for the answer that matches `answer`; null when none came. */
    const step = async (chat: number, kind: Kind, label: string, build: (messageId: number) => ReturnType<BotApiPeer['textMessage']>, answer: RegExp): Promise<{ message: PeerMessage; match: RegExpExecArray } | null> => {
      const messageId = nextMessageId.get(chat) ?? 1;
      nextMessageId.set(chat, messageId + 1);
      const body = build(messageId);
      const update = { ...body, update_id: nextUpdateId++ } as Update;
      const from = p.sentTo(chat).length;
      const find = () => {
        for (const m of p.sentTo(chat).slice(from)) {
          const match = answer.exec(textOf(m));
          if (match !== null) return { message: m, match };
        }
        return null;
      };
      const inboundId = 'callback_query' in update ? `cb:${update.callback_query.id}` : `${chat}:${messageId}`;
      const sent: Sent = { updateId: update.update_id, chat, kind, label, inboundId, attempts: [], acceptedBy: null, acceptedAt: 0, answered: () => find() !== null, answer: null, latencyMs: null, from };
      stream.push(sent);
      await deliver(sent, update);
      // Telegram does not post an update again once a process said 200: if that process has died
      // without answering, no answer will come (a short grace for a reply already on the wire).
      const taker = all.find((c) => c.name === sent.acceptedBy);
      let deadSince = 0;
      const hopeless = () => {
        if (taker?.alive !== false) return false;
        deadSince ||= performance.now();
        return performance.now() - deadSince > 1_000;
      };
      const found = await p.until(() => find() !== null || hopeless(), ANSWER_TIMEOUT_MS).then(() => find(), () => null);
      sent.answer = found?.message ?? null;
      if (found !== null) sent.latencyMs = Math.round(performance.now() - sent.acceptedAt);
      return found;
    };

    /** Notifications not yet delivered that the outbox will try within a minute (not leased by a dead process). */
    const dueSoon = async (employeeId?: number): Promise<number> => (await postgresRows<{ n: number }>(url,
      `SELECT count(*)::int AS n FROM "Outbox" WHERE "deliveredAt" IS NULL AND "nextAttemptAt" < now() + interval '1 minute' AND "employeeId" = ANY($1)`,
      [employeeId === undefined ? ourStaff() : [employeeId]]))[0]?.n ?? 0;
    let ourStaff = (): number[] => [];
    const text = (chat: number, words: string, replyTo?: number) => (id: number) => p.textMessage(chat, id, words, replyTo === undefined ? {} : { replyTo });

    // ---- 2. link the chats through the chat: "link <code>", then the OTP from the console ----
    // The chats link side by side; each OTP line names the masked mobile it went to (its last 4 digits).
    const roll = await postgresRows<{ id: number; code: string; mobile: string }>(url, 'SELECT id, code, mobile FROM "Employee"');
    const staff = new Map(roll.map((r) => [r.code, r.id]));
    await Promise.all([OFFICER, ...CLERKS].map(async (who) => {
      const mobile = roll.find((r) => r.code === who.code)?.mobile ?? '';
      const otpLine = new RegExp(`^\\[development OTP sender — not sent anywhere\\] to •+${escapeRe(mobile.slice(-4))}: (\\d{6}) is your Daftar OTP`);
      const marks = endpoints.map((e) => e.process.lines.length);
      const asked = await step(who.chat, 'link', `link ${who.code}`, text(who.chat, `link ${who.code}`), /demo mode: the OTP was not sent to any phone or e-mail — it is printed on the server console|डेमो मोड: OTP किसी फ़ोन या ई-मेल पर नहीं भेजा गया — वह सर्वर के कंसोल पर छपा है/);
      expect(asked, `link ${who.code} is answered`).not.toBeNull();
      const otp = await Promise.any(endpoints.map((e, i) => e.process.waitFor(otpLine, 5_000, marks[i])));
      const linked = await step(who.chat, 'otp', `OTP for ${who.code}`, text(who.chat, otp.match[1] ?? ''), /This chat is now linked to you/);
      expect(linked, `the OTP links ${who.code}`).not.toBeNull();
    }));
    const officerId = staff.get(OFFICER.code);
    ourStaff = () => [OFFICER, ...CLERKS].map((w) => staff.get(w.code) ?? 0);
    const links = stream.length;

    // ---- 3. the stream: scans, files, notes, forwards, approvals by reply, "my files" ----
    const notes: string[] = [];
    let scanNo = 0;
    const clerk = async (who: (typeof CLERKS)[number], index: number) => {
      await sleep(index * 120);
      for (let s = 0; s < SCANS_PER_CLERK; s++) {
        const k = scanNo++;
        const caption = `${CAPTIONS[k] ?? `Letter ${k}`} (scan ${k + 1})`;
        const fileId = p.addFile(scanBytes[k % 2] as Buffer, `photos/scan_${k + 1}.jpg`);
        // The answer to a scan is a receipt of that page alone, under its caption.
        const diarised = await step(who.chat, 'scan', `scan ${k + 1} by ${who.code}`, (id) => p.photoMessage(who.chat, id, fileId, { caption }),
          new RegExp(`^Receipt diarised: (\\S+)\nSubject: ${escapeRe(caption)}\nPages: 1\n`));
        const button = diarised?.message.buttons?.find((b) => b.callback_data.startsWith('/receipt.newfile'));
        if (diarised === null || button === undefined) continue;
        const receipt = diarised.match[1] ?? '';
        const opened = await step(who.chat, 'newfile', `new file from ${receipt}`, () => p.buttonPress(who.chat, diarised.message.messageId, button.callback_data),
          new RegExp(`^New file opened: ([A-Z]+-\\d+/\\d{4})\n(?:.*\n)*Attached: ${escapeRe(receipt)}\n`));
        if (opened === null) continue;
        const file = opened.match[1] ?? '';
        const note = `Put up for orders on ${caption.toLowerCase()}, checked by ${who.code}`;
        notes.push(note);
        await step(who.chat, 'note', `note on ${file}`, text(who.chat, `note: ${note}`), new RegExp(`Note \\d+ recorded on ${escapeRe(file)}`));
        await step(who.chat, 'forward', `${file} to ${OFFICER.code}`, text(who.chat, `send to ${OFFICER.code}`), new RegExp(`${escapeRe(file)} sent to`));
      }
      await step(who.chat, 'myfiles', `my files of ${who.code}`, text(who.chat, 'my files'), /pending with you|Nothing is pending with you/);
    };
    let clerksDone = false;
    /**
     * Waits until `ready()` (something to act on) or until no notification to `employeeId` (to any of
     * this test's staff when omitted) has been due for 1.5 s on end; 20 s at most. The quiet spell
     * covers a notice a live process has just claimed and is sending (claimed looks like leased); one
     * claimed by the killed process waits out its five-minute lease, beyond this test: reported below.
     */
    const quiet = async (ready: () => boolean, employeeId?: number): Promise<void> => {
      const until = performance.now() + 20_000;
      let quietSince = 0;
      while (performance.now() < until && !ready()) {
        if (await dueSoon(employeeId) > 0) quietSince = 0;
        else if ((quietSince ||= performance.now()) < performance.now() - 1_500) return;
        await sleep(150);
      }
    };
    const officer = async () => {
      const handled = new Set<number>();
      const unhandled = () => p.sentTo(OFFICER.chat).find((m) => !handled.has(m.messageId) && /File (\S+) has come to you/.test(textOf(m)));
      for (;;) {
        const notice = unhandled();
        if (notice !== undefined) {
          handled.add(notice.messageId);
          const file = /File (\S+) has come to you/.exec(textOf(notice))?.[1] ?? '';
          await step(OFFICER.chat, 'approve', `approval of ${file}`, text(OFFICER.chat, 'approved', notice.messageId), new RegExp(`${escapeRe(file)} approved and sent back to`));
          continue;
        }
        if (clerksDone) {
          await quiet(() => unhandled() !== undefined, officerId);
          if (unhandled() === undefined) break;
          continue;
        }
        await sleep(40);
      }
      await step(OFFICER.chat, 'myfiles', 'my files of the officer', text(OFFICER.chat, 'my files'), /pending with you|Nothing is pending with you/);
    };
    const streamStarted = performance.now();
    const officerRun = officer();
    await Promise.all(CLERKS.map((c, i) => clerk(c, i)));
    clerksDone = true;
    await officerRun;
    if (restart !== null) await restart;
    // The clerks hear of each approval (the notices go out through either process's outbox).
    const approvedFiles = stream.filter((s) => s.kind === 'approve' && s.answer !== null).map((s) => /approval of (\S+)/.exec(s.label)?.[1] ?? '');
    const approvalNotices = () => approvedFiles.filter((f) => CLERKS.some((c) => p.sentTo(c.chat).some((m) => textOf(m).includes(`File ${f} was approved by`))));
    await quiet(() => approvalNotices().length === approvedFiles.length);
    const streamMs = Math.round(performance.now() - streamStarted);

    // ---- 4. what happened ----
    const q = <T extends Record<string, unknown>>(sql: string, params: unknown[] = []) => postgresRows<T>(url, sql, params);
    const receipts = await q<{ diaryNumber: string; serial: number; subject: string; pages: number; fileId: number | null }>(
      'SELECT "diaryNumber", serial, subject, pages, "fileId" FROM "Receipt" ORDER BY serial');
    const files = await q<{ fileNumber: string; holderId: number }>('SELECT "fileNumber", "holderId" FROM "EFile" ORDER BY id');
    const noteRows = await q<{ text: string; decision: string | null }>('SELECT text, decision FROM "Note"');
    const audit = await q<{ type: string; n: number }>('SELECT type, count(*)::int AS n FROM "AuditEvent" GROUP BY type');
    const auditCount = (type: string) => audit.find((a) => a.type === type)?.n ?? 0;
    const inbound = await q<{ messageId: string; chatId: string; status: string; replies: string | null }>(
      'SELECT "messageId", "chatId", status, replies FROM "InboundMessage" WHERE channel = \'telegram\'');
    const drafts = await q<{ accountId: number; caption: string | null }>('SELECT "accountId", caption FROM "UploadDraft"');
    // The notifications to the staff of this test (the start-up digest queues one for an unlinked officer).
    const outbox = await q<{ id: number; employeeId: number | null; delivered: boolean; leased: boolean; attempts: number; payload: string }>(
      'SELECT id, "employeeId", "deliveredAt" IS NOT NULL AS delivered, "nextAttemptAt" > now() + interval \'1 minute\' AS leased, attempts, payload FROM "Outbox" WHERE "employeeId" = ANY($1) ORDER BY id',
      [ourStaff()]);
    const linkedChats = await q<{ address: string }>('SELECT address FROM "ChatAccount" WHERE channel = \'telegram\' AND "employeeId" IS NOT NULL');

    const sentScans = stream.filter((s) => s.kind === 'scan');
    const unanswered = stream.filter((s) => !s.answered());
    const late = stream.filter((s) => s.answer === null && s.answered());
    const inFlightAtKill = kill as { after: Sent; inFlight: Sent[]; posting: number[]; at: number } | null;
    const chats = [OFFICER.chat, ...CLERKS.map((c) => c.chat)];
    // The one thing that may come twice: the answer to an update A was posting when it died. A may
    // have acted and sent the answer but not yet said 200; Telegram's retry then reaches B, which
    // finds the update done and sends its stored answer again. Acted on once, answered once or
    // twice: the most any chat service can promise across a crash (the answer cannot be sent and
    // recorded as sent in one step). Every other message, every notification above all, only once.
    const killSnapshot = kill as { posting: number[] } | null;
    const mayRepeat = new Set(stream.filter((s) => killSnapshot?.posting.includes(s.updateId) === true && s.answer !== null)
      .map((s) => `${s.chat}\u0000${textOf(s.answer as PeerMessage)}`));
    const duplicates = chats.flatMap((chat) => {
      const seen = new Map<string, number>();
      for (const m of p.sentTo(chat)) seen.set(textOf(m), (seen.get(textOf(m)) ?? 0) + 1);
      return [...seen].filter(([t, n]) => n > (mayRepeat.has(`${chat}\u0000${t}`) ? 2 : 1))
        .map(([t, n]) => `${chat}: ${n}× ${JSON.stringify(t.slice(0, 120))}`);
    });
    const notices = chats.reduce((n, chat) => n + p.sentTo(chat).filter((m) => /has come to you|was approved by/.test(textOf(m))).length, 0);
    const audited = await DaftarProcess.run(['audit', 'verify'], envFor(url, path.join(root, 'data-audit'), { DAFTAR_DEMO: 'false' }));

    const figures = {
      startupMs,
      readyMs,
      streamMs,
      totalMs: Math.round(performance.now() - started),
      updatesSent: stream.length,
      linkUpdates: links,
      streamUpdates: stream.length - links,
      byKind: Object.fromEntries((['scan', 'newfile', 'note', 'forward', 'approve', 'myfiles'] as Kind[]).map((k) => [k, stream.filter((s) => s.kind === k).length])),
      answerMs: Object.fromEntries((['scan', 'newfile', 'note', 'forward', 'approve', 'myfiles'] as Kind[]).map((k) => {
        const ms = stream.filter((s) => s.kind === k && s.latencyMs !== null).map((s) => s.latencyMs as number).sort((a, b) => a - b);
        return [k, `median ${ms[Math.floor(ms.length / 2)] ?? '-'}, max ${ms.at(-1) ?? '-'}`];
      })),
      posts: p.webhookAttempts.length,
      retried,
      acceptedBy: Object.fromEntries(all.map((c) => [c.name, stream.filter((s) => s.acceptedBy === c.name).length])),
      killedAfter: inFlightAtKill === null ? null : `${inFlightAtKill.after.label} (update ${inFlightAtKill.after.updateId})`,
      inFlightAtKill: inFlightAtKill === null ? null : {
        takenButUnanswered: inFlightAtKill.inFlight.map((s) => `${s.updateId} ${s.label}, taken ${Math.round(inFlightAtKill.at - s.acceptedAt)} ms before the kill`),
        postsOpen: inFlightAtKill.posting,
      },
      receipts: receipts.length,
      files: files.length,
      notificationsQueued: outbox.length,
      notificationsDelivered: outbox.filter((o) => o.delivered).length,
      notificationsLeasedByTheKilled: outbox.filter((o) => !o.delivered && o.leased).length,
      noticesSeenByPeer: notices,
      unanswered: unanswered.map((s) => {
        // What the chat got next instead, if anything (e.g. a receipt under another scan's caption).
        const next = p.sentTo(s.chat).slice(s.from).find((m) => !/has come to you|was approved by/.test(textOf(m)));
        return `${s.updateId} ${s.label} → ${s.acceptedBy ?? 'not taken'} [${s.attempts.join(', ')}]${next === undefined ? '' : `; the chat got next: ${JSON.stringify(textOf(next).split('\n').slice(0, 3).join(' | '))}`}`;
      }),
      answeredAfterTheChatGaveUp: late.map((s) => `${s.updateId} ${s.label}`),
      leftoverUploadDrafts: drafts.map((d) => `account ${d.accountId}: ${d.caption ?? '(no caption)'}`),
      auditVerify: audited.output.split('\n').filter((l) => /OK|TAMPERED/.test(l)).join(' '),
    };
    console.log(`two-processes figures:\n${JSON.stringify(figures, null, 2)}`);
    for (const s of stream.filter((x) => x.answer === null || x.attempts.length > 1)) {
      console.log(`update ${s.updateId} ${s.label}: posts ${s.attempts.join(', ')}; ${s.answered() ? 'answered' : 'NO ANSWER'}`);
    }

    // The run did what it set out to: all ten scans sent, the kill happened with work in hand.
    expect(sentScans).toHaveLength(CAPTIONS.length);
    expect(inFlightAtKill, 'process A was killed mid-stream').not.toBeNull();
    expect(inFlightAtKill?.posting.length ?? 0, 'A had requests open when killed').toBeGreaterThan(0);
    expect(inFlightAtKill?.inFlight ?? [], 'nothing A had answered was left undone').toEqual([]);
    expect(linkedChats.map((c) => Number(c.address)).sort()).toEqual([...chats].sort());

    // Every update acted on exactly once.
    expect.soft(receipts.map((r) => r.diaryNumber), 'one receipt per scan, diary numbers gap-free')
      .toEqual(CAPTIONS.map((_c, i) => `SAH/R/${year}/${String(i + 1).padStart(6, '0')}`));
    expect.soft(receipts.map((r) => r.subject).sort(), 'each scan\'s caption is one receipt\'s subject, once')
      .toEqual(CAPTIONS.map((c, i) => `${c} (scan ${i + 1})`).sort());
    expect.soft(receipts.filter((r) => r.pages !== 1).map((r) => `${r.diaryNumber}: ${r.pages} pages`), 'no scan merged into another\'s receipt').toEqual([]);
    expect.soft(drafts, 'no scan left waiting as an upload draft').toEqual([]);
    const opened = stream.filter((s) => s.kind === 'newfile');
    expect.soft(files.length, 'one file per "new file" press').toBe(opened.length);
    expect.soft(receipts.filter((r) => r.fileId !== null).length, 'each opened file holds its receipt').toBe(opened.length);
    expect.soft(notes.map((n) => noteRows.filter((r) => r.text === n).length), 'each note recorded once').toEqual(notes.map(() => 1));
    expect.soft(auditCount('file.forwarded'), 'each forward done once').toBe(stream.filter((s) => s.kind === 'forward').length);
    expect.soft(auditCount('file.approved'), 'each approval done once').toBe(stream.filter((s) => s.kind === 'approve').length);
    expect.soft(auditCount('receipt.diarised')).toBe(receipts.length);
    expect.soft(auditCount('account.linked')).toBe(chats.length);
    // The assistant's own record: every update of the stream claimed once and finished with its answer.
    const byId = new Map(inbound.map((r) => [r.messageId, r]));
    expect.soft(stream.filter((s) => byId.get(s.inboundId)?.status !== 'done' || byId.get(s.inboundId)?.replies == null)
      .map((s) => `${s.updateId} ${s.label}: ${byId.get(s.inboundId)?.status ?? 'never recorded'}`), 'every update recorded as handled').toEqual([]);
    const sentIds = new Set(stream.map((s) => s.inboundId));
    expect.soft(inbound.filter((r) => !sentIds.has(r.messageId)).map((r) => r.messageId), 'nothing recorded that was not sent').toEqual([]);

    // Every update answered; no notification (nor any other message) twice in a chat.
    expect.soft(figures.unanswered, 'every update answered').toEqual([]);
    expect.soft(duplicates, 'no message sent twice to a chat').toEqual([]);
    // A notice the killed process had claimed waits out the claim's lease (bots/outbox/dispatcher.ts),
    // beyond this test: it is due again then, so it counts as on its way, not as lost.
    const approvalsLeasedByTheKilled = outbox.filter((o) => !o.delivered && o.leased && o.payload.includes('"kind":"file.approved"')).length;
    expect.soft(approvalNotices().length + approvalsLeasedByTheKilled, 'each clerk told of each approval (or about to be, after a dead claim)').toBe(approvedFiles.length);
    expect.soft(outbox.filter((o) => !o.delivered && !o.leased).map((o) => `${o.id}: ${o.payload.slice(0, 80)}`), 'every notification due has gone out').toEqual([]);

    // The audit chain is intact; neither process logged an error.
    expect.soft(audited.code, audited.output).toBe(0);
    expect.soft(all.flatMap(troubleIn), 'no error in either process\'s log').toEqual([]);
    expect.soft(endpoints[1]?.process.alive, 'the survivor is still running').toBe(true);
  }, 150_000);

  it.concurrent('refuses to long-poll Telegram in a second process while another polls the bot', async ({ expect, onTestFinished }) => {
    await gate;
    // A Bot API of its own: these processes poll (and first delete any webhook), the other test's use webhooks.
    const api = await BotApiPeer.start(TOKEN);
    onTestFinished(() => api.close());
    db2 = await freshPostgresDatabase();
    await seedLanguageCache(['P1', 'P2'].map((name) => path.join(root, `data-${name}`)));
    const polling = (name: string) => {
      const child = DaftarProcess.start(name, envFor(db2?.url ?? '', path.join(root, `data-${name}`), { DAFTAR_DEMO: 'false' }, api));
      children.push(child);
      return child;
    };
    const t0 = performance.now();
    const first = polling('P1');
    await first.waitFor(READY, 45_000);
    expect((await first.waitFor(/^Channels live: /, 5_000)).line.text).toBe('Channels live: telegram.');
    await first.waitFor(/Telegram: @daftar_test_bot is receiving messages \(long polling\)/, 5_000);

    const second = polling('P2');
    await second.waitFor(READY, 45_000);
    const refusal = second.lines.filter((l) => /Telegram is not started here/.test(l.text)).map((l) => l.text);
    expect(refusal).toEqual(['[error] Telegram is not started here: another Daftar process on this database is already polling the bot. Several processes need webhook mode (TELEGRAM_WEBHOOK_URL).']);
    expect((await second.waitFor(/^Channels live: /, 5_000)).line.text).toBe('Channels live: none.');
    expect(second.lines.some((l) => /receiving messages \(long polling\)/.test(l.text))).toBe(false);
    expect(first.lines.some((l) => /Telegram is not started here/.test(l.text))).toBe(false);
    const t1 = performance.now();
    await Promise.all([first.stop(), second.stop()]);
    console.log(`polling refusal: P1 ready and P2 refused in ${Math.round(t1 - t0)} ms; both stopped in ${Math.round(performance.now() - t1)} ms`);
  }, 120_000);
});
