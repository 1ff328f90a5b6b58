import type { RateLimit } from '@webhooks/contracts';

interface Bucket {
  tokens: number;
  updatedAt: number;
  perSecond: number;
  burst: number;
}

/**
 * Per-tenant ingest quotas: a token bucket per tenant (starting full, so a quiet tenant may
 * burst at once). A request takes all its events' tokens or none, so a rejected batch writes
 * nothing and costs nothing. Each replica enforces `quota / replicas` (INGESTION_REPLICAS): exact
 * with one replica, approximate when load is unevenly spread.
 */
export class IngestQuota {
  private readonly buckets = new Map<string, Bucket>();

  constructor(private readonly replicas: number) {}

  /** Takes `count` tokens for the tenant; false (and nothing taken) when over quota. */
  tryTake(tenantId: string, quota: RateLimit | undefined, count: number, now = Date.now()): boolean {
    if (!quota || quota.perSecond <= 0) {
      this.buckets.delete(tenantId);
      return true;
    }
    const perSecond = quota.perSecond / this.replicas;
    const burst = Math.max(1, (quota.burst || quota.perSecond) / this.replicas);
    let bucket = this.buckets.get(tenantId);
    if (!bucket || bucket.perSecond !== perSecond || bucket.burst !== burst) {
      bucket = { tokens: burst, updatedAt: now, perSecond, burst };
      this.buckets.set(tenantId, bucket);
    }
    bucket.tokens = Math.min(burst, bucket.tokens + (Math.max(0, now - bucket.updatedAt) / 1_000) * perSecond);
    bucket.updatedAt = now;
    if (bucket.tokens < count) return false;
    bucket.tokens -= count;
    return true;
  }
}
