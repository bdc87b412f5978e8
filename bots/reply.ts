// The channel-neutral shapes that cross between adapters and the assistant.

export interface InboundAttachment {
  filename: string;
  mime: string;
  bytes: Uint8Array;
}

/** One message from a chat, as every adapter translates it. */
export interface Inbound {
  channel: string;
  /** Where replies go back to (Telegram chat id, WhatsApp number, Bot Framework conversation…). */
  chatId: string;
  /** The channel's own id for this message or button press; a repeated id is answered, not redone. */
  messageId: string;
  text?: string;
  /** A button's command, when the message is a button press. */
  action?: string;
  attachments?: InboundAttachment[];
  /** The id of the bot's message this one replies to, when the channel says so. */
  replyToMessageId?: string;
  /**
   * The channel's album this message is one page of (Telegram's media_group_id): its pages become
   * one receipt when the album has been quiet for the album window.
   */
  albumId?: string;
  /**
   * The channel has no album ids and sends several pages as separate messages (WhatsApp): a page
   * without a caption joins the chat's album still open; a captioned page starts one.
   */
  looseAlbums?: boolean;
  /**
   * The channel never hands a message over again (WhatsApp): its answer is queued in the outbox in
   * the transaction that acted, and the dispatcher sends it, so a crash between the commit and the
   * send delays the answer instead of losing it (and the user resending would do the work twice).
   * Channels that redeliver (Telegram, web chat) get the answer back from the assistant and, after a
   * crash, from the stored record on redelivery.
   */
  repliesViaOutbox?: boolean;
  senderName?: string;
}

export interface Button {
  label: string;
  /** Sent back as the inbound `action` when pressed (and typed by hand on WhatsApp). */
  command: string;
}

export interface ReplyDocument {
  filename: string;
  mime: string;
  /** The bytes, base64. */
  base64: string;
}

export interface Reply {
  text: string;
  buttons?: Button[];
  document?: ReplyDocument;
  /** What the message is about; stored with its channel message id so a reply to it is linked. */
  subject?: { type: string; id: string };
}
