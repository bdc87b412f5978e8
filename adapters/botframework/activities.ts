// Bot Framework activities to and from the assistant's Inbound and Reply. Translation only.
import { randomUUID } from 'node:crypto';
import { TurnContext, type Activity, type Attachment, type CardAction } from 'botbuilder';
import type { Inbound, InboundAttachment, Reply } from '../../bots/reply.ts';

export const CHANNEL = 'botframework';

/**
 * A chat on the Bot Framework is a conversation and the person writing in it: in a Teams group chat
 * or channel everyone shares one conversation id, and a chat account is one person's identity. The
 * sender's id is URI-encoded, so the last "|" always separates it and any conversation id stays
 * readable (for `daftar unlink botframework <address>`). Accounts linked before the address named
 * the sender are kept under the bare conversation id: see BotFrameworkAdapter.chatIdOf.
 */
export function chatAddress(conversationId: string, senderId: string): string {
  return `${conversationId}|${encodeURIComponent(senderId)}`;
}

/** Teams marks group chats and channels both ways; other channels set isGroup. */
export function isGroupConversation(activity: Partial<Activity>): boolean {
  const conversation = activity.conversation;
  return conversation?.isGroup === true || conversation?.conversationType === 'groupChat' || conversation?.conversationType === 'channel';
}

/** How an attachment's bytes may be fetched for this turn (decided by who sent the activity). */
export interface AttachmentPolicy {
  /** Fetch http(s) contentUrls on this host (the serviceUrl's), with this Authorization header. */
  serviceHost: string | null;
  authorization: () => Promise<string | null>;
  /** Teams' pre-signed file download links: only for activities the Bot Framework service vouched for. */
  allowTeamsDownloads: boolean;
  maxBytes: number;
  warn: (message: string) => void;
}

/**
 * A button press arrives in one of the Bot Framework's ways:
 * - `value` is the command (a postBack from our suggested actions, Emulator and most channels);
 * - `value.command` (a messageBack, or an Adaptive Card's submit data);
 * - Web Chat and the Emulator post a postBack's string value as `text` flagged `channelData.postBack`;
 * - an imBack (Teams) is plain text that happens to be the command, which the assistant reads the same.
 */
export function actionOf(activity: Partial<Activity>): string | undefined {
  const value: unknown = activity.value;
  if (typeof value === 'string' && value.trim() !== '') return value.trim();
  if (value !== null && typeof value === 'object' && typeof (value as { command?: unknown }).command === 'string') {
    return (value as { command: string }).command.trim();
  }
  const channelData = activity.channelData as { postBack?: unknown } | undefined;
  if (channelData?.postBack === true && typeof activity.text === 'string') return activity.text.trim();
  return undefined;
}

export async function toInbound(activity: Activity, chatId: string, policy: AttachmentPolicy): Promise<Inbound> {
  const inbound: Inbound = {
    channel: CHANNEL,
    chatId,
    // The channel's own id makes a redelivery a repeat; an id-less activity can only be new.
    messageId: activity.id ?? randomUUID(),
  };
  const action = actionOf(activity);
  if (action !== undefined) inbound.action = action;
  else {
    // In Teams group chats the text carries "<at>Daftar</at>": that is addressing, not the message.
    const text = (activity.text ? TurnContext.removeRecipientMention(activity) ?? activity.text : '').trim();
    if (text !== '') inbound.text = text;
  }
  const files = await readAttachments(activity.attachments ?? [], policy);
  if (files.length > 0) inbound.attachments = files;
  if (activity.replyToId) inbound.replyToMessageId = activity.replyToId;
  if (activity.from?.name) inbound.senderName = activity.from.name;
  return inbound;
}

const TEAMS_FILE = 'application/vnd.microsoft.teams.file.download.info';
const EXTENSIONS: Record<string, string> = { 'image/jpeg': 'jpg', 'image/png': 'png', 'image/webp': 'webp', 'application/pdf': 'pdf' };
const MIME_OF_TYPE: Record<string, string> = { jpg: 'image/jpeg', jpeg: 'image/jpeg', png: 'image/png', webp: 'image/webp', pdf: 'application/pdf' };

/** Cards and Teams' HTML copy of the message body are presentation, not files. */
function isFile(a: Attachment): boolean {
  const type = a.contentType.toLowerCase();
  return !type.startsWith('application/vnd.microsoft.card.') && type !== 'text/html' && type !== 'text/plain';
}

