/** The intents the assistant understands and the languages it reports. */
export const INTENTS = [
  'help', 'link', 'otp', 'status', 'my_items', 'approve', 'return', 'refuse', 'forward', 'note',
  'apply_leave', 'apply_tour', 'cancel', 'search', 'confirm', 'deny',
  'create_file', 'attach', 'park', 'close_file', 'reopen', 'sent', 'my_leave', 'who_is_out',
  'verify', 'report', 'reminders_off', 'reminders_on', 'circular', 'message', 'ack', 'training',
  'tour_diary', 'ta_claim', 'unknown',
] as const;
export type Intent = (typeof INTENTS)[number];
export type Language = 'hi' | 'en' | 'mixed';

/** Replies that decide a file or an application; they must never be mistaken for one another. */
export const DECISIONS: ReadonlySet<Intent> = new Set<Intent>(['approve', 'return', 'refuse']);

export function isIntent(s: string): s is Intent {
  return (INTENTS as readonly string[]).includes(s);
}

const DECIDING: ReadonlySet<Intent> = new Set<Intent>(['approve', 'return', 'refuse', 'forward']);
/**
 * A reply read as another that moves a file (or an application) the wrong way: approve, return,
 * refuse and forward among themselves, and forward ↔ note.
 */
export function isSeriousConfusion(gold: Intent, predicted: Intent): boolean {
  if (gold === predicted) return false;
  if (DECIDING.has(gold) && DECIDING.has(predicted)) return true;
  return (gold === 'forward' && predicted === 'note') || (gold === 'note' && predicted === 'forward');
}
