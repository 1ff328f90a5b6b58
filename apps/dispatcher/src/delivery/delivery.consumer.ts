import { Inject, Injectable, type BeforeApplicationShutdown, type OnApplicationBootstrap } from '@nestjs/common';
import type { Consumer, EachBatchPayload, Kafka, Producer } from 'kafkajs';
import { BatchingProducer, KAFKA, TopicNames } from '@webhooks/kafka';
import { Logger, Readiness } from '@webhooks/observability';
import { DISPATCHER_CONFIG, type DispatcherConfig } from '../dispatcher.config';
import { DeliveryScheduler, type PartitionState } from './delivery-scheduler';

/**
 * Feeds `webhooks.deliveries` (read_committed: only tasks of committed fan-out transactions)
 * into the DeliveryScheduler and commits each partition at its low watermark. `eachBatch`
 * never waits for HTTP: it admits new records and returns, so heartbeats keep flowing however
 * slow an endpoint is, and one endpoint never holds up another. A partition with nothing new
 * to admit is paused until one of its records finishes (then it commits and fetches again).
 */
@Injectable()
export class DeliveryConsumer implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly consumer: Consumer;
  private readonly producer: Producer;
  private sweeper?: NodeJS.Timeout;

  constructor(
    @Inject(KAFKA) kafka: Kafka,
    private readonly topics: TopicNames,
    private readonly scheduler: DeliveryScheduler,
    private readonly readiness: Readiness,
    private readonly logger: Logger,
    @Inject(DISPATCHER_CONFIG) private readonly config: DispatcherConfig,
  ) {
    this.consumer = kafka.consumer({
      groupId: config.DISPATCH_GROUP,
      maxBytesPerPartition: 2 * 1024 * 1024,
      maxWaitTimeInMs: 500,
    });
    this.producer = kafka.producer({ idempotent: true, maxInFlightRequests: 1 });
    scheduler.useProducer(new BatchingProducer(this.producer, { acks: -1 }));
  }

  async onApplicationBootstrap(): Promise<void> {
    await this.producer.connect();
    await this.consumer.connect();
    await this.consumer.subscribe({ topic: this.topics.deliveries, fromBeginning: true });
    const { CRASH, REBALANCING, GROUP_JOIN } = this.consumer.events;
    this.consumer.on(CRASH, ({ payload }) =>
      this.logger.error('delivery consumer crashed', { error: payload.error, restart: payload.restart }),
    );
    this.consumer.on(REBALANCING, () => this.scheduler.closeGate());
    this.consumer.on(GROUP_JOIN, ({ payload }) => {
      const assigned = payload.memberAssignment[this.topics.deliveries] ?? [];
      this.scheduler.openGate(assigned);
      // Partitions paused before a rebalance can stay paused in kafkajs; fetch them afresh.
      if (assigned.length) this.consumer.resume([{ topic: this.topics.deliveries, partitions: assigned }]);
      this.logger.info('delivery partitions assigned', { partitions: assigned });
    });
    await this.consumer.run({
      autoCommit: false,
      eachBatchAutoResolve: false,
      partitionsConsumedConcurrently: this.config.PARTITIONS_CONCURRENTLY,
      eachBatch: (payload) => this.admit(payload),
    });
    this.sweeper = setInterval(() => this.scheduler.sweepIdleLanes(), 60_000);
    this.readiness.register({ name: 'delivery-consumer', check: () => true });
  }

  private async admit(payload: EachBatchPayload): Promise<void> {
    const { batch } = payload;
    if (payload.isStale()) return;
    const state = this.scheduler.partition(batch.partition);
    let admitted = 0;
    for (const message of batch.messages) {
      const offset = BigInt(message.offset);
      if (state.window.seen(offset)) continue;
      if (state.window.size >= this.config.MAX_WINDOW_PER_PARTITION) break;
      this.scheduler.admit(state, batch.partition, message);
      admitted += 1;
    }
    await this.commit(payload, state);
    if (admitted === 0 && state.window.size > 0) {
      // Nothing new here until a record finishes: stop fetching this partition till then.
      state.resume = payload.pause();
    }
  }

  private async commit(payload: EachBatchPayload, state: PartitionState): Promise<void> {
    const { batch } = payload;
    let next = state.window.advance();
    if (next === undefined && batch.messages.length === 0 && state.window.size === 0 && !batch.isEmpty()) {
      // Only transaction markers were fetched: step over them.
      next = BigInt(batch.lastOffset()) + 1n;
    }
    if (next === undefined) return;
    payload.resolveOffset((next - 1n).toString());
    await payload.commitOffsetsIfNecessary({
      topics: [{ topic: batch.topic, partitions: [{ partition: batch.partition, offset: next.toString() }] }],
    });
  }

  async beforeApplicationShutdown(): Promise<void> {
    clearInterval(this.sweeper);
    // Stop fetching, let running attempts finish (their outcomes are produced), commit, leave.
    this.consumer.pause([{ topic: this.topics.deliveries }]);
    await this.scheduler.drain(Math.max(0, this.config.SHUTDOWN_TIMEOUT - 5_000));
    const offsets = this.scheduler.assignedStates().flatMap(([partition, state]) => {
      const next = state.window.advance() ?? state.window.commitOffset;
      return next === undefined ? [] : [{ topic: this.topics.deliveries, partition, offset: next.toString() }];
    });
    if (offsets.length)
      await this.consumer
        .commitOffsets(offsets)
        .catch((error: unknown) => this.logger.warn('final commit failed', { error }));
    await this.consumer.disconnect();
    await this.producer.disconnect();
  }
}
