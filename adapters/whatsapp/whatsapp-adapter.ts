// WhatsApp through whatsapp-web.js (WhatsApp Web in Chromium, linked to the office's phone by a
// QR code): messages in, the assistant's replies out with buttons as numbered options and
// documents as media. Translation only. A lost connection is retried with a fresh client, since a
// whatsapp-web.js client that was disconnected or logged out cannot be initialised again.
import wwebjs from 'whatsapp-web.js';
import qrcode from 'qrcode-terminal';
import type { ChatAccount } from '../../core/types.ts';
import { languageOfText, type ChannelAdapter, type ChannelHost } from '../../bots/channel.ts';
import { text as sayText } from '../../bots/messages/texts.ts';
import type { Button, Inbound, Reply } from '../../bots/reply.ts';
import type { WhatsAppClientLike, WhatsAppMessageLike } from './client-like.ts';
import { ChatOptions, withNumberedOptions } from './numbered-options.ts';

export const WHATSAPP_CHANNEL = 'whatsapp';
/** Scans come as photos or documents; voice notes, videos and stickers are not fetched. */
const FETCHED_MEDIA = new Set(['image', 'document']);
const CAPTION_LIMIT = 1024;

export interface WhatsAppAdapterOptions {
  host: ChannelHost;
  createClient: () => WhatsAppClientLike;
  /** Group chats are ignored unless allowed: a chat account is one person's identity. */
  allowGroups?: boolean;
  printQr?: (qr: string) => void;
  /** Reconnect delays double from the first to the most. */
  reconnectDelayMs?: { first: number; max: number };
}

/** Thrown by `start()` when the client cannot start (no browser, WhatsApp Web unreachable…). */
export class WhatsAppStartError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'WhatsAppStartError';
  }
}

const printQrOnTerminal = (qr: string) => qrcode.generate(qr, { small: true }, (rendered) => process.stdout.write(`${rendered}\n`));

export class WhatsAppAdapter implements ChannelAdapter {
  readonly channel = WHATSAPP_CHANNEL;
  private client: WhatsAppClientLike | null = null;
  private ready = false;
  private stopped = true;
  private failures = 0;
  private reconnectTimer: NodeJS.Timeout | null = null;
  private readonly chatOptions = new ChatOptions();
  private readonly inFlight = new Set<Promise<void>>();

  constructor(private readonly options: WhatsAppAdapterOptions) {}

  private get log() {
    return this.options.host.log;
  }

  async start(): Promise<void> {
    this.stopped = false;
    try {
      await this.connect();
    } catch (error) {
      this.stopped = true;
      await this.client?.destroy().catch(() => undefined);
      this.client = null;
      throw new WhatsAppStartError(`WhatsApp: the client could not start (${describe(error)}) — check WHATSAPP_CHROMIUM_PATH and that web.whatsapp.com is reachable`);
    }
  }

  async stop(): Promise<void> {
    this.stopped = true;
    this.ready = false;
    if (this.reconnectTimer !== null) clearTimeout(this.reconnectTimer);
    this.reconnectTimer = null;
    const client = this.client;
    this.client = null;
    await client?.destroy().catch((error: unknown) => this.log.warn(`WhatsApp: closing the client failed (${describe(error)})`));
    await this.settled();
  }

  /** Resolves when every message taken in so far has been answered. */
  async settled(): Promise<void> {
    while (this.inFlight.size > 0) await Promise.allSettled([...this.inFlight]);
  }

  /** Only while linked and connected; otherwise the dispatcher waits or uses another channel. */
  canReach(account: ChatAccount): boolean {
    return this.ready && account.channel === WHATSAPP_CHANNEL;
  }

  /** A notification. The dispatcher records the returned id; any other message sent for it is remembered here. */
  async send(account: ChatAccount, reply: Reply): Promise<{ messageId: string | null }> {
    const ids = await this.sendReply(account.address, reply, 1);
    if ((reply.buttons?.length ?? 0) > 0) this.chatOptions.set(account.address, reply.buttons ?? []);
    const last = ids.pop() ?? null;
    for (const id of ids) await this.options.host.rememberSent(WHATSAPP_CHANNEL, account.address, id, reply);
    return { messageId: last };
  }

  // ---- connection ----

  private async connect(): Promise<void> {
    const client = this.options.createClient();
    this.client = client;
    client.on('qr', (qr) => {
      if (client !== this.client) return;
      this.log.info('WhatsApp: link this server — on the office phone open WhatsApp → Linked devices → Link a device, and scan this code:');
      (this.options.printQr ?? printQrOnTerminal)(qr);
    });
    client.on('ready', () => {
      if (client !== this.client) return;
      this.ready = true;
      this.failures = 0;
      this.log.info('WhatsApp: connected and receiving messages');
    });
    client.on('auth_failure', (message) => {
      this.log.error(`WhatsApp: the saved session was refused (${message}); a new QR code will be shown — scan it to link again`);
      this.retry(client);
    });
    client.on('disconnected', (reason) => {
      this.log.warn(reason === 'LOGOUT'
        ? 'WhatsApp: the session was logged out from the phone; a new QR code will be shown — scan it to link again'
        : `WhatsApp: disconnected (${reason})`);
      this.retry(client);
    });
    client.on('message', (message) => this.accept(message));
    await client.initialize();
  }

