// Telegram updates in the assistant's words. Ids are built from the chat and Telegram's message id
// (or the callback query id), never from update_id, so a redelivered update is the same message.
import type { CallbackQuery, Message, Update } from 'telegraf/types';
import type { Inbound } from '../../bots/reply.ts';

export const TELEGRAM_CHANNEL = 'telegram';

/** A file the message carries, before it is fetched. */
export interface FileRef {
  fileId: string;
  /** As Telegram declared it in the message; absent for some old documents. */
  size: number | undefined;
  filename: string;
  mime: string;
}

export type Incoming =
  | { kind: 'message'; inbound: Inbound; file: FileRef | null; privateChat: boolean }
  | { kind: 'button'; inbound: Inbound; callbackQueryId: string; privateChat: boolean };

export function readUpdate(update: Update): Incoming | null {
  if ('callback_query' in update) return readButton(update.callback_query);
  if ('message' in update) return readMessage(update.message);
  return null;
}

function readMessage(message: Message): Incoming {
  const chatId = String(message.chat.id);
  const text = 'text' in message ? message.text : 'caption' in message ? message.caption : undefined;
  const replyTo = 'reply_to_message' in message ? message.reply_to_message?.message_id : undefined;
  // Photos and documents sent together arrive as separate messages sharing media_group_id.
  const album = 'media_group_id' in message && typeof message.media_group_id === 'string' ? message.media_group_id : undefined;
  const inbound: Inbound = {
    channel: TELEGRAM_CHANNEL,
    chatId,
    messageId: `${chatId}:${message.message_id}`,
    ...(text !== undefined ? { text } : {}),
    ...(replyTo !== undefined ? { replyToMessageId: String(replyTo) } : {}),
    ...(album !== undefined ? { albumId: `${chatId}:${album}` } : {}),
    ...senderName(message.from),
  };
  return { kind: 'message', inbound, file: fileOf(message), privateChat: message.chat.type === 'private' };
}

function readButton(query: CallbackQuery): Incoming | null {
  const message = query.message;
  if (message === undefined || !('data' in query)) return null;
  const chatId = String(message.chat.id);
  const inbound: Inbound = {
    channel: TELEGRAM_CHANNEL,
    chatId,
    messageId: `cb:${query.id}`,
    action: query.data,
    // The message the button sits under is what the press is about.
    replyToMessageId: String(message.message_id),
    ...senderName(query.from),
  };
  return { kind: 'button', inbound, callbackQueryId: query.id, privateChat: message.chat.type === 'private' };
}

function senderName(from: { first_name: string; last_name?: string } | undefined): { senderName?: string } {
  if (from === undefined) return {};
  const name = [from.first_name, from.last_name].filter((p) => p !== undefined && p !== '').join(' ');
  return name === '' ? {} : { senderName: name };
}

function fileOf(message: Message): FileRef | null {
  if ('photo' in message) {
    // Telegram sends the photo in several resolutions; the scan needs the largest.
    const largest = message.photo.reduce<(typeof message.photo)[number] | undefined>(
      (best, p) => (best === undefined || p.width * p.height > best.width * best.height ? p : best), undefined);
    if (largest === undefined) return null;
    return { fileId: largest.file_id, size: largest.file_size, filename: `photo-${message.message_id}.jpg`, mime: 'image/jpeg' };
  }
  if ('document' in message) {
    const d = message.document;
    return {
      fileId: d.file_id, size: d.file_size, filename: d.file_name ?? `document-${message.message_id}`,
      mime: d.mime_type ?? 'application/octet-stream',
    };
  }
  return null;
}
