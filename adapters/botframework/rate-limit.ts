// A token bucket per client address, for what anyone may ask without credentials (a new web chat
// session): a few at once, then a steady trickle. Kept in memory: a restart forgets it, which is
// harmless for a limit meant to stop floods, not to count.
import { isIPv4, isIPv6 } from 'node:net';

export interface RateLimit {
  /** Requests an address may make at once. */
  burst: number;
  /** How many a full hour allows after the burst. */
  perHour: number;
}

const MAX_ADDRESSES = 10_000;

export class AddressRateLimiter {
  private readonly buckets = new Map<string, { tokens: number; at: number }>();

  constructor(private readonly limit: RateLimit, private readonly now: () => number = Date.now) {}

  /** Takes a token for the address: 0 when allowed, else the seconds until one is free. */
  take(address: string | undefined): number {
    const key = addressKey(address);
    const now = this.now();
    const ratePerMs = this.limit.perHour / 3_600_000;
    const bucket = this.buckets.get(key) ?? { tokens: this.limit.burst, at: now };
    const tokens = Math.min(this.limit.burst, bucket.tokens + (now - bucket.at) * ratePerMs);
    if (tokens < 1) {
      this.buckets.set(key, { tokens, at: now });
      return Math.max(1, Math.ceil((1 - tokens) / ratePerMs / 1000));
    }
    if (!this.buckets.has(key) && this.buckets.size >= MAX_ADDRESSES) this.forgetFull(now, ratePerMs);
    this.buckets.set(key, { tokens: tokens - 1, at: now });
    return 0;
  }

  /** Buckets that have filled up again say nothing a new bucket would not: they go first. */
  private forgetFull(now: number, ratePerMs: number): void {
    for (const [key, b] of this.buckets) if (b.tokens + (now - b.at) * ratePerMs >= this.limit.burst) this.buckets.delete(key);
    // Still full of addresses that are all still limited: the oldest go, so memory stays bounded.
    for (const key of this.buckets.keys()) {
      if (this.buckets.size < MAX_ADDRESSES) break;
      this.buckets.delete(key);
    }
  }
}

/**
 * One bucket per IPv4 address, and per /64 for IPv6: a single IPv6 host is usually given a whole
 * /64, and one address each would let it mint as many buckets as it likes.
 */
export function addressKey(address: string | undefined): string {
  if (address === undefined) return 'unknown';
  const v4 = address.toLowerCase().startsWith('::ffff:') ? address.slice(7) : address;
  if (isIPv4(v4)) return v4;
  if (!isIPv6(address)) return address;
  return expandIPv6(address).slice(0, 4).join(':') + '::/64';
}

function expandIPv6(address: string): string[] {
  const [head = '', tail] = address.toLowerCase().split('%')[0]!.split('::');
  const left = head === '' ? [] : head.split(':');
  const right = tail === undefined || tail === '' ? [] : tail.split(':');
  const fill = tail === undefined ? [] : Array<string>(8 - left.length - right.length).fill('0');
  return [...left, ...fill, ...right].map((g) => g.replace(/^0+(?=.)/, ''));
}
