import { Inject, Injectable } from '@nestjs/common';
import type { Message } from 'kafkajs';
import { encodeAttemptRecord, encodeDeliveryTask, type AttemptOutcome, type DeliveryTask } from '@webhooks/contracts';
import { DelayTiers, TopicNames } from '@webhooks/kafka';
import { Logger } from '@webhooks/observability';
import { secretKey, standardWebhookHeaders } from '@webhooks/signing';
import { DISPATCHER_CONFIG, type DispatcherConfig } from '../dispatcher.config';
import { EndpointViewStore } from '../endpoint-view/endpoint-view.store';
import { DeliveryMetrics } from './delivery.metrics';
import { HttpSender, type HttpResult } from './http-sender';
import { classify } from './retry-policy';
import { nextRetryDelay } from './retry-schedule';

/** A record the delivery produces; the consumer writes them all before committing the offset. */
export interface OutputRecord {
  topic: string;
  message: Message;
}

/**
 * Delivers one task: resolves the endpoint's current view, signs (fresh timestamp, stable
 * `webhook-id`), POSTs, and turns the result into records — an attempt record always, plus a
 * delay-tier record for a retry or a DLQ record when retries are exhausted.
 */
@Injectable()
export class DeliverTaskUseCase {
  constructor(
    private readonly views: EndpointViewStore,
    private readonly sender: HttpSender,
    private readonly topics: TopicNames,
    private readonly tiers: DelayTiers,
    private readonly metrics: DeliveryMetrics,
    private readonly logger: Logger,
    @Inject(DISPATCHER_CONFIG) private readonly config: DispatcherConfig,
  ) {}

  async execute(task: DeliveryTask): Promise<OutputRecord[]> {
    const view = await this.views.viewAtLeast(task.endpointId, task.endpointVersion, this.config.ENDPOINT_VIEW_WAIT);
    if (!view) {
      // The endpoint change has not reached this dispatcher yet: wait in a tier, not counted.
      this.logger.warn('endpoint view behind the task; re-queued', {
        message_id: task.messageId,
        endpoint_id: task.endpointId,
      });
      this.metrics.requeued.inc({ reason: 'view_behind' });
      return [this.delayed(task, this.tiers.smallestMs)];
    }
    if (view.disabled) {
      const reason = view.deleted ? 'endpoint deleted' : 'endpoint disabled';
      this.metrics.outcomes.inc({ outcome: 'skipped', status_class: 'none' });
      return [this.attemptRecord(task, 0, 'skipped', { status: null, durationMs: 0, error: reason, body: '' })];
    }

    const keys = view.secrets.map(secretKey);
    const result = await this.sender.post(
      view.url,
      task.payload,
      standardWebhookHeaders(task.messageId, task.payload, keys),
    );
    const attempt = task.attempts + 1;
    const verdict = classify(result.status);
    this.metrics.observeAttempt(result, task.publishedAt, verdict === 'delivered');

    if (verdict === 'delivered') {
      this.metrics.outcomes.inc({ outcome: 'delivered', status_class: statusClass(result.status) });
      return [this.attemptRecord(task, attempt, 'delivered', result)];
    }
    const delay =
      verdict === 'retry'
        ? nextRetryDelay(view.delivery.retry, attempt, Date.now() - task.publishedAt, result.retryAfterMs)
        : null;
    const failed = {
      ...task,
      attempts: attempt,
      lastStatus: result.status ?? undefined,
      lastError: result.error ?? undefined,
    };
    if (delay !== null) {
      this.metrics.outcomes.inc({ outcome: 'retrying', status_class: statusClass(result.status) });
      return [this.attemptRecord(task, attempt, 'retrying', result), this.delayed(failed, delay)];
    }
    this.metrics.outcomes.inc({ outcome: 'dead_lettered', status_class: statusClass(result.status) });
    this.logger.warn('delivery dead-lettered', {
      message_id: task.messageId,
      endpoint_id: task.endpointId,
      attempts: attempt,
      status: result.status,
    });
    const dlq = encodeDeliveryTask(failed);
    dlq.headers = { ...dlq.headers, 'dead-lettered-at': String(Date.now()) };
    return [this.attemptRecord(task, attempt, 'dead_lettered', result), { topic: this.topics.dlq, message: dlq }];
  }

  private delayed(task: DeliveryTask, waitMs: number): OutputRecord {
    const tier = this.tiers.tierFor(waitMs);
    return { topic: this.topics.delay(tier), message: encodeDeliveryTask({ ...task, dueAt: Date.now() + waitMs }) };
  }

  private attemptRecord(
    task: DeliveryTask,
    attempt: number,
    outcome: AttemptOutcome,
    result: HttpResult,
  ): OutputRecord {
    return {
      topic: this.topics.attempts,
      message: encodeAttemptRecord({
        messageId: task.messageId,
        eventId: task.eventId,
        tenantId: task.tenantId,
        eventType: task.eventType,
        endpointId: task.endpointId,
        attempt,
        outcome,
        statusCode: result.status,
        error: result.error,
        durationMs: Math.round(result.durationMs),
        attemptedAt: Date.now(),
        publishedAt: task.publishedAt,
      }),
    };
  }
}

function statusClass(status: number | null): string {
  return status === null ? 'none' : `${Math.floor(status / 100)}xx`;
}
