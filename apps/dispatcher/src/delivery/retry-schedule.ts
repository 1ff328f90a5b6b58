import type { RetryPolicy } from '@webhooks/contracts';

/**
 * The un-jittered delay before retry number `retry` (1 = the first retry) under `policy`.
 * exponential: interval × multiplierⁿ⁻¹; fixed: interval; fibonacci: interval × F(n) with
 * F = 1, 1, 2, 3, 5, 8 …; all capped at maxInterval.
 */
export function baseRetryDelay(policy: RetryPolicy, retry: number): number {
  let delay: number;
  switch (policy.kind) {
    case 'fixed':
      delay = policy.intervalMs;
      break;
    case 'exponential':
      delay = policy.intervalMs * policy.multiplier ** (retry - 1);
      break;
    case 'fibonacci': {
      let [a, b] = [1, 1];
      for (let i = 1; i < retry; i++) [a, b] = [b, a + b];
      delay = policy.intervalMs * a;
      break;
    }
  }
  return Math.min(delay, policy.maxIntervalMs);
}

/**
 * When to try again after `attemptsMade` failed attempts, or null to give up: when the policy's
 * attempts are used up, or the retry would fall after the event's max age. `retryAfterMs` (the
 * receiver's `Retry-After`) replaces the scheduled delay but is clamped to [1 s, 2 × scheduled],
 * as Svix does: a receiver can ask for a pause, not for a hammering or an indefinite hold.
 */
export function nextRetryDelay(
  policy: RetryPolicy,
  attemptsMade: number,
  ageMs: number,
  retryAfterMs?: number,
  random: () => number = Math.random,
): number | null {
  if (attemptsMade < 1 || attemptsMade >= policy.maxAttempts) return null;
  const scheduled = baseRetryDelay(policy, attemptsMade);
  const delay =
    retryAfterMs !== undefined
      ? Math.min(Math.max(retryAfterMs, 1_000), 2 * scheduled)
      : Math.round(scheduled * (1 + policy.jitter * (2 * random() - 1)));
  if (ageMs + delay > policy.maxAgeMs) return null;
  return delay;
}

/** Parses `Retry-After` (delta seconds or an HTTP date) into milliseconds from `now`; undefined if absent or invalid. */
export function parseRetryAfter(value: string | string[] | undefined, now = Date.now()): number | undefined {
  const text = Array.isArray(value) ? value[0] : value;
  if (!text) return undefined;
  if (/^\d+$/.test(text.trim())) return Number(text.trim()) * 1_000;
  const date = Date.parse(text);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}
