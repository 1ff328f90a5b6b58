import { Inject, Injectable, type BeforeApplicationShutdown, type OnApplicationBootstrap } from '@nestjs/common';
import type { Consumer, EachBatchPayload, Kafka } from 'kafkajs';
import { decodeEventRecord, encodeAttemptRecord, encodeDeliveryTask, type EventRecord } from '@webhooks/contracts';
import { KAFKA, TopicNames, TransactionalBatcher, runSupervised } from '@webhooks/kafka';
import { Logger, Readiness } from '@webhooks/observability';
import { EndpointRepository } from '../endpoints/endpoint.repository';
import { MessageRepository, type SourcedEvent } from '../messages/message.repository';
import { retryWhileDatabaseDown } from '../persistence/database-retry';
import { SUBSCRIPTIONS_CONFIG, type SubscriptionsConfig } from '../subscriptions.config';
import { FanoutMetrics } from './fanout.metrics';
import { PayloadRuleCache } from './payload-rule.cache';
import { planFanout } from './plan-fanout';

/**
 * Event partitions fanned out at once (the production topic has 6). Their Postgres lookups run in
 * parallel and their outputs share transactions, so a transaction's fixed cost (five requests,
 * a marker per partition touched) is paid once for several batches, not once per batch.
 */
const FANOUT_PARTITIONS_CONCURRENTLY = 6;

/**
 * Event bytes fetched per partition. Fan-out multiplies them (fan-out 10 turns 1 MiB of events
 * into ~13 MiB of task records, held until their transaction commits) and six partitions share a
 * transaction, so this bounds subscriptions' memory under a publishing burst: peak RSS 327–344 MB
 * at 512 KiB–1 MiB against 400–430 MB at 4 MiB (300,000 deliveries at max rate), throughput
 * within the noise (docs/performance.md).
 */
const FANOUT_FETCH_BYTES_PER_PARTITION = 1024 * 1024;

/**
 * Exactly-once fan-out: consumes `webhooks.events` and writes each fetched batch's delivery tasks
 * (and logged skips) together with the batch's consumed offsets in ONE Kafka transaction (which
 * the batches of other partitions in progress share). Dispatchers read committed, so they see
 * every task of an event or none, and a crash before commit replays the batch without leaving
 * duplicates visible. The batch's payloads are stored (for resend and recover) before the
 * transaction, so every task that becomes visible has its message in Postgres.
 */
@Injectable()
export class FanoutConsumer implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly consumer: Consumer;
  /** Transactions shared by the partitions' batches in progress (group commit). */
  private readonly output: TransactionalBatcher;
  private running = false;
  private readonly rules = new PayloadRuleCache();

  constructor(
    @Inject(KAFKA) kafka: Kafka,
    private readonly topics: TopicNames,
    private readonly endpoints: EndpointRepository,
    private readonly messages: MessageRepository,
    private readonly readiness: Readiness,
    private readonly logger: Logger,
    private readonly metrics: FanoutMetrics,
    @Inject(SUBSCRIPTIONS_CONFIG) config: SubscriptionsConfig,
  ) {
    this.consumer = kafka.consumer({
      groupId: config.FANOUT_GROUP,
      maxBytesPerPartition: FANOUT_FETCH_BYTES_PER_PARTITION,
    });
    this.output = new TransactionalBatcher(kafka, {
      transactionalId: config.FANOUT_TRANSACTIONAL_ID,
      consumerGroupId: config.FANOUT_GROUP,
      lingerMs: config.FANOUT_LINGER,
      onReplaced: () => this.logger.warn('fan-out producer re-initialised after a failed transaction'),
    });
  }

  async onApplicationBootstrap(): Promise<void> {
    await this.output.connect();
    await this.consumer.connect();
    await this.consumer.subscribe({ topic: this.topics.events, fromBeginning: true });
    await runSupervised(this.consumer, this.logger, 'fan-out', {
      autoCommit: false,
      eachBatchAutoResolve: false,
      // Partitions are resolved concurrently; their batches share transactions (TransactionalBatcher).
      partitionsConsumedConcurrently: FANOUT_PARTITIONS_CONCURRENTLY,
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

    const topicMessages = [];
    if (plan.tasks.length)
      topicMessages.push({ topic: this.topics.deliveries, messages: plan.tasks.map(encodeDeliveryTask) });
    if (plan.skips.length)
      topicMessages.push({ topic: this.topics.attempts, messages: plan.skips.map(encodeAttemptRecord) });
    await this.output.commit({
      topicMessages,
      offsets: [{ topic: batch.topic, partition: batch.partition, offset: (BigInt(lastOffset) + 1n).toString() }],
    });
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
    await this.output.disconnect();
  }
}
