// WhatsApp has no buttons for bots on WhatsApp Web: a reply's buttons become numbered lines, and a
// message that is just one of those numbers (in Latin or Devanagari digits) presses that button.
// The last options shown to each chat are kept in memory only: after a restart a bare number is
// passed on as the text it is, and the assistant answers it as such.
import type { Button } from '../../bots/reply.ts';

const DEVANAGARI_ZERO = 0x0966;

/** The reply's text with its buttons as "1. label" lines, numbered from `first`. */
export function withNumberedOptions(text: string, buttons: Button[] | undefined, first = 1): string {
  if (buttons === undefined || buttons.length === 0) return text;
  const lines = buttons.map((b, i) => `${first + i}. ${b.label}`);
  return text.trim() === '' ? lines.join('\n') : `${text}\n\n${lines.join('\n')}`;
}

/** The number a message consists of ("2", "२", "2.", "(2)"), or null if it is anything else. */
export function typedNumber(typed: string): number | null {
  const match = /^\(?([0-9\u0966-\u096F]{1,2})[.)]?$/.exec(typed.trim());
  if (match?.[1] === undefined) return null;
  const digits = [...match[1]].map((c) => {
    const code = c.charCodeAt(0);
    return code >= DEVANAGARI_ZERO ? String(code - DEVANAGARI_ZERO) : c;
  });
  return Number(digits.join(''));
}

export class ChatOptions {
  private readonly byChat = new Map<string, Button[]>();

  constructor(private readonly capacity = 10_000) {}

  /** Replaces what a number means in this chat (an empty list: numbers mean nothing now). */
  set(chatId: string, buttons: Button[]): void {
    this.byChat.delete(chatId);
    if (buttons.length === 0) return;
    this.byChat.set(chatId, buttons);
    if (this.byChat.size > this.capacity) {
      const oldest = this.byChat.keys().next().value;
      if (oldest !== undefined) this.byChat.delete(oldest);
    }
  }

  /** The command a typed number stands for in this chat, if it is one of the options shown. */
  pick(chatId: string, typed: string): string | undefined {
    const n = typedNumber(typed);
    if (n === null) return undefined;
    return this.byChat.get(chatId)?.[n - 1]?.command;
  }
}
