/**
 * The fixed-delay tiers (`webhooks.delay.<tier>`), ascending. Every record in a tier waits the
 * same time after it entered the tier, so each tier partition is ordered by release time and
 * its consumer only ever waits for the head.
 */
export class DelayTiers {
  readonly tiersMs: readonly number[];

  constructor(tiersMs: readonly number[]) {
    if (tiersMs.length === 0) throw new Error('at least one delay tier is required');
    this.tiersMs = [...new Set(tiersMs)].sort((a, b) => a - b);
  }

  get smallestMs(): number {
    return this.tiersMs[0];
  }

  /**
   * The tier to park a task in that must wait `waitMs`: the largest tier not longer than the
   * wait, so a task never leaves its tier before it is due. A wait shorter than the smallest
   * tier uses the smallest tier (the tier consumer then holds it until it is due).
   */
  tierFor(waitMs: number): number {
    let chosen = this.tiersMs[0];
    for (const tier of this.tiersMs) if (tier <= waitMs) chosen = tier;
    return chosen;
  }
}

/**
 * What the consumer of `tierMs` does with a record that entered the tier at `enteredAt` and is
 * due at `dueAt`. It releases the head at `enteredAt + tierMs` (monotonic in the partition);
 * if the task is still due far enough in the future it cascades into a shorter-or-equal tier,
 * otherwise it waits the remaining (< smallest tier) time and goes back to deliveries.
 * Lateness is therefore bounded by the smallest tier.
 */
export function planRelease(
  tiers: DelayTiers,
  tierMs: number,
  enteredAt: number,
  dueAt: number,
): { at: number; to: 'deliveries' } | { at: number; to: 'tier'; tierMs: number } {
  const leaveTierAt = enteredAt + tierMs;
  const remaining = dueAt - leaveTierAt;
  if (remaining >= tiers.smallestMs) return { at: leaveTierAt, to: 'tier', tierMs: tiers.tierFor(remaining) };
  return { at: Math.max(leaveTierAt, dueAt), to: 'deliveries' };
}
