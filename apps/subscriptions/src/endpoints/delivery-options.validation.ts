import {
  DEFAULT_RETRY_POLICY,
  type RateLimit,
  type RateLimitMessage,
  type RetryPolicy,
  type RetryPolicyKind,
  type RetryPolicyMessage,
} from '@webhooks/contracts';
import { EndpointException } from './endpoint.exception';

const KINDS: readonly RetryPolicyKind[] = ['exponential', 'fixed', 'fibonacci'];
const DAY = 86_400_000;

/**
 * A retry policy from the API: unset (zero) fields take the defaults, the rest must be within
 * bounds that keep a policy from hammering a receiver or holding a task for weeks.
 */
export function validRetryPolicy(
  input: RetryPolicyMessage | null | undefined,
  field = 'retry_policy',
): RetryPolicy | null {
  if (!input) return null;
  const kind = (input.kind || DEFAULT_RETRY_POLICY.kind) as RetryPolicyKind;
  if (!KINDS.includes(kind)) throw EndpointException.invalid(`${field}.kind`, `must be one of ${KINDS.join(', ')}`);
  const policy: RetryPolicy = {
    kind,
    intervalMs: input.intervalMs || DEFAULT_RETRY_POLICY.intervalMs,
    multiplier: input.multiplier || DEFAULT_RETRY_POLICY.multiplier,
    maxIntervalMs: input.maxIntervalMs || DEFAULT_RETRY_POLICY.maxIntervalMs,
    maxAttempts: input.maxAttempts || DEFAULT_RETRY_POLICY.maxAttempts,
    maxAgeMs: input.maxAgeMs || DEFAULT_RETRY_POLICY.maxAgeMs,
    jitter: input.jitter === 0 ? DEFAULT_RETRY_POLICY.jitter : Math.max(0, input.jitter),
    giveUpOnClientErrors: input.giveUpOnClientErrors ?? false,
  };
  const check = (ok: boolean, name: string, rule: string) => {
    if (!ok) throw EndpointException.invalid(`${field}.${name}`, rule);
  };
  check(policy.intervalMs >= 100 && policy.intervalMs <= DAY, 'interval_ms', 'must be between 100 and 86400000');
  check(policy.multiplier >= 1 && policy.multiplier <= 100, 'multiplier', 'must be between 1 and 100');
  check(
    policy.maxIntervalMs >= policy.intervalMs && policy.maxIntervalMs <= DAY,
    'max_interval_ms',
    'must be between interval_ms and 86400000',
  );
  check(
    Number.isInteger(policy.maxAttempts) && policy.maxAttempts >= 1 && policy.maxAttempts <= 50,
    'max_attempts',
    'must be between 1 and 50',
  );
  check(
    policy.maxAgeMs >= 1_000 && policy.maxAgeMs <= 7 * DAY,
    'max_age_ms',
    'must be between 1000 and 604800000 (7 days)',
  );
  check(policy.jitter <= 1, 'jitter', 'must be between 0 and 1');
  return policy;
}

/** A rate limit from the API; per_second 0 (or unset) means unlimited. */
export function validRateLimit(input: RateLimitMessage | null | undefined, field = 'rate_limit'): RateLimit | null {
  if (!input || !input.perSecond) return null;
  if (input.perSecond > 100_000) throw EndpointException.invalid(`${field}.per_second`, 'must be at most 100000');
  const burst = input.burst || input.perSecond;
  if (burst > 100_000) throw EndpointException.invalid(`${field}.burst`, 'must be at most 100000');
  return { perSecond: input.perSecond, burst };
}
