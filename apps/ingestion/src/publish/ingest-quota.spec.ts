import { IngestQuota } from './ingest-quota';

describe('IngestQuota', () => {
  it('lets a burst through, then refills at the quota rate', () => {
    const quota = new IngestQuota(1);
    const limit = { perSecond: 10, burst: 5 };
    expect([1, 2, 3, 4, 5].map(() => quota.tryTake('t', limit, 1, 0))).toEqual([true, true, true, true, true]);
    expect(quota.tryTake('t', limit, 1, 0)).toBe(false);
    expect(quota.tryTake('t', limit, 1, 100)).toBe(true); // 0.1 s × 10/s = 1 token
    expect(quota.tryTake('t', limit, 1, 100)).toBe(false);
  });

  it('takes a whole batch or nothing', () => {
    const quota = new IngestQuota(1);
    const limit = { perSecond: 10, burst: 10 };
    expect(quota.tryTake('t', limit, 8, 0)).toBe(true);
    expect(quota.tryTake('t', limit, 3, 0)).toBe(false);
    expect(quota.tryTake('t', limit, 2, 0)).toBe(true);
  });

  it('is unlimited without a quota and splits the quota across replicas', () => {
    const quota = new IngestQuota(2);
    expect(Array.from({ length: 1000 }, () => quota.tryTake('free', undefined, 1, 0)).every(Boolean)).toBe(true);
    const limit = { perSecond: 10, burst: 10 };
    expect(quota.tryTake('t', limit, 5, 0)).toBe(true);
    expect(quota.tryTake('t', limit, 1, 0)).toBe(false);
  });

  it('keeps tenants apart', () => {
    const quota = new IngestQuota(1);
    const limit = { perSecond: 1, burst: 1 };
    expect(quota.tryTake('a', limit, 1, 0)).toBe(true);
    expect(quota.tryTake('a', limit, 1, 0)).toBe(false);
    expect(quota.tryTake('b', limit, 1, 0)).toBe(true);
  });
});
