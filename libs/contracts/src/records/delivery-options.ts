/**
 * How an endpoint wants to be delivered to: retry policy, rate limit, ordering. Set through the
 * management API, carried to dispatchers in the endpoint view.
 */
export type RetryPolicyKind = 'exponential' | 'fixed' | 'fibonacci';

export interface RetryPolicy {
  kind: RetryPolicyKind;
  /** exponential: first delay; fixed: every delay; fibonacci: the unit (1, 1, 2, 3, 5 … × unit). */
  intervalMs: number;
  /** exponential only: growth factor between consecutive delays. */
  multiplier: number;
  /** Upper bound of any single delay. */
  maxIntervalMs: number;
  /** Attempts in all, the first included. */
  maxAttempts: number;
  /** No retry is scheduled once the event is older than this (measured from publish). */
  maxAgeMs: number;
  /** Random spread of each delay, 0.2 = ±20 %. */
  jitter: number;
  /** Dead-letter at once on a 4xx other than 408/429 (default false: 4xx are retried). */
  giveUpOnClientErrors?: boolean;
}

export interface RateLimit {
  /** Sustained requests per second to this endpoint, across all dispatchers. */
  perSecond: number;
  /** Requests that may go at once after a quiet period. */
  burst: number;
}

export interface DeliveryOptions {
  retry: RetryPolicy;
  /** null = unlimited. */
  rateLimit: RateLimit | null;
  /** Deliver in publish order; the next task waits while the current one is retried. */
  ordered: boolean;
}

/**
 * Defaults close to Svix's schedule (5s, 5m, 30m, 2h, 5h, 10h, 10h ≈ 27.6 h): exponential from 5 s,
 * ×6 per retry, capped at 10 h: 5s, 30s, 3m, 18m, 1.8h, 10h, 10h — 8 attempts over ≈ 22.3 h.
 */
export const DEFAULT_RETRY_POLICY: RetryPolicy = {
  kind: 'exponential',
  intervalMs: 5_000,
  multiplier: 6,
  maxIntervalMs: 10 * 3_600_000,
  maxAttempts: 8,
  maxAgeMs: 3 * 86_400_000,
  jitter: 0.2,
};

export const DEFAULT_DELIVERY_OPTIONS: DeliveryOptions = {
  retry: DEFAULT_RETRY_POLICY,
  rateLimit: null,
  ordered: false,
};
