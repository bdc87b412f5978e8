// A loopback Telegram Bot API for tests: speaks the wire format telegraf uses (POST
// /bot<token>/<method> with JSON or multipart bodies, GET /file/bot<token>/<path> for downloads),
// queues updates for long polling, and records every call so tests can assert what went out.
// Telegram's own refusals that matter to an adapter are reproduced (too long text, callback data
// over 64 bytes, a long caption, files over the 20 MB download limit, 429 with retry_after), and,
// when switched on with `enforceRates`, Telegram's published send limits: at most 30 messages in any
// second to all chats together, one a second per chat with short bursts (a token bucket: a burst of
// three, then one a second sustained, so a chat gets at most 3 + T messages in any T seconds), and at
// most 20 a minute in a group — exceeded, a send is refused with 429 and retry_after, as Telegram
// does, and what the 429 named (that chat, or the whole bot when the overall limit was broken) is
// refused again if it sends before retry_after is over. `rateLimitChat` refuses one chat's next sends
// the same way, for tests of what a 429 pauses.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Update } from 'telegraf/types';

/** The send limits the peer holds a bot to (see `enforceRates`). */
export interface PeerRates {
  /** Messages to all chats together within any 1,000 ms. */
  perSecond: number;
  /** Per chat: one token per 1/perChatPerSecond s, at most perChatBurst saved up. */
  perChatPerSecond: number;
  perChatBurst: number;
  /** Group chats (negative ids): at most this many within any 60,000 ms. Unset: no group limit. */
  perGroupPerMinute?: number;
  /** Seconds a refused send is told to wait. */
  retryAfter: number;
}

export const TELEGRAM_RATES: PeerRates = { perSecond: 30, perChatPerSecond: 1, perChatBurst: 3, perGroupPerMinute: 20, retryAfter: 1 };

/** Why a send was refused with 429: a limit it broke, or sent while an earlier 429's retry_after was not over. */
export type RefusedWhy = 'overall' | 'chat' | 'group' | 'early';

const SEND_METHODS = new Set(['sendMessage', 'sendDocument', 'sendPhoto']);

export interface PeerCall {
  method: string;
  params: Record<string, unknown>;
  /** Uploaded files of a multipart call, by field name. */
  files: Record<string, { filename: string; bytes: Buffer }>;
}

export interface PeerMessage {
  chatId: string;
  messageId: number;
  text?: string;
  caption?: string;
  document?: { filename: string; bytes: Buffer };
  buttons?: { text: string; callback_data: string }[];
}

type UpdateBody = Omit<Update.MessageUpdate, 'update_id'> | Omit<Update.CallbackQueryUpdate, 'update_id'>;

/** What a bot's last setWebhook asked for. */
export interface PeerWebhook {
  url: string;
  secretToken?: string;
  allowedUpdates?: string[];
}

/** One POST of an update to a webhook: its HTTP status, or the network error that stopped it. */
export interface WebhookAttempt {
  updateId: number;
  /** Where the request went (the local listener behind the public webhook URL). */
  endpoint: string;
  /** null when no response came (connection refused or reset, timeout). */
  status: number | null;
  error?: string;
  startedAt: number;
  endedAt: number;
}

const DOWNLOAD_LIMIT = 20 * 1024 * 1024;
const BOT = { id: 777000111, is_bot: true as const, first_name: 'Daftar', username: 'daftar_test_bot' };

