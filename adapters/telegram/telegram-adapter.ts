// Telegram through telegraf: updates in (long polling, or a webhook when a public URL is given),
// the assistant's replies out as messages, inline keyboards and documents. Translation only.
//
// Long polling: updates are handled concurrently and without holding up the next getUpdates (a slow
// scan must not hold up everyone else's chat). An update is confirmed to Telegram (the offset moves
// past it) only when it and every update before it have been handled and answered, so a crash
// leaves the unanswered ones with Telegram, which hands them over again at the next start; the
// assistant answers an update it already acted on from its record instead of doing it twice.
// Webhook: Telegram's request is answered only when the update has been acted on and its replies
// sent (Telegram posts each update on its own request, so albums still arrive side by side). A
// process that dies before answering leaves the update to Telegram's retry, which the load balancer
// may hand to another process: the inbound id, claimed in the transaction that acts, makes that
// retry either do the work or answer with the stored reply.
import http from 'node:http';
import { randomBytes } from 'node:crypto';
import { Input, Telegraf, TelegramError } from 'telegraf';
import type { Update } from 'telegraf/types';
import type { ChatAccount } from '../../core/types.ts';
import { languageOfText, type ChannelAdapter, type ChannelHost } from '../../bots/channel.ts';
import { failureText } from '../../bots/messages/failures.ts';
import { text as sayText } from '../../bots/messages/texts.ts';
import type { Reply } from '../../bots/reply.ts';
import { downloadFile } from './download.ts';
import { honourRetryAfter, retryAfterSeconds, TelegramFileTooLarge, TelegramStartError } from './errors.ts';
import { readUpdate, TELEGRAM_CHANNEL, type FileRef } from './inbound.ts';
import { failpoint } from '../../bots/failpoints.ts';
import { CallbackCommands, CAPTION_LIMIT, inlineKeyboard, splitText } from './render.ts';
import { SendPacer, TELEGRAM_LIMITS, type PaceLimits } from './send-pacer.ts';

export const TELEGRAM_API_ROOT = 'https://api.telegram.org';
/** The Bot API serves files up to 20 MB through getFile. */
export const TELEGRAM_DOWNLOAD_LIMIT = 20 * 1024 * 1024;
const ALLOWED_UPDATES = ['message', 'callback_query'] as const;
/** Long polling: how long an unanswered update may hold the confirmed offset back. */
const STUCK_UPDATE_MS = 5 * 60_000;

export interface TelegramWebhookOptions {
  /** The public https URL Telegram posts updates to; its path is where they are accepted. */
  url: string;
  /** Sent back by Telegram in X-Telegram-Bot-Api-Secret-Token; a request without it is refused (403). Random if not given. */
  secretToken?: string;
  /** Listen on this port (and host); without a port, mount `webhookHandler` on your own server. */
  port?: number;
  host?: string;
}

export interface TelegramAdapterOptions {
  token: string;
  host: ChannelHost;
  apiRoot?: string;
  webhook?: TelegramWebhookOptions;
  /** Uploads larger than this are refused before they are fetched (never above Telegram's 20 MB). */
  maxDownloadBytes?: number;
  /** Group chats are ignored unless allowed: a chat account is one person's identity. */
  allowGroups?: boolean;
  limits?: PaceLimits;
  /** How many times a send that got 429 is retried after waiting retry_after. */
  retries?: number;
  pollTimeoutSeconds?: number;
  sleep?: (ms: number) => Promise<void>;
}

type WebhookHandler = (req: http.IncomingMessage, res: http.ServerResponse, next?: () => void) => Promise<void>;

const realSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export class TelegramAdapter implements ChannelAdapter {
  readonly channel = TELEGRAM_CHANNEL;
  /** In webhook mode without a port: mount this on your HTTP server at the webhook URL's path. */
  webhookHandler: WebhookHandler | null = null;
  private readonly bot: Telegraf;
  private readonly pacer: SendPacer;
  private readonly commands = new CallbackCommands();
  private readonly inFlight = new Set<Promise<void>>();
  private readonly sleep: (ms: number) => Promise<void>;
  private readonly maxBytes: number;
  private polling: { abort: AbortController; done: Promise<void> } | null = null;
  private server: http.Server | null = null;
  private running = false;

  constructor(private readonly options: TelegramAdapterOptions) {
    this.sleep = options.sleep ?? realSleep;
    this.maxBytes = Math.min(options.maxDownloadBytes ?? TELEGRAM_DOWNLOAD_LIMIT, TELEGRAM_DOWNLOAD_LIMIT);
    // A 429 on a send is waited out and the send retried inside the pacer, which pauses only that
    // chat unless the 429 is the bot's (send-pacer.ts).
    this.pacer = new SendPacer(options.limits ?? TELEGRAM_LIMITS, undefined, {
      retries: options.retries ?? 3,
      retryAfterMs: (error) => {
        const seconds = retryAfterSeconds(error);
        return seconds === null ? null : seconds * 1000;
      },
      sleep: (ms) => this.sleep(ms),
      onRetryAfter: ({ ms, scope }) => this.log.warn(`Telegram: rate limited (429); ${scope === 'chat' ? 'that chat waits' : 'every chat waits'} ${ms / 1000} s as asked`),
    });
    // webhookReply off: every call is a real request whose result (message ids) we need.
    this.bot = new Telegraf(options.token, { telegram: { apiRoot: options.apiRoot ?? TELEGRAM_API_ROOT, webhookReply: false } });
    this.bot.use(async (ctx) => {
      if (this.options.webhook !== undefined) {
        await this.track(this.handle(ctx.update));
        failpoint('reply.before-ack');
      } else {
        this.accept(ctx.update);
      }
    });
    this.bot.catch((error) => this.log.error('Telegram: an update could not be taken in', error));
  }

  private get log() {
    return this.options.host.log;
  }

  async start(): Promise<void> {
    try {
      this.bot.botInfo = await this.bot.telegram.getMe();
    } catch (error) {
      if (error instanceof TelegramError && error.code === 401) {
        throw new TelegramStartError('token_refused', 'Telegram: the bot token was refused (401 Unauthorized) — check TELEGRAM_BOT_TOKEN');
      }
      // Telegram answers a token that is not even shaped like one with 404.
      if (error instanceof TelegramError && error.code === 404) {
        throw new TelegramStartError('token_refused', 'Telegram: the bot token was refused (404 Not Found: not a bot token) — check TELEGRAM_BOT_TOKEN');
      }
      throw new TelegramStartError('unreachable', `Telegram: the Bot API could not be reached (${describe(error)}) — check the network or TELEGRAM_API_ROOT`);
    }
    const webhook = this.options.webhook;
    try {
      if (webhook === undefined) await this.startPolling();
      else await this.startWebhook(webhook);
    } catch (error) {
      if (error instanceof TelegramStartError) throw error;
      throw new TelegramStartError('unreachable', `Telegram: receiving could not start (${describe(error)})`);
    }
    this.running = true;
    this.log.info(`Telegram: @${this.bot.botInfo.username} is receiving messages (${webhook === undefined ? 'long polling' : 'webhook'})`);
  }

  async stop(): Promise<void> {
    this.running = false;
    if (this.polling !== null) {
      this.polling.abort.abort();
      await this.polling.done;
      this.polling = null;
    }
    const server = this.server;
    this.server = null;
    if (server !== null) {
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      // Telegram keeps its connections open; idle ones would hold close() up.
      server.closeIdleConnections();
      await closed;
    }
    await this.settled();
  }

  /** Resolves when every update taken in so far has been answered. */
  async settled(): Promise<void> {
    while (this.inFlight.size > 0) await Promise.allSettled([...this.inFlight]);
  }

  canReach(account: ChatAccount): boolean {
    return this.running && account.channel === TELEGRAM_CHANNEL && /^-?\d+$/.test(account.address);
  }

  /** A notification. The dispatcher records the returned id; every other message sent for it is remembered here. */
  async send(account: ChatAccount, reply: Reply): Promise<{ messageId: string | null }> {
    const ids = await this.sendReply(account.address, reply);
    const last = ids.pop() ?? null;
    for (const id of ids) await this.options.host.rememberSent(TELEGRAM_CHANNEL, account.address, id, reply);
    return { messageId: last };
  }

  // ---- receiving ----

  private async startPolling(): Promise<void> {
    // A webhook left over from an earlier deployment would make getUpdates fail with 409.
    await this.bot.telegram.deleteWebhook();
    const abort = new AbortController();
    this.polling = { abort, done: this.poll(abort.signal) };
  }

  private async poll(signal: AbortSignal): Promise<void> {
    // Updates taken and not yet answered, and the highest id taken: the offset confirms only up to
    // the oldest unanswered one. Telegram hands the unconfirmed ones back on every getUpdates; those
    // already under way here are skipped.
    // An update still unanswered after STUCK_UPDATE_MS no longer holds the offset back: otherwise a
    // hung request would, after 100 more updates, keep every later one from being fetched.
    const pending = new Map<number, number>();
    let highest = -1;
    let confirmedTo = 0;
    const offsetNow = () => {
      const stuckBefore = Date.now() - STUCK_UPDATE_MS;
      for (const [id, since] of pending) {
        if (since >= stuckBefore) continue;
        pending.delete(id);
        this.log.warn(`Telegram: update ${id} is still being answered after ${STUCK_UPDATE_MS / 1000} s; later updates are confirmed past it`);
      }
      return pending.size > 0 ? Math.min(...pending.keys()) : highest + 1;
    };
    let failures = 0;
    while (!signal.aborted) {
      let updates: Update[];
      const offset = offsetNow();
      try {
        updates = await this.bot.telegram.callApi('getUpdates', {
          timeout: this.options.pollTimeoutSeconds ?? 50, offset, allowed_updates: [...ALLOWED_UPDATES],
        }, { signal: signal as never });
        failures = 0;
      } catch (error) {
        if (signal.aborted) break;
        if (error instanceof TelegramError && (error.code === 401 || error.code === 409)) {
          this.log.error(error.code === 401
            ? 'Telegram: the bot token was revoked (401 Unauthorized); receiving stopped — set a new TELEGRAM_BOT_TOKEN and restart'
            : 'Telegram: another process is receiving this bot\'s updates (409 Conflict); receiving stopped — run one instance per bot');
          this.running = false;
          return;
        }
        failures += 1;
        const waitMs = (retryAfterSeconds(error) ?? Math.min(60, 2 ** failures)) * 1000;
        this.log.warn(`Telegram: getUpdates failed (${describe(error)}); trying again in ${waitMs / 1000} s`);
        await Promise.race([this.sleep(waitMs), new Promise((resolve) => signal.addEventListener('abort', resolve, { once: true }))]);
        continue;
      }
      confirmedTo = offset;
      let fresh = 0;
      for (const update of updates) {
        if (update.update_id <= highest) continue;
        highest = update.update_id;
        fresh += 1;
        pending.set(update.update_id, Date.now());
        this.accept(update, () => pending.delete(update.update_id));
      }
      // Only updates still being answered came back: wait for one to finish (or a moment) rather
      // than asking again at once, which Telegram would answer at once with the same updates.
      if (fresh === 0 && pending.size > 0) {
        await Promise.race([this.settledOne(), realSleep(1_000), new Promise((resolve) => signal.addEventListener('abort', resolve, { once: true }))]);
      }
    }
    // Stopping: answer what was taken, then confirm it, so the next start does not receive it again.
    await this.settled();
    const offset = offsetNow();
    if (offset > confirmedTo) await this.bot.telegram.callApi('getUpdates', { offset, limit: 1, timeout: 0 }).catch(() => undefined);
  }

  /** Resolves when any update under way has been answered. */
  private settledOne(): Promise<unknown> {
    return this.inFlight.size === 0 ? Promise.resolve() : Promise.race([...this.inFlight].map((w) => w.catch(() => undefined)));
  }

  private async startWebhook(webhook: TelegramWebhookOptions): Promise<void> {
    const url = new URL(webhook.url);
    const secret = webhook.secretToken ?? randomBytes(24).toString('hex');
    try {
      // telegraf's handler refuses (403) any request whose secret token header is missing or wrong.
      const handler = await this.bot.createWebhook({
        domain: url.host, path: url.pathname, secret_token: secret, allowed_updates: [...ALLOWED_UPDATES],
      });
      // A body telegraf cannot take as an update (`null`, a bare number) makes it reject: answered 400
      // here, with nothing of the error, instead of a rejection nobody handles ending the process.
      this.webhookHandler = async (req, res, next) => {
        try {
          await handler(req, res, next);
        } catch (error) {
          this.log.warn(`Telegram: a webhook request was refused (${describe(error)})`);
          if (!res.headersSent) res.writeHead(400, { 'content-type': 'text/plain' });
          if (!res.writableEnded) res.end('bad update');
        }
      };
    } catch (error) {
      throw new TelegramStartError('webhook', `Telegram: setWebhook for ${url.origin}${url.pathname} failed (${describe(error)}) — check TELEGRAM_WEBHOOK_URL`);
    }
    if (webhook.port === undefined) return;
    const handler = this.webhookHandler;
    const server = http.createServer((req, res) => void handler(req, res).catch(() => undefined));
    await new Promise<void>((resolve, reject) => {
      server.once('error', (error) => reject(new TelegramStartError('webhook',
        `Telegram: cannot listen for the webhook on ${webhook.host ?? '*'}:${webhook.port} (${describe(error)}) — check TELEGRAM_WEBHOOK_PORT`)));
      server.listen(webhook.port, webhook.host, () => resolve());
    });
    this.server = server;
  }

  /** Long polling: handles the update without waiting for it; `done` runs when it has been answered (or failed). */
  private accept(update: Update, done?: () => void): void {
    void this.track(this.handle(update)
      .catch((error: unknown) => this.log.error('Telegram: answering an update failed', error))
      .finally(() => done?.()));
  }

  /** Counted while under way, so that stopping waits for it. */
  private track(work: Promise<void>): Promise<void> {
    this.inFlight.add(work);
    return work.finally(() => this.inFlight.delete(work));
  }

  private async handle(update: Update): Promise<void> {
    const incoming = readUpdate(update);
    if (incoming === null) return;
    const { inbound } = incoming;
    if (incoming.kind === 'button') {
      // Answered first: Telegram shows a spinner on the button until it is.
      await this.call(() => this.bot.telegram.answerCbQuery(incoming.callbackQueryId))
        .catch((error: unknown) => this.log.warn(`Telegram: answerCallbackQuery failed (${describe(error)})`));
      if (inbound.action !== undefined) inbound.action = await this.decode(inbound.chatId, inbound.action);
    }
    if (!incoming.privateChat && this.options.allowGroups !== true) return;
    if (incoming.kind === 'message' && incoming.file !== null) {
      const fetched = await this.fetch(incoming.file, inbound.chatId, inbound.text);
      if (typeof fetched === 'string') {
        await this.deliver(inbound.chatId, [{ text: fetched }]);
        return;
      }
      inbound.attachments = [{ filename: incoming.file.filename, mime: incoming.file.mime, bytes: fetched }];
    }
    const replies = await this.options.host.assistant.handle(inbound);
    await this.deliver(inbound.chatId, replies);
  }

  /** A button's command: as sent, or looked up by its token (here, or where any process stored it). */
  private async decode(chatId: string, data: string): Promise<string> {
    const known = this.commands.decode(data);
    if (known !== data || !CallbackCommands.isToken(data)) return known;
    return (await this.options.host.recallButton(TELEGRAM_CHANNEL, chatId, data)) ?? data;
  }

  /** The file's bytes, or what to tell the user when it cannot be had. */
  private async fetch(file: FileRef, chatId: string, caption: string | undefined): Promise<Uint8Array | string> {
    // Told in the reader's language: the linked employee's, else the caption's script.
    const lang = async () => (await this.options.host.languageOf?.(TELEGRAM_CHANNEL, chatId, caption)) ?? languageOfText(caption);
    try {
      return await this.call(() => downloadFile(this.bot.telegram, file, this.maxBytes));
    } catch (error) {
      const tooBig = error instanceof TelegramFileTooLarge || (error instanceof TelegramError && /file is too big/i.test(error.description));
      if (tooBig) {
        const params = { name: file.filename, maxMb: Math.floor(this.maxBytes / (1024 * 1024)) };
        return failureText('UPLOAD.TOO_LARGE', params, await lang());
      }
      this.log.error('Telegram: an upload could not be fetched', error);
      return sayText('internalError', await lang());
    }
  }

  // ---- sending ----

  private async deliver(chatId: string, replies: Reply[]): Promise<void> {
    for (const [i, reply] of replies.entries()) {
      if (i > 0) failpoint('reply.between-sends');
      for (const id of await this.sendReply(chatId, reply)) {
        await this.options.host.rememberSent(TELEGRAM_CHANNEL, chatId, id, reply);
      }
    }
  }

  /** Sends one reply as one or more Telegram messages (buttons on the last); returns their ids in order. */
  private async sendReply(chatId: string, reply: Reply): Promise<string[]> {
    const telegram = this.bot.telegram;
    for (const { token, command } of this.commands.tokens(reply.buttons)) {
      await this.options.host.rememberButton(TELEGRAM_CHANNEL, chatId, token, command);
    }
    const keyboard = inlineKeyboard(reply.buttons, this.commands);
    const markup = keyboard === undefined ? {} : { reply_markup: keyboard };
    const ids: string[] = [];
    let text = reply.text.trim();
    if (reply.document !== undefined) {
      const doc = reply.document;
      const captioned = text.length <= CAPTION_LIMIT;
      const sent = await this.paced(chatId, () => telegram.sendDocument(chatId, Input.fromBuffer(Buffer.from(doc.base64, 'base64'), doc.filename), {
        ...(captioned && text !== '' ? { caption: text } : {}), ...(captioned ? markup : {}),
      }));
      ids.push(String(sent.message_id));
      if (captioned) return ids;
    }
    // Telegram refuses an empty message; buttons alone still need a line to hang from.
    if (text === '' && keyboard !== undefined) text = '⬇';
    const parts = splitText(text);
    for (const [i, part] of parts.entries()) {
      const sent = await this.paced(chatId, () => telegram.sendMessage(chatId, part, i === parts.length - 1 ? markup : {}));
      ids.push(String(sent.message_id));
    }
    return ids;
  }

  private paced<T>(chatId: string, send: () => Promise<T>): Promise<T> {
    return this.pacer.run(chatId, send);
  }

  private call<T>(request: () => Promise<T>): Promise<T> {
    return honourRetryAfter(request, {
      retries: this.options.retries ?? 3,
      sleep: this.sleep,
      onRetryAfter: (seconds) => {
        // A request that names no chat: the 429 is the bot's.
        this.pacer.limited(null, seconds * 1000);
        this.log.warn(`Telegram: rate limited (429); every chat waits ${seconds} s as asked`);
      },
    });
  }
}

/** An error in one line without the token (telegraf already strips it from network errors). */
function describe(error: unknown): string {
  if (error instanceof TelegramError) return `${error.code}: ${error.description}`;
  return error instanceof Error ? error.message : String(error);
}
