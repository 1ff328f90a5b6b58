import { Injectable } from '@nestjs/common';
import { Counter, Histogram, Registry } from 'prom-client';

/** Fan-out metrics; no labels beyond the service's own. */
@Injectable()
export class FanoutMetrics {
  readonly events: Counter;
  readonly tasks: Counter;
  readonly size: Histogram;
  readonly resolution: Histogram;
  readonly duplicates: Counter;

  constructor(registry: Registry) {
    this.events = new Counter({
      name: 'webhook_fanout_events_total',
      help: 'Events resolved to their endpoints and committed (tasks written in the fan-out transaction).',
      registers: [registry],
    });
    this.tasks = new Counter({
      name: 'webhook_fanout_tasks_total',
      help: 'Delivery tasks written to webhooks.deliveries (one per event and matching enabled endpoint).',
      registers: [registry],
    });
    this.size = new Histogram({
      name: 'webhook_fanout_size',
      help: 'Delivery tasks per event (matching enabled endpoints of its tenant).',
      buckets: [0, 1, 2, 5, 10, 25, 50, 100, 250, 1000],
      registers: [registry],
    });
    this.resolution = new Histogram({
      name: 'webhook_fanout_resolution_duration_seconds',
      help: 'Time to resolve one fetched batch of events: endpoint lookup and payload storage (both in PostgreSQL).',
      buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
      registers: [registry],
    });
    this.duplicates = new Counter({
      name: 'webhook_fanout_duplicate_events_total',
      help: 'Event records not fanned out because the same event id (idempotency key) was already fanned out from another record.',
      registers: [registry],
    });
  }

  /** Records a committed batch: `eventIds` of every decoded event, `taskEventIds` one entry per task. */
  committed(eventIds: readonly string[], taskEventIds: readonly string[]): void {
    const perEvent = new Map<string, number>(eventIds.map((id) => [id, 0]));
    for (const id of taskEventIds) perEvent.set(id, (perEvent.get(id) ?? 0) + 1);
    for (const size of perEvent.values()) this.size.observe(size);
    this.events.inc(eventIds.length);
    this.tasks.inc(taskEventIds.length);
  }
}
