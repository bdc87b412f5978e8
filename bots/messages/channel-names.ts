// Channels as people know them: "Teams / web chat", "Telegram", "WhatsApp" — never the adapter's
// id ("botframework"), which no one in an office has heard of.
import type { UiLanguage } from '../../core/types.ts';

const NAMES: Record<string, Record<UiLanguage, string>> = {
  botframework: { hi: 'Teams / वेब चैट', en: 'Teams / web chat' },
  telegram: { hi: 'Telegram', en: 'Telegram' },
  whatsapp: { hi: 'WhatsApp', en: 'WhatsApp' },
  terminal: { hi: 'टर्मिनल चैट', en: 'terminal chat' },
};

export function channelName(channel: string, lang: UiLanguage): string {
  return NAMES[channel]?.[lang] ?? channel;
}
