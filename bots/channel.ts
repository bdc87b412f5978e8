// What a channel adapter (Telegram, WhatsApp, Bot Framework / web chat, terminal) gets from the
// assistant side, and what it offers back. Adapters translate only: office rules stay in bots/ and core/.
import type { UiLanguage } from '../core/types.ts';
import type { Clock, Store } from '../core/ports.ts';
import type { Assistant } from './assistant.ts';
import type { Logger } from './context.ts';
import type { ChannelSender } from './outbox/dispatcher.ts';
import type { Reply } from './reply.ts';
import { languageOfText } from './reader-language.ts';

export interface ChannelHost {
  assistant: Pick<Assistant, 'handle'>;
  log: Logger;
  /**
   * Remember a message the bot sent (a reply or a notification) by its platform id, so that a user's
   * reply to it is tied to the file or receipt it was about. Call it for every message sent.
   */
  rememberSent(channel: string, chatId: string, messageId: string, reply: Reply): Promise<void>;
  /** Keep what the adapter needs to message this chat unprompted (e.g. a Bot Framework conversation reference). */
  saveConversationRef(channel: string, chatId: string, ref: string): Promise<void>;
  loadConversationRef(channel: string, chatId: string): Promise<string | null>;
  /**
   * A button command too long for the channel, sent under `token`: kept with the chat so that the
   * press is understood by any process, after any restart. Stored as a sent-message row of the
   * chat whose id is "button:<token>" (subject type "button.command", the command as subject id):
   * the same lifetime and clean-up as the messages the buttons were sent with.
   */
  rememberButton(channel: string, chatId: string, token: string, command: string): Promise<void>;
  recallButton(channel: string, chatId: string, token: string): Promise<string | null>;
  /**
   * The language to tell this chat something in before the assistant has seen the message (an
   * upload that could not be fetched): the linked employee's, else Hindi when the text has
   * Devanagari, else English. Optional so that a host in a test need not have a store.
   */
  languageOf?(channel: string, chatId: string, text?: string): Promise<UiLanguage>;
}

export { languageOfText } from './reader-language.ts';

/** A live channel: receives messages, answers through the host's assistant, and delivers notifications. */
export interface ChannelAdapter extends ChannelSender {
  /** Starts receiving. Rejects with a clear message when the channel cannot start (bad token, no browser…). */
  start(): Promise<void>;
  stop(): Promise<void>;
}

export function createChannelHost(store: Store, clock: Clock, assistant: Pick<Assistant, 'handle'>, log: Logger): ChannelHost {
  return {
    assistant,
    log,
    rememberSent: async (channel, chatId, messageId, reply) => {
      if (reply.subject === undefined) return;
      const subject = reply.subject;
      await store.transaction(async (tx) => {
        const account = await tx.accounts.find(channel, chatId);
        if ((await tx.sentMessages.find(channel, chatId, messageId)) !== null) return;
        await tx.sentMessages.add({
          channel, chatId, messageId, employeeId: account?.employeeId ?? null,
          subjectType: subject.type, subjectId: subject.id, createdAt: clock.now(),
        });
      });
    },
    saveConversationRef: async (channel, chatId, ref) => {
      await store.transaction(async (tx) => {
        const account = (await tx.accounts.find(channel, chatId)) ?? (await tx.accounts.create({ channel, address: chatId, displayName: null }));
        if (account.conversationRef !== ref) await tx.accounts.update(account.id, { conversationRef: ref });
      });
    },
    loadConversationRef: async (channel, chatId) =>
      store.transaction(async (tx) => (await tx.accounts.find(channel, chatId))?.conversationRef ?? null),
    rememberButton: async (channel, chatId, token, command) => {
      await store.transaction(async (tx) => {
        if ((await tx.sentMessages.find(channel, chatId, `button:${token}`)) !== null) return;
        const account = await tx.accounts.find(channel, chatId);
        await tx.sentMessages.add({
          channel, chatId, messageId: `button:${token}`, employeeId: account?.employeeId ?? null,
          subjectType: 'button.command', subjectId: command, createdAt: clock.now(),
        });
      });
    },
    recallButton: async (channel, chatId, token) => store.transaction(async (tx) => {
      const row = await tx.sentMessages.find(channel, chatId, `button:${token}`);
      return row?.subjectType === 'button.command' ? row.subjectId : null;
    }),
    languageOf: async (channel, chatId, text) => {
      try {
        const employee = await store.transaction(async (tx) => {
          const account = await tx.accounts.find(channel, chatId);
          return account?.employeeId == null ? null : tx.employees.byId(account.employeeId);
        });
        return employee?.language ?? languageOfText(text);
      } catch {
        return languageOfText(text);
      }
    },
  };
}
