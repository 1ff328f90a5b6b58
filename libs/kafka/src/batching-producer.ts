import type { CompressionTypes, Message, Producer, TopicMessages } from 'kafkajs';
import { chunkByBytes, MAX_REQUEST_BYTES, recordBytes } from './request-chunks';

interface Pending {
  topicMessages: TopicMessages[];
  resolve: () => void;
  reject: (error: unknown) => void;
}

/**
 * Coalesces concurrent sends into one `sendBatch` per round trip. kafkajs has no linger: each
 * `send()` is its own request, and an idempotent producer allows one request in flight, so
 * concurrent callers would queue behind each other. Here the first caller flushes at once
 * (no added latency when idle); callers arriving while a flush is in flight are sent together
 * in the next one. Each caller's promise settles when its own records are acknowledged.
 */
export class BatchingProducer {
  private queue: Pending[] = [];
  private flushing = false;

  constructor(
    private readonly producer: Producer,
    private readonly options: { acks?: number; compression?: CompressionTypes } = {},
  ) {}

  send(topic: string, messages: Message[]): Promise<void> {
    return this.sendMany([{ topic, messages }]);
  }

  sendMany(topicMessages: TopicMessages[]): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      this.queue.push({ topicMessages, resolve, reject });
      if (!this.flushing) void this.flush();
    });
  }

  private async flush(): Promise<void> {
    this.flushing = true;
    try {
      while (this.queue.length > 0) {
        const batch = this.takeBatch();
        try {
          // Kafka refuses a partition batch over 1 MiB: big flushes go as several requests.
          for (const topicMessages of chunkByBytes(mergeByTopic(batch.flatMap((p) => p.topicMessages)))) {
            await this.producer.sendBatch({
              topicMessages,
              acks: this.options.acks ?? -1,
              compression: this.options.compression,
            });
          }
          for (const pending of batch) pending.resolve();
        } catch (error) {
          for (const pending of batch) pending.reject(error);
        }
      }
    } finally {
      this.flushing = false;
    }
  }

  /** The callers to serve in one flush: up to about four requests' worth of records. */
  private takeBatch(): Pending[] {
    let bytes = 0;
    let count = 0;
    while (count < this.queue.length && (count === 0 || bytes < 4 * MAX_REQUEST_BYTES)) {
      for (const { messages } of this.queue[count].topicMessages) for (const m of messages) bytes += recordBytes(m);
      count += 1;
    }
    return this.queue.splice(0, count);
  }
}

function mergeByTopic(all: TopicMessages[]): TopicMessages[] {
  const byTopic = new Map<string, Message[]>();
  for (const { topic, messages } of all) {
    const list = byTopic.get(topic);
    if (list) list.push(...messages);
    else byTopic.set(topic, [...messages]);
  }
  return [...byTopic].map(([topic, messages]) => ({ topic, messages }));
}
