import type { Clock } from '../../core/ports.ts';

/** A clock the test moves by hand. */
export class FakeClock implements Clock {
  private at: number;

  constructor(iso = '2026-11-25T05:30:00.000Z') {
    this.at = Date.parse(iso);
  }

  now(): Date {
    return new Date(this.at);
  }

  advance(ms: number): void {
    this.at += ms;
  }

  advanceMinutes(minutes: number): void {
    this.advance(minutes * 60_000);
  }
}
