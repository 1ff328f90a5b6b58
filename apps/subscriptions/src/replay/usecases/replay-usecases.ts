import { Inject, Injectable } from '@nestjs/common';
import type { ReplayResponse } from '@webhooks/contracts';
import { Logger } from '@webhooks/observability';
import { webhookId } from '@webhooks/signing';
import { AttemptRepository } from '../../attempt-log/attempt.repository';
import type { EndpointEntity } from '../../endpoints/endpoint.entity';
import { EndpointException } from '../../endpoints/endpoint.exception';
import { EndpointRepository } from '../../endpoints/endpoint.repository';
import { MessageRepository } from '../../messages/message.repository';
import { SUBSCRIPTIONS_CONFIG, type SubscriptionsConfig } from '../../subscriptions.config';
import { DeadLetterReader, DeadLetterReadTimeout } from '../dead-letter-reader';
import { DeliveryQueue } from '../delivery-queue';
import type { RecoverFailedCommand, RedriveDeadLettersCommand, ResendMessageCommand } from '../replay.commands';
import { replayPayload } from '../replay-payload';
import { replayTask, type ReplaySource } from '../replay-task';

const RECOVER_PAGE = 1_000;

/**
 * The endpoint a replay targets: it must be this tenant's and live (else NOT_FOUND), and enabled
 * (else FAILED_PRECONDITION: the dispatcher would only log the replayed tasks as skipped).
 */
async function replayableEndpoint(
  endpoints: EndpointRepository,
  tenantId: string,
  endpointId: string,
): Promise<EndpointEntity> {
  const endpoint = await endpoints.findLive(tenantId, endpointId);
  if (!endpoint) throw EndpointException.notFound(endpointId);
  if (endpoint.disabled) throw EndpointException.disabled(endpointId);
  return endpoint;
}

@Injectable()
export class ResendMessageUseCase {
  constructor(
    private readonly endpoints: EndpointRepository,
    private readonly messages: MessageRepository,
    private readonly queue: DeliveryQueue,
    private readonly logger: Logger,
  ) {}

  /** Sends the stored message to the endpoint again, whatever became of earlier deliveries. */
  async execute(command: ResendMessageCommand): Promise<ReplayResponse> {
    const endpoint = await replayableEndpoint(this.endpoints, command.tenantId, command.endpointId);
    const message = await this.messages.find(command.tenantId, command.eventId);
    if (!message) throw EndpointException.messageNotFound(command.eventId);
    const body = await replayPayload(endpoint, message.payload);
    if ('error' in body) throw EndpointException.failedPrecondition(body.error);
    const source: ReplaySource = {
      messageId: webhookId(message.eventId, endpoint.id),
      eventId: message.eventId,
      tenantId: message.tenantId,
      eventType: message.eventType,
      endpointId: endpoint.id,
      payload: body.body,
    };
    const requeued = await this.queue.enqueue([replayTask(source, endpoint.version)]);
    this.logger.info('message resent', { endpoint_id: endpoint.id, event_id: message.eventId });
    return { requeued };
  }
}

@Injectable()
export class RedriveDeadLettersUseCase {
  constructor(
    private readonly endpoints: EndpointRepository,
    private readonly reader: DeadLetterReader,
    private readonly queue: DeliveryQueue,
    private readonly logger: Logger,
    @Inject(SUBSCRIPTIONS_CONFIG) private readonly config: SubscriptionsConfig,
  ) {}

  /**
   * Re-queues the matching DLQ records. With an endpoint filter that endpoint must be
   * replayable; without one, records of endpoints since deleted or disabled stay in the DLQ
   * (counted in the log) rather than being re-queued only to be skipped.
   */
  async execute(command: RedriveDeadLettersCommand): Promise<ReplayResponse> {
    if (command.endpointId) await replayableEndpoint(this.endpoints, command.tenantId, command.endpointId);
    let dead;
    try {
      dead = await this.reader.read(
        {
          tenantId: command.tenantId,
          endpointId: command.endpointId,
          sinceMs: command.sinceMs,
          untilMs: command.untilMs,
        },
        this.config.REDRIVE_TIMEOUT,
      );
    } catch (error) {
      if (error instanceof DeadLetterReadTimeout) throw EndpointException.timedOut(error.message);
      throw error;
    }
    const live = await this.endpoints.findLiveMany(command.tenantId, [...new Set(dead.map((t) => t.endpointId))]);
    const versions = new Map(live.filter((e) => !e.disabled).map((e) => [e.id, e.version]));
    const tasks = dead.flatMap((task) => {
      const version = versions.get(task.endpointId);
      return version === undefined ? [] : [replayTask(task, version)];
    });
    const requeued = await this.queue.enqueue(tasks);
    this.logger.info('dead letters redriven', {
      tenant_id: command.tenantId,
      endpoint_id: command.endpointId,
      matched: dead.length,
      requeued,
      left_for_unavailable_endpoints: dead.length - requeued,
    });
    return { requeued };
  }
}

@Injectable()
export class RecoverFailedUseCase {
  constructor(
    private readonly endpoints: EndpointRepository,
    private readonly attempts: AttemptRepository,
    private readonly messages: MessageRepository,
    private readonly queue: DeliveryQueue,
    private readonly logger: Logger,
  ) {}

  /**
   * Re-queues what the delivery log says is still failed for the endpoint since a time, page by
   * page (memory stays bounded however long the endpoint was down). Reads Postgres, not the
   * DLQ topic, so it also works once the DLQ records have expired — as long as the messages
   * are kept.
   */
  async execute(command: RecoverFailedCommand): Promise<ReplayResponse> {
    const endpoint = await replayableEndpoint(this.endpoints, command.tenantId, command.endpointId);
    let requeued = 0;
    let missing = 0;
    let untransformable = 0;
    let after = '';
    for (;;) {
      const failed = await this.attempts.deadLetteredSince(
        command.tenantId,
        endpoint.id,
        command.since,
        RECOVER_PAGE,
        after,
      );
      if (failed.length === 0) break;
      after = failed[failed.length - 1].messageId;
      const stored = new Map(
        (await this.messages.findMany(command.tenantId, [...new Set(failed.map((f) => f.eventId))])).map((m) => [
          m.eventId,
          m,
        ]),
      );
      const tasks = [];
      for (const { messageId, eventId } of failed) {
        const message = stored.get(eventId);
        const body = message ? await replayPayload(endpoint, message.payload) : undefined;
        if (!message || !body || 'error' in body) {
          if (body && 'error' in body) untransformable += 1;
          continue;
        }
        const source: ReplaySource = { ...message, payload: body.body, messageId, endpointId: endpoint.id };
        tasks.push(replayTask(source, endpoint.version));
      }
      missing += failed.length - tasks.length;
      requeued += await this.queue.enqueue(tasks);
      if (failed.length < RECOVER_PAGE) break;
    }
    this.logger.info('failed messages recovered', {
      endpoint_id: endpoint.id,
      requeued,
      not_requeued: missing,
      transformation_failed: untransformable,
    });
    return { requeued };
  }
}
