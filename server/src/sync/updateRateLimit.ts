/**
 * The per-connection update rate limit: a token bucket of `burst` tokens refilled at
 * `perSecond`. A burst (a paste, a reconnect's backlog) passes; a sustained flood does not.
 *
 * The bucket's two numbers live on the connection itself, in integers: tokens in thousandths
 * and time in whole milliseconds (a refill of `perSecond` tokens per second is `perSecond`
 * thousandths per millisecond). Integers stay small integers inside the object; fractions would
 * make V8 box both fields as heap numbers on every connection.
 */
export interface TokenBucket {
  /** Thousandths of a token. */
  milliTokens: number;
  /** Whole milliseconds (performance.now()). */
  refilledAt: number;
}

/** A full bucket of `burst` tokens at `now`. */
export function fullBucket(burst: number, now: number = performance.now()): TokenBucket {
  return { milliTokens: burst * 1000, refilledAt: Math.floor(now) };
}

/** Takes a token for one update; false when the connection is over its rate. */
export function takeToken(
  bucket: TokenBucket,
  perSecond: number,
  burst: number,
  now: number = performance.now(),
): boolean {
  const at = Math.floor(now);
  const refill = Math.max(0, at - bucket.refilledAt) * perSecond;
  bucket.milliTokens = Math.min(burst * 1000, bucket.milliTokens + refill);
  bucket.refilledAt = at;
  if (bucket.milliTokens < 1000) return false;
  bucket.milliTokens -= 1000;
  return true;
}
