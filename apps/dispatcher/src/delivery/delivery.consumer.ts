import { Inject, Injectable, type BeforeApplicationShutdown, type OnApplicationBootstrap } from '@nestjs/common';
import type { Consumer, EachBatchPayload, Kafka } from 'kafkajs';
import { combineAttemptRecords } from '@webhooks/contracts';
import { BatchingProducer, KAFKA, PeriodicCommit, TopicNames, runSupervised } from '@webhooks/kafka';
import { Logger, Readiness } from '@webhooks/observability';
import { DISPATCHER_CONFIG, type DispatcherConfig } from '../dispatcher.config';
import { DeliveryScheduler, type PartitionState } from './delivery-scheduler';

/** How often finished work is committed (the low watermark of every assigned partition, one request). */
const COMMIT_INTERVAL_MS = 200;
/**
 * Least time between two produce requests of outcomes (attempt records, retries, dead letters).
 * Outcomes are not on the delivery path — the POST has happened — so waiting costs no latency
 * a receiver sees, only slot time; at 2,500 deliveries/s one request per round trip was
 * 170–190 Produce requests a second.
 */
const OUTCOME_LINGER_MS = 10;
/**
 * Task bytes fetched per partition. A task's payload is a slice of the fetch response it came in,
 * so one task waiting in a lane keeps its whole response in memory: 1 MiB rather than 2 took the
 * dispatcher's peak RSS at max rate from 279–292 MB to 237 MB (with MALLOC_ARENA_MAX=2),
 * throughput unchanged (docs/performance.md, session 9).
 */
const DELIVERY_FETCH_BYTES_PER_PARTITION = 1024 * 1024;

/**
 * Feeds `webhooks.deliveries` (read_committed: only tasks of committed fan-out transactions)
 * into the DeliveryScheduler and commits each partition at its low watermark (every 200 ms).
 * `eachBatch` never waits for HTTP: it admits new records and returns, so heartbeats keep
 * flowing however slow an endpoint is, and a slow endpoint never holds up another. A partition is paused while
 * its window is full (until one of its records finishes) or while a fast endpoint's lane is
 * full (back-pressure: until the lane is half drained).
 */
@Injectable()
export class DeliveryConsumer implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly consumer: Consumer;
  private readonly producer: BatchingProducer;
  private sweeper?: NodeJS.Timeout;
  private reliever?: NodeJS.Timeout;
  /** Every assigned partition's low watermark, in one request (see commitLowWatermarks). */
  private readonly committer = new PeriodicCommit(() => this.commitLowWatermarks(), COMMIT_INTERVAL_MS);

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
      maxBytesPerPartition: DELIVERY_FETCH_BYTES_PER_PARTITION,
      maxWaitTimeInMs: 500,
    });
    this.producer = new BatchingProducer(kafka, {
      acks: -1,
      combine: new Map([[topics.attempts, combineAttemptRecords]]),
      lingerMs: OUTCOME_LINGER_MS,
    });
    scheduler.useProducer(this.producer);
  }

  async onApplicationBootstrap(): Promise<void> {
    await this.producer.connect();
    await this.consumer.connect();
    await this.consumer.subscribe({ topic: this.topics.deliveries, fromBeginning: true });
    const { REBALANCING, GROUP_JOIN } = this.consumer.events;
    this.consumer.on(REBALANCING, () => this.scheduler.closeGate());
    this.consumer.on(GROUP_JOIN, ({ payload }) => {
      const assigned = payload.memberAssignment[this.topics.deliveries] ?? [];
      this.scheduler.openGate(assigned);
      // Partitions paused before a rebalance can stay paused in kafkajs; fetch them afresh.
      if (assigned.length) this.consumer.resume([{ topic: this.topics.deliveries, partitions: assigned }]);
      this.logger.info('delivery partitions assigned', { partitions: assigned });
    });
    await runSupervised(this.consumer, this.logger, 'delivery', {
      autoCommit: false,
      eachBatchAutoResolve: false,
      partitionsConsumedConcurrently: this.config.PARTITIONS_CONCURRENTLY,
      eachBatch: (payload) => this.admit(payload),
    });
    this.sweeper = setInterval(() => this.scheduler.sweepIdleLanes(), 60_000);
    this.reliever = setInterval(() => this.scheduler.relieve(), 500);
    this.committer.start();
    this.readiness.register({ name: 'delivery-consumer', check: () => true });
  }

  private async admit(payload: EachBatchPayload): Promise<void> {
    const { batch } = payload;
    if (payload.isStale() || !this.scheduler.owns(batch.partition)) return;
    const state = this.scheduler.partition(batch.partition);
    const { lastAdmitted, stopped } = this.scheduler.admitBatch(state, batch.partition, batch.messages);
    // The fetch position moves past everything admitted (kafkajs never commits it: autoCommit
    // is off); the committed offset is the low watermark, so unfinished records survive a crash.
    const lastMessage = batch.messages[batch.messages.length - 1];
    // (Batches of transaction markers only never get here: kafkajs resolves those itself.)
    if (lastAdmitted !== undefined) {
      payload.resolveOffset(lastAdmitted);
      state.fetchedThrough = BigInt(lastAdmitted === lastMessage.offset ? batch.lastOffset() : lastAdmitted);
    }
    // Revoked while this batch waited for its turn: a pause now would outlive the GROUP_JOIN
    // resume and, on a partition that comes back, stop it for good.
    if (state.closed) return;
    // Checked in the same tick as admitBatch() and pause(): no finish can slip in between.
    if (stopped === 'window' && state.running > 0) {
      // Window full: nothing can be admitted until a running record finishes (its progress()
      // resumes fetching).
      state.waitingForProgress = true;
      state.resume = payload.pause();
    } else if (stopped === 'pressure' && !state.relieved()) {
      // A fast endpoint's lane is full: the rest stays in Kafka until the lane is half drained
      // (progress() or the periodic relieve() resumes fetching).
      state.resume = payload.pause();
    }
  }

  /**
   * Commits every assigned partition's low watermark in one request, every COMMIT_INTERVAL_MS
   * (and on shutdown). Not per fetched batch: a fetch returns a batch per partition, and one
   * OffsetCommit per batch was 190–260 requests/s at 2,500 deliveries/s for what one request
   * five times a second carries. The price is at most one interval of finished work delivered
   * again after a crash (at-least-once either way).
   */
  private async commitLowWatermarks(): Promise<void> {
    const offsets: { topic: string; partition: number; offset: string }[] = [];
    const states: [PartitionState, bigint][] = [];
    for (const [partition, state] of this.scheduler.assignedStates()) {
      const next = state.commitPoint();
      if (next === undefined) continue;
      offsets.push({ topic: this.topics.deliveries, partition, offset: next.toString() });
      states.push([state, next]);
    }
    if (offsets.length === 0) return;
    try {
      await this.consumer.commitOffsets(offsets);
      for (const [state, next] of states) state.committed = next;
    } catch (error) {
      // Typically a rebalance in progress; the next tick or the new owner's batch commits.
      this.logger.debug('periodic commit skipped', { error: (error as Error).message });
    }
  }

  async beforeApplicationShutdown(): Promise<void> {
    clearInterval(this.sweeper);
    clearInterval(this.reliever);
    await this.committer.stop();
    // Stop fetching, let running attempts finish (their outcomes are produced), commit, leave.
    this.consumer.pause([{ topic: this.topics.deliveries }]);
    await this.scheduler.drain(Math.max(0, this.config.SHUTDOWN_TIMEOUT - 5_000));
    await this.committer.run();
    await this.consumer.disconnect();
    await this.producer.disconnect();
  }
}
