/**
 * Slows down password guessing. Failures are counted per account and per client address in a
 * sliding window; past a threshold each further attempt must wait, doubling with every failure
 * up to a cap. Accounts are counted separately, so an attacker hammering one account does not lock
 * anyone else out, and the per-address limit is far higher than the per-account one so a shared
 * office address is not blocked by one person's typos.
 */
export interface ThrottleOptions {
  windowMs: number;
  /** Failures per account allowed in the window before attempts are delayed. */
  accountThreshold: number;
  /** Failures per address allowed in the window before attempts are delayed. */
  addressThreshold: number;
  baseDelayMs: number;
  maxDelayMs: number;
}

export const defaultThrottleOptions: ThrottleOptions = {
  windowMs: 15 * 60 * 1000,
  accountThreshold: 5,
  addressThreshold: 100,
  baseDelayMs: 1000,
  maxDelayMs: 15 * 60 * 1000,
};

interface Counter {
  failures: number[];
  blockedUntil: number;
}

export class LoginThrottle {
  private readonly accounts = new Map<string, Counter>();
  private readonly addresses = new Map<string, Counter>();

  constructor(
    private readonly options: ThrottleOptions = defaultThrottleOptions,
    private readonly now: () => number = Date.now,
  ) {}

  /** Milliseconds the caller must wait before this attempt is allowed, or 0. */
  retryAfterMs(account: string, address: string): number {
    const now = this.now();
    const wait = Math.max(
      (this.accounts.get(account)?.blockedUntil ?? 0) - now,
      (this.addresses.get(address)?.blockedUntil ?? 0) - now,
    );
    return Math.max(0, wait);
  }

  recordFailure(account: string, address: string): void {
    this.bump(this.accounts, account, this.options.accountThreshold);
    this.bump(this.addresses, address, this.options.addressThreshold);
  }

  /** A correct password clears the account's failures (not the address's). */
  recordSuccess(account: string): void {
    this.accounts.delete(account);
  }

  private bump(counters: Map<string, Counter>, key: string, threshold: number): void {
    const now = this.now();
    const counter = counters.get(key) ?? { failures: [], blockedUntil: 0 };
    counter.failures = counter.failures.filter((at) => at > now - this.options.windowMs);
    counter.failures.push(now);
    const excess = counter.failures.length - threshold;
    if (excess > 0) {
      const delay = Math.min(this.options.maxDelayMs, this.options.baseDelayMs * 2 ** (excess - 1));
      counter.blockedUntil = now + delay;
    }
    counters.set(key, counter);
    // Bounded memory: forget counters whose window has passed once the map grows large.
    if (counters.size > 10_000) {
      for (const [staleKey, stale] of counters) {
        if (
          stale.blockedUntil < now &&
          (stale.failures.at(-1) ?? 0) < now - this.options.windowMs
        ) {
          counters.delete(staleKey);
        }
      }
    }
  }
}
