// A stand-in for the whatsapp-web.js Client, since WhatsApp's servers cannot run in a test. Same
// event names and payload shapes as the library (node_modules/whatsapp-web.js/index.d.ts): 'qr'
// with the QR string, 'ready', 'auth_failure' with a message, 'disconnected' with a WAState or
// "LOGOUT", 'message' with a Message whose id is {fromMe, remote, id, _serialized}; media comes
// back as the library's own MessageMedia.
import { EventEmitter } from 'node:events';
import wwebjs from 'whatsapp-web.js';
import type { WhatsAppClientLike, WhatsAppMessageLike, WhatsAppSendOptions } from '../../../adapters/whatsapp/client-like.ts';

let serial = 0;
const nextKey = () => `3EB0${(++serial).toString(16).toUpperCase().padStart(16, '0')}`;

function messageId(fromMe: boolean, chatId: string) {
  const id = nextKey();
  return { fromMe, remote: chatId, id, _serialized: `${fromMe}_${chatId}_${id}` };
}

export interface SentByBot {
  chatId: string;
  content: string | wwebjs.MessageMedia;
  options: WhatsAppSendOptions | undefined;
  id: ReturnType<typeof messageId>;
}

export class FakeMessage implements WhatsAppMessageLike {
  readonly id: ReturnType<typeof messageId>;
  readonly to = 'me@c.us';
  readonly timestamp = 1_764_050_000;
  readonly isStatus: boolean;
  readonly hasMedia: boolean;
  readonly hasQuotedMsg: boolean;
  downloads = 0;

  constructor(
    readonly from: string,
    readonly body: string,
    readonly type: string,
    readonly fromMe = false,
    private readonly media: wwebjs.MessageMedia | 'expired' | null = null,
    private readonly quoted: { id: { _serialized: string } } | null = null,
  ) {
    this.id = messageId(fromMe, from);
    this.isStatus = from === 'status@broadcast';
    this.hasMedia = media !== null;
    this.hasQuotedMsg = quoted !== null;
  }

  async downloadMedia(): Promise<wwebjs.MessageMedia | undefined> {
    this.downloads += 1;
    // The library resolves undefined when WhatsApp no longer has the file.
    return this.media === null || this.media === 'expired' ? undefined : this.media;
  }

  async getQuotedMessage(): Promise<{ id: { _serialized: string } } | undefined> {
    return this.quoted ?? undefined;
  }
}

export class FakeWhatsAppClient extends EventEmitter implements WhatsAppClientLike {
  readonly sent: SentByBot[] = [];
  initialized = false;
  destroyed = false;

  constructor(private readonly failInitialize: Error | null = null) {
    super();
  }

  async initialize(): Promise<void> {
    if (this.failInitialize !== null) throw this.failInitialize;
    this.initialized = true;
  }

  async sendMessage(chatId: string, content: string | wwebjs.MessageMedia, options?: WhatsAppSendOptions): Promise<{ id: { _serialized: string } }> {
    if (this.destroyed) throw new Error('Protocol error: Target closed');
    const id = messageId(true, chatId);
    this.sent.push({ chatId, content, options, id });
    return { id };
  }

  async destroy(): Promise<void> {
    this.destroyed = true;
  }

  /** The phone scanned the QR code: the library emits qr, then authenticated, then ready. */
  link(): void {
    this.emit('qr', '2@fakeQrRef,staticKey=,identityKey=,advSecret=,1');
    this.emit('authenticated');
    this.emit('ready');
  }

  /** A message from a user arrives. */
  receive(from: string, body: string, extra: { type?: string; media?: wwebjs.MessageMedia | 'expired'; quoted?: { id: { _serialized: string } }; fromMe?: boolean } = {}): FakeMessage {
    const message = new FakeMessage(from, body, extra.type ?? (extra.media !== undefined ? 'image' : 'chat'), extra.fromMe ?? false, extra.media ?? null, extra.quoted ?? null);
    this.emit('message', message);
    return message;
  }

  textOf(i: number): string {
    const content = this.sent[i]?.content;
    return typeof content === 'string' ? content : (this.sent[i]?.options?.caption ?? '');
  }
}
