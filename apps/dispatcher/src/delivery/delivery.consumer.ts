import { Inject, Injectable, type BeforeApplicationShutdown, type OnApplicationBootstrap } from '@nestjs/common';
import type { Consumer, EachBatchPayload, Kafka, KafkaMessage, Producer } from 'kafkajs';
import { decodeDeliveryTask, PoisonRecordError } from '@webhooks/contracts';
import { BatchingProducer, KAFKA, TopicNames } from '@webhooks/kafka';
import { Logger, Readiness } from '@webhooks/observability';
import { DISPATCHER_CONFIG, type DispatcherConfig } from '../dispatcher.config';
import { ConcurrencyLimit } from './concurrency-limit';
import { DeliverTaskUseCase, type OutputRecord } from './deliver-task.usecase';

/**
 * Consumes `webhooks.deliveries` (read_committed: only tasks of committed fan-out transactions).
 * Within a fetched batch, tasks of different endpoints run concurrently and tasks of one
 * endpoint run in order. All resulting records (attempts, retries, DLQ) are acknowledged by
 * Kafka before the batch's offset is committed: a crash re-delivers, never loses.
 */
@Injectable()
export class DeliveryConsumer implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly consumer: Consumer;
  private readonly producer: Producer;
  private readonly output: BatchingProducer;
  private readonly limit: ConcurrencyLimit;

  constructor(
    @Inject(KAFKA) kafka: Kafka,
    private readonly topics: TopicNames,
    private readonly deliverTask: DeliverTaskUseCase,
    private readonly readiness: Readiness,
    private readonly logger: Logger,
    @Inject(DISPATCHER_CONFIG) private readonly config: DispatcherConfig,
  ) {
    this.consumer = kafka.consumer({
      groupId: config.DISPATCH_GROUP,
      // A batch can include slow endpoints; the session stays alive through explicit heartbeats.
      sessionTimeout: 45_000,
      rebalanceTimeout: 60_000,
      heartbeatInterval: 3_000,
      maxBytesPerPartition: 1024 * 1024,
    });
    this.producer = kafka.producer({ idempotent: true, maxInFlightRequests: 1 });
    this.output = new BatchingProducer(this.producer, { acks: -1 });
    this.limit = new ConcurrencyLimit(config.MAX_IN_FLIGHT);
  }

  async onApplicationBootstrap(): Promise<void> {
    await this.producer.connect();
    await this.consumer.connect();
    await this.consumer.subscribe({ topic: this.topics.deliveries, fromBeginning: true });
    this.consumer.on(this.consumer.events.CRASH, ({ payload }) =>
      this.logger.error('delivery consumer crashed', { error: payload.error, restart: payload.restart }),
    );
    await this.consumer.run({
      autoCommit: false,
      eachBatchAutoResolve: false,
      partitionsConsumedConcurrently: this.config.PARTITIONS_CONCURRENTLY,
      eachBatch: (payload) => this.deliverBatch(payload),
    });
    this.readiness.register({ name: 'delivery-consumer', check: () => true });
  }

  private async deliverBatch(payload: EachBatchPayload): Promise<void> {
    // eslint-disable-next-line @typescript-eslint/unbound-method -- kafkajs payload functions are closures
    const { batch, resolveOffset, heartbeat, commitOffsetsIfNecessary, isStale } = payload;
    if (isStale() || batch.messages.length === 0) return;
    // Fire-and-forget: a failed heartbeat is simply retried on the next tick; the session timeout is the guard.
    const keepAlive = setInterval(() => void heartbeat().catch(() => undefined), 3_000);
    try {
      const byEndpoint = new Map<string, KafkaMessage[]>();
      for (const message of batch.messages) {
        const key = message.key?.toString() ?? '';
        const list = byEndpoint.get(key) ?? [];
        list.push(message);
        byEndpoint.set(key, list);
      }
      const outputs: OutputRecord[] = [];
      await Promise.all(
        [...byEndpoint.values()].map(async (messages) => {
          for (const message of messages)
            outputs.push(...(await this.limit.run(() => this.handle(message, batch.partition))));
        }),
      );
      await this.output.sendMany(groupByTopic(outputs));
      const last = batch.messages[batch.messages.length - 1].offset;
      resolveOffset(last);
      await commitOffsetsIfNecessary({
        topics: [
          { topic: batch.topic, partitions: [{ partition: batch.partition, offset: (BigInt(last) + 1n).toString() }] },
        ],
      });
    } finally {
      clearInterval(keepAlive);
    }
  }

  private async handle(message: KafkaMessage, partition: number): Promise<OutputRecord[]> {
    try {
      return await this.deliverTask.execute(decodeDeliveryTask(message));
    } catch (error) {
      if (!(error instanceof PoisonRecordError)) throw error;
      // An undecodable task cannot be delivered; park it whole in the DLQ and keep moving.
      this.logger.error('poison delivery task dead-lettered', {
        partition,
        offset: message.offset,
        reason: error.message,
      });
      return [
        {
          topic: this.topics.dlq,
          message: {
            key: message.key,
            value: message.value,
            headers: { ...message.headers, 'poison-reason': error.message, 'dead-lettered-at': String(Date.now()) },
          },
        },
      ];
    }
  }

  async beforeApplicationShutdown(): Promise<void> {
    // Waits for the batch in progress: its outcomes are produced and its offset committed.
    await this.consumer.disconnect();
    await this.producer.disconnect();
  }
}

export function groupByTopic(records: OutputRecord[]): { topic: string; messages: OutputRecord['message'][] }[] {
  const byTopic = new Map<string, OutputRecord['message'][]>();
  for (const { topic, message } of records) {
    const list = byTopic.get(topic) ?? [];
    list.push(message);
    byTopic.set(topic, list);
  }
  return [...byTopic].map(([topic, messages]) => ({ topic, messages }));
}
