import { Inject, Injectable, type BeforeApplicationShutdown, type OnApplicationBootstrap } from '@nestjs/common';
import type { Consumer, EachBatchPayload, Kafka } from 'kafkajs';
import { decodeAttemptRecord, type AttemptRecord } from '@webhooks/contracts';
import { KAFKA, TopicNames, runSupervised } from '@webhooks/kafka';
import { Logger } from '@webhooks/observability';
import { SUBSCRIPTIONS_CONFIG, type SubscriptionsConfig } from '../subscriptions.config';
import { retryWhileDatabaseDown } from '../persistence/database-retry';
import { AttemptRepository } from './attempt.repository';
import { TrackEndpointHealthUseCase } from './usecases/track-endpoint-health.usecase';

/**
 * Persists `webhooks.attempts` into the delivery log with one multi-row insert per fetched
 * batch, then feeds the batch to endpoint health; the offset is committed only after both.
 * Re-consumed records are ignored by the (message, attempt, outcome, time) primary key, and
 * health tolerates seeing a batch twice.
 */
@Injectable()
export class AttemptLogConsumer implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly consumer: Consumer;

  constructor(
    @Inject(KAFKA) kafka: Kafka,
    private readonly topics: TopicNames,
    private readonly attempts: AttemptRepository,
    private readonly logger: Logger,
    private readonly health: TrackEndpointHealthUseCase,
    @Inject(SUBSCRIPTIONS_CONFIG) config: SubscriptionsConfig,
  ) {
    this.consumer = kafka.consumer({ groupId: config.ATTEMPT_LOG_GROUP });
  }

  async onApplicationBootstrap(): Promise<void> {
    await this.consumer.connect();
    await this.consumer.subscribe({ topic: this.topics.attempts, fromBeginning: true });
    await runSupervised(this.consumer, this.logger, 'attempt-log', {
      autoCommit: false,
      eachBatchAutoResolve: false,
      partitionsConsumedConcurrently: 2,
      eachBatch: (payload) => this.persist(payload),
    });
  }

  private async persist(payload: EachBatchPayload): Promise<void> {
    // eslint-disable-next-line @typescript-eslint/unbound-method -- kafkajs payload functions are closures
    const { batch, resolveOffset, commitOffsetsIfNecessary, heartbeat, isRunning, isStale } = payload;
    if (isStale() || batch.messages.length === 0) return;
    const records: AttemptRecord[] = [];
    for (const message of batch.messages) {
      let record: AttemptRecord;
      try {
        record = decodeAttemptRecord(message.value);
      } catch (error) {
        this.logger.error('undecodable attempt record skipped', {
          partition: batch.partition,
          offset: message.offset,
          error,
        });
        continue;
      }
      records.push(record);
    }
    // Postgres down: hold this batch (no offset committed) until it is back.
    await retryWhileDatabaseDown(
      async () => {
        await this.attempts.storeAll(records);
        await this.health.execute(records);
      },
      { heartbeat, isRunning, isStale },
      this.logger,
      'attempt log',
    );
    const last = batch.messages[batch.messages.length - 1].offset;
    resolveOffset(last);
    await commitOffsetsIfNecessary({
      topics: [
        { topic: batch.topic, partitions: [{ partition: batch.partition, offset: (BigInt(last) + 1n).toString() }] },
      ],
    });
  }

  async beforeApplicationShutdown(): Promise<void> {
    await this.consumer.disconnect();
  }
}
