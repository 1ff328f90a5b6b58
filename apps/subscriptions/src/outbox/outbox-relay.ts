import { Inject, Injectable, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import type { Kafka, Producer } from 'kafkajs';
import { DataSource, In } from 'typeorm';
import { encodeEndpointView, type EndpointView } from '@webhooks/contracts';
import { KAFKA, TopicNames } from '@webhooks/kafka';
import { Logger } from '@webhooks/observability';
import { EndpointEntity } from '../endpoints/endpoint.entity';
import { deliveryOptions } from '../endpoints/endpoint.mapper';
import { SUBSCRIPTIONS_CONFIG, type SubscriptionsConfig } from '../subscriptions.config';

const BATCH = 500;

/** The dispatcher's view of an endpoint row. */
export function endpointView(endpoint: EndpointEntity): EndpointView {
  return {
    id: endpoint.id,
    tenantId: endpoint.tenantId,
    url: endpoint.url,
    secrets: [endpoint.secret],
    disabled: endpoint.disabled || endpoint.deletedAt !== null,
    deleted: endpoint.deletedAt !== null,
    version: endpoint.version,
    delivery: deliveryOptions(endpoint),
  };
}

/**
 * Moves endpoint changes from the Postgres outbox to the compacted `webhooks.endpoints` topic.
 * It publishes each endpoint's *current* row (not the change), so re-publishing after a crash
 * between the Kafka ack and the outbox delete is harmless. Rows are claimed with SKIP LOCKED,
 * so several replicas can run it. Kicked after every change, polled as a safety net.
 */
@Injectable()
export class OutboxRelay implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly producer: Producer;
  private timer?: NodeJS.Timeout;
  private running?: Promise<void>;
  private again = false;

  constructor(
    @Inject(KAFKA) kafka: Kafka,
    private readonly topics: TopicNames,
    private readonly dataSource: DataSource,
    private readonly logger: Logger,
    @Inject(SUBSCRIPTIONS_CONFIG) private readonly config: SubscriptionsConfig,
  ) {
    this.producer = kafka.producer({ idempotent: true, maxInFlightRequests: 1 });
  }

  async onApplicationBootstrap(): Promise<void> {
    await this.producer.connect();
    this.timer = setInterval(() => this.kick(), this.config.OUTBOX_POLL_INTERVAL);
    this.kick();
  }

  /** Publish pending changes soon; coalesces concurrent kicks into one more pass. */
  kick(): void {
    if (this.running) {
      this.again = true;
      return;
    }
    this.running = this.drain()
      .catch((error: unknown) => this.logger.warn('outbox relay pass failed; will retry', { error }))
      .finally(() => {
        this.running = undefined;
        if (this.again) {
          this.again = false;
          this.kick();
        }
      });
  }

  private async drain(): Promise<void> {
    while ((await this.relayOnce()) === BATCH);
  }

  /** Publishes one batch of pending changes; returns how many outbox rows it consumed. */
  async relayOnce(): Promise<number> {
    return this.dataSource.transaction(async (tx) => {
      const rows: { id: string; endpoint_id: string }[] = await tx.query(
        "SELECT id, ref AS endpoint_id FROM outbox WHERE kind = 'endpoint' ORDER BY id LIMIT $1 FOR UPDATE SKIP LOCKED",
        [BATCH],
      );
      if (rows.length === 0) return 0;
      const ids = [...new Set(rows.map((row) => row.endpoint_id))];
      const endpoints = await tx.getRepository(EndpointEntity).findBy({ id: In(ids) });
      await this.producer.send({
        topic: this.topics.endpoints,
        acks: -1,
        messages: endpoints.map((endpoint) => encodeEndpointView(endpoint.id, endpointView(endpoint))),
      });
      await tx.query('DELETE FROM outbox WHERE id = ANY($1)', [rows.map((row) => row.id)]);
      this.logger.debug('published endpoint views', { endpoints: ids.length });
      return rows.length;
    });
  }

  async onApplicationShutdown(): Promise<void> {
    clearInterval(this.timer);
    await this.running;
    await this.producer.disconnect();
  }
}
