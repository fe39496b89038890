/**
 * The per-connection update rate limit: a token bucket of `burst` tokens refilled at
 * `perSecond`. A burst (a paste, a reconnect's backlog) passes; a sustained flood does not.
 */
export class UpdateRateLimit {
  private tokens: number;
  private refilledAt: number;

  constructor(
    private readonly perSecond: number,
    private readonly burst: number,
    now: number = performance.now(),
  ) {
    this.tokens = burst;
    this.refilledAt = now;
  }

  /** Takes a token for one update; false when the connection is over its rate. */
  take(now: number = performance.now()): boolean {
    this.tokens = Math.min(
      this.burst,
      this.tokens + ((now - this.refilledAt) / 1000) * this.perSecond,
    );
    this.refilledAt = now;
    if (this.tokens < 1) return false;
    this.tokens -= 1;
    return true;
  }
}
