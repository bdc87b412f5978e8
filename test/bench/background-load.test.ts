// `--background-load`'s second process: it keeps a core busy while it runs, says how much CPU it
// used, and is gone when stopped. (Timing goals live in the bench, not here.)
import { describe, expect, it } from 'vitest';
import { startBackgroundLoad } from '../../bench/load.ts';

describe('startBackgroundLoad', () => {
  it('spins a second process until stopped and reports the CPU it used', async () => {
    const load = await startBackgroundLoad(60);
    await new Promise((resolve) => setTimeout(resolve, 600));
    const spent = await load.stop();
    expect(spent.seconds).toBeGreaterThan(0.5);
    expect(spent.cpuSeconds).toBeGreaterThan(0);
    expect(spent.cpuSeconds).toBeLessThanOrEqual(spent.seconds + 0.5);
  });
});