export class BotApiPeer {
  readonly calls: PeerCall[] = [];
  readonly sent: PeerMessage[] = [];
  /** The highest offset a getUpdates call confirmed (every update below it is gone). */
  confirmedOffset = 0;
  private queue: Update[] = [];
  private nextUpdateId = 5000;
  private readonly messageIds = new Map<string, number>();
  private readonly files = new Map<string, { path: string; bytes: Buffer; size: number }>();
  private readonly pollers = new Set<() => void>();
  private readonly listeners = new Set<() => void>();
  private limited: { left: number; retryAfter: number; methods: string[] } = { left: 0, retryAfter: 1, methods: [] };
  private nextCallbackId = 1;
  private rates: PeerRates | null = null;
  private readonly recentSends: number[] = [];
  private readonly chatTokens = new Map<string, { tokens: number; at: number }>();
  private readonly groupSends = new Map<string, number[]>();
  /** After a 429: the chat (or, under '*', the whole bot) may not send before then (performance.now()). */
  private readonly blockedUntil = new Map<string, number>();
  private readonly chatLimited = new Map<string, { left: number; retryAfter: number }>();
  /** Sends refused with 429 because a rate in `enforceRates` was exceeded, or sent before a 429's retry_after was over. */
  readonly refusedForRate: { chatId: string; at: number; why: RefusedWhy }[] = [];
  /** Sends refused with 429 because `rateLimitChat` asked for it. */
  readonly refusedAsAsked: { chatId: string; at: number; retryAfter: number }[] = [];
  /** When each accepted send arrived (ms, performance.now()), with its chat. */
  readonly acceptedSends: { chatId: string; at: number }[] = [];

  /** Every webhook delivery made with `deliverToWebhook`, in the order they finished. */
  readonly webhookAttempts: WebhookAttempt[] = [];

  private constructor(private readonly server: http.Server, readonly token: string) {}

