import type { CompressionTypes, Kafka, Message, Producer, ProducerConfig, TopicMessages } from 'kafkajs';
import { GroupCommit } from './group-commit';
import { approximateRecordBytes, chunkByBytes, MAX_REQUEST_BYTES } from './request-chunks';

export interface BatchingProducerOptions {
  acks?: number;
  compression?: CompressionTypes;
  /** kafkajs retry settings of each send (default: the client's). */
  retry?: ProducerConfig['retry'];
  /**
   * Per topic, how the records of one flush are merged before they are sent (many small records
   * of one key into one, say); every caller's records are in the flush, in the order sent.
   */
  combine?: ReadonlyMap<string, (messages: Message[]) => Message[]>;
  /** Least time between the starts of two flushes (GroupCommit's `minIntervalMs`; default 0). */
  lingerMs?: number;
  /** Called when a failed send made it replace its producer. */
  onReplaced?: (error: unknown) => void;
}

/**
 * An idempotent producer (acks=all by default) that coalesces concurrent sends into one
 * `sendBatch` per round trip. kafkajs has no linger: each `send()` is its own request, and an
 * idempotent producer allows one request in flight, so concurrent callers would queue behind
 * each other. Here the first caller flushes at once (no added latency when idle); callers
 * arriving while a flush is in flight are sent together in the next one. Each caller's promise
 * settles when its own records are acknowledged.
 *
 * After a send that failed for good the kafkajs producer is replaced by a new one (a new
 * producer id): kafkajs rolls back the sequence numbers of a failed request even when the broker
 * wrote some of its partitions, so the next, different records would reuse those numbers and be
 * dropped by the broker as duplicates (patches/README.md). Callers retry with the new producer;
 * a record written by the old one may then be written twice, never lost.
 */
export class BatchingProducer {
  private readonly sends: GroupCommit<TopicMessages[]>;
  private producer: Producer;
  private needsConnect = true;

  constructor(
    private readonly kafka: Kafka,
    private readonly options: BatchingProducerOptions = {},
  ) {
    this.producer = this.create();
    this.sends = new GroupCommit((group) => this.flush(group), {
      // Up to about four requests' worth of records per flush.
      limit: { maxWeight: 4 * MAX_REQUEST_BYTES, weight: topicMessagesBytes },
      minIntervalMs: options.lingerMs,
    });
  }

  private create(): Producer {
    return this.kafka.producer({ idempotent: true, maxInFlightRequests: 1, retry: this.options.retry });
  }

  /** Connects now (optional: the first send connects otherwise). */
  async connect(): Promise<void> {
    await this.producer.connect();
    this.needsConnect = false;
  }

  async disconnect(): Promise<void> {
    await this.producer.disconnect();
  }

  send(topic: string, messages: Message[]): Promise<void> {
    return this.sendMany([{ topic, messages }]);
  }

  sendMany(topicMessages: TopicMessages[]): Promise<void> {
    return this.sends.submit(topicMessages);
  }

  /** One flush: the records of every caller in the group (a failure rejects them all). */
  private async flush(group: TopicMessages[][]): Promise<void> {
    try {
      if (this.needsConnect) await this.connect();
      const merged = mergeByTopic(group.flat()).map(({ topic, messages }) => ({
        topic,
        messages: this.options.combine?.get(topic)?.(messages) ?? messages,
      }));
      // Kafka refuses a partition batch over 1 MiB: big flushes go as several requests.
      for (const topicMessages of chunkByBytes(merged)) {
        await this.producer.sendBatch({
          topicMessages,
          acks: this.options.acks ?? -1,
          compression: this.options.compression,
        });
      }
    } catch (error) {
      await this.replace(error);
      throw error;
    }
  }

  /** A fresh producer (new producer id, sequence numbers from zero), connected by the next flush. */
  private async replace(error: unknown): Promise<void> {
    const old = this.producer;
    this.producer = this.create();
    this.needsConnect = true;
    await old.disconnect().catch(() => undefined);
    this.options.onReplaced?.(error);
  }
}

/** About the bytes of one caller's records (sizes a flush; chunkByBytes sizes its requests exactly). */
function topicMessagesBytes(topicMessages: TopicMessages[]): number {
  let bytes = 0;
  for (const { messages } of topicMessages) for (const m of messages) bytes += approximateRecordBytes(m);
  return bytes;
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
