import { collectDefaultMetrics, Registry } from 'prom-client';

/**
 * The process-wide Prometheus registry of one service. Every series carries `service`, and
 * default process metrics (CPU, RSS, event-loop lag, GC) are on from the start.
 */
export function createMetricsRegistry(service: string): Registry {
  const registry = new Registry();
  registry.setDefaultLabels({ service });
  collectDefaultMetrics({ register: registry });
  return registry;
}
