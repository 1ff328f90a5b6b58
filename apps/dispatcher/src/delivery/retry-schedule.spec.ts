import { DEFAULT_RETRY_POLICY, type RetryPolicy } from '@webhooks/contracts';
import { baseRetryDelay, nextRetryDelay, parseRetryAfter } from './retry-schedule';

const policy = (overrides: Partial<RetryPolicy>): RetryPolicy => ({ ...DEFAULT_RETRY_POLICY, jitter: 0, ...overrides });

describe('retry schedules', () => {
  it('default exponential schedule stays close to Svix (5s … 10h, 8 attempts)', () => {
    const delays = [1, 2, 3, 4, 5, 6, 7].map((n) => baseRetryDelay(DEFAULT_RETRY_POLICY, n));
    expect(delays).toEqual([5_000, 30_000, 180_000, 1_080_000, 6_480_000, 36_000_000, 36_000_000]);
    const total = delays.reduce((a, b) => a + b, 0) / 3_600_000;
    expect(total).toBeGreaterThan(20);
    expect(total).toBeLessThan(28);
  });

  it('fixed repeats the interval', () => {
    expect([1, 2, 3].map((n) => baseRetryDelay(policy({ kind: 'fixed', intervalMs: 700 }), n))).toEqual([
      700, 700, 700,
    ]);
  });

  it('fibonacci multiplies the unit by 1, 1, 2, 3, 5, 8', () => {
    const p = policy({ kind: 'fibonacci', intervalMs: 100 });
    expect([1, 2, 3, 4, 5, 6].map((n) => baseRetryDelay(p, n))).toEqual([100, 100, 200, 300, 500, 800]);
  });

  it('caps every delay at maxInterval', () => {
    expect(baseRetryDelay(policy({ intervalMs: 1_000, multiplier: 10, maxIntervalMs: 50_000 }), 4)).toBe(50_000);
  });

  it('stops after maxAttempts and when the next try would exceed maxAge', () => {
    const p = policy({ kind: 'fixed', intervalMs: 1_000, maxAttempts: 3, maxAgeMs: 10_000 });
    expect(nextRetryDelay(p, 1, 0)).toBe(1_000);
    expect(nextRetryDelay(p, 2, 0)).toBe(1_000);
    expect(nextRetryDelay(p, 3, 0)).toBeNull();
    expect(nextRetryDelay(p, 1, 9_500)).toBeNull();
  });

  it('jitters within ±jitter', () => {
    const p = policy({ kind: 'fixed', intervalMs: 1_000, jitter: 0.2 });
    expect(nextRetryDelay(p, 1, 0, undefined, () => 0)).toBe(800);
    expect(nextRetryDelay(p, 1, 0, undefined, () => 1)).toBe(1_200);
  });

  it('honours Retry-After between 1 s and twice the scheduled delay', () => {
    const p = policy({ kind: 'fixed', intervalMs: 10_000 });
    expect(nextRetryDelay(p, 1, 0, 15_000)).toBe(15_000);
    expect(nextRetryDelay(p, 1, 0, 500_000)).toBe(20_000);
    expect(nextRetryDelay(p, 1, 0, 0)).toBe(1_000);
  });

  it('parses Retry-After as seconds or an HTTP date', () => {
    expect(parseRetryAfter('7')).toBe(7_000);
    expect(parseRetryAfter(new Date(61_000).toUTCString(), 1_000)).toBe(60_000);
    expect(parseRetryAfter('soon')).toBeUndefined();
    expect(parseRetryAfter(undefined)).toBeUndefined();
  });
});
