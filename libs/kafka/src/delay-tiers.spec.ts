import { DelayTiers, planRelease } from './delay-tiers';

describe('DelayTiers', () => {
  const tiers = new DelayTiers([30_000, 5_000, 120_000]);

  it('sorts tiers and picks the largest tier not longer than the wait', () => {
    expect(tiers.tiersMs).toEqual([5_000, 30_000, 120_000]);
    expect(tiers.tierFor(4_000)).toBe(5_000);
    expect(tiers.tierFor(5_000)).toBe(5_000);
    expect(tiers.tierFor(29_999)).toBe(5_000);
    expect(tiers.tierFor(300_000)).toBe(120_000);
  });

  it('releases to deliveries at the due time when less than the smallest tier remains', () => {
    expect(planRelease(tiers, 5_000, 1_000, 8_000)).toEqual({ at: 8_000, to: 'deliveries' });
    expect(planRelease(tiers, 5_000, 1_000, 2_000)).toEqual({ at: 6_000, to: 'deliveries' });
  });

  it('cascades into another tier when the task is still far from due', () => {
    expect(planRelease(tiers, 120_000, 0, 300_000)).toEqual({ at: 120_000, to: 'tier', tierMs: 120_000 });
    expect(planRelease(tiers, 120_000, 0, 160_000)).toEqual({ at: 120_000, to: 'tier', tierMs: 30_000 });
  });

  it('rejects an empty tier list', () => {
    expect(() => new DelayTiers([])).toThrow('at least one');
  });
});
