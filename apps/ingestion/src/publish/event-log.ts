import { Inject, Injectable, type OnApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import type { Kafka, Message, Producer } from 'kafkajs';
import { BatchingProducer, KAFKA, TopicNames } from '@webhooks/kafka';

/**
 * The `webhooks.events` topic as ingestion sees it: an append-only log written by one
 * idempotent producer (acks=all), with concurrent publishes coalesced into shared requests.
 */
@Injectable()
export class EventLog implements OnModuleInit, OnApplicationShutdown {
  private readonly producer: Producer;
  private readonly batching: BatchingProducer;

  constructor(
    @Inject(KAFKA) kafka: Kafka,
    private readonly topics: TopicNames,
  ) {
    this.producer = kafka.producer({
      idempotent: true,
      maxInFlightRequests: 1,
      // Bounded, unlike kafkajs' idempotent default (infinite): a dead cluster must turn into
      // UNAVAILABLE for the caller within seconds. Safe because a retried publish keeps its id.
      retry: { initialRetryTime: 100, maxRetryTime: 1_000, retries: 6 },
    });
    this.batching = new BatchingProducer(this.producer, { acks: -1 });
  }

  async onModuleInit(): Promise<void> {
    await this.producer.connect();
  }

  append(records: Message[]): Promise<void> {
    return this.batching.send(this.topics.events, records);
  }

  async onApplicationShutdown(): Promise<void> {
    await this.producer.disconnect();
  }
}
