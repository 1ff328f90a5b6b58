import type { BenchOptions } from './options';
import { round } from './process-stats';

/** The JSON report; top-level keys are stable so runs can be compared by script. */
export interface BenchReport {
  deliveries_per_s: number;
  /** Deliveries/s between the 10th and the 90th percentile arrival (ramp-up and tail excluded). */
  deliveries_per_s_steady: number;
  events_per_s: number;
  p50_ms: number;
  p95_ms: number;
  p99_ms: number;
  max_ms: number;
  ceiling_http_per_s: number;
  ceiling_kafka_per_s: number;
  ratio_http: number;
  ratio_kafka: number;
  published: number;
  expected: number;
  delivered: number;
  lost: number;
  duplicates: number;
  /** Arrivals whose webhook-id belongs to no published (event, endpoint) pair. */
  unexpected: number;
  peak_rss_mb: Record<string, number>;
  cpu_seconds: Record<string, number>;
  /**
   * CPU milliseconds per delivery over the measured phase: every watched process, and `total`
   * for all of them but the bench itself. Far steadier between runs than throughput or latency
   * on a shared box, so the number to compare an optimisation by.
   */
  cpu_ms_per_delivery: Record<string, number>;
  options: { events: number; fanout: number; payload_bytes: number; rate: number | 'max'; duration: number };
  errors: string[];
  /** Per second since the first publish: deliveries that arrived, and latency of those. */
  timeseries: { t: number; deliveries: number; p50_ms: number; p99_ms: number }[];
  [extra: string]: unknown;
}

export interface RunData {
  options: BenchOptions;
  /** webhook-id of every published (event, endpoint) pair → start of its publish call (epoch ms). */
  expected: Map<string, number>;
  arrivals: { ids: string[]; at: number[] };
  publish: { published: number; startedAt: number; endedAt: number };
  ceilingHttpPerSecond: number;
  ceilingKafkaPerSecond: number;
  cpuSeconds: Record<string, number>;
  peakRssMb: Record<string, number>;
  errors: string[];
  extra: Record<string, unknown>;
}

/** Nearest-rank percentile of an ascending array. */
export function percentile(sorted: ArrayLike<number>, p: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}

export function summarise(run: RunData): BenchReport {
  const { ids, at } = run.arrivals;
  const seen = new Set<string>();
  let duplicates = 0;
  let unexpected = 0;
  const latencies: number[] = [];
  const arrivalsAt: number[] = [];
  const buckets = new Map<number, number[]>();
  for (let i = 0; i < ids.length; i++) {
    const id = ids[i];
    const publishedAt = run.expected.get(id);
    if (publishedAt === undefined) {
      unexpected++;
      continue;
    }
    if (seen.has(id)) {
      duplicates++;
      continue;
    }
    seen.add(id);
    const latency = at[i] - publishedAt;
    latencies.push(latency);
    arrivalsAt.push(at[i]);
    const second = Math.floor((at[i] - run.publish.startedAt) / 1000);
    const bucket = buckets.get(second);
    if (bucket) bucket.push(latency);
    else buckets.set(second, [latency]);
  }
  if (unexpected > 0) run.errors.push(`${unexpected} arrivals with a webhook-id that was never published`);
  const sorted = Float64Array.from(latencies).sort();
  arrivalsAt.sort((a, b) => a - b);
  const delivered = seen.size;
  const expected = run.expected.size;
  const lastArrival = arrivalsAt.at(-1) ?? run.publish.startedAt;
  const elapsed = Math.max(1, lastArrival - run.publish.startedAt) / 1000;
  const [p10, p90] = [percentile(arrivalsAt, 10), percentile(arrivalsAt, 90)];
  const steadyCount = arrivalsAt.filter((t) => t >= p10 && t <= p90).length;
  const steady = p90 > p10 ? steadyCount / ((p90 - p10) / 1000) : delivered / elapsed;
  const deliveriesPerSecond = delivered / elapsed;
  const seconds = Math.max(0, ...buckets.keys());
  const timeseries = Array.from({ length: seconds + 1 }, (_, t) => {
    const bucket = Float64Array.from(buckets.get(t) ?? []).sort();
    return { t, deliveries: bucket.length, p50_ms: percentile(bucket, 50), p99_ms: percentile(bucket, 99) };
  });
  return {
    deliveries_per_s: round(deliveriesPerSecond, 0),
    deliveries_per_s_steady: round(steady, 0),
    events_per_s: round(run.publish.published / (Math.max(1, run.publish.endedAt - run.publish.startedAt) / 1000), 0),
    p50_ms: round(percentile(sorted, 50), 0),
    p95_ms: round(percentile(sorted, 95), 0),
    p99_ms: round(percentile(sorted, 99), 0),
    max_ms: round(sorted.at(-1) ?? 0, 0),
    ceiling_http_per_s: round(run.ceilingHttpPerSecond, 0),
    ceiling_kafka_per_s: round(run.ceilingKafkaPerSecond, 0),
    ratio_http: round(deliveriesPerSecond / run.ceilingHttpPerSecond, 3),
    ratio_kafka: round(deliveriesPerSecond / run.ceilingKafkaPerSecond, 3),
    published: run.publish.published,
    expected,
    delivered,
    // Every (event, endpoint) pair of an acknowledged publish must arrive.
    lost: expected - delivered,
    duplicates,
    unexpected,
    peak_rss_mb: run.peakRssMb,
    cpu_seconds: run.cpuSeconds,
    cpu_ms_per_delivery: cpuPerDelivery(run.cpuSeconds, delivered),
    options: {
      events: run.options.events,
      fanout: run.options.fanout,
      payload_bytes: run.options.payloadBytes,
      rate: run.options.rate || 'max',
      duration: run.options.duration,
    },
    errors: run.errors,
    timeseries,
    ...run.extra,
  };
}

function cpuPerDelivery(cpuSeconds: Record<string, number>, delivered: number): Record<string, number> {
  const perDelivery = (seconds: number) => round((1000 * seconds) / Math.max(1, delivered), 3);
  const out: Record<string, number> = {};
  let total = 0;
  for (const [name, seconds] of Object.entries(cpuSeconds)) {
    out[name] = perDelivery(seconds);
    if (name !== 'bench') total += seconds;
  }
  out.total = perDelivery(total);
  return out;
}
