import { describe, expect, it } from 'vitest';
import { reconnectBackoff, reconnectDelay } from '../../../client/src/sync/reconnect.ts';

describe('reconnect back-off with full jitter', () => {
  it('stays within [0, min(cap, base·2^attempt)) for every attempt, however large', () => {
    const { baseMs, capMs } = reconnectBackoff;
    for (let attempt = 0; attempt < 80; attempt += 1) {
      const ceiling = Math.min(capMs, baseMs * 2 ** attempt);
      expect(reconnectDelay(attempt, reconnectBackoff, () => 0)).toBe(0);
      const highest = reconnectDelay(attempt, reconnectBackoff, () => 0.999_999_999);
      expect(highest).toBeLessThan(ceiling);
      expect(highest).toBeGreaterThanOrEqual(ceiling - 1);
      for (let sample = 0; sample < 20; sample += 1) {
        const delay = reconnectDelay(attempt);
        expect(delay).toBeGreaterThanOrEqual(0);
        expect(delay).toBeLessThan(ceiling);
      }
    }
    expect(reconnectDelay(1_000)).toBeLessThan(capMs);
  });

  it('doubles the window with each failed attempt until the cap', () => {
    const half = (attempt: number) =>
      reconnectDelay(attempt, { baseMs: 100, capMs: 1_000 }, () => 0.5);
    expect([0, 1, 2, 3, 4, 5].map(half)).toEqual([50, 100, 200, 400, 500, 500]);
  });

  it('spreads 200 clients over the whole window instead of one instant', () => {
    const attempt = 3;
    const ceiling = Math.min(reconnectBackoff.capMs, reconnectBackoff.baseMs * 2 ** attempt);
    const delays = Array.from({ length: 200 }, () => reconnectDelay(attempt));
    // Never a tenth of them in the same 40 ms (a deterministic back-off puts all 200 there).
    const buckets = new Map<number, number>();
    for (const delay of delays) {
      const bucket = Math.floor(delay / 40);
      buckets.set(bucket, (buckets.get(bucket) ?? 0) + 1);
    }
    expect(Math.max(...buckets.values())).toBeLessThan(20);
    // Every tenth of the window gets some of them.
    const tenths = new Set(delays.map((delay) => Math.floor((delay / ceiling) * 10)));
    expect(tenths.size).toBe(10);
    expect(new Set(delays).size).toBeGreaterThan(150);
  });
});
