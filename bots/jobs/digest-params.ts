// A digest turned into notification params: data only (numbers, subjects, ages), said in the
// recipient's language when it is delivered (bots/messages/pendency-texts.ts).
import type { Digest, DigestItem } from '../../core/pendency/build-digests.ts';
import type { DigestData, DigestLine } from '../messages/pendency-texts.ts';

/** Enough to act on, short enough for one chat message (Telegram stops at 4,096 characters). */
export const MAX_OWN_LINES = 15;
export const MAX_TEAM_MEMBERS = 10;
export const MAX_LINES_PER_MEMBER = 3;
const MAX_SUBJECT = 60;

const short = (s: string) => (s.length > MAX_SUBJECT ? `${s.slice(0, MAX_SUBJECT - 1)}…` : s);

/** Statutory deadlines by the number of the file (or loose receipt) that carries them, as digest lines show them. */
export type StatutoryByNumber = ReadonlyMap<string, NonNullable<DigestLine['t']>>;

function lineOf(item: DigestItem, statutory?: StatutoryByNumber): DigestLine {
  const t = item.kind === 'file' || item.kind === 'receipt' ? statutory?.get(item.number) : undefined;
  return {
    k: item.kind, n: item.number, s: short(item.subject), d: item.age,
    ...(item.parked ? { p: 1 as const } : {}), ...(item.returned ? { r: 1 as const } : {}), ...(item.overdue ? { o: 1 as const } : {}),
    ...(t === undefined ? {} : { t }),
  };
}

export function digestDataOf(digest: Digest, day: string, statutory?: StatutoryByNumber): DigestData {
  return {
    day,
    ownTotal: digest.own.length,
    overdue: digest.own.filter((i) => i.overdue).length,
    own: digest.own.slice(0, MAX_OWN_LINES).map((i) => lineOf(i, statutory)),
    teamTotal: digest.team.reduce((n, t) => n + t.items.length, 0),
    teamMembers: digest.team.length,
    team: digest.team.slice(0, MAX_TEAM_MEMBERS).map((t) => ({
      name: t.member.name, post: t.member.post, count: t.items.length, lines: t.items.slice(0, MAX_LINES_PER_MEMBER).map((i) => lineOf(i, statutory)),
    })),
  };
}

export function digestParams(data: DigestData): Record<string, string | number> {
  return {
    day: data.day, ownTotal: data.ownTotal, overdue: data.overdue, own: JSON.stringify(data.own),
    teamTotal: data.teamTotal, teamMembers: data.teamMembers, team: JSON.stringify(data.team),
  };
}
