// One person's Telegram chat with the bot, played against the loopback Bot API peer: what they send
// goes in as Telegram updates (text, a photo, a reply to a bot message, a press of an inline button),
// and what they see is what the bot sent to their chat through the peer.
import type { BotApiPeer, PeerMessage } from '../helpers/bot-api-peer.ts';

let nextMessageId = 1;

const shown = (m: PeerMessage) => m.text ?? m.caption ?? '';
const matches = (m: PeerMessage, expected: string | RegExp) => (typeof expected === 'string' ? shown(m).includes(expected) : expected.test(shown(m)));

export class TelegramChat {
  constructor(private readonly peer: BotApiPeer, readonly chatId: number, readonly who: string) {}

  /** Every message the bot sent to this chat, oldest first. */
  get messages(): PeerMessage[] {
    return this.peer.sentTo(this.chatId);
  }

  count(): number {
    return this.messages.length;
  }

  /** The text (or caption) of the messages from index `from` on. */
  textsFrom(from: number): string {
    return this.messages.slice(from).map(shown).join('\n---\n');
  }

  /** Waits for a message from index `from` on that shows `expected`; on timeout says what came instead. */
  async waitFor(expected: string | RegExp, from: number, timeoutMs = 20_000): Promise<PeerMessage> {
    const find = () => this.messages.slice(from).find((m) => matches(m, expected));
    try {
      await this.peer.until(() => find() !== undefined, timeoutMs);
    } catch {
      throw new Error(`${this.who}: no message showing ${String(expected)} came; the chat got:\n${this.textsFrom(from) || '(nothing new)'}`);
    }
    return find() as PeerMessage;
  }

  /** Sends a text (as a reply to `replyTo` if given); waits for the answer showing `expected`. */
  async say(text: string, expected: string | RegExp, replyTo?: PeerMessage): Promise<PeerMessage> {
    const from = this.count();
    this.peer.push(this.peer.textMessage(this.chatId, nextMessageId++, text, { name: this.who, ...(replyTo ? { replyTo: replyTo.messageId } : {}) }));
    return this.waitFor(expected, from);
  }

  /** Sends a photo (no caption unless given); waits for the answer showing `expected`. */
  async photo(bytes: Buffer, expected: string | RegExp, caption?: string): Promise<PeerMessage> {
    const from = this.count();
    const fileId = this.peer.addFile(bytes, `photos/${this.chatId}-${nextMessageId}.jpg`);
    this.peer.push(this.peer.photoMessage(this.chatId, nextMessageId++, fileId, caption === undefined ? {} : { caption }));
    return this.waitFor(expected, from);
  }

  /** The inline button labelled `label` under `message`, or an error naming the buttons there are. */
  button(message: PeerMessage, label: string | RegExp): { text: string; callback_data: string } {
    // A string is the label exactly, an emoji before it aside ("स्वीकृत" is not "अस्वीकृत").
    const found = (message.buttons ?? []).find((b) => (typeof label === 'string' ? b.text.replace(/^[^\p{L}\p{N}]+/u, '').trim() === label : label.test(b.text)));
    if (found === undefined) throw new Error(`${this.who}: no button ${String(label)} under "${shown(message).split('\n')[0]}"; buttons: ${(message.buttons ?? []).map((b) => b.text).join(' | ') || 'none'}`);
    return found;
  }

  /** Presses an inline button under `message`; waits for the answer showing `expected`. */
  async press(message: PeerMessage, label: string | RegExp, expected: string | RegExp): Promise<PeerMessage> {
    const { callback_data: data } = this.button(message, label);
    const from = this.count();
    this.peer.push(this.peer.buttonPress(this.chatId, message.messageId, data));
    return this.waitFor(expected, from);
  }
}
