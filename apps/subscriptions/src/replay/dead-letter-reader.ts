import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import type { Kafka, KafkaMessage } from 'kafkajs';
import { decodeDeliveryTask, headerString, type DeliveryTask } from '@webhooks/contracts';
import { KAFKA, TopicNames } from '@webhooks/kafka';
import { Logger } from '@webhooks/observability';

/** Which dead letters to read. */
export interface DeadLetterFilter {
  tenantId: string;
  endpointId?: string;
  /** Inclusive, epoch ms of `dead-lettered-at`. */
  sinceMs?: number;
  /** Exclusive. */
  untilMs?: number;
}

export class DeadLetterReadTimeout extends Error {}

/**
 * Record timestamps are set by the dispatcher's producer, `dead-lettered-at` by the dispatcher
 * just before: the first is never earlier, except for clock skew between hosts. Starting the
 * scan a minute early costs a few records and keeps skew from hiding any.
 */
const CLOCK_SLACK_MS = 60_000;

/**
 * Reads the DLQ topic as it is at call time. End offsets are fixed first (records dead-lettered
 * while the scan runs are not chased); each partition starts at the first record at or after
 * `since` (by timestamp) or at its beginning. kafkajs can only consume through a group, so a
 * throwaway group with a unique id is used: it never commits, and disappears once empty.
 * The latest record of each message wins (a message redriven and dead-lettered again has two).
 */
@Injectable()
export class DeadLetterReader {
  constructor(
    @Inject(KAFKA) private readonly kafka: Kafka,
    private readonly topics: TopicNames,
    private readonly logger: Logger,
  ) {}

  async read(filter: DeadLetterFilter, timeoutMs: number): Promise<DeliveryTask[]> {
    const topic = this.topics.dlq;
    const ranges = await this.ranges(topic, filter.sinceMs);
    const pending = new Map([...ranges].filter(([, r]) => r.start < r.end));
    const found = new Map<string, DeliveryTask>();
    if (pending.size === 0) return [];

    const groupId = `dlq-redrive-${randomUUID()}`;
    const consumer = this.kafka.consumer({ groupId, maxWaitTimeInMs: 500, allowAutoTopicCreation: false });
    let poison = 0;
    let timer: NodeJS.Timeout | undefined;
    try {
      let finished!: () => void;
      const done = new Promise<void>((resolve) => (finished = resolve));
      const progress = (partition: number, offset: bigint) => {
        const range = pending.get(partition);
        if (range && offset >= range.end - 1n) pending.delete(partition);
        if (pending.size === 0) finished();
      };
      await consumer.connect();
      await consumer.subscribe({ topic, fromBeginning: true });
      // Fires after every batch, including batches holding only transaction markers, which
      // never reach eachBatch but still move the partition towards its end offset.
      consumer.on(consumer.events.END_BATCH_PROCESS, ({ payload }) => {
        if (payload.topic === topic) progress(payload.partition, BigInt(payload.lastOffset));
      });
      await consumer.run({
        autoCommit: false,
        eachBatch: async ({ batch }) => {
          const range = ranges.get(batch.partition);
          if (!range) return;
          for (const message of batch.messages) {
            if (BigInt(message.offset) >= range.end) break;
            const task = this.decode(message);
            if (task === null) poison++;
            else if (matches(task, deadLetteredAt(message), filter)) found.set(task.messageId, task);
          }
        },
      });
      for (const [partition, range] of pending) consumer.seek({ topic, partition, offset: range.start.toString() });
      const expired = new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new DeadLetterReadTimeout(`DLQ not read within ${timeoutMs} ms`)), timeoutMs);
      });
      await Promise.race([done, expired]);
    } finally {
      clearTimeout(timer);
      await consumer.disconnect();
    }
    if (poison) this.logger.warn('undecodable DLQ records skipped by redrive', { records: poison });
    return [...found.values()];
  }

  private async ranges(
    topic: string,
    sinceMs: number | undefined,
  ): Promise<Map<number, { start: bigint; end: bigint }>> {
    const admin = this.kafka.admin();
    await admin.connect();
    try {
      // End offsets first: the snapshot bounds the scan however fast the DLQ grows.
      const ends = await admin.fetchTopicOffsets(topic);
      const starts =
        sinceMs === undefined
          ? ends.map(({ partition, low }) => ({ partition, offset: low }))
          : await admin.fetchTopicOffsetsByTimestamp(topic, Math.max(0, sinceMs - CLOCK_SLACK_MS));
      return new Map(
        ends.map(({ partition, high, low }) => {
          const start = starts.find((s) => s.partition === partition)?.offset ?? low;
          // Retention may have removed records since the start was looked up.
          const first = BigInt(start) < BigInt(low) ? BigInt(low) : BigInt(start);
          return [partition, { start: first, end: BigInt(high) }];
        }),
      );
    } finally {
      await admin.disconnect();
    }
  }

  private decode(message: KafkaMessage): DeliveryTask | null {
    try {
      return decodeDeliveryTask(message);
    } catch {
      return null;
    }
  }
}

/** When the record was dead-lettered: its header, or the record time for records without one. */
function deadLetteredAt(message: KafkaMessage): number {
  const header = Number(headerString(message.headers, 'dead-lettered-at'));
  return Number.isFinite(header) && header > 0 ? header : Number(message.timestamp);
}

function matches(task: DeliveryTask, at: number, filter: DeadLetterFilter): boolean {
  return (
    task.tenantId === filter.tenantId &&
    (filter.endpointId === undefined || task.endpointId === filter.endpointId) &&
    (filter.sinceMs === undefined || at >= filter.sinceMs) &&
    (filter.untilMs === undefined || at < filter.untilMs)
  );
}
