/**
 * An endpoint's rate limit: `perSecond` tokens per second, at most `burst` saved up. Exact
 * because one dispatcher owns an endpoint (its partition) at a time, so one bucket sees every
 * request to it — first attempts and retries alike. A new owner starts with an EMPTY bucket, so
 * a rebalance can never add a burst on top of what the previous owner just sent.
 */
export class TokenBucket {
  private tokens = 0;
  private updatedAt: number;
  private pausedUntil = 0;

  constructor(
    private readonly perSecond: number,
    private readonly burst: number,
    now: number,
  ) {
    this.updatedAt = now;
  }

  /** Takes a token if one is available now; otherwise returns how long until one will be. */
  tryTake(now: number): { ok: true } | { ok: false; waitMs: number } {
    if (now < this.pausedUntil) return { ok: false, waitMs: this.pausedUntil - now };
    this.refill(now);
    if (this.tokens >= 1) {
      this.tokens -= 1;
      return { ok: true };
    }
    return { ok: false, waitMs: Math.ceil(((1 - this.tokens) / this.perSecond) * 1_000) };
  }

  /** The endpoint asked us to back off (429/503 with Retry-After): no requests before `until`. */
  pauseUntil(until: number): void {
    this.pausedUntil = Math.max(this.pausedUntil, until);
    this.tokens = 0;
    this.updatedAt = Math.max(this.updatedAt, until);
  }

  private refill(now: number): void {
    if (now <= this.updatedAt) return;
    this.tokens = Math.min(Math.max(this.burst, 1), this.tokens + ((now - this.updatedAt) / 1_000) * this.perSecond);
    this.updatedAt = now;
  }
}
