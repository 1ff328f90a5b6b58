import { classify, nextRetryDelay } from './retry-policy';

describe('classify', () => {
  it.each([
    [200, 'delivered'],
    [204, 'delivered'],
    [299, 'delivered'],
    [301, 'retry'],
    [400, 'retry'],
    [408, 'retry'],
    [410, 'give_up'],
    [429, 'retry'],
    [500, 'retry'],
    [503, 'retry'],
    [null, 'retry'],
  ] as const)('status %s -> %s', (status, verdict) => {
    expect(classify(status)).toBe(verdict);
  });
});

describe('nextRetryDelay', () => {
  const schedule = [5_000, 300_000];

  it('follows the schedule and stops after it', () => {
    expect(nextRetryDelay(1, schedule, 0)).toBe(5_000);
    expect(nextRetryDelay(2, schedule, 0)).toBe(300_000);
    expect(nextRetryDelay(3, schedule, 0)).toBeNull();
    expect(nextRetryDelay(0, schedule, 0)).toBeNull();
  });

  it('spreads delays by at most the jitter fraction', () => {
    expect(nextRetryDelay(1, schedule, 0.2, () => 0)).toBe(4_000);
    expect(nextRetryDelay(1, schedule, 0.2, () => 1)).toBe(6_000);
    expect(nextRetryDelay(1, schedule, 0.2, () => 0.5)).toBe(5_000);
  });
});
