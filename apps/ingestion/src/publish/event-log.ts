import { Inject, Injectable, type OnApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import type { Kafka, Message } from 'kafkajs';
import { BatchingProducer, KAFKA, TopicNames } from '@webhooks/kafka';

/**
 * The `webhooks.events` topic as ingestion sees it: an append-only log written by one
 * idempotent producer (acks=all), with concurrent publishes coalesced into shared requests.
 */
@Injectable()
export class EventLog implements OnModuleInit, OnApplicationShutdown {
  private readonly batching: BatchingProducer;

  constructor(
    @Inject(KAFKA) kafka: Kafka,
    private readonly topics: TopicNames,
  ) {
    this.batching = new BatchingProducer(kafka, {
      acks: -1,
      // Bounded, unlike kafkajs' idempotent default (infinite): a dead cluster must turn into
      // UNAVAILABLE for the caller within seconds. Safe because a retried publish keeps its id.
      retry: { initialRetryTime: 100, maxRetryTime: 1_000, retries: 6 },
    });
  }

  async onModuleInit(): Promise<void> {
    await this.batching.connect();
  }

  append(records: Message[]): Promise<void> {
    return this.batching.send(this.topics.events, records);
  }

  async onApplicationShutdown(): Promise<void> {
    await this.batching.disconnect();
  }
}
