// Replies as Telegram can carry them: text within 4096 characters per message, captions within
// 1024, and buttons whose callback_data fits Telegram's 64 bytes.
import { createHash } from 'node:crypto';
import type { Button } from '../../bots/reply.ts';

export const MESSAGE_LIMIT = 4096;
export const CAPTION_LIMIT = 1024;
const CALLBACK_DATA_BYTES = 64;
/** Starts with "/" so that a forgotten token falls to the router's "not understood", never to a guess. */
const TOKEN_PREFIX = '/~';

/** Splits text into messages of at most `limit` characters, at line breaks where it can, then at spaces. */
export function splitText(text: string, limit = MESSAGE_LIMIT): string[] {
  const parts: string[] = [];
  let current = '';
  const flush = () => {
    if (current !== '') parts.push(current);
    current = '';
  };
  for (const line of text.split('\n')) {
    const joined = current === '' ? line : `${current}\n${line}`;
    if (joined.length <= limit) {
      current = joined;
      continue;
    }
    flush();
    let rest = line;
    while (rest.length > limit) {
      const cut = cutPoint(rest, limit);
      parts.push(rest.slice(0, cut).trimEnd());
      rest = rest.slice(cut).trimStart();
    }
    current = rest;
  }
  flush();
  return parts;
}

function cutPoint(line: string, limit: number): number {
  const space = line.lastIndexOf(' ', limit);
  if (space > limit / 2) return space;
  // No good space: cut hard, but never between the two halves of a surrogate pair.
  const code = line.charCodeAt(limit - 1);
  return code >= 0xd800 && code <= 0xdbff ? limit - 1 : limit;
}

/**
 * Commands too long for callback_data (a "did you mean" that carries the note's text) go out under a
 * token: a hash of the command, so the same command always has the same token and no token can
 * resolve to another command. The adapter stores each one durably with the chat before sending
 * (ChannelHost.rememberButton), so a button pressed after a restart, or taken by another process,
 * still means what it said; this map only saves the lookup in the process that sent it.
 */
export class CallbackCommands {
  private readonly commands = new Map<string, string>();

  constructor(private readonly capacity = 10_000) {}

  encode(command: string): string {
    if (Buffer.byteLength(command, 'utf8') <= CALLBACK_DATA_BYTES && !command.startsWith(TOKEN_PREFIX)) return command;
    const token = `${TOKEN_PREFIX}${createHash('sha256').update(command).digest('base64url').slice(0, 22)}`;
    this.commands.set(token, command);
    if (this.commands.size > this.capacity) {
      const oldest = this.commands.keys().next().value;
      if (oldest !== undefined) this.commands.delete(oldest);
    }
    return token;
  }

  decode(data: string): string {
    return this.commands.get(data) ?? data;
  }

  /** True for callback data that is one of our tokens. */
  static isToken(data: string): boolean {
    return data.startsWith(TOKEN_PREFIX);
  }

  /** The buttons' commands that go out under a token, with it. */
  tokens(buttons: Button[] | undefined): { token: string; command: string }[] {
    return (buttons ?? []).map((b) => ({ token: this.encode(b.command), command: b.command })).filter((t) => t.token !== t.command);
  }
}

export interface InlineKeyboard {
  inline_keyboard: { text: string; callback_data: string }[][];
}

/** One button a row: labels are often long Hindi phrases that would be cut off side by side. */
export function inlineKeyboard(buttons: Button[] | undefined, commands: CallbackCommands): InlineKeyboard | undefined {
  if (buttons === undefined || buttons.length === 0) return undefined;
  return { inline_keyboard: buttons.map((b) => [{ text: b.label, callback_data: commands.encode(b.command) }]) };
}
