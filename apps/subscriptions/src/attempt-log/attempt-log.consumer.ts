import { Inject, Injectable, type BeforeApplicationShutdown, type OnApplicationBootstrap } from '@nestjs/common';
import type { Consumer, EachBatchPayload, Kafka } from 'kafkajs';
import { decodeAttemptRecords, type AttemptRecord } from '@webhooks/contracts';
import { GroupCommit, KAFKA, PeriodicCommit, TopicNames, runSupervised } from '@webhooks/kafka';
import { Logger } from '@webhooks/observability';
import { SUBSCRIPTIONS_CONFIG, type SubscriptionsConfig } from '../subscriptions.config';
import { retryWhileDatabaseDown } from '../persistence/database-retry';
import { AttemptRepository } from './attempt.repository';
import { TrackEndpointHealthUseCase } from './usecases/track-endpoint-health.usecase';

/** How often the attempt log's consumed offsets are committed (all partitions in one request). */
const ATTEMPT_LOG_COMMIT_INTERVAL_MS = 500;
const ATTEMPT_LOG_FETCH_MIN_BYTES = 64 * 1024;
const ATTEMPT_LOG_FETCH_MAX_WAIT_MS = 100;
/** Upper bound on the rows of one insert (a consumer catching up fetches megabytes at once). */
const MAX_ROWS_PER_INSERT = 5_000;

/**
 * Persists `webhooks.attempts` (a record carries one attempt or, combined by the dispatcher,
 * several of one endpoint) into the delivery log with one multi-row insert per fetched batch, then feeds the batch to endpoint health; the offset is committed (periodically)
 * only after both.
 * Re-consumed records are ignored by the (message, attempt, outcome, time) primary key, and
 * health tolerates seeing a batch twice.
 */
@Injectable()
export class AttemptLogConsumer implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly consumer: Consumer;
  /** Per partition, the offset after the last persisted record, not committed yet. */
  private readonly persisted = new Map<number, string>();
  private readonly committer = new PeriodicCommit(() => this.commitPersisted(), ATTEMPT_LOG_COMMIT_INTERVAL_MS);
  /** Partition batches handled at once: all of a fetch, with the production partition count. */
  private readonly concurrency: number;
  private readonly writes = new GroupCommit<AttemptRecord[]>((batches) => this.store(batches.flat()), {
    limit: { maxWeight: MAX_ROWS_PER_INSERT, weight: (records) => records.length },
    gather: true,
  });

  constructor(
    @Inject(KAFKA) kafka: Kafka,
    private readonly topics: TopicNames,
    private readonly attempts: AttemptRepository,
    private readonly logger: Logger,
    private readonly health: TrackEndpointHealthUseCase,
    @Inject(SUBSCRIPTIONS_CONFIG) config: SubscriptionsConfig,
  ) {
    // Larger fetches, fewer and fuller inserts: the broker answers once 64 KiB (~100 attempt
    // records) are there or 100 ms passed. The log is not on the delivery path; at 2,500
    // deliveries/s answering at once (minBytes 1) meant 110–125 fetches and inserts a second.
    this.consumer = kafka.consumer({
      groupId: config.ATTEMPT_LOG_GROUP,
      minBytes: ATTEMPT_LOG_FETCH_MIN_BYTES,
      maxWaitTimeInMs: ATTEMPT_LOG_FETCH_MAX_WAIT_MS,
    });
    this.concurrency = config.KAFKA_DELIVERIES_PARTITIONS;
  }

  async onApplicationBootstrap(): Promise<void> {
    await this.consumer.connect();
    await this.consumer.subscribe({ topic: this.topics.attempts, fromBeginning: true });
    // Offsets persisted under the old assignment are not committed after a rebalance (the
    // partition may have moved on at its new owner); they are re-read instead.
    this.consumer.on(this.consumer.events.REBALANCING, () => this.persisted.clear());
    this.committer.start();
    await runSupervised(this.consumer, this.logger, 'attempt-log', {
      autoCommit: false,
      eachBatchAutoResolve: false,
      partitionsConsumedConcurrently: this.concurrency,
      eachBatch: (payload) => this.persist(payload),
    });
  }

  private async persist(payload: EachBatchPayload): Promise<void> {
    // eslint-disable-next-line @typescript-eslint/unbound-method -- kafkajs payload functions are closures
    const { batch, resolveOffset, heartbeat, isRunning, isStale } = payload;
    if (isStale() || batch.messages.length === 0) return;
    const records: AttemptRecord[] = [];
    for (const message of batch.messages) {
      try {
        // One attempt per record, or many (a dispatcher combines one endpoint's attempts per request).
        for (const record of decodeAttemptRecords(message.value)) records.push(record);
      } catch (error) {
        this.logger.error('undecodable attempt record skipped', {
          partition: batch.partition,
          offset: message.offset,
          error,
        });
      }
    }
    // Postgres down: hold this batch (no offset committed) until it is back.
    await retryWhileDatabaseDown(
      () => (records.length ? this.writes.submit(records) : Promise.resolve()),
      { heartbeat, isRunning, isStale },
      this.logger,
      'attempt log',
    );
    const last = batch.messages[batch.messages.length - 1].offset;
    resolveOffset(last);
    if (!isStale()) this.persisted.set(batch.partition, (BigInt(last) + 1n).toString());
  }

  /** One insert for the batches of every partition that came in together, then their health. */
  private async store(records: AttemptRecord[]): Promise<void> {
    await this.attempts.storeAll(records);
    await this.health.execute(records);
  }

  /**
   * Commits what was persisted, every partition in one request, every
   * ATTEMPT_LOG_COMMIT_INTERVAL_MS — not per batch: a fetch returns a batch per partition, and
   * one OffsetCommit per batch was 180–260 requests/s at 2,500 deliveries/s. A crash or a
   * rebalance re-reads at most that much, which the primary key absorbs (AttemptRepository.storeAll).
   */
  private async commitPersisted(): Promise<void> {
    if (this.persisted.size === 0) return;
    const offsets = [...this.persisted].map(([partition, offset]) => ({
      topic: this.topics.attempts,
      partition,
      offset,
    }));
    this.persisted.clear();
    try {
      await this.consumer.commitOffsets(offsets);
    } catch (error) {
      // Typically a rebalance in progress: tried again on the next tick unless newer offsets came.
      // (Committing a partition that moved meanwhile is harmless: its records are only re-read.)
      for (const { partition, offset } of offsets)
        if (!this.persisted.has(partition)) this.persisted.set(partition, offset);
      this.logger.debug('attempt log commit deferred', { error: (error as Error).message });
    }
  }

  async beforeApplicationShutdown(): Promise<void> {
    // A batch still being persisted is re-read after the restart (as after a crash).
    this.consumer.pause([{ topic: this.topics.attempts }]);
    await this.committer.stop();
    await this.committer.run();
    await this.consumer.disconnect();
  }
}
