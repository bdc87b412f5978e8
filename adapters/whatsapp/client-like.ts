// The part of whatsapp-web.js the adapter uses, as a narrow interface: the real Client satisfies it
// (see wwebjs-client.ts), and tests drive a fake with the same event names and payloads, since
// WhatsApp's servers cannot run in a test.
import type { MessageMedia } from 'whatsapp-web.js';

export interface WhatsAppMessageId {
  _serialized: string;
}

/** What `downloadMedia()` gives: base64 data with its type (whatsapp-web.js `MessageMedia`). */
export interface WhatsAppMedia {
  mimetype: string;
  data: string;
  filename?: string | null;
}

export interface WhatsAppMessageLike {
  id: WhatsAppMessageId;
  /** The chat it came from: "<number>@c.us" (or "@lid") for a person, "@g.us" for a group. */
  from: string;
  /** The text, or a media message's caption. */
  body: string;
  fromMe: boolean;
  isStatus: boolean;
  /** "chat", "image", "document", "video", "ptt", "sticker"… */
  type: string;
  hasMedia: boolean;
  hasQuotedMsg: boolean;
  /** Resolves to undefined (or null) when WhatsApp no longer has the media. */
  downloadMedia(): Promise<WhatsAppMedia | undefined | null>;
  getQuotedMessage(): Promise<{ id: WhatsAppMessageId } | undefined>;
}

export interface WhatsAppSendOptions {
  caption?: string;
  sendMediaAsDocument?: boolean;
}

export interface WhatsAppClientLike {
  on(event: 'qr', listener: (qr: string) => void): this;
  on(event: 'ready', listener: () => void): this;
  on(event: 'auth_failure', listener: (message: string) => void): this;
  on(event: 'disconnected', listener: (reason: string) => void): this;
  on(event: 'message', listener: (message: WhatsAppMessageLike) => void): this;
  initialize(): Promise<void>;
  sendMessage(chatId: string, content: string | MessageMedia, options?: WhatsAppSendOptions): Promise<{ id: WhatsAppMessageId }>;
  destroy(): Promise<void>;
}
