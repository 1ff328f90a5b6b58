import { Inject, Injectable, type BeforeApplicationShutdown, type OnApplicationBootstrap } from '@nestjs/common';
import type { Consumer, EachBatchPayload, Kafka, Message } from 'kafkajs';
import { decodeDeliveryTask, encodeDeliveryTask, PoisonRecordError } from '@webhooks/contracts';
import { BatchingProducer, DelayTiers, KAFKA, planRelease, TopicNames, runSupervised } from '@webhooks/kafka';
import { Logger } from '@webhooks/observability';
import { DISPATCHER_CONFIG, type DispatcherConfig } from '../dispatcher.config';
import { groupByTopic } from '../delivery/delivery-scheduler';
import type { OutputRecord } from '../delivery/deliver-task.usecase';

/**
 * Releases tasks from the `webhooks.delay.<tier>` topics. Every record of a tier waits the same
 * time after entering it, so a partition is ordered by release time: the consumer releases the
 * due prefix of a batch (back to `webhooks.deliveries`, or into a shorter tier when the task is
 * still far from due), commits it, and pauses the partition until the head is due.
 */
@Injectable()
export class DelayConsumer implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly consumer: Consumer;
  private readonly output: BatchingProducer;
  private readonly tierOfTopic: Map<string, number>;
  private readonly resumeTimers = new Set<NodeJS.Timeout>();

  constructor(
    @Inject(KAFKA) kafka: Kafka,
    private readonly topics: TopicNames,
    private readonly tiers: DelayTiers,
    private readonly logger: Logger,
    @Inject(DISPATCHER_CONFIG) config: DispatcherConfig,
  ) {
    this.consumer = kafka.consumer({ groupId: config.DELAY_GROUP, maxWaitTimeInMs: 1_000 });
    this.output = new BatchingProducer(kafka, { acks: -1 });
    this.tierOfTopic = new Map(tiers.tiersMs.map((tier) => [topics.delay(tier), tier]));
  }

  async onApplicationBootstrap(): Promise<void> {
    await this.output.connect();
    await this.consumer.connect();
    await this.consumer.subscribe({ topics: [...this.tierOfTopic.keys()], fromBeginning: true });
    await runSupervised(this.consumer, this.logger, 'delay-tier', {
      autoCommit: false,
      eachBatchAutoResolve: false,
      partitionsConsumedConcurrently: 4,
      eachBatch: (payload) => this.release(payload),
    });
  }

  private async release(payload: EachBatchPayload): Promise<void> {
    // eslint-disable-next-line @typescript-eslint/unbound-method -- kafkajs payload functions are closures
    const { batch, resolveOffset, commitOffsetsIfNecessary, pause, isStale } = payload;
    if (isStale() || batch.messages.length === 0) return;
    const tierMs = this.tierOfTopic.get(batch.topic);
    if (tierMs === undefined) return;
    const now = Date.now();
    const released: OutputRecord[] = [];
    let lastReleased: string | undefined;
    let waitUntil: number | undefined;

    for (const message of batch.messages) {
      let out: OutputRecord;
      try {
        const task = decodeDeliveryTask(message);
        const plan = planRelease(this.tiers, tierMs, Number(message.timestamp), task.dueAt ?? now);
        if (plan.at > now) {
          waitUntil = plan.at;
          break;
        }
        out =
          plan.to === 'deliveries'
            ? { topic: this.topics.deliveries, message: encodeDeliveryTask({ ...task, dueAt: undefined }) }
            : { topic: this.topics.delay(plan.tierMs), message: encodeDeliveryTask(task) };
      } catch (error) {
        if (!(error instanceof PoisonRecordError)) throw error;
        this.logger.error('poison record in delay tier dead-lettered', {
          topic: batch.topic,
          offset: message.offset,
          reason: error.message,
        });
        out = { topic: this.topics.dlq, message: poison(message, error.message) };
      }
      released.push(out);
      lastReleased = message.offset;
    }

    if (lastReleased !== undefined) {
      await this.output.sendMany(groupByTopic(released));
      resolveOffset(lastReleased);
      await commitOffsetsIfNecessary({
        topics: [
          {
            topic: batch.topic,
            partitions: [{ partition: batch.partition, offset: (BigInt(lastReleased) + 1n).toString() }],
          },
        ],
      });
    }
    if (waitUntil !== undefined) {
      // Unresolved records are fetched again from the resolved offset after resume.
      const resume = pause();
      const timer = setTimeout(() => {
        this.resumeTimers.delete(timer);
        resume();
      }, waitUntil - now);
      this.resumeTimers.add(timer);
    }
  }

  async beforeApplicationShutdown(): Promise<void> {
    for (const timer of this.resumeTimers) clearTimeout(timer);
    await this.consumer.disconnect();
    await this.output.disconnect();
  }
}

function poison(
  message: { key: Buffer | null; value: Buffer | null; headers?: Message['headers'] },
  reason: string,
): Message {
  return {
    key: message.key,
    value: message.value,
    headers: { ...message.headers, 'poison-reason': reason, 'dead-lettered-at': String(Date.now()) },
  };
}
