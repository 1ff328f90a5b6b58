/**
 * Remembers which `webhook-id`s were already accepted. Implement it over Redis or a database table
 * to dedupe across processes; `claim` must be atomic, as Redis `SET key 1 NX EX ttl` is.
 */
export interface DedupeStore {
  /** Records `id` for `ttlSeconds`; true when it was not recorded yet (this caller owns the delivery). */
  claim(id: string, ttlSeconds: number): boolean | Promise<boolean>;
  /** Forgets `id`, so the sender's retry is processed (call it when handling the delivery failed). */
  release(id: string): void | Promise<void>;
}

export interface MemoryDedupeStoreOptions {
  /** Upper bound on remembered ids; the oldest is forgotten first. Default 10,000. */
  maxEntries?: number;
  /** Milliseconds since the epoch; injectable for tests. */
  clock?: () => number;
}

/**
 * The default, single-process `DedupeStore`: a Map of id → expiry, in insertion order. Memory is
 * bounded by `maxEntries`: when full, the oldest id is forgotten early (a duplicate of it would then
 * pass), which is the trade a bounded in-process cache has to make; use a shared store for more.
 */
export class MemoryDedupeStore implements DedupeStore {
  private readonly expiries = new Map<string, number>();
  private readonly maxEntries: number;
  private readonly clock: () => number;

  constructor(options: MemoryDedupeStoreOptions = {}) {
    this.maxEntries = options.maxEntries ?? 10_000;
    if (!Number.isInteger(this.maxEntries) || this.maxEntries < 1)
      throw new Error('maxEntries must be a positive integer');
    this.clock = options.clock ?? Date.now;
  }

  get size(): number {
    return this.expiries.size;
  }

  claim(id: string, ttlSeconds: number): boolean {
    const now = this.clock();
    this.evictExpired(now);
    const expiry = this.expiries.get(id);
    if (expiry !== undefined && expiry > now) return false;
    this.expiries.delete(id);
    while (this.expiries.size >= this.maxEntries) this.expiries.delete(this.expiries.keys().next().value as string);
    this.expiries.set(id, now + ttlSeconds * 1000);
    return true;
  }

  release(id: string): void {
    this.expiries.delete(id);
  }

  /** Entries are in insertion order and usually share one TTL, so expired ones sit at the front. */
  private evictExpired(now: number): void {
    for (const [id, expiry] of this.expiries) {
      if (expiry > now) return;
      this.expiries.delete(id);
    }
  }
}
