// The office runs on India Standard Time (UTC+5:30, no daylight saving), whatever the server's zone.
const IST_OFFSET_MS = 330 * 60 * 1000;

/** The calendar date in Asia/Kolkata, ISO yyyy-mm-dd. */
export function istDate(at: Date): string {
  return new Date(at.getTime() + IST_OFFSET_MS).toISOString().slice(0, 10);
}

/** "25-11-2026 14:05 IST": the day-month order the office writes. */
export function istDateTime(at: Date): string {
  const s = new Date(at.getTime() + IST_OFFSET_MS).toISOString();
  return `${s.slice(8, 10)}-${s.slice(5, 7)}-${s.slice(0, 4)} ${s.slice(11, 16)} IST`;
}

export const systemClock = { now: (): Date => new Date() };
