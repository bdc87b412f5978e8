// The acknowledgement deadline written at the end of a circular. The grammar is kept small on
// purpose, so that a sentence of the circular is never mistaken for a deadline:
//   English  … ack by 17:00 | ack by 5 pm | ack by tomorrow 11:00 | ack by 27-11-2026 17:00 | ack by 27-11-2026
//   Hindi    … देखा: शाम 5 बजे तक | देखा: कल सुबह 10 बजे तक | देखा: 27-11-2026 11:30 बजे तक
// Times are India time. A bare hour from 1 to 7 without am/pm or सुबह/शाम is read as afternoon
// (office hours); a time already past today means tomorrow; a date alone means 17:00 that day.

const IST_OFFSET_MS = 330 * 60_000;
const DAY_MS = 24 * 60 * 60_000;

export type DeadlineSplit =
  | { ok: true; text: string; ackBy: Date | null }
  | { ok: false; given: string };

const EN = /(?:^|[\s,;.(—–-])\(?\s*ack(?:nowledge)?\s+by\s+(?:(tomorrow|kal)\s+|(\d{1,2})[-./](\d{1,2})[-./](\d{4})\s*)?(?:(\d{1,2})(?:[:.](\d{2}))?\s*(am|pm|a\.m\.|p\.m\.)?)?\s*\)?\s*\.?\s*$/i;
const HI = /(?:^|[\s,;.(—–-])\(?\s*देखा\s*[:：-]?\s*(?:(कल)\s+|(\d{1,2})[-./](\d{1,2})[-./](\d{4})\s+)?(?:(सुबह|प्रातः|दोपहर|शाम|संध्या|रात)\s+)?(\d{1,2})(?:[:.](\d{2}))?\s*बजे\s*तक\s*\)?\s*[।.]?\s*$/;
// Something that starts like a deadline at the end but did not read as one: said back, never sent wrongly.
const TRIED_EN = /(?:^|[\s,;.(—–-])\(?\s*ack(?:nowledge)?\s+by\b[^\n]{0,40}$/i;
const TRIED_HI = /(?:^|[\s,;.(—–-])देखा\s*[:：-][^\n]{0,40}तक\s*[।.]?\s*$/;

/** Splits "text … ack by 17:00" into the text and the deadline (null: none written). */
export function splitDeadline(body: string, now: Date): DeadlineSplit {
  const en = EN.exec(body);
  if (en !== null && (en[1] !== undefined || en[2] !== undefined || en[5] !== undefined)) {
    const [, tomorrow, d, m, y, h, min, ampm] = en;
    const at = deadline(now, { tomorrow: tomorrow !== undefined, d, m, y, h, min, period: ampm?.toLowerCase().startsWith('p') ? 'pm' : ampm ? 'am' : undefined });
    return at === null ? { ok: false, given: en[0].trim() } : { ok: true, text: body.slice(0, en.index).trim(), ackBy: at };
  }
  const hi = HI.exec(body);
  if (hi !== null) {
    const [, tomorrow, d, m, y, period, h, min] = hi;
    const at = deadline(now, { tomorrow: tomorrow !== undefined, d, m, y, h, min, period: period === undefined ? undefined : period === 'सुबह' || period === 'प्रातः' ? 'am' : 'pm' });
    return at === null ? { ok: false, given: hi[0].trim() } : { ok: true, text: body.slice(0, hi.index).trim(), ackBy: at };
  }
  const tried = TRIED_EN.exec(body) ?? TRIED_HI.exec(body);
  if (tried !== null) return { ok: false, given: tried[0].trim() };
  return { ok: true, text: body.trim(), ackBy: null };
}

function deadline(now: Date, p: { tomorrow: boolean; d?: string; m?: string; y?: string; h?: string; min?: string; period?: 'am' | 'pm' }): Date | null {
  let hour = p.h === undefined ? 17 : Number(p.h);
  const minute = p.min === undefined ? 0 : Number(p.min);
  if (p.period === 'pm' && hour < 12) hour += 12;
  else if (p.period === 'am' && hour === 12) hour = 0;
  else if (p.period === undefined && hour >= 1 && hour <= 7) hour += 12;
  if (hour > 23 || minute > 59 || (p.period !== undefined && (Number(p.h) < 1 || Number(p.h) > 12))) return null;
  const istNow = new Date(now.getTime() + IST_OFFSET_MS);
  let [year, month, day] = [istNow.getUTCFullYear(), istNow.getUTCMonth() + 1, istNow.getUTCDate()];
  if (p.d !== undefined) {
    [year, month, day] = [Number(p.y), Number(p.m), Number(p.d)];
    const check = new Date(Date.UTC(year, month - 1, day));
    if (check.getUTCFullYear() !== year || check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day) return null;
  }
  let at = Date.UTC(year, month - 1, day, hour, minute) - IST_OFFSET_MS;
  if (p.tomorrow) at += DAY_MS;
  else if (p.d === undefined && at <= now.getTime()) at += DAY_MS;
  return new Date(at);
}
