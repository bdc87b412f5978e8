// Sentences of the router itself (bots/router.ts, bots/routing/).
import type { UiLanguage } from '../../core/types.ts';
import { sentences, type P } from './say.ts';

const ROUTING_TEXT = sentences({
  whatOnFile: {
    hi: (p) => `संचिका ${p.number} पर "${p.text}" — मैं इसे निर्णय नहीं मान सकता। क्या करना है? नीचे से चुनें।`,
    en: (p) => `File ${p.number}: I cannot take "${p.text}" as a decision. What would you like to do? Choose below.`,
  },
});

export type RoutingTextKey = keyof typeof ROUTING_TEXT;

export function rtext(key: RoutingTextKey, lang: UiLanguage, params: P = {}): string {
  return ROUTING_TEXT[key][lang](params);
}