  /** Replaces a client that is gone with a new one, after a delay that grows with each failure. */
  private retry(client: WhatsAppClientLike): void {
    // Events from a client already replaced (or after stop) are old news.
    if (client !== this.client || this.stopped) return;
    this.client = null;
    this.ready = false;
    void client.destroy().catch(() => undefined);
    this.failures += 1;
    const { first, max } = this.options.reconnectDelayMs ?? { first: 2_000, max: 5 * 60_000 };
    const delay = Math.min(max, first * 2 ** (this.failures - 1));
    this.log.info(`WhatsApp: reconnecting in ${Math.round(delay / 1000)} s (attempt ${this.failures})`);
    this.reconnectTimer = setTimeout(() => {
      this.reconnectTimer = null;
      if (this.stopped) return;
      this.connect().catch((error: unknown) => {
        this.log.error('WhatsApp: reconnecting failed', error);
        if (this.client !== null) this.retry(this.client);
      });
    }, delay);
  }

  // ---- receiving ----

  private accept(message: WhatsAppMessageLike): void {
    const work = this.handle(message).catch((error: unknown) => this.log.error('WhatsApp: answering a message failed', error));
    this.inFlight.add(work);
    void work.finally(() => this.inFlight.delete(work));
  }

  private async handle(message: WhatsAppMessageLike): Promise<void> {
    if (message.fromMe || message.isStatus || message.from === 'status@broadcast') return;
    if (message.from.endsWith('@g.us') && this.options.allowGroups !== true) return;
    const chatId = message.from;
    // WhatsApp does not hand a message over again after a crash: answers go through the outbox.
    const inbound: Inbound = { channel: WHATSAPP_CHANNEL, chatId, messageId: message.id._serialized, repliesViaOutbox: true };
    const pressed = message.hasMedia ? undefined : this.chatOptions.pick(chatId, message.body);
    if (pressed !== undefined) inbound.action = pressed;
    else if (message.body.trim() !== '') inbound.text = message.body;
    if (message.hasMedia && FETCHED_MEDIA.has(message.type)) {
      const media = await message.downloadMedia();
      if (media === undefined || media === null) {
        // WhatsApp no longer holds the file (or the phone is offline): ask for it again.
        this.log.warn('WhatsApp: a media message could not be downloaded');
        const lang = (await this.options.host.languageOf?.(WHATSAPP_CHANNEL, chatId, message.body)) ?? languageOfText(message.body);
        await this.deliver(chatId, [{ text: sayText('internalError', lang) }]);
        return;
      }
      const extension = media.mimetype.split('/')[1]?.split(';')[0] ?? 'bin';
      inbound.attachments = [{
        filename: media.filename ?? `whatsapp-${message.type}.${extension}`, mime: media.mimetype, bytes: Buffer.from(media.data, 'base64'),
      }];
      // WhatsApp sends the photos picked together as separate messages with no album id: a
      // caption-less one joins the chat's album still open (the assistant's album window).
      inbound.looseAlbums = true;
    }
    if (message.hasQuotedMsg) {
      try {
        const quoted = await message.getQuotedMessage();
        if (quoted !== undefined) inbound.replyToMessageId = quoted.id._serialized;
      } catch (error) {
        // Not fatal: the assistant falls back to the file the chat was working on.
        this.log.warn(`WhatsApp: the quoted message could not be read (${describe(error)})`);
      }
    }
    const replies = await this.options.host.assistant.handle(inbound);
    await this.deliver(chatId, replies);
  }

  // ---- sending ----

  /** Sends the replies in order, numbering buttons across them, and makes those numbers the chat's options. */
  private async deliver(chatId: string, replies: Reply[]): Promise<void> {
    const shown: Button[] = [];
    for (const reply of replies) {
      for (const id of await this.sendReply(chatId, reply, shown.length + 1)) {
        await this.options.host.rememberSent(WHATSAPP_CHANNEL, chatId, id, reply);
      }
      shown.push(...(reply.buttons ?? []));
    }
    this.chatOptions.set(chatId, shown);
  }

  private async sendReply(chatId: string, reply: Reply, firstNumber: number): Promise<string[]> {
    const client = this.client;
    if (client === null) throw new Error('WhatsApp is not connected');
    const text = withNumberedOptions(reply.text, reply.buttons, firstNumber).trim();
    const ids: string[] = [];
    if (reply.document !== undefined) {
      const doc = reply.document;
      const captioned = text.length <= CAPTION_LIMIT;
      const media = new wwebjs.MessageMedia(doc.mime, doc.base64, doc.filename);
      const sent = await client.sendMessage(chatId, media, { sendMediaAsDocument: true, ...(captioned && text !== '' ? { caption: text } : {}) });
      ids.push(sent.id._serialized);
      if (captioned) return ids;
    }
    if (text !== '') ids.push((await client.sendMessage(chatId, text)).id._serialized);
    return ids;
  }
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
