// A running `daftar start` (SQLite) with its three doors open — the Telegram webhook, the Bot
// Framework endpoint (Emulator mode: no app id, loopback only) and the embedded web chat — given a
// few hundred seeded-random bad inputs: Telegram updates of every wrong shape (wrong types, missing
// fields, huge numbers, deep garbage, unknown update kinds, text as an object, a button press with
// no message, 5,000-character and 100 KB texts, media_group_id on a text, empty photo arrays, bodies
// that are not JSON), Bot Framework activities likewise (text as object/array/number, no sender or
// conversation, unknown types, garbage attachments), and the hostile inputs the product already
// refuses: a text over 4,096 characters, a PNG declaring billions of pixels, a PDF with /OpenAction
// JavaScript, a file named ../../../../tmp/x.pdf, and X-Real-IP / X-Forwarded-For spoofing.
//
// Throughout, a probe — "my files" from a linked Telegram chat, answered 200 only once its reply has
// gone out — every ~200 ms must be answered within 1 s (the liveness property of issue 14). No
// answer may be a 5xx or carry the server's insides (exception names, stack frames, source paths);
// the process never exits; its log shows no uncaught or unhandled error.
import { describe, it } from 'vitest';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { BotApiPeer } from '../helpers/bot-api-peer.ts';
import { ConnectorPeer } from '../helpers/connector-peer.ts';
import { hugePng, openActionJsPdf } from '../helpers/hostile-files.ts';
import { REPO_ROOT } from './daftar-process.ts';
import { freePort, seedLanguageCache, sleep, sqliteRows, TelegramStandIn } from './harness.ts';
import { Incarnations, linkTelegramChat, officeEnv, otpFromConsole, TOKEN, WEBHOOK_SECRET, type Person } from './office-run.ts';

const SEED = Number(process.env.FUZZ_SEED ?? 14);
/**
 * The probe's chats, taken in turn: Telegram lets a bot send about one message a second to a chat
 * (the adapter paces itself to that), so one chat asked every 200 ms would be measuring the pacing.
 */
const PROBES: Person[] = ['SAH0035', 'SAH0042', 'SAH0047', 'SAH0007', 'SAH0031', 'SAH0033'].map((code) => ({ code, chat: 700_000 + Number(code.slice(3)) }));
/** Linked chats the bad inputs come from (so uploads are really checked), taken at random: each is paced by Telegram's limit too. */
const FUZZERS: Person[] = ['SAH0029', 'SAH0041', 'SAH0044', 'SAH0045'].map((code) => ({ code, chat: 700_000 + Number(code.slice(3)) }));
/** A Bot Framework (Emulator) chat linked to this employee; its attachments are checked as uploads. */
const BF_LINKED = { code: 'SAH0038', conversation: 'fuzz-linked-conversation', user: 'fuzz-linked-user' };
const PROBE_EVERY_MS = 200;
const PROBE_LIMIT_MS = 1_000;
/** Incarnations at most: the first, and a restart after each of a few crashes. */
const MAX_INCARNATIONS = 5;
/** Bad inputs in flight at once. */
const CONCURRENCY = 8;
/** Where a file named ../../../../tmp/x.pdf would land if a name were ever used as a path. */
const ESCAPED = '/tmp/x.pdf';

/** What no answer may carry: the server's exception words, stack frames, source paths. */
const INTERNAL = /TypeError|ReferenceError|SyntaxError|RangeError|is not a function|Cannot read prop|Unexpected token|\bat [\w.<>$]+ \(|\.[cm]?[jt]s:\d+|node_modules|\/work\/|\/tmp\/|\/home\/|\/srv\/|daftar\.db|SQLITE/;

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

/** Mulberry32: the same seed, the same inputs. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A query-string part of any text (a lone surrogate cannot be percent-encoded: it goes as "?"). */
const uriPart = (text: string) => encodeURIComponent(text.replace(/[\uD800-\uDFFF]/g, '?'));

interface Answer { status: number | null; body: string; error?: string; ms: number }

/** One HTTP request over a fresh connection; never throws: a network error is an answer too. */
function request(url: string, options: { method?: string; headers?: Record<string, string>; body?: string | Buffer; timeoutMs?: number } = {}): Promise<Answer> {
  const started = performance.now();
  return new Promise((resolve) => {
    const body = options.body === undefined ? undefined : Buffer.isBuffer(options.body) ? options.body : Buffer.from(options.body, 'utf8');
    const req = http.request(url, {
      method: options.method ?? 'POST', agent: false,
      headers: { ...(body !== undefined ? { 'content-length': String(body.length) } : {}), ...options.headers },
    }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? null, body: Buffer.concat(chunks).toString('utf8'), ms: performance.now() - started }));
      res.on('error', (e) => resolve({ status: null, body: '', error: e.message, ms: performance.now() - started }));
    });
    req.setTimeout(options.timeoutMs ?? 20_000, () => req.destroy(new Error('timed out')));
    req.on('error', (e) => resolve({ status: null, body: '', error: e.message, ms: performance.now() - started }));
    req.end(body);
  });
}

