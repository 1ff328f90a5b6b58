interface Waiting<T> {
  item: T;
  /** Its weight toward `maxWeight`, computed once when it is submitted. */
  weight: number;
  resolve: () => void;
  reject: (error: unknown) => void;
}

export interface GroupCommitOptions<T> {
  /**
   * Bounds one write: it carries queued items while their weights add up to at most
   * `maxWeight` (always at least one item). Default: every queued item.
   */
  limit?: { maxWeight: number; weight: (item: T) => number };
  /**
   * When idle, wait one turn of the event loop before writing, so callers set off by the same
   * event (the partition batches of one fetch) share the first write too. For writes whose
   * latency nobody waits on.
   */
  gather?: boolean;
  /**
   * A write starts no sooner than this long after the previous one started (Kafka's
   * `linger.ms`, which kafkajs lacks): under steady load, at most one write per interval, each
   * carrying more. 0 (default): the next write starts as soon as the previous one is done.
   */
  minIntervalMs?: number;
}

/**
 * Group commit: one `write` for every caller that arrived while the previous write was in flight.
 * The first caller is written at once (no added latency when idle); the ones that queue behind it
 * share the next write, which is how a consumer handling its partitions concurrently, or many
 * deliveries finishing together, pay one request for many records. Each caller's promise settles
 * with the write that carried its item: resolved when it succeeded, rejected with its error.
 */
export class GroupCommit<T> {
  private queue: Waiting<T>[] = [];
  private writing = false;
  private lastStart = 0;

  constructor(
    private readonly write: (items: T[]) => Promise<void>,
    private readonly options: GroupCommitOptions<T> = {},
  ) {}

  submit(item: T): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      this.queue.push({ item, weight: this.options.limit?.weight(item) ?? 0, resolve, reject });
      if (!this.writing) void this.drain();
    });
  }

  private async drain(): Promise<void> {
    this.writing = true;
    if (this.options.gather) await new Promise<void>((resolve) => setImmediate(resolve));
    try {
      while (this.queue.length > 0) {
        const wait = this.lastStart + (this.options.minIntervalMs ?? 0) - Date.now();
        if (wait > 0) await new Promise<void>((resolve) => setTimeout(resolve, wait));
        this.lastStart = Date.now();
        const group = this.queue.splice(0, this.takeable());
        try {
          await this.write(group.map((w) => w.item));
          for (const waiting of group) waiting.resolve();
        } catch (error) {
          for (const waiting of group) waiting.reject(error);
        }
      }
    } finally {
      this.writing = false;
    }
  }

  /** How many queued items the next write carries (see `limit`). */
  private takeable(): number {
    const max = this.options.limit?.maxWeight;
    if (max === undefined) return this.queue.length;
    let total = this.queue[0].weight;
    let count = 1;
    while (count < this.queue.length && total + this.queue[count].weight <= max) total += this.queue[count++].weight;
    return count;
  }
}
