// A channel host whose assistant is a script: the adapter is under test here, not the assistant.
import { languageOfText, type ChannelHost } from '../../../bots/channel.ts';
import type { UiLanguage } from '../../../core/types.ts';
import type { Logger } from '../../../bots/context.ts';
import type { Inbound, Reply } from '../../../bots/reply.ts';

export interface FakeHost {
  host: ChannelHost;
  inbound: Inbound[];
  remembered: { channel: string; chatId: string; messageId: string; reply: Reply }[];
  /** Long button commands the adapter stored, by chat and token (as the real host keeps them in the database). */
  buttons: Map<string, string>;
  logs: string[];
  /** The roll's language of a linked chat, by chat id (as the real host reads it from the store). */
  languages: Map<string, UiLanguage>;
}

export function fakeHost(answer: (inbound: Inbound) => Reply[] | Promise<Reply[]> = (i) => [{ text: `echo: ${i.text ?? i.action ?? ''}` }]): FakeHost {
  const inbound: Inbound[] = [];
  const remembered: FakeHost['remembered'] = [];
  const buttons = new Map<string, string>();
  const logs: string[] = [];
  const languages = new Map<string, UiLanguage>();
  const log: Logger = {
    info: (m) => logs.push(`info ${m}`),
    warn: (m) => logs.push(`warn ${m}`),
    error: (m, e) => logs.push(`error ${m}${e instanceof Error ? `: ${e.message}` : ''}`),
  };
  const host: ChannelHost = {
    assistant: {
      handle: async (message) => {
        inbound.push(message);
        return answer(message);
      },
    },
    log,
    rememberSent: async (channel, chatId, messageId, reply) => {
      remembered.push({ channel, chatId, messageId, reply });
    },
    saveConversationRef: async () => {},
    loadConversationRef: async () => null,
    rememberButton: async (_channel, chatId, token, command) => void buttons.set(`${chatId} ${token}`, command),
    recallButton: async (_channel, chatId, token) => buttons.get(`${chatId} ${token}`) ?? null,
    languageOf: async (_channel, chatId, text) => languages.get(chatId) ?? languageOfText(text),
  };
  return { host, inbound, remembered, buttons, logs, languages };
}
