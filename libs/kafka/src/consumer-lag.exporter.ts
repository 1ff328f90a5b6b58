import { Inject, Injectable, type BeforeApplicationShutdown, type OnApplicationBootstrap } from '@nestjs/common';
import type { Admin } from 'kafkajs';
import { Gauge, Registry } from 'prom-client';
import { Logger } from '@webhooks/observability';
import { TopicNames } from './topics';

/** The topics a consumer group reads, by role; `delay` means every delay-tier topic. */
export type LaggingTopics = 'events' | 'deliveries' | 'attempts' | 'delay';

/**
 * Which consumer groups a service reports lag for: group id -> the topics it consumes. Each
 * service names only its own groups, so every series comes from one service (no duplicates).
 */
export type ConsumerLagGroups = Record<string, LaggingTopics>;

export const CONSUMER_LAG_OPTIONS = Symbol('CONSUMER_LAG_OPTIONS');
export const KAFKA_ADMIN = Symbol('KAFKA_ADMIN');

export interface ConsumerLagOptions {
  groups: ConsumerLagGroups;
  /** Every delay-tier topic name of the layout (prefixed). */
  delayTopics: string[];
  intervalMs: number;
}

/** Partition lag: end offset minus committed offset; an uncommitted partition counts from its low watermark. */
export function partitionLag(high: string, low: string, committed: string): number {
  const end = BigInt(high);
  const from = BigInt(committed) < 0n ? BigInt(low) : BigInt(committed);
  return Number(end > from ? end - from : 0n);
}

/**
 * Publishes consumer lag and delay-tier depth as gauges, read from the admin client every
 * `intervalMs` (one ListOffsets per topic and one OffsetFetch per group: cheap). Topic labels
 * carry no KAFKA_TOPIC_PREFIX, so dashboards work for any prefix; the label sets are bounded
 * by the topic layout. The depth of a delay tier is its group's lag summed over partitions:
 * the tasks waiting there.
 */
@Injectable()
export class KafkaLagExporter implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly lag: Gauge<'group' | 'topic' | 'partition'>;
  private readonly tierDepth: Gauge<'tier'>;
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;
  private failing = false;

  constructor(
    @Inject(KAFKA_ADMIN) private readonly admin: Admin,
    @Inject(CONSUMER_LAG_OPTIONS) private readonly options: ConsumerLagOptions,
    private readonly topics: TopicNames,
    private readonly logger: Logger,
    registry: Registry,
  ) {
    this.lag = new Gauge({
      name: 'webhook_kafka_consumer_lag',
      help: 'Records not yet consumed (end offset minus committed offset) per consumer group, topic (without prefix) and partition.',
      labelNames: ['group', 'topic', 'partition'],
      registers: [registry],
    });
    this.tierDepth = new Gauge({
      name: 'webhook_delay_tier_depth',
      help: 'Tasks waiting in a delay tier (lag of the delay group summed over the tier topic partitions), by tier.',
      labelNames: ['tier'],
      registers: [registry],
    });
  }

  onApplicationBootstrap(): void {
    if (Object.keys(this.options.groups).length === 0) return;
    const tick = () => {
      this.running ??= this.refresh().finally(() => (this.running = undefined));
    };
    tick();
    this.timer = setInterval(tick, this.options.intervalMs);
    this.timer.unref();
  }

  async beforeApplicationShutdown(): Promise<void> {
    clearInterval(this.timer);
    await this.running;
  }

  /** Reads every offset first, then swaps all series at once, so a scrape never sees half an update. */
  async refresh(): Promise<void> {
    try {
      const rows: { group: string; topic: string; partition: number; lag: number; delay: boolean }[] = [];
      const ends = new Map<string, Map<number, { high: string; low: string }>>();
      for (const [group, role] of Object.entries(this.options.groups)) {
        const topics = this.topicsFor(role);
        if (topics.length === 0) continue;
        for (const topic of topics) {
          if (ends.has(topic)) continue;
          const offsets = await this.admin.fetchTopicOffsets(topic);
          ends.set(topic, new Map(offsets.map((o) => [o.partition, { high: o.high, low: o.low }])));
        }
        for (const { topic, partitions } of await this.admin.fetchOffsets({ groupId: group, topics })) {
          for (const { partition, offset } of partitions) {
            const end = ends.get(topic)?.get(partition);
            if (!end) continue;
            rows.push({
              group,
              topic,
              partition,
              lag: partitionLag(end.high, end.low, offset),
              delay: role === 'delay',
            });
          }
        }
      }
      this.lag.reset();
      this.tierDepth.reset();
      const depth = new Map<string, number>();
      for (const row of rows) {
        const topic = this.topics.unprefixed(row.topic);
        this.lag.set({ group: row.group, topic, partition: String(row.partition) }, row.lag);
        if (row.delay) {
          const tier = topic.slice('webhooks.delay.'.length);
          depth.set(tier, (depth.get(tier) ?? 0) + row.lag);
        }
      }
      for (const [tier, value] of depth) this.tierDepth.set({ tier }, value);
      if (this.failing) this.logger.info('consumer lag readable again');
      this.failing = false;
    } catch (error) {
      // Keep the last values; /readyz reports Kafka itself. Log once per failing streak.
      if (!this.failing) this.logger.warn('consumer lag not readable', { error: (error as Error).message });
      this.failing = true;
    }
  }

  private topicsFor(role: LaggingTopics): string[] {
    switch (role) {
      case 'events':
        return [this.topics.events];
      case 'deliveries':
        return [this.topics.deliveries];
      case 'attempts':
        return [this.topics.attempts];
      case 'delay':
        return this.options.delayTopics;
    }
  }
}