  static async start(token = '123456:TEST-loopback-token'): Promise<BotApiPeer> {
    const server = http.createServer();
    const peer = new BotApiPeer(server, token);
    server.on('request', (req, res) => {
      peer.serve(req, res).catch((error: unknown) => {
        res.writeHead(500).end(String(error));
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    return peer;
  }

  get apiRoot(): string {
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  async close(): Promise<void> {
    for (const wake of this.pollers) wake();
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  // ---- what the test does as "Telegram" ----

  /** Queues an update for the next getUpdates; returns its update_id. */
  push(update: UpdateBody, updateId = this.nextUpdateId++): number {
    this.queue.push({ ...update, update_id: updateId } as Update);
    for (const wake of this.pollers) wake();
    return updateId;
  }

  /** Stores a file the bot can fetch with getFile; `declaredSize` lets a test lie about the size. */
  addFile(bytes: Buffer, path: string, declaredSize = bytes.length): string {
    const fileId = `file-${this.files.size + 1}-${path.replace(/\W/g, '')}`;
    this.files.set(fileId, { path, bytes, size: declaredSize });
    return fileId;
  }

  /** Answers the next `count` calls of `methods` with HTTP 429 and parameters.retry_after. */
  rateLimitNext(count: number, retryAfter = 1, methods = ['sendMessage', 'sendDocument']): void {
    this.limited = { left: count, retryAfter, methods };
  }

  /**
   * Answers the next `count` sends to `chatId` with HTTP 429 and parameters.retry_after, and refuses
   * (as 'early') any send to that chat before each retry_after is over; other chats are not touched.
   */
  rateLimitChat(chatId: string | number, count: number, retryAfter: number): void {
    this.chatLimited.set(String(chatId), { left: count, retryAfter });
  }

  /** From now on, refuses sends over Telegram's rates with 429 (see PeerRates). */
  enforceRates(rates: PeerRates = TELEGRAM_RATES): void {
    this.rates = rates;
  }

  /** The webhook the bot set last (url, secret token), or null if it never set one or deleted it since. */
  webhook(): PeerWebhook | null {
    const last = [...this.calls].reverse().find((c) => c.method === 'setWebhook' || c.method === 'deleteWebhook');
    if (last === undefined || last.method === 'deleteWebhook' || typeof last.params.url !== 'string' || last.params.url === '') return null;
    const allowed = typeof last.params.allowed_updates === 'string' ? JSON.parse(last.params.allowed_updates) as string[] : last.params.allowed_updates as string[] | undefined;
    return {
      url: last.params.url,
      ...(typeof last.params.secret_token === 'string' ? { secretToken: last.params.secret_token } : {}),
      ...(allowed !== undefined ? { allowedUpdates: allowed } : {}),
    };
  }

  /**
   * Posts an update to a webhook as Telegram does (JSON body, the secret token in
   * X-Telegram-Bot-Api-Secret-Token, a fresh connection). `endpoint` is the http URL to connect to:
   * a test cannot serve the public https URL, so it names the listener behind it. Telegram counts
   * only a 2xx answer as delivered; anything else, or no answer, it tries again later, so this
   * never throws: it resolves with the status, or null and the network error.
   */
  async deliverToWebhook(endpoint: string, update: Update, options: { secretToken?: string; timeoutMs?: number } = {}): Promise<WebhookAttempt> {
    const body = Buffer.from(JSON.stringify(update), 'utf8');
    const startedAt = performance.now();
    const outcome = await new Promise<{ status: number | null; error?: string }>((resolve) => {
      const request = http.request(endpoint, {
        method: 'POST',
        agent: false,
        headers: {
          'content-type': 'application/json',
          'content-length': body.length,
          ...(options.secretToken !== undefined ? { 'x-telegram-bot-api-secret-token': options.secretToken } : {}),
        },
      }, (response) => {
        response.resume();
        response.on('end', () => resolve({ status: response.statusCode ?? null }));
        response.on('error', (error) => resolve({ status: null, error: describeNetError(error) }));
      });
      request.setTimeout(options.timeoutMs ?? 10_000, () => request.destroy(new Error('timed out')));
      request.on('error', (error) => resolve({ status: null, error: describeNetError(error) }));
      request.end(body);
    });
    const attempt: WebhookAttempt = { updateId: update.update_id, endpoint, ...outcome, startedAt, endedAt: performance.now() };
    this.webhookAttempts.push(attempt);
    for (const listener of [...this.listeners]) listener();
    return attempt;
  }

  callsTo(method: string): PeerCall[] {
    return this.calls.filter((c) => c.method === method);
  }

  sentTo(chatId: string | number): PeerMessage[] {
    return this.sent.filter((m) => m.chatId === String(chatId));
  }

  /**
   * Resolves once `test` holds, checking after every call and every few milliseconds (the adapter's
   * own state changes after a call's response); fails after `timeoutMs`.
   */
  async until(test: () => boolean, timeoutMs = 10_000): Promise<void> {
    if (test()) return;
    await new Promise<void>((resolve, reject) => {
      const stop = () => {
        clearTimeout(timer);
        clearInterval(ticker);
        this.listeners.delete(check);
      };
      const timer = setTimeout(() => {
        stop();
        reject(new Error(`bot-api-peer: condition not met within ${timeoutMs} ms; calls: ${this.calls.map((c) => c.method).join(', ')}`));
      }, timeoutMs);
      const check = () => {
        if (!test()) return;
        stop();
        resolve();
      };
      const ticker = setInterval(check, 5);
      this.listeners.add(check);
    });
  }

  // ---- update builders in Telegram's shapes ----

  private user(chatId: number, name: string) {
    return { id: chatId, is_bot: false as const, first_name: name, language_code: 'en' };
  }

  textMessage(chatId: number, messageId: number, text: string, extra: { replyTo?: number; name?: string } = {}): UpdateBody {
    const chat = { id: chatId, type: 'private' as const, first_name: extra.name ?? 'User' };
    return {
      message: {
        message_id: messageId, date: 1_764_050_000, chat, from: this.user(chatId, extra.name ?? 'User'), text,
        ...(extra.replyTo !== undefined ? { reply_to_message: { message_id: extra.replyTo, date: 1_764_049_000, chat, from: BOT, text: '…' } } : {}),
      },
    } as UpdateBody;
  }

  photoMessage(chatId: number, messageId: number, fileId: string, extra: { caption?: string; mediaGroupId?: string; size?: number } = {}): UpdateBody {
    const size = extra.size ?? this.sizeOf(fileId);
    return {
      message: {
        message_id: messageId, date: 1_764_050_000, chat: { id: chatId, type: 'private', first_name: 'User' }, from: this.user(chatId, 'User'),
        // Telegram sends every resolution it made; smallest first.
        photo: [
          { file_id: `${fileId}-thumb`, file_unique_id: 'thumb', width: 90, height: 120, file_size: 1200 },
          { file_id: fileId, file_unique_id: 'full', width: 1240, height: 1754, file_size: size },
        ],
        ...(extra.caption !== undefined ? { caption: extra.caption } : {}),
        ...(extra.mediaGroupId !== undefined ? { media_group_id: extra.mediaGroupId } : {}),
      },
    } as UpdateBody;
  }

  documentMessage(chatId: number, messageId: number, fileId: string, fileName: string, mime: string, extra: { caption?: string; size?: number } = {}): UpdateBody {
    return {
      message: {
        message_id: messageId, date: 1_764_050_000, chat: { id: chatId, type: 'private', first_name: 'User' }, from: this.user(chatId, 'User'),
        document: { file_id: fileId, file_unique_id: `u-${fileId}`, file_name: fileName, mime_type: mime, file_size: extra.size ?? this.sizeOf(fileId) },
        ...(extra.caption !== undefined ? { caption: extra.caption } : {}),
      },
    } as UpdateBody;
  }

  /** A press of an inline button under the bot's message `messageId`. */
  buttonPress(chatId: number, messageId: number, data: string): UpdateBody {
    return {
      callback_query: {
        id: `cbq-${this.nextCallbackId++}`, from: this.user(chatId, 'User'), chat_instance: 'ci-1', data,
        message: { message_id: messageId, date: 1_764_049_000, chat: { id: chatId, type: 'private', first_name: 'User' }, from: BOT, text: '…' },
      },
    } as UpdateBody;
  }

  private sizeOf(fileId: string): number {
    return this.files.get(fileId)?.size ?? 0;
  }

  // ---- the wire ----

  private async serve(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://peer');
    const body = await readBody(req);
    const download = /^\/file\/bot([^/]+)\/(.+)$/.exec(url.pathname);
    if (download !== null) return this.download(res, download[1] ?? '', decodeURIComponent(download[2] ?? ''));
    const api = /^\/bot([^/]+)\/(\w+)$/.exec(url.pathname);
    if (api === null) return json(res, 404, { ok: false, error_code: 404, description: 'Not Found' });
    if (api[1] !== this.token) return json(res, 401, { ok: false, error_code: 401, description: 'Unauthorized' });
    const method = api[2] ?? '';
    const call = await parseCall(method, req.headers['content-type'] ?? '', body, url.searchParams);
    this.record(call);
    if (this.limited.left > 0 && this.limited.methods.includes(method)) {
      this.limited.left -= 1;
      const after = this.limited.retryAfter;
      return json(res, 429, { ok: false, error_code: 429, description: `Too Many Requests: retry after ${after}`, parameters: { retry_after: after } });
    }
    if (SEND_METHODS.has(method)) {
      const after = this.refusal(String(call.params.chat_id));
      if (after !== null) {
        return json(res, 429, { ok: false, error_code: 429, description: `Too Many Requests: retry after ${after}`, parameters: { retry_after: after } });
      }
    }
    const answer = await this.answer(call, req);
    if ('error' in answer) return json(res, answer.status, { ok: false, error_code: answer.status, description: answer.error });
    return json(res, 200, { ok: true, result: answer.result });
  }

  /**
   * A send to `chatId`: the retry_after (seconds) to refuse it with, or null to let it through. A
   * refusal blocks what it names (the chat; the bot for the overall limit) until retry_after is over.
   */
  private refusal(chatId: string): number | null {
    const now = performance.now();
    const blocked = Math.max(this.blockedUntil.get(chatId) ?? 0, this.blockedUntil.get('*') ?? 0);
    if (now < blocked) {
      this.refusedForRate.push({ chatId, at: now, why: 'early' });
      return Math.ceil((blocked - now) / 1000);
    }
    const asked = this.chatLimited.get(chatId);
    if (asked !== undefined && asked.left > 0) {
      asked.left -= 1;
      this.refusedAsAsked.push({ chatId, at: now, retryAfter: asked.retryAfter });
      this.blockedUntil.set(chatId, now + asked.retryAfter * 1000);
      return asked.retryAfter;
    }
    if (this.rates === null) return null;
    const why = this.overRate(chatId, this.rates, now);
    if (why === null) return null;
    this.refusedForRate.push({ chatId, at: now, why });
    this.blockedUntil.set(why === 'overall' ? '*' : chatId, now + this.rates.retryAfter * 1000);
    return this.rates.retryAfter;
  }

  /** Takes a send against the limits; the limit it would break, or null (and then it is counted). */
  private overRate(chatId: string, rates: PeerRates, now: number): 'overall' | 'chat' | 'group' | null {
    while (this.recentSends.length > 0 && (this.recentSends[0] as number) <= now - 1000) this.recentSends.shift();
    if (this.recentSends.length >= rates.perSecond) return 'overall';
    const chat = this.chatTokens.get(chatId) ?? { tokens: rates.perChatBurst, at: now };
    chat.tokens = Math.min(rates.perChatBurst, chat.tokens + ((now - chat.at) / 1000) * rates.perChatPerSecond);
    chat.at = now;
    this.chatTokens.set(chatId, chat);
    if (chat.tokens < 1) return 'chat';
    const group = chatId.startsWith('-') && rates.perGroupPerMinute !== undefined
      ? (this.groupSends.get(chatId) ?? []).filter((t) => t > now - 60_000) : null;
    if (group !== null && group.length >= (rates.perGroupPerMinute as number)) return 'group';
    chat.tokens -= 1;
    if (group !== null) this.groupSends.set(chatId, [...group, now]);
    this.recentSends.push(now);
    this.acceptedSends.push({ chatId, at: now });
    return null;
  }

  private record(call: PeerCall): void {
    this.calls.push(call);
    for (const listener of [...this.listeners]) listener();
  }

  private async answer(call: PeerCall, req: http.IncomingMessage): Promise<{ result: unknown } | { status: number; error: string }> {
    const p = call.params;
    switch (call.method) {
      case 'getMe':
        return { result: { ...BOT, can_join_groups: false, can_read_all_group_messages: false, supports_inline_queries: false } };
      case 'deleteWebhook':
      case 'setWebhook':
      case 'answerCallbackQuery':
        return { result: true };
      case 'getUpdates':
        return { result: await this.getUpdates(Number(p.offset ?? 0), Number(p.limit ?? 100), Number(p.timeout ?? 0), req) };
      case 'getFile': {
        const file = this.files.get(String(p.file_id));
        if (file === undefined) return { status: 400, error: 'Bad Request: invalid file_id' };
        if (file.size > DOWNLOAD_LIMIT) return { status: 400, error: 'Bad Request: file is too big' };
        return { result: { file_id: p.file_id, file_unique_id: `u-${String(p.file_id)}`, file_size: file.size, file_path: file.path } };
      }
      case 'sendMessage': {
        const text = String(p.text ?? '');
        if (text.length === 0) return { status: 400, error: 'Bad Request: message text is empty' };
        if (text.length > 4096) return { status: 400, error: 'Bad Request: message is too long' };
        return this.sendOut(call, { text });
      }
      case 'sendDocument': {
        const caption = p.caption === undefined ? undefined : String(p.caption);
        if (caption !== undefined && caption.length > 1024) return { status: 400, error: 'Bad Request: message caption is too long' };
        const document = call.files.document;
        if (document === undefined) return { status: 400, error: 'Bad Request: there is no document in the request' };
        return this.sendOut(call, { document, ...(caption !== undefined ? { caption } : {}) });
      }
      default:
        return { status: 404, error: 'Not Found: method not found' };
    }
  }

  private sendOut(call: PeerCall, content: Omit<PeerMessage, 'chatId' | 'messageId'>): { result: unknown } | { status: number; error: string } {
    const chatId = String(call.params.chat_id);
    const markup = typeof call.params.reply_markup === 'string' ? JSON.parse(call.params.reply_markup) : call.params.reply_markup;
    const buttons = ((markup as { inline_keyboard?: { text: string; callback_data: string }[][] } | undefined)?.inline_keyboard ?? []).flat();
    if (buttons.some((b) => Buffer.byteLength(b.callback_data, 'utf8') > 64 || b.callback_data.length === 0)) {
      return { status: 400, error: 'Bad Request: BUTTON_DATA_INVALID' };
    }
    const messageId = (this.messageIds.get(chatId) ?? 100) + 1;
    this.messageIds.set(chatId, messageId);
    this.sent.push({ chatId, messageId, ...content, ...(buttons.length > 0 ? { buttons } : {}) });
    for (const listener of [...this.listeners]) listener();
    const chat = { id: Number(chatId), type: 'private', first_name: 'User' };
    const result: Record<string, unknown> = { message_id: messageId, date: 1_764_050_100, chat, from: BOT };
    if (content.text !== undefined) result.text = content.text;
    if (content.caption !== undefined) result.caption = content.caption;
    if (content.document !== undefined) {
      result.document = { file_id: `sent-${messageId}`, file_unique_id: `s-${messageId}`, file_name: content.document.filename, file_size: content.document.bytes.length };
    }
    if (markup !== undefined) result.reply_markup = markup;
    return { result };
  }

  private async getUpdates(offset: number, limit: number, timeoutSeconds: number, req: http.IncomingMessage): Promise<Update[]> {
    if (offset > this.confirmedOffset) {
      this.confirmedOffset = offset;
      this.queue = this.queue.filter((u) => u.update_id >= offset);
    }
    const ready = () => this.queue.filter((u) => u.update_id >= offset).slice(0, limit);
    if (ready().length > 0 || timeoutSeconds <= 0) return ready();
    // Long poll: hold the request until an update arrives, the timeout passes or the client leaves.
    await new Promise<void>((resolve) => {
      const done = () => {
        clearTimeout(timer);
        this.pollers.delete(done);
        req.socket.off('close', done);
        resolve();
      };
      const timer = setTimeout(done, timeoutSeconds * 1000);
      this.pollers.add(done);
      req.socket.once('close', done);
    });
    return ready();
  }

  private download(res: http.ServerResponse, token: string, path: string): void {
    this.record({ method: 'file:download', params: { path }, files: {} });
    if (token !== this.token) return json(res, 401, { ok: false, error_code: 401, description: 'Unauthorized' });
    const file = [...this.files.values()].find((f) => f.path === path);
    if (file === undefined) return json(res, 404, { ok: false, error_code: 404, description: 'Not Found' });
    res.writeHead(200, { 'content-type': 'application/octet-stream', 'content-length': file.bytes.length }).end(file.bytes);
  }
}

async function readBody(req: http.IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

async function parseCall(method: string, contentType: string, body: Buffer, query: URLSearchParams): Promise<PeerCall> {
  const params: Record<string, unknown> = Object.fromEntries(query);
  const files: PeerCall['files'] = {};
  if (contentType.startsWith('application/json') && body.length > 0) {
    Object.assign(params, JSON.parse(body.toString('utf8')) as Record<string, unknown>);
  } else if (contentType.startsWith('multipart/form-data')) {
    // undici's Request parses multipart/form-data exactly as a server would.
    const form = await new Request('http://peer/', { method: 'POST', headers: { 'content-type': contentType }, body }).formData();
    for (const [key, value] of form.entries()) {
      if (typeof value === 'string') params[key] = value;
      else files[key] = { filename: value.name, bytes: Buffer.from(await value.arrayBuffer()) };
    }
  }
  delete params.method; // telegraf repeats the method as a multipart field
  return { method, params, files };
}

function describeNetError(error: Error): string {
  const code = (error as NodeJS.ErrnoException).code;
  return code !== undefined ? `${code}: ${error.message}` : error.message;
}

function json(res: http.ServerResponse, status: number, payload: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(payload));
}
