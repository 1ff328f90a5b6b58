/**
 * Which offsets of one partition are in progress and where it is safe to commit. Records are
 * started in offset order but finish in any order; the commit point is just past the longest
 * finished prefix (the "low watermark"), so a crash re-delivers what was unfinished and never
 * skips it. Offsets already started are recognised when kafkajs fetches them again.
 */
export class OffsetWindow {
  private readonly started: bigint[] = [];
  private readonly finished = new Set<bigint>();
  private highest = -1n;
  private committed?: bigint;

  /** Whether this offset was already taken (in progress or finished). */
  seen(offset: bigint): boolean {
    return offset <= this.highest;
  }

  start(offset: bigint): void {
    this.started.push(offset);
    this.highest = offset;
  }

  finish(offset: bigint): void {
    this.finished.add(offset);
  }

  /** Records started and not yet behind the commit point (in progress, or finished above the watermark). */
  get size(): number {
    return this.started.length;
  }

  /** Moves past the finished prefix; returns the new commit offset (next to read) if it moved. */
  advance(): bigint | undefined {
    let next: bigint | undefined;
    while (this.started.length > 0 && this.finished.has(this.started[0])) {
      const offset = this.started.shift()!;
      this.finished.delete(offset);
      next = offset + 1n;
    }
    if (next !== undefined) this.committed = next;
    return next;
  }

  /** The last commit offset returned by advance(). */
  get commitOffset(): bigint | undefined {
    return this.committed;
  }
}
