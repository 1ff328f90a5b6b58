import { Inject, Injectable, type BeforeApplicationShutdown, type OnApplicationBootstrap } from '@nestjs/common';
import type { Consumer, EachBatchPayload, Kafka, Producer } from 'kafkajs';
import { decodeEventRecord, encodeAttemptRecord, encodeDeliveryTask, type EventRecord } from '@webhooks/contracts';
import { chunkByBytes, KAFKA, TopicNames, runSupervised } from '@webhooks/kafka';
import { Logger, Readiness } from '@webhooks/observability';
import { EndpointRepository } from '../endpoints/endpoint.repository';
import { MessageRepository, type SourcedEvent } from '../messages/message.repository';
import { retryWhileDatabaseDown } from '../persistence/database-retry';
import { SUBSCRIPTIONS_CONFIG, type SubscriptionsConfig } from '../subscriptions.config';
import { FanoutMetrics } from './fanout.metrics';
import { PayloadRuleCache } from './payload-rule.cache';
import { planFanout } from './plan-fanout';

/**
 * Exactly-once fan-out: consumes `webhooks.events` and, per fetched batch, writes all its
 * delivery tasks (and logged skips) together with the batch's consumed offsets in ONE Kafka
 * transaction. Dispatchers read committed, so they see every task of an event or none, and a
 * crash before commit replays the batch without leaving duplicates visible. The batch's payloads
 * are stored (for resend and recover) before the transaction, so every task that becomes
 * visible has its message in Postgres.
 */
