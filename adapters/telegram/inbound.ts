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

/** null for an update of a kind Daftar does not take, or of a shape Telegram never sends. */
export function readUpdate(update: Update): Incoming | null {
  if (!isObject(update)) return null;
  if ('callback_query' in update) return wellFormedButton(update.callback_query) ? readButton(update.callback_query) : null;
  if ('message' in update) return wellFormedMessage(update.message) ? readMessage(update.message) : null;
  return null;
}

// The webhook is a public URL: what arrives there is checked against the shape Telegram sends
// before any field is read, so a forged or garbled body is ignored instead of failing inside.
const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isInt = (v: unknown): boolean => typeof v === 'number' && Number.isSafeInteger(v);
const optional = (v: unknown, check: (x: unknown) => boolean): boolean => v === undefined || check(v);
const isString = (v: unknown): boolean => typeof v === 'string';
const isChat = (v: unknown): boolean => isObject(v) && isInt(v.id) && isString(v.type);
const isUser = (v: unknown): boolean => isObject(v) && optional(v.first_name, isString) && optional(v.last_name, isString);
const isFileId = (v: unknown): boolean => isObject(v) && isString(v.file_id) && optional(v.file_size, isInt);

function wellFormedMessage(m: unknown): m is Message {
  if (!isObject(m) || !isInt(m.message_id) || !isChat(m.chat)) return false;
  const photosOk = optional(m.photo, (p) => Array.isArray(p) && p.every((x) => isFileId(x) && isInt((x as Record<string, unknown>).width) && isInt((x as Record<string, unknown>).height)));
  const documentOk = optional(m.document, (d) => isFileId(d) && optional((d as Record<string, unknown>).file_name, isString) && optional((d as Record<string, unknown>).mime_type, isString));
  const replyOk = optional(m.reply_to_message, (r) => isObject(r) && isInt(r.message_id));
  return optional(m.text, isString) && optional(m.caption, isString) && optional(m.media_group_id, isString)
    && optional(m.from, isUser) && photosOk && documentOk && replyOk;
}

function wellFormedButton(q: unknown): q is CallbackQuery {
  if (!isObject(q) || !isString(q.id) || !optional(q.from, isUser) || !optional(q.data, isString)) return false;
  return optional(q.message, (m) => isObject(m) && isInt(m.message_id) && isChat(m.chat));
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
