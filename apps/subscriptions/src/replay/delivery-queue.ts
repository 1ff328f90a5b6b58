import { Inject, Injectable, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import type { Kafka } from 'kafkajs';
import { encodeDeliveryTask, type DeliveryTask } from '@webhooks/contracts';
import { BatchingProducer, KAFKA, TopicNames } from '@webhooks/kafka';

const CHUNK = 500;

/**
 * Puts replayed tasks on `webhooks.deliveries` (key = endpoint id, so the endpoint's owning
 * dispatcher and its rate limit see them like any other task). Idempotent producer, acks from
 * all in-sync replicas: an RPC that answered `requeued: n` has n durable tasks.
 */
@Injectable()
export class DeliveryQueue implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly producer: BatchingProducer;

  constructor(
    @Inject(KAFKA) kafka: Kafka,
    private readonly topics: TopicNames,
  ) {
    this.producer = new BatchingProducer(kafka, { acks: -1 });
  }

  async onApplicationBootstrap(): Promise<void> {
    await this.producer.connect();
  }

  async enqueue(tasks: readonly DeliveryTask[]): Promise<number> {
    for (let i = 0; i < tasks.length; i += CHUNK) {
      await this.producer.send(this.topics.deliveries, tasks.slice(i, i + CHUNK).map(encodeDeliveryTask));
    }
    return tasks.length;
  }

  async onApplicationShutdown(): Promise<void> {
    await this.producer.disconnect();
  }
}
