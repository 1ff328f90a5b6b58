import { Inject, Injectable } from '@nestjs/common';
import type { Message } from 'kafkajs';
import {
  encodeAttemptRecord,
  encodeDeliveryTask,
  type AttemptOutcome,
  type DeliveryTask,
  type EndpointView,
} from '@webhooks/contracts';
import { DelayTiers, TopicNames } from '@webhooks/kafka';
import { Logger } from '@webhooks/observability';
import { EndpointSecretCodec, isSignatureScheme, signDelivery } from '@webhooks/signing';
import { DISPATCHER_CONFIG, type DispatcherConfig } from '../dispatcher.config';
import { EndpointViewStore } from '../endpoint-view/endpoint-view.store';
import { DeliveryMetrics, type RequeueReason } from './delivery.metrics';
import { loggedBody, loggedHeaders } from './attempt-details';
import { HttpSender, type HttpResult } from './http-sender';
import { classify } from './retry-policy';
import { nextRetryDelay } from './retry-schedule';
import { deliveryHeaders, signingSecrets } from './signing-secrets';

/** A record the delivery produces; a task counts as done once all of its records are acknowledged. */
export interface OutputRecord {
  topic: string;
  message: Message;
}

export interface AttemptResult {
  outputs: OutputRecord[];
  /** Ordered endpoints retry in place: wait `delayMs`, then attempt `next`. */
  inlineRetry?: { delayMs: number; next: DeliveryTask };
  /** The endpoint asked for a pause (429/503 + Retry-After): no request to it before this time. */
  pauseUntil?: number;
}

/** Upper bound on how long one Retry-After may pause a whole endpoint. */
const MAX_ENDPOINT_PAUSE_MS = 3_600_000;

/**
 * Delivery policy for one task: resolve the endpoint's current view, sign (fresh timestamp,
 * stable `webhook-id`), POST, and turn the result into records — an attempt record always,
 * plus a delay-tier record for a retry or a DLQ record when the policy gives up.
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
    private readonly codec: EndpointSecretCodec,
    @Inject(DISPATCHER_CONFIG) private readonly config: DispatcherConfig,
  ) {}

  /** The endpoint's view once it is at least as new as the one the fan-out resolved (waits briefly). */
  resolveView(task: DeliveryTask): Promise<EndpointView | undefined> {
    return this.views.viewAtLeast(task.endpointId, task.endpointVersion, this.config.ENDPOINT_VIEW_WAIT);
  }

  /** A task for a disabled or deleted endpoint: logged as skipped, never sent. */
  skip(task: DeliveryTask, view: EndpointView): OutputRecord[] {
    const reason = view.deleted
      ? 'endpoint deleted'
      : view.pendingVerification
        ? 'endpoint pending verification'
        : 'endpoint disabled';
    this.metrics.outcomes.inc({ outcome: 'skipped', status_class: 'none' });
    return [this.attemptRecord(task, 0, 'skipped', { status: null, durationMs: 0, error: reason, body: '' })];
  }

  /** Parks a task in a delay tier without counting an attempt (throttling, backlog, stale view). */
  requeue(task: DeliveryTask, waitMs: number, reason: RequeueReason): OutputRecord {
    this.metrics.requeued.inc({ reason });
    return this.delayed(task, waitMs);
  }

  async attempt(task: DeliveryTask, view: EndpointView): Promise<AttemptResult> {
    const signature = signDelivery({
      scheme: isSignatureScheme(view.signatureScheme) ? view.signatureScheme : 'standard',
      webhookId: task.messageId,
      body: task.payload,
      secrets: signingSecrets(view, this.codec),
    });
    const headers = deliveryHeaders(view, signature);
    const result = await this.sender.post(view.url, task.payload, headers);
    const attempt = task.attempts + 1;
    const verdict = classify(result.status, view.delivery.retry);
    this.metrics.observeAttempt(result, task.publishedAt, verdict === 'delivered');
    const statusClass = classOf(result.status);
    const pauseUntil =
      result.retryAfterMs !== undefined && (result.status === 429 || result.status === 503)
        ? Date.now() + Math.min(result.retryAfterMs, MAX_ENDPOINT_PAUSE_MS)
        : undefined;

    if (verdict === 'delivered') {
      this.metrics.outcomes.inc({ outcome: 'delivered', status_class: statusClass });
      return { outputs: [this.attemptRecord(task, attempt, 'delivered', result)] };
    }
    const policy = view.delivery.retry;
    const delay =
      verdict === 'retry' ? nextRetryDelay(policy, attempt, Date.now() - task.publishedAt, result.retryAfterMs) : null;
    const failed: DeliveryTask = {
      ...task,
      attempts: attempt,
      lastStatus: result.status ?? undefined,
      lastError: result.error ?? undefined,
    };
    if (delay !== null) {
      this.metrics.outcomes.inc({ outcome: 'retrying', status_class: statusClass });
      const record = this.attemptRecord(task, attempt, 'retrying', result);
      if (view.delivery.ordered)
        return { outputs: [record], inlineRetry: { delayMs: delay, next: failed }, pauseUntil };
      this.metrics.retries.inc({ tier: String(this.tiers.tierFor(delay) / 1_000) });
      return { outputs: [record, this.delayed(failed, delay)], pauseUntil };
    }
    this.metrics.outcomes.inc({ outcome: 'dead_lettered', status_class: statusClass });
    this.logger.warn('delivery dead-lettered', {
      message_id: task.messageId,
      endpoint_id: task.endpointId,
      attempts: attempt,
      status: result.status,
    });
    const dlq = encodeDeliveryTask(failed);
    dlq.headers = { ...dlq.headers, 'dead-lettered-at': String(Date.now()) };
    return {
      outputs: [this.attemptRecord(task, attempt, 'dead_lettered', result), { topic: this.topics.dlq, message: dlq }],
      pauseUntil,
    };
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
        requestHeaders: result.requestHeaders && loggedHeaders(result.requestHeaders),
        responseBody: result.status === null ? undefined : loggedBody(result.body),
      }),
    };
  }
}

function classOf(status: number | null): string {
  return status === null ? 'none' : `${Math.floor(status / 100)}xx`;
}
