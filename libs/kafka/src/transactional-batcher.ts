import type { Kafka, Producer, ProducerConfig, TopicMessages } from 'kafkajs';
import { GroupCommit } from './group-commit';
import { chunkByBytes } from './request-chunks';

/** A consumed partition's next offset, committed in the same transaction as its output. */
export interface ConsumedOffset {
  topic: string;
  partition: number;
  /** The offset of the next record to consume (last processed + 1), as kafkajs takes it. */
  offset: string;
}

/** One caller's share of a transaction: the records it writes and the offsets they consume. */
export interface TransactionalWrite {
  topicMessages: TopicMessages[];
  offsets: ConsumedOffset[];
}

export interface TransactionalBatcherOptions {
  transactionalId: string;
  /** The consumer group whose offsets the transactions commit. */
  consumerGroupId: string;
  /**
   * kafkajs retry settings of the transactional producer. A transaction started right after the
   * previous commit often meets CONCURRENT_TRANSACTIONS (the coordinator is still writing the
   * previous markers) and is retried with this backoff, so the default starts small.
   */
  retry?: ProducerConfig['retry'];
  /** Called when the producer was re-initialised after a failed transaction. */
  onReplaced?: () => void;
  /** Least time between the starts of two transactions (GroupCommit's `minIntervalMs`; default 0). */
  lingerMs?: number;
}

/** CONCURRENT_TRANSACTIONS clears within milliseconds; the broker-outage budget stays ~8 s. */
export const TRANSACTION_RETRY = { initialRetryTime: 20, maxRetryTime: 2_000, retries: 10 } as const;

/**
 * Consume-transform-produce with Kafka transactions, one transaction for every caller that
 * arrives while the previous one is in flight (group commit). Each transaction costs the broker
 * the same handful of requests and one marker per partition touched whatever it carries, so a
 * consumer processing its partitions concurrently hands them to one transaction instead of one
 * each. The first caller starts a transaction at once (no added latency when idle). Each caller's
 * promise settles when the transaction holding its records and offsets commits (or fails: then
 * nothing of it is visible and its batch must be consumed again).
 *
 * After any failed transaction the producer is re-initialised before the next one: a producer
 * stuck in COMMITTING/ABORTING (broker unreachable) refuses new transactions, and kafkajs rolls
 * back sequence numbers of a failed request even for partitions the broker wrote
 * (patches/README.md). InitProducerId with the same transactional.id bumps the epoch, which makes
 * the coordinator abort (or finish) the open transaction: nothing half-written becomes visible.
 */
export class TransactionalBatcher {
  private readonly writes: GroupCommit<TransactionalWrite>;
  private producer: Producer;
  private usable = true;

  constructor(
    private readonly kafka: Kafka,
    private readonly options: TransactionalBatcherOptions,
  ) {
    this.producer = this.create();
    this.writes = new GroupCommit((group) => this.transact(group), { minIntervalMs: options.lingerMs });
  }

  private create(): Producer {
    return this.kafka.producer({
      transactionalId: this.options.transactionalId,
      idempotent: true,
      maxInFlightRequests: 1,
      retry: this.options.retry ?? TRANSACTION_RETRY,
    });
  }

  async connect(): Promise<void> {
    await this.producer.connect();
  }

  async disconnect(): Promise<void> {
    await this.producer.disconnect();
  }

  /** Resolves when `write` is committed (together with whatever shared its transaction). */
  commit(write: TransactionalWrite): Promise<void> {
    return this.writes.submit(write);
  }

  private async transact(batch: readonly TransactionalWrite[]): Promise<void> {
    if (!this.usable) {
      await this.producer.disconnect().catch(() => undefined);
      this.producer = this.create();
      await this.producer.connect();
      this.usable = true;
      this.options.onReplaced?.();
    }
    const transaction = await this.producer.transaction();
    try {
      // Several requests in the same transaction when the records exceed Kafka's 1 MiB batch limit.
      for (const chunk of chunkByBytes(batch.flatMap((p) => p.topicMessages)))
        await transaction.sendBatch({ topicMessages: chunk, acks: -1 });
      await transaction.sendOffsets({
        consumerGroupId: this.options.consumerGroupId,
        topics: offsetsByTopic(batch.flatMap((p) => p.offsets)),
      });
      await transaction.commit();
    } catch (error) {
      this.usable = false;
      await transaction.abort().catch(() => undefined);
      throw error;
    }
  }
}

/** kafkajs' sendOffsets shape; a partition named twice keeps its highest offset. */
function offsetsByTopic(offsets: readonly ConsumedOffset[]) {
  const byTopic = new Map<string, Map<number, string>>();
  for (const { topic, partition, offset } of offsets) {
    const partitions = byTopic.get(topic) ?? new Map<number, string>();
    byTopic.set(topic, partitions);
    const known = partitions.get(partition);
    if (known === undefined || BigInt(offset) > BigInt(known)) partitions.set(partition, offset);
  }
  return [...byTopic].map(([topic, partitions]) => ({
    topic,
    partitions: [...partitions].map(([partition, offset]) => ({ partition, offset })),
  }));
}
