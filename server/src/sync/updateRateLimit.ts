/**
 * The per-connection update rate limit: a token bucket of `burst` tokens refilled at
 * `perSecond`. A burst (a paste, a reconnect's backlog) passes; a sustained flood does not.
 * The bucket's two numbers live on the connection itself (no object of its own per connection).
 */
export interface TokenBucket {
  tokens: number;
  refilledAt: number;
}

/** Takes a token for one update; false when the connection is over its rate. */
export function takeToken(
  bucket: TokenBucket,
  perSecond: number,
  burst: number,
  now: number = performance.now(),
): boolean {
  bucket.tokens = Math.min(burst, bucket.tokens + ((now - bucket.refilledAt) / 1000) * perSecond);
  bucket.refilledAt = now;
  if (bucket.tokens < 1) return false;
  bucket.tokens -= 1;
  return true;
}