/** One bad input: what it is, and how to send it. */
interface Bad { door: 'telegram' | 'botframework' | 'webchat'; what: string; send: () => Promise<Answer>; expect?: (a: Answer) => string | null }

describe('a running Daftar under a few hundred malformed and hostile inputs', () => {
  it('answers each without a 5xx or its insides, never exits, and answers a probe within 1 s throughout', async ({ expect, onTestFailed }) => {
    const started = performance.now();
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'daftar-fuzz-'));
    const dataDir = path.join(root, 'data');
    await seedLanguageCache([dataDir]);
    const peer = await BotApiPeer.start(TOKEN);
    const connector = await ConnectorPeer.start();
    const ports = new Set<number>();
    const telegramPort = await freePort(ports);
    const webPort = await freePort(ports);
    const escapedBefore = fs.existsSync(ESCAPED) ? fs.statSync(ESCAPED).mtimeMs : null;
    const office = new Incarnations('fuzz', (extra) => officeEnv(dataDir, peer, telegramPort, {
      WEB_ENABLED: 'true', WEB_HOST: '127.0.0.1', WEB_PORT: String(webPort), ...extra,
    }), { peer }, MAX_INCARNATIONS);
    // A process that dies is started again (and the death reported with what was in hand), so that
    // one crash does not hide what the rest of the inputs would find.
    const crashes: { what: string; inHand: string[] }[] = [];
    office.onDeath = (d) => {
      const last = d.process.lines.filter((l) => l.stream === 'stderr').slice(-12).map((l) => l.text).find((t) => /Error\b/.test(t));
      crashes.push({ what: `${d.process.name} exited (${JSON.stringify({ code: d.code, signal: d.signal })}) with ${last ?? 'no error line'}`, inHand: [] });
    };
    /**
     * For a request that got no answer: whether the process died meanwhile (the connection is reset
     * a moment before the exit is seen), and if so it is counted among what that process had in hand.
     */
    const lostToCrash = async (deathsBefore: number, label: string): Promise<boolean> => {
      for (let i = 0; i < 20 && office.deaths.length === deathsBefore; i++) await sleep(50);
      if (office.deaths.length === deathsBefore) return false;
      crashes.at(-1)?.inHand.push(label);
      return true;
    };
    onTestFailed(() => console.log(`---- the process's log (last lines) ----\n${office.log(120)}`));
    office.start();
    try {
      const p = await office.ready();
      expect(p.lines.find((l) => /^Channels live: /.test(l.text))?.text).toBe('Channels live: botframework, telegram.');
      const hook = `http://127.0.0.1:${telegramPort}/telegram/hook`;
      const web = `http://127.0.0.1:${webPort}`;
      const telegram = new TelegramStandIn(peer, hook, WEBHOOK_SECRET, { giveUpMs: 10_000 });
      const dbFile = path.join(dataDir, 'daftar.db');
      const mobiles = new Map(sqliteRows<{ code: string; mobile: string }>(dbFile, 'SELECT code, mobile FROM "Employee"').map((r) => [r.code, r.mobile]));
      for (const who of [...PROBES, ...FUZZERS]) await linkTelegramChat(peer, telegram, office.all, who, mobiles.get(who.code) ?? '');

      // ---- a Bot Framework (Emulator) chat linked through the chat, replies caught by the connector peer ----
      let activityNo = 0;
      const activity = (extra: Record<string, unknown> = {}) => ({
        type: 'message', id: `fz-${++activityNo}`, serviceUrl: connector.url, channelId: 'emulator', timestamp: new Date().toISOString(),
        from: { id: BF_LINKED.user, name: 'Abhishek' }, conversation: { id: BF_LINKED.conversation }, recipient: { id: 'daftar-bot', name: 'Daftar' },
        text: 'help', ...extra,
      });
      const postActivity = (body: unknown, headers: Record<string, string> = {}) =>
        request(`${web}/api/messages`, { headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });
      const bfSay = async (text: string, answer: RegExp) => {
        const before = connector.received.length;
        const res = await postActivity(activity({ text }));
        expect(res.status, `"${text}" over the Bot Framework endpoint: ${res.body}`).toBe(200);
        const got = connector.received.slice(before).map((r) => r.activity.text ?? '');
        expect(got.some((t) => answer.test(t)), `"${text}" → ${JSON.stringify(got)}`).toBe(true);
      };
      await bfSay(`link ${BF_LINKED.code}`, /demo mode: the OTP was not sent to any phone or e-mail — it is printed on the server console|डेमो मोड: OTP किसी फ़ोन या ई-मेल पर नहीं भेजा गया — वह सर्वर के कंसोल पर छपा है/);
      await bfSay(otpFromConsole(office.all, mobiles.get(BF_LINKED.code) ?? '') ?? 'no OTP', /This chat is now linked to you/);

      // ---- a web chat tab (its session token), for activities through the page's door ----
      const session = await request(`${web}/webchat/session`, { headers: { 'content-type': 'application/json' }, body: '{}' });
      expect(session.status, session.body).toBe(200);
      const tab = JSON.parse(session.body) as { conversationId: string; token: string; userId: string };
      const webchatActivity = (extra: Record<string, unknown> = {}) => ({
        type: 'message', id: `wc-${++activityNo}`, channelId: 'webchat', from: { id: tab.userId }, conversation: { id: tab.conversationId },
        recipient: { id: 'daftar-bot' }, text: 'help', ...extra,
      });

      // ---- the probe: "my files" from a linked chat every ~200 ms, timed to its 200 ----
      const setupMs = Math.round(performance.now() - started);
      const probeFrom = new Map(PROBES.map((c) => [c.chat, peer.sentTo(c.chat).length]));
      const probe = { sent: 0, latencies: [] as number[], failures: [] as string[], lostToCrash: 0, running: true };
      let probeMessageId = 50_000;
      let probeUpdateId = 5_000_000;
      const probing = (async () => {
        while (probe.running) {
          await office.ready().catch(() => undefined);
          const chat = (PROBES[probe.sent % PROBES.length] as Person).chat;
          const update = { ...peer.textMessage(chat, ++probeMessageId, 'my files'), update_id: ++probeUpdateId };
          probe.sent += 1;
          const deaths = office.deaths.length;
          const res = await request(hook, {
            headers: { 'content-type': 'application/json', 'x-telegram-bot-api-secret-token': WEBHOOK_SECRET }, body: JSON.stringify(update), timeoutMs: 10_000,
          });
          if (res.status === null && await lostToCrash(deaths, `probe ${probe.sent}`)) {
            // Reported as the crash it is, not as slowness.
            probe.lostToCrash += 1;
            continue;
          }
          probe.latencies.push(res.ms);
          if (res.status !== 200) probe.failures.push(`probe ${probe.sent}: ${res.status ?? res.error} after ${Math.round(res.ms)} ms`);
          await sleep(Math.max(10, PROBE_EVERY_MS - res.ms));
        }
      })();

      // ---- the bad inputs ----
      const random = rng(SEED);
      const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
      const int = (n: number) => Math.floor(random() * n);
      const junkString = () => pick([
        '', ' ', '\u0000', '\uFFFF\uD800', 'null', '{"a":', '💥'.repeat(int(50)), 'मेरी फाइलें', '<script>alert(1)</script>', '${process.exit()}',
        "'; DROP TABLE \"Receipt\"; --", '../'.repeat(20), 'x'.repeat(int(3000)), String(random()),
      ]);
      const junk = (depth = 0): unknown => {
        const kind = int(depth > 6 ? 6 : 9);
        switch (kind) {
          case 0: return null;
          case 1: return pick([0, -1, 1e308, -1e308, 2 ** 53 + 1, 2 ** 64, 1e-300, -0, 123456789012345678901234567890]);
          case 2: return random() < 0.5;
          case 3: case 4: return junkString();
          case 5: return pick([[], {}, [[[]]], { '': '' }]);
          case 6: return Array.from({ length: int(5) }, () => junk(depth + 1));
          case 7: return Object.fromEntries(Array.from({ length: int(5) }, () => [pick(['text', 'chat', 'id', '__proto__', 'constructor', 'message', junkString()]), junk(depth + 1)]));
          default: {
            // Deep nesting: a chain of objects many levels down.
            let v: unknown = junkString();
            for (let i = 0; i < 40 + int(200); i++) v = { reply_to_message: v };
            return v;
          }
        }
      };
      let fuzzMessageId = 10_000;
      let fuzzUpdateId = 7_000_000;
      // Mostly chats never seen (each its own pace at Telegram), some the linked fuzzer's, a few groups.
      let strangers = 9_100_000;
      const fuzzer = () => pick(FUZZERS).chat;
      const someChat = () => pick([fuzzer(), ++strangers, ++strangers, ++strangers, -100_000_000 - ++strangers]);
      const baseMessage = (chat = someChat()) => ({
        message_id: ++fuzzMessageId, date: 1_764_050_000, chat: { id: chat, type: chat < 0 ? 'supergroup' : 'private', first_name: 'Fuzz' },
        from: { id: Math.abs(chat), is_bot: false, first_name: 'Fuzz' }, text: 'my files',
      });
      const scanFile = peer.addFile(fs.readFileSync(path.join(REPO_ROOT, 'test/fixtures/images/scan-portrait.jpg')), 'photos/fuzz.jpg');
      const hugePngFile = peer.addFile(Buffer.from(hugePng(100_000, 100_000)), 'documents/huge.png');
      const jsPdf = Buffer.from(await openActionJsPdf({ objectStreams: false }));
      const jsPdfFile = peer.addFile(jsPdf, 'documents/x.pdf');
      const tgPost = (body: string | Buffer, secret: string | null = WEBHOOK_SECRET, contentType = 'application/json') => request(hook, {
        headers: { 'content-type': contentType, ...(secret !== null ? { 'x-telegram-bot-api-secret-token': secret } : {}) }, body,
      });
      const tgUpdate = (update: unknown) => tgPost(JSON.stringify(update));

      const telegramCases: (() => Bad)[] = [
        () => {
          const m: Record<string, unknown> = baseMessage();
          m.text = junk();
          return { door: 'telegram', what: `text as ${typeof m.text === 'object' ? (Array.isArray(m.text) ? 'an array' : m.text === null ? 'null' : 'an object') : typeof m.text}`, send: () => tgUpdate({ update_id: ++fuzzUpdateId, message: m }) };
        },
        () => {
          const m: Record<string, unknown> = baseMessage();
          const field = pick(['chat', 'from', 'message_id', 'date', 'text']);
          delete m[field];
          return { door: 'telegram', what: `a message without ${field}`, send: () => tgUpdate({ update_id: ++fuzzUpdateId, message: m }) };
        },
        () => {
          const m = baseMessage() as Record<string, unknown> & { chat: Record<string, unknown> };
          const field = pick(['chat.id', 'chat.type', 'message_id', 'date', 'from', 'chat']);
          const value = junk();
          if (field === 'chat.id') m.chat.id = value;
          else if (field === 'chat.type') m.chat.type = value;
          else m[field] = value;
          return { door: 'telegram', what: `a message whose ${field} is ${JSON.stringify(value)?.slice(0, 40)}`, send: () => tgUpdate({ update_id: ++fuzzUpdateId, message: m }) };
        },
        () => {
          const kind = pick(['edited_message', 'channel_post', 'inline_query', 'poll', 'poll_answer', 'my_chat_member', 'chat_join_request', 'message_reaction', 'business_message', 'shipping_query', 'no_such_kind']);
          return { door: 'telegram', what: `an update of kind ${kind}`, send: () => tgUpdate({ update_id: ++fuzzUpdateId, [kind]: random() < 0.5 ? junk() : baseMessage() }) };
        },
        () => {
          const variant = int(5);
          const query: Record<string, unknown> = { id: `fz-cb-${++fuzzMessageId}`, from: { id: fuzzer(), is_bot: false, first_name: 'Fuzz' }, chat_instance: 'x', data: '/receipt.newfile SAH/R/2026/000001' };
          if (variant === 1) query.message = { message_id: 3, date: 1, text: '…' };
          if (variant === 2) { query.message = { message_id: 3, date: 1, chat: { id: fuzzer(), type: 'private' } }; query.data = junk(); }
          if (variant === 3) { query.message = junk(); }
          if (variant === 4) { query.message = { message_id: 3, date: 1, chat: { id: fuzzer(), type: 'private' } }; delete query.id; query.data = 'x'.repeat(5000); }
          return { door: 'telegram', what: `a button press ${['with no message', 'whose message has no chat', 'with junk data', 'with a junk message', 'with no id and 5,000 chars of data'][variant]}`, send: () => tgUpdate({ update_id: ++fuzzUpdateId, callback_query: query }) };
        },
        () => {
          const length = pick([4_097, 5_000, 100 * 1024]);
          const m = { ...baseMessage(pick([fuzzer(), ++strangers])), text: pick(['a', 'प', 'my files ']).repeat(length).slice(0, length) };
          return { door: 'telegram', what: `a text of ${length} characters`, send: () => tgUpdate({ update_id: ++fuzzUpdateId, message: m }) };
        },
        () => ({ door: 'telegram', what: 'media_group_id on a text', send: () => tgUpdate({ update_id: ++fuzzUpdateId, message: { ...baseMessage(), media_group_id: String(int(1e9)), text: pick(['my files', 'approved', junkString()]) } }) }),
        () => {
          const variant = int(3);
          const photo = variant === 0 ? [] : variant === 1 ? [{ file_id: scanFile, file_unique_id: 'u', width: junk(), height: junk() }] : junk();
          return { door: 'telegram', what: ['an empty photo array', 'a photo whose sizes are junk', 'a photo that is junk'][variant] ?? '', send: () => tgUpdate({ update_id: ++fuzzUpdateId, message: { ...baseMessage(fuzzer()), text: undefined, photo } }) };
        },
        () => {
          const body = pick<unknown>([null, 42, 'just a string', [], true, {}, [{ update_id: 1 }], { update_id: 'x' }, { update_id: 2 ** 64, message: baseMessage() }]);
          return { door: 'telegram', what: `an update that is ${JSON.stringify(body)?.slice(0, 40)}`, send: () => tgUpdate(body) };
        },
        () => {
          const body = pick(['not json', '{', '', '\u0000\u0001\u0002', '{"update_id": 1, "message": {"text": "x"', '[1,2,', Buffer.from([0xff, 0xfe, 0x00, 0x41]).toString('latin1')]);
          return { door: 'telegram', what: `a body that is not JSON: ${JSON.stringify(body.slice(0, 20))}`, send: () => tgPost(body) };
        },
        () => {
          const secret = pick([null, '', 'wrong', `${WEBHOOK_SECRET}x`]);
          return {
            door: 'telegram', what: `an update with ${secret === null ? 'no' : 'a wrong'} secret token`, send: () => tgPost(JSON.stringify({ update_id: ++fuzzUpdateId, message: baseMessage() }), secret),
            expect: (a) => (a.status === 403 ? null : `answered ${a.status}, not 403`),
          };
        },
        () => ({ door: 'telegram', what: 'junk nested deep in a message', send: () => tgUpdate({ update_id: ++fuzzUpdateId, message: { ...baseMessage(), reply_to_message: junk(7), entities: junk(), caption_entities: junk() } }) }),
        () => ({ door: 'telegram', what: 'a valid photo with junk around it', send: () => tgUpdate({ update_id: ++fuzzUpdateId, message: { ...baseMessage(fuzzer()), text: undefined, caption: random() < 0.5 ? junk() : 'Fuzzed scan', photo: [{ file_id: scanFile, file_unique_id: 'u', width: 1240, height: 1754, file_size: int(2) === 0 ? -5 : 1e12 }] } }) }),
      ];
      // The hostile files the product already refuses, from a linked chat (so they are really looked at).
      const document = (fileId: string, fileName: string, mime: string) => tgUpdate({
        update_id: ++fuzzUpdateId,
        message: { ...baseMessage(fuzzer()), text: undefined, document: { file_id: fileId, file_unique_id: `u-${fileId}`, file_name: fileName, mime_type: mime } },
      });
      const hostile: Bad[] = [
        { door: 'telegram', what: 'a PDF with /OpenAction JavaScript named ../../../../tmp/x.pdf', send: () => document(jsPdfFile, '../../../../tmp/x.pdf', 'application/pdf') },
        { door: 'telegram', what: 'a PNG declaring 100,000 × 100,000 pixels', send: () => document(hugePngFile, 'scan.png', 'image/png') },
        { door: 'telegram', what: 'a PNG declaring 10 gigapixels, as a photo', send: () => tgUpdate({ update_id: ++fuzzUpdateId, message: { ...baseMessage(fuzzer()), text: undefined, photo: [{ file_id: hugePngFile, file_unique_id: 'h', width: 100_000, height: 100_000 }] } }) },
        { door: 'telegram', what: 'a text of 4,097 characters from a linked chat', send: () => tgUpdate({ update_id: ++fuzzUpdateId, message: { ...baseMessage(fuzzer()), text: 'note: '.padEnd(4_097, 'x') } }) },
      ];

      const dataUrl = (mime: string, bytes: Buffer) => `data:${mime};base64,${bytes.toString('base64')}`;
      const hugePngUrl = dataUrl('image/png', Buffer.from(hugePng(100_000, 100_000)));
      const jsPdfUrl = dataUrl('application/pdf', jsPdf);
      const served = connector.serve('/attachments/x.pdf', jsPdf, 'application/pdf');
      const botframeworkCases: (() => Bad)[] = [
        () => {
          const field = pick(['text', 'id', 'channelId', 'locale', 'replyToId', 'timestamp', 'name', 'textFormat']);
          const value = pick<unknown>([{ $gt: '' }, [1, 2], 42, true, junk()]);
          return { door: 'botframework', what: `an activity whose ${field} is ${JSON.stringify(value)?.slice(0, 30)}`, send: () => postActivity(activity({ [field]: value })) };
        },
        () => {
          const field = pick(['from', 'conversation', 'type', 'serviceUrl', 'recipient']);
          const a: Record<string, unknown> = activity();
          delete a[field];
          return { door: 'botframework', what: `an activity without ${field}`, send: () => postActivity(a) };
        },
        () => {
          const type = pick<unknown>(['foo', '', 'invoke', 'event', 'typing', 'conversationUpdate', 'messageReaction', 'endOfConversation', 'installationUpdate', 5, null, ['message']]);
          return { door: 'botframework', what: `an activity of type ${JSON.stringify(type)}`, send: () => postActivity(activity({ type, membersAdded: random() < 0.5 ? junk() : [{ id: 'x' }], value: junk() })) };
        },
        () => {
          const attachments = pick<unknown>([
            'scan.jpg', [1, 2, 3], [{ contentType: 5 }], [{ contentUrl: 'data:,x' }], [{ contentType: 'image/png', contentUrl: 'file:///etc/passwd' }],
            [{ contentType: 'image/png', contentUrl: 'data:image/png;base64,%%%%' }], [{ contentType: 'image/png', contentUrl: 'data:image/png,%E0%A4%A' }],
            [{ contentType: 'image/png', contentUrl: 'http://169.254.169.254/latest/meta-data' }], [{ contentType: 'application/pdf', content: junk() }],
            [{ contentType: 'application/vnd.microsoft.teams.file.download.info', content: { downloadUrl: 'https://example.invalid/x', fileType: 'pdf' } }],
            [junk()], Array.from({ length: 50 }, () => ({ contentType: 'text/plain', content: 'x' })),
          ]);
          return { door: 'botframework', what: `attachments ${JSON.stringify(attachments)?.slice(0, 50)}`, send: () => postActivity(activity({ attachments, text: random() < 0.5 ? 'scan' : undefined })) };
        },
        () => ({ door: 'botframework', what: 'junk entities, channelData and value', send: () => postActivity(activity({ entities: junk(), channelData: pick<unknown>([{ postBack: true }, 'x', junk()]), value: junk(), text: random() < 0.5 ? junk() : 'my files' })) }),
        () => {
          const conversation = pick<unknown>([{ id: '' }, { id: 5 }, { id: BF_LINKED.conversation, isGroup: 'yes' }, { id: 'g', conversationType: 'groupChat' }, { id: 'x'.repeat(2_000) }, 'conv', junk()]);
          return { door: 'botframework', what: `conversation ${JSON.stringify(conversation)?.slice(0, 40)}`, send: () => postActivity(activity({ conversation })) };
        },
        () => {
          const length = pick([4_097, 5_000, 100 * 1024]);
          return { door: 'botframework', what: `a text of ${length} characters`, send: () => postActivity(activity({ text: 'x'.repeat(length) })) };
        },
        () => {
          const variant = int(5);
          const send = [
            () => request(`${web}/api/messages`, { headers: { 'content-type': 'text/plain' }, body: JSON.stringify(activity()) }),
            () => request(`${web}/api/messages`, { headers: { 'content-type': 'application/json' }, body: '{"type": "message",' }),
            () => request(`${web}/api/messages`, { headers: { 'content-type': 'application/json' }, body: '[]' }),
            () => request(`${web}/api/messages`, { method: 'GET' }),
            () => request(`${web}/api/messages`, { headers: { 'content-type': 'application/json' }, body: '' }),
          ][variant] as () => Promise<Answer>;
          return { door: 'botframework', what: ['a text/plain body', 'JSON cut short', 'an array body', 'a GET', 'an empty body'][variant] ?? '', send };
        },
        () => {
          const header = pick(['x-forwarded-for', 'x-real-ip', 'forwarded', 'true-client-ip', 'x-forwarded-host']);
          return {
            door: 'botframework', what: `an unauthenticated activity with a spoofed ${header}`, send: () => postActivity(activity({ text: 'my files' }), { [header]: header === 'forwarded' ? 'for=127.0.0.1' : '127.0.0.1' }),
            expect: (a) => (a.status === 401 ? null : `answered ${a.status}: an activity through a proxy must be refused (401)`),
          };
        },
        () => ({ door: 'botframework', what: 'a forged web chat token', send: () => postActivity(webchatActivity(), { authorization: `Bearer wc1.${Buffer.from(junkString()).toString('base64url')}` }), expect: (a) => (a.status === 401 ? null : `answered ${a.status}, not 401`) }),
      ];
      const bfHostile: Bad[] = [
        { door: 'botframework', what: 'a PDF with /OpenAction JavaScript named ../../../../tmp/x.pdf, inline', send: () => postActivity(activity({ text: undefined, attachments: [{ contentType: 'application/pdf', name: '../../../../tmp/x.pdf', contentUrl: jsPdfUrl }] })) },
        { door: 'botframework', what: 'the same PDF fetched from the connector', send: () => postActivity(activity({ text: undefined, attachments: [{ contentType: 'application/pdf', name: '../../../../tmp/x.pdf', contentUrl: served }] })) },
        { door: 'botframework', what: 'a PNG declaring 10 gigapixels, inline', send: () => postActivity(activity({ text: undefined, attachments: [{ contentType: 'image/png', name: 'scan.png', contentUrl: hugePngUrl }] })) },
        { door: 'botframework', what: 'a text of 4,097 characters from a linked chat', send: () => postActivity(activity({ text: 'note: '.padEnd(4_097, 'x') })) },
      ];
      const webchatCases: (() => Bad)[] = [
        () => ({ door: 'webchat', what: 'a web chat activity with junk fields', send: () => postActivity(webchatActivity({ [pick(['text', 'value', 'channelData', 'attachments', 'entities'])]: junk() }), { authorization: `Bearer ${tab.token}` }) }),
        () => ({ door: 'webchat', what: 'a web chat activity for another conversation', send: () => postActivity(webchatActivity({ conversation: { id: `${tab.conversationId}x` } }), { authorization: `Bearer ${tab.token}` }), expect: (a) => (a.status === 401 ? null : `answered ${a.status}, not 401`) }),
        () => ({ door: 'webchat', what: 'a web chat activity with a spoofed X-Forwarded-For', send: () => postActivity(webchatActivity({ text: 'my files' }), { authorization: `Bearer ${tab.token}`, 'x-forwarded-for': '10.0.0.1' }) }),
        () => ({ door: 'webchat', what: 'a web chat activity naming another sender and a foreign serviceUrl', send: () => postActivity(webchatActivity({ from: { id: 'someone-else' }, serviceUrl: 'http://169.254.169.254/' }), { authorization: `Bearer ${tab.token}` }) }),
        () => ({ door: 'webchat', what: 'a demo login with junk', send: () => request(`${web}/api/demo-login`, { headers: { 'content-type': 'application/json', authorization: `Bearer ${tab.token}` }, body: JSON.stringify({ conversationId: tab.conversationId, code: junk() }) }) }),
        () => ({ door: 'webchat', what: 'a long-poll with junk arguments', send: () => request(`${web}/webchat/activities?conversation=${uriPart(junkString())}&after=${uriPart(junkString())}`, { method: 'GET', headers: { authorization: `Bearer ${tab.token}` } }) }),
      ];

      // Every top-level shape that is not an update, each once (not left to chance).
      const notUpdates: Bad[] = [null, 42, 'just a string', [], true, {}, { update_id: 'x' }, [{ update_id: 1 }]].map((body) => ({
        door: 'telegram', what: `an update that is ${JSON.stringify(body)}`, send: () => tgUpdate(body),
      }));
      const inputs: Bad[] = [
        ...Array.from({ length: 162 }, () => pick(telegramCases)()),
        ...Array.from({ length: 120 }, () => pick(botframeworkCases)()),
        ...Array.from({ length: 24 }, () => pick(webchatCases)()),
      ];
      // The hostile files go in at random places in the stream, each twice; the non-updates once each.
      for (const h of [...hostile, ...bfHostile, ...hostile, ...bfHostile, ...notUpdates]) inputs.splice(int(inputs.length), 0, h);

      const problems: string[] = [];
      /** Answered 5xx (with a fixed body: allowed, the sender may try again; listed in the summary). */
      const fiveHundreds: string[] = [];
      const statuses = new Map<string, number>();
      let slowest = { ms: 0, what: '' };
      const queue = [...inputs];
      await Promise.all(Array.from({ length: CONCURRENCY }, async () => {
        for (let bad = queue.shift(); bad !== undefined; bad = queue.shift()) {
          await office.ready().catch(() => undefined);
          const label = `${bad.door}: ${bad.what}`;
          const deaths = office.deaths.length;
          const answer = await bad.send();
          if (answer.status === null && await lostToCrash(deaths, label)) continue; // reported with the crash
          const key = `${bad.door} ${answer.status ?? 'no answer'}`;
          statuses.set(key, (statuses.get(key) ?? 0) + 1);
          if (answer.ms > slowest.ms) slowest = { ms: Math.round(answer.ms), what: `${bad.door}: ${bad.what}` };
          if (answer.status === null) problems.push(`${bad.door}: ${bad.what}: no answer (${answer.error ?? '?'})`);
          else if (answer.status >= 500) fiveHundreds.push(`${bad.door}: ${bad.what}: ${answer.status} ${answer.body.slice(0, 80)}`);
          if (INTERNAL.test(answer.body)) problems.push(`${bad.door}: ${bad.what}: answered ${answer.status} carrying the server's insides: ${answer.body.slice(0, 200)}`);
          const wrong = bad.expect?.(answer) ?? null;
          if (wrong !== null) problems.push(`${bad.door}: ${bad.what}: ${wrong}`);
        }
      }));

      // ---- spoofed client addresses do not buy more web chat sessions than the address's burst ----
      const sessions: number[] = [];
      for (let i = 0; i < 14; i++) {
        const spoof: Record<string, string> = i % 2 === 0 ? { 'x-real-ip': `203.0.113.${i}` } : { 'x-forwarded-for': `198.51.100.${i}, 10.0.0.${i}` };
        const res = await request(`${web}/webchat/session`, { headers: { 'content-type': 'application/json', ...spoof }, body: '{}' });
        sessions.push(res.status ?? 0);
        if (INTERNAL.test(res.body)) problems.push(`web chat session with a spoofed address: the answer carries the server's insides: ${res.body.slice(0, 200)}`);
      }
      const granted = sessions.filter((s) => s === 200).length;

      probe.running = false;
      await probing;
      await sleep(300);
      const alive = office.current?.alive === true;
      const badInputs = inputs.length + sessions.length;
      const maxProbe = Math.round(Math.max(0, ...probe.latencies));
      const probeAnswers = PROBES.reduce((n, c) => n + peer.sentTo(c.chat).length - (probeFrom.get(c.chat) ?? 0), 0);
      const logLines = office.all.flatMap((x) => x.lines);
      const short = (t: string) => (t.length > 200 ? `${t.slice(0, 200)}…` : t);
      const uncaught = logLines.filter((l) => /uncaught|unhandled/i.test(l.text)).map((l) => short(l.text));
      const stacks = logLines.filter((l) => /^\s+at .+:\d+:\d+\)?$|^\w*Error\b/.test(l.text)).map((l) => short(l.text));
      const errors = logLines.filter((l) => /^\[error\]/.test(l.text)).map((l) => short(l.text));
      const originals = sqliteRows<{ filename: string; blob: string }>(dbFile, 'SELECT filename, blob FROM "ReceiptOriginal"');
      const receiptFiles = originals.map((r) => r.filename);
      // The refused files were never kept: not a receipt's original, not a blob on the disk.
      const refused = new Map([[sha256(jsPdf), 'the PDF with JavaScript'], [sha256(Buffer.from(hugePng(100_000, 100_000))), 'the 10-gigapixel PNG']]);
      const kept = [...refused].filter(([hash]) => originals.some((o) => o.blob === hash) || fs.existsSync(path.join(dataDir, 'blobs', hash.slice(0, 2), hash.slice(2))))
        .map(([, what]) => what);
      console.log(`fuzz: ${badInputs} bad inputs (seed ${SEED}; ${[...statuses].sort().map(([k, n]) => `${k}: ${n}`).join(', ')}), `
        + `${crashes.length} crash(es), setup ${Math.round(setupMs / 1000)} s, ${probe.sent} probes (${probe.lostToCrash} lost to a crash), max probe latency ${maxProbe} ms, slowest input ${slowest.ms} ms (${slowest.what}), web chat sessions granted ${granted} of ${sessions.length} spoofed, `
        + `${fiveHundreds.length} answered 5xx, ${errors.length} error lines, ${Math.round((performance.now() - started) / 1000)} s`);
      if (fiveHundreds.length > 0) console.log(`answered 5xx (fixed body):\n${fiveHundreds.join('\n')}`);

      expect.soft(crashes.map((c) => `${c.what}; its requests left unanswered: ${c.inHand.join(' / ') || 'none'}`), 'the process exited').toEqual([]);
      expect.soft(alive, 'the process is still running').toBe(true);
      expect.soft(problems, 'answers to the bad inputs').toEqual([]);
      expect.soft(maxProbe, `the slowest of ${probe.sent} probes (ms)`).toBeLessThanOrEqual(PROBE_LIMIT_MS);
      expect.soft(probe.failures, 'probes not answered 200').toEqual([]);
      expect.soft(probeAnswers, 'each probe got its answer').toBeGreaterThanOrEqual(probe.sent - probe.failures.length - probe.lostToCrash);
      expect.soft(uncaught, 'uncaught or unhandled errors in the log').toEqual([]);
      expect.soft(stacks, 'exceptions (stack traces) in the log').toEqual([]);
      expect.soft(errors, 'error lines in the log (a bad input is the sender\'s mistake: a warning at most)').toEqual([]);
      expect.soft(granted, `web chat sessions granted to one address however it claims to be others (${sessions.join(', ')})`).toBeLessThanOrEqual(10);
      expect.soft(kept, 'refused files kept all the same').toEqual([]);
      expect.soft(receiptFiles.filter((f) => f.includes('/') || f.includes('..')), 'stored file names that are paths').toEqual([]);
      expect.soft(fs.existsSync(ESCAPED) ? fs.statSync(ESCAPED).mtimeMs : null, `${ESCAPED} written`).toBe(escapedBefore);
    } finally {
      await office.stop();
      await connector.close();
      await peer.close();
      fs.rmSync(root, { recursive: true, force: true });
    }
  }, 240_000);
});
