import { Injectable } from '@nestjs/common';
import { Counter, Gauge, Histogram, Registry } from 'prom-client';
import type { HttpResult } from './http-sender';

/** Why a task went to a delay tier without an attempt. */
export type RequeueReason = 'view_behind' | 'rate_limited' | 'backlog' | 'paused';

/** Delivery metrics. Labels are bounded: outcome, status class, reason — never ids or URLs. */
@Injectable()
export class DeliveryMetrics {
  readonly outcomes: Counter<'outcome' | 'status_class'>;
  readonly requeued: Counter<'reason'>;
  readonly retries: Counter<'tier'>;
  readonly inFlight: Gauge;
  private readonly attemptDuration: Histogram;
  private readonly endToEnd: Histogram;

  constructor(registry: Registry) {
    this.outcomes = new Counter({
      name: 'webhook_deliveries_total',
      help: 'Delivery attempts and skips by outcome (delivered, retrying, dead_lettered, skipped) and HTTP status class.',
      labelNames: ['outcome', 'status_class'],
      registers: [registry],
    });
    this.requeued = new Counter({
      name: 'webhook_delivery_requeued_total',
      help: 'Tasks moved to a delay tier without an attempt, by reason (rate_limited, backlog, paused, view_behind).',
      labelNames: ['reason'],
      registers: [registry],
    });
    this.retries = new Counter({
      name: 'webhook_delivery_retries_total',
      help: 'Retries scheduled, by delay tier (seconds) they were parked in.',
      labelNames: ['tier'],
      registers: [registry],
    });
    this.inFlight = new Gauge({
      name: 'webhook_delivery_tasks_in_flight',
      help: 'Delivery tasks taken from Kafka and not yet finished (queued in a lane or being attempted).',
      registers: [registry],
    });
    this.attemptDuration = new Histogram({
      name: 'webhook_delivery_attempt_duration_seconds',
      help: 'Duration of one HTTP delivery attempt.',
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
      registers: [registry],
    });
    this.endToEnd = new Histogram({
      name: 'webhook_delivery_e2e_latency_seconds',
      help: 'From the event being accepted by ingestion to its 2xx delivery.',
      buckets: [0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 300, 3600],
      registers: [registry],
    });
  }

  observeAttempt(result: HttpResult, publishedAt: number, delivered: boolean): void {
    this.attemptDuration.observe(result.durationMs / 1000);
    if (delivered) this.endToEnd.observe(Math.max(0, Date.now() - publishedAt) / 1000);
  }
}
