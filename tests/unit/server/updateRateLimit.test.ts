import { describe, expect, it } from 'vitest';
import { fullBucket, takeToken } from '../../../server/src/sync/updateRateLimit.ts';

describe('the update rate limit', () => {
  it('lets a burst pass, then refuses until the bucket has refilled at its rate', () => {
    const bucket = fullBucket(3, 1000);
    const take = (now: number) => takeToken(bucket, 10, 3, now);
    expect([take(1000), take(1000), take(1000)]).toEqual([true, true, true]);
    expect(take(1000)).toBe(false);
    // 10 per second: one token every 100 ms, not before.
    expect(take(1099)).toBe(false);
    expect(take(1100)).toBe(true);
    expect(take(1100)).toBe(false);
  });

  it('never holds more than the burst, however long the connection was quiet', () => {
    const bucket = fullBucket(2, 0);
    const take = (now: number) => takeToken(bucket, 50, 2, now);
    expect([take(60_000), take(60_000), take(60_000)]).toEqual([true, true, false]);
  });

  it('keeps a sustained sender at its rate', () => {
    const bucket = fullBucket(5, 0);
    let accepted = 0;
    // 1,000 updates a second for ten seconds against a limit of 20 a second.
    for (let now = 0; now < 10_000; now += 1) if (takeToken(bucket, 20, 5, now)) accepted += 1;
    expect(accepted).toBeGreaterThanOrEqual(5 + 199);
    expect(accepted).toBeLessThanOrEqual(5 + 200);
  });

  it('keeps its numbers whole, whatever the clock reads', () => {
    const bucket = fullBucket(4, 12.75);
    takeToken(bucket, 7, 4, 1234.567);
    expect(Number.isInteger(bucket.milliTokens)).toBe(true);
    expect(Number.isInteger(bucket.refilledAt)).toBe(true);
  });
});
