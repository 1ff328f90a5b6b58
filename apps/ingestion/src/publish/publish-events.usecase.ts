import { Inject, Injectable } from '@nestjs/common';
import { encodeEventRecord } from '@webhooks/contracts';
import { Logger } from '@webhooks/observability';
import { IngestionErrorCode, IngestionException } from '../ingestion.exception';
import { INGESTION_CONFIG, type IngestionConfig } from '../ingestion.config';
import { EventLog } from './event-log';
import { IngestionMetrics } from './ingestion.metrics';
import type { PublishEventCommand } from './publish-event.command';

/**
 * Writes validated events to `webhooks.events` and returns their ids only once Kafka has
 * acknowledged them (acks=all, idempotent producer). Any failure, including the publish
 * timeout, is UNAVAILABLE: the caller cannot know whether the write landed and retries with
 * the same idempotency key, which maps to the same event id.
 */
@Injectable()
export class PublishEventsUseCase {
  constructor(
    private readonly eventLog: EventLog,
    private readonly logger: Logger,
    private readonly metrics: IngestionMetrics,
    @Inject(INGESTION_CONFIG) private readonly config: IngestionConfig,
  ) {}

  async execute(commands: PublishEventCommand[]): Promise<{ eventId: string }[]> {
    const publishedAt = Date.now();
    const records = commands.map((c) =>
      encodeEventRecord({
        eventId: c.eventId,
        tenantId: c.tenantId,
        eventType: c.eventType,
        publishedAt,
        payload: c.payload,
      }),
    );
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(
        () => reject(new Error(`no acknowledgement within ${this.config.PUBLISH_TIMEOUT} ms`)),
        this.config.PUBLISH_TIMEOUT,
      );
    });
    const endTimer = this.metrics.publishDuration.startTimer();
    try {
      await Promise.race([this.eventLog.append(records), timeout]);
    } catch (error) {
      this.metrics.produceErrors.inc();
      this.logger.warn('publish failed', { error: (error as Error).message, events: commands.length });
      throw new IngestionException(
        IngestionErrorCode.KafkaUnavailable,
        `events not accepted: Kafka unavailable (${(error as Error).message})`,
      );
    } finally {
      clearTimeout(timer);
      endTimer();
    }
    this.metrics.accepted(commands.length);
    for (const c of commands)
      this.logger.debug('event accepted', { event_id: c.eventId, tenant_id: c.tenantId, event_type: c.eventType });
    return commands.map((c) => ({ eventId: c.eventId }));
  }
}