async function readAttachments(attachments: Attachment[], policy: AttachmentPolicy): Promise<InboundAttachment[]> {
  const files: InboundAttachment[] = [];
  for (const [index, a] of attachments.entries()) {
    if (!isFile(a)) continue;
    const file = await readOne(a, policy).catch((error: unknown) => {
      policy.warn(`attachment ${index + 1} (${a.contentType}) could not be read: ${error instanceof Error ? error.message : String(error)}`);
      return null;
    });
    if (file === null) continue;
    const mime = file.mime.toLowerCase();
    files.push({ filename: a.name || `attachment-${index + 1}.${EXTENSIONS[mime] ?? 'bin'}`, mime, bytes: file.bytes });
  }
  return files;
}

async function readOne(a: Attachment, policy: AttachmentPolicy): Promise<{ mime: string; bytes: Uint8Array } | null> {
  if (a.contentType === TEAMS_FILE) {
    const info = a.content as { downloadUrl?: unknown; fileType?: unknown } | undefined;
    if (!policy.allowTeamsDownloads || typeof info?.downloadUrl !== 'string' || !info.downloadUrl.startsWith('https://')) {
      throw new Error('a Teams file link is only followed for activities from the Bot Framework service');
    }
    const mime = MIME_OF_TYPE[String(info.fileType).toLowerCase()] ?? 'application/octet-stream';
    return { mime, bytes: await download(info.downloadUrl, null, policy.maxBytes) };
  }
  const url = a.contentUrl;
  if (url?.startsWith('data:')) return decodeDataUrl(url, policy.maxBytes);
  if (url !== undefined && /^https?:\/\//i.test(url)) {
    // Only the connector that sent the activity is asked for its bytes: an activity cannot make
    // this server fetch from an address of the sender's choosing.
    if (policy.serviceHost === null || new URL(url).host !== policy.serviceHost) throw new Error('its URL is not on the connector that sent it');
    return { mime: a.contentType, bytes: await download(url, await policy.authorization(), policy.maxBytes) };
  }
  if (typeof a.content === 'string') {
    const bytes = Buffer.from(a.content, 'base64');
    if (bytes.length > policy.maxBytes) throw new Error('it is too large');
    return { mime: a.contentType, bytes };
  }
  return null;
}

export function decodeDataUrl(url: string, maxBytes: number): { mime: string; bytes: Uint8Array } {
  const match = /^data:([^;,]*)((?:;[^;,]*)*),(.*)$/s.exec(url);
  if (match === null) throw new Error('it is not a valid data: URL');
  const [, mime = '', params = '', data = ''] = match;
  if (Math.floor(data.length * 0.75) > maxBytes) throw new Error('it is too large');
  const bytes = params.split(';').includes('base64') ? Buffer.from(data, 'base64') : Buffer.from(decodeURIComponent(data), 'utf8');
  return { mime: mime || 'application/octet-stream', bytes };
}

async function download(url: string, authorization: string | null, maxBytes: number): Promise<Uint8Array> {
  const response = await fetch(url, {
    headers: authorization === null ? {} : { authorization },
    // The first address is checked above; fetch drops the Authorization header on a redirect elsewhere.
    redirect: 'follow',
    signal: AbortSignal.timeout(30_000),
  });
  if (!response.ok || response.body === null) throw new Error(`the connector answered ${response.status}`);
  const chunks: Uint8Array[] = [];
  let size = 0;
  for await (const chunk of response.body) {
    size += chunk.length;
    if (size > maxBytes) throw new Error('it is too large');
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}

/**
 * A reply as a message activity. Buttons become suggested actions carrying the command: Teams shows
 * only imBack there (the command is then posted as the user's text); elsewhere postBack keeps it out
 * of the transcript. A document goes inline as a data: URL, so nothing has to be hosted for it.
 */
export function toActivity(reply: Reply, channelId: string | undefined): Partial<Activity> {
  const activity: Partial<Activity> = { type: 'message', text: reply.text, textFormat: 'plain' };
  if (reply.buttons !== undefined && reply.buttons.length > 0) {
    const type = channelId === 'msteams' ? 'imBack' : 'postBack';
    const actions: CardAction[] = reply.buttons.map((b) => ({ type, title: b.label, value: b.command }));
    activity.suggestedActions = { to: [], actions };
  }
  if (reply.document !== undefined) {
    const { mime, base64, filename } = reply.document;
    activity.attachments = [{ contentType: mime, contentUrl: `data:${mime};base64,${base64}`, name: filename }];
  }
  return activity;
}
