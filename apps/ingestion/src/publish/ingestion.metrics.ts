import { Injectable } from '@nestjs/common';
import { Counter, Histogram, Registry } from 'prom-client';

/** Ingestion metrics. Labels are bounded: outcome and a reason from a fixed set, never ids. */
@Injectable()
export class IngestionMetrics {
  /** Events by outcome (accepted, rejected) and reason (`none` when accepted). */
  readonly events: Counter<'outcome' | 'reason'>;
  readonly produceErrors: Counter;
  readonly publishDuration: Histogram;

  constructor(registry: Registry) {
    this.events = new Counter({
      name: 'webhook_ingest_events_total',
      help: 'Events received over gRPC by outcome (accepted, rejected) and reason (none, invalid_<field>, kafka_unavailable).',
      labelNames: ['outcome', 'reason'],
      registers: [registry],
    });
    this.produceErrors = new Counter({
      name: 'webhook_ingest_kafka_produce_errors_total',
      help: 'Writes to webhooks.events that failed or were not acknowledged within PUBLISH_TIMEOUT.',
      registers: [registry],
    });
    this.publishDuration = new Histogram({
      name: 'webhook_ingest_publish_duration_seconds',
      help: 'Time from a validated Publish/PublishBatch call to Kafka acknowledging its events (acks=all), failures included.',
      buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
      registers: [registry],
    });
    // Zero series for the common outcomes, so rates exist before the first event.
    this.events.inc({ outcome: 'accepted', reason: 'none' }, 0);
  }

  accepted(events: number): void {
    this.events.inc({ outcome: 'accepted', reason: 'none' }, events);
  }

  rejected(reason: string, events: number): void {
    this.events.inc({ outcome: 'rejected', reason }, events);
  }
}
