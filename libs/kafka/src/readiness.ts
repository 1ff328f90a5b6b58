import type { Admin } from 'kafkajs';
import type { ReadinessCheck } from '@webhooks/observability';

/**
 * Readiness check that asks the cluster for its brokers, at most once per `cacheMs`, so a
 * scrape storm on /readyz never turns into a request storm on Kafka.
 */
export function kafkaReadinessCheck(admin: Admin, cacheMs = 5_000): ReadinessCheck {
  let last = { at: 0, ok: false };
  return {
    name: 'kafka',
    async check() {
      if (Date.now() - last.at < cacheMs) return last.ok;
      let ok = false;
      try {
        ok = (await admin.describeCluster()).brokers.length > 0;
      } catch {
        ok = false;
      }
      last = { at: Date.now(), ok };
      return ok;
    },
  };
}
