import { randomUUID } from 'node:crypto';
import type { Consumer, Kafka } from 'kafkajs';
import type { Logger } from '@webhooks/observability';
import { runSupervised } from './consumer-crash';

export interface CompactedTopicReader {
  /** Resolves once every record that existed at start-up has been applied. */
  caughtUp: Promise<void>;
  stop(): Promise<void>;
}

/**
 * Reads a compacted topic from the beginning into memory and keeps following it, through a
 * throwaway consumer group that never commits (every process reads it all). `caughtUp`
 * resolves when the end offsets seen at start-up are reached, so a service can refuse work
 * until its view is complete. Records are applied in offset order per partition, so the last
 * record of a key wins, as compaction would have it.
 */
export async function readCompactedTopic(options: {
  kafka: Kafka;
  topic: string;
  /** Names the group (`<name>-<uuid>`) and the crash log line. */
  name: string;
  logger: Logger;
  apply: (key: string, value: Buffer | null) => void;
}): Promise<CompactedTopicReader> {
  const admin = options.kafka.admin();
  await admin.connect();
  const ends = await admin.fetchTopicOffsets(options.topic).finally(() => admin.disconnect());
  const pending = new Map(ends.filter((p) => p.high !== p.low).map((p) => [p.partition, BigInt(p.high)]));
  let markCaughtUp!: () => void;
  const caughtUp = new Promise<void>((resolve) => (markCaughtUp = resolve));
  if (pending.size === 0) markCaughtUp();

  const consumer: Consumer = options.kafka.consumer({
    groupId: `${options.name}-${randomUUID()}`,
    maxWaitTimeInMs: 500,
  });
  await consumer.connect();
  await consumer.subscribe({ topic: options.topic, fromBeginning: true });
  await runSupervised(consumer, options.logger, options.name, {
    autoCommit: false,
    eachMessage: ({ partition, message }) => {
      if (message.key) {
        try {
          options.apply(message.key.toString(), message.value);
        } catch (error) {
          // Only subscriptions writes these topics; a record it cannot have written is skipped, loudly.
          options.logger.error('undecodable compacted record skipped', { topic: options.topic, error });
        }
      }
      const end = pending.get(partition);
      if (end !== undefined && BigInt(message.offset) + 1n >= end) {
        pending.delete(partition);
        if (pending.size === 0) markCaughtUp();
      }
      return Promise.resolve();
    },
  });
  return { caughtUp, stop: () => consumer.disconnect() };
}