@Injectable()
export class FanoutConsumer implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly consumer: Consumer;
  private producer: Producer;
  /** False after a transaction failed: the producer is replaced before the next one. */
  private producerUsable = true;
  private running = false;
  private readonly rules = new PayloadRuleCache();

  constructor(
    @Inject(KAFKA) private readonly kafka: Kafka,
    private readonly topics: TopicNames,
    private readonly endpoints: EndpointRepository,
    private readonly messages: MessageRepository,
    private readonly readiness: Readiness,
    private readonly logger: Logger,
    private readonly metrics: FanoutMetrics,
    @Inject(SUBSCRIPTIONS_CONFIG) private readonly config: SubscriptionsConfig,
  ) {
    this.consumer = kafka.consumer({ groupId: config.FANOUT_GROUP, maxBytesPerPartition: 4 * 1024 * 1024 });
    this.producer = this.newProducer();
  }

  private newProducer(): Producer {
    return this.kafka.producer({
      transactionalId: this.config.FANOUT_TRANSACTIONAL_ID,
      idempotent: true,
      maxInFlightRequests: 1,
    });
  }

  /**
   * The transactional producer, replaced after any failed transaction. Two reasons: when the
   * transaction could neither commit nor abort (the broker was unreachable) kafkajs stays stuck in
   * COMMITTING/ABORTING and refuses every new transaction; and kafkajs rolls back the sequence
   * numbers of a failed produce request even for partitions the broker wrote, so the next
   * transaction's records could be taken for duplicates and silently dropped (patches/README.md).
   * A fresh producer with the same transactional.id re-runs InitProducerId: the epoch bump makes
   * the coordinator abort (or finish) the open transaction, so nothing half-written ever becomes
   * visible, and sequence numbers start again from zero.
   */
  private async transactionalProducer(): Promise<Producer> {
    if (!this.producerUsable) {
      await this.producer.disconnect().catch(() => undefined);
      this.producer = this.newProducer();
      await this.producer.connect();
      this.producerUsable = true;
      this.logger.warn('fan-out producer re-initialised after a failed transaction');
    }
    return this.producer;
  }

  async onApplicationBootstrap(): Promise<void> {
    await this.producer.connect();
    await this.consumer.connect();
    await this.consumer.subscribe({ topic: this.topics.events, fromBeginning: true });
    await runSupervised(this.consumer, this.logger, 'fan-out', {
      autoCommit: false,
      eachBatchAutoResolve: false,
      // One transaction at a time per producer: partitions are processed one after another.
      partitionsConsumedConcurrently: 1,
      eachBatch: (payload) => this.fanOut(payload),
    });
    this.running = true;
    this.readiness.register({ name: 'fanout-consumer', check: () => this.running });
  }

  // eslint-disable-next-line @typescript-eslint/unbound-method -- kafkajs payload functions are closures
  private async fanOut({ batch, resolveOffset, heartbeat, isRunning, isStale }: EachBatchPayload): Promise<void> {
    if (!isRunning() || isStale() || batch.messages.length === 0) return;
    const sourced: SourcedEvent[] = [];
    for (const message of batch.messages) {
      try {
        sourced.push({ event: decodeEventRecord(message), partition: batch.partition, offset: message.offset });
      } catch (error) {
        // Only ingestion writes this topic; an undecodable record cannot name its endpoints.
        this.logger.error('undecodable event record skipped', {
          offset: message.offset,
          partition: batch.partition,
          error,
        });
      }
    }
    // A repeated publish inside this batch: only the first record of an event id counts.
    const seen = new Set<string>();
    const unique = sourced.filter(({ event }) => !seen.has(event.eventId) && seen.add(event.eventId));
    const tenants = [...new Set(unique.map(({ event }) => event.tenantId))];
    // Both statements at once: the payload insert (idempotent, so a replayed batch is harmless)
    // costs the hot path no extra round trip.
    const endResolution = this.metrics.resolution.startTimer();
    // Postgres down: hold this batch (no transaction, no offset) until it is back.
    const [targets, repeats] = await retryWhileDatabaseDown(
      () => Promise.all([tenants.length ? this.endpoints.liveForTenants(tenants) : [], this.messages.storeAll(unique)]),
      { heartbeat, isRunning, isStale },
      this.logger,
      'fan-out',
    );
    endResolution();
    const events: EventRecord[] = unique.filter(({ event }) => !repeats.has(event.eventId)).map(({ event }) => event);
    const duplicates = sourced.length - events.length;
    const plan = await planFanout(events, targets, { rules: this.rules });
    const lastOffset = batch.messages[batch.messages.length - 1].offset;

    const transaction = await (await this.transactionalProducer()).transaction();
    try {
      const topicMessages = [];
      if (plan.tasks.length)
        topicMessages.push({ topic: this.topics.deliveries, messages: plan.tasks.map(encodeDeliveryTask) });
      if (plan.skips.length)
        topicMessages.push({ topic: this.topics.attempts, messages: plan.skips.map(encodeAttemptRecord) });
      // Several requests in the same transaction when the batch is large (Kafka's 1 MiB batch limit).
      for (const chunk of chunkByBytes(topicMessages)) await transaction.sendBatch({ topicMessages: chunk, acks: -1 });
      await transaction.sendOffsets({
        consumerGroupId: this.config.FANOUT_GROUP,
        topics: [
          {
            topic: batch.topic,
            partitions: [{ partition: batch.partition, offset: (BigInt(lastOffset) + 1n).toString() }],
          },
        ],
      });
      await transaction.commit();
    } catch (error) {
      this.producerUsable = false;
      await transaction.abort().catch(() => undefined);
      throw error;
    }
    resolveOffset(lastOffset);
    if (duplicates > 0) {
      this.metrics.duplicates.inc(duplicates);
      this.logger.debug('repeated publishes not fanned out again', { partition: batch.partition, duplicates });
    }
    this.metrics.committed(
      events.map((e) => e.eventId),
      plan.tasks.map((t) => t.eventId),
    );
    await heartbeat();
    this.logger.debug('fanned out', {
      partition: batch.partition,
      events: events.length,
      tasks: plan.tasks.length,
      skips: plan.skips.length,
    });
  }

  async beforeApplicationShutdown(): Promise<void> {
    this.running = false;
    // disconnect() waits for the batch in progress (its transaction commits or aborts).
    await this.consumer.disconnect();
    await this.producer.disconnect();
  }
}
