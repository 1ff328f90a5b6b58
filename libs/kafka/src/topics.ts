import type { Admin, ITopicConfig } from 'kafkajs';
import { z } from 'zod';
import { duration, formatDuration, list, parseDuration, positiveInt, variable } from '@webhooks/config';

/** Topic layout variables, shared by every service because each one ensures the topics at start-up. */
export const topicVariables = {
  KAFKA_EVENTS_PARTITIONS: variable('Partitions of webhooks.events (bounds fan-out parallelism).', positiveInt(6)),
  KAFKA_DELIVERIES_PARTITIONS: variable(
    'Partitions of webhooks.deliveries and the delay tiers (bounds dispatcher parallelism).',
    positiveInt(12),
  ),
  KAFKA_REPLICATION_FACTOR: variable('Replication factor of created topics (3 in production).', positiveInt(1)),
  DELAY_TIERS: variable(
    'Fixed delays of the webhooks.delay.<tier> topics, comma-separated durations.',
    list('5s,30s,2m,10m,30m,2h,6h').refine((items) => items.every(isDuration), 'every tier must be a duration'),
  ),
  DLQ_RETENTION: variable('Retention of the dead-letter topic.', duration('14d')),
};

function isDuration(text: string): boolean {
  try {
    parseDuration(text);
    return true;
  } catch {
    return false;
  }
}

/** Every topic name, derived from one optional prefix. */
export class TopicNames {
  constructor(private readonly prefix = '') {}
  get events(): string {
    return `${this.prefix}webhooks.events`;
  }
  get deliveries(): string {
    return `${this.prefix}webhooks.deliveries`;
  }
  get dlq(): string {
    return `${this.prefix}webhooks.deliveries.dlq`;
  }
  get attempts(): string {
    return `${this.prefix}webhooks.attempts`;
  }
  get endpoints(): string {
    return `${this.prefix}webhooks.endpoints`;
  }
  /** Tenants, API keys and event types as ingestion needs them (compacted). */
  get directory(): string {
    return `${this.prefix}webhooks.directory`;
  }
  delay(tierMs: number): string {
    return `${this.prefix}webhooks.delay.${formatDuration(tierMs)}`;
  }
  /** The name without KAFKA_TOPIC_PREFIX (bounded, prefix-independent metric labels). */
  unprefixed(topic: string): string {
    return topic.startsWith(this.prefix) ? topic.slice(this.prefix.length) : topic;
  }
}

export interface TopicLayoutOptions {
  names: TopicNames;
  eventsPartitions: number;
  deliveriesPartitions: number;
  replicationFactor: number;
  delayTiersMs: readonly number[];
  dlqRetentionMs: number;
}

/** The full set of topics the platform needs, with partitions and configs. */
export function topicLayout(o: TopicLayoutOptions): ITopicConfig[] {
  const base = { replicationFactor: o.replicationFactor };
  const minIsr = String(Math.min(2, o.replicationFactor));
  const durable = [{ name: 'min.insync.replicas', value: minIsr }];
  return [
    { ...base, topic: o.names.events, numPartitions: o.eventsPartitions, configEntries: durable },
    { ...base, topic: o.names.deliveries, numPartitions: o.deliveriesPartitions, configEntries: durable },
    ...o.delayTiersMs.map((tier) => ({
      ...base,
      topic: o.names.delay(tier),
      numPartitions: o.deliveriesPartitions,
      configEntries: durable,
    })),
    {
      ...base,
      topic: o.names.dlq,
      numPartitions: o.deliveriesPartitions,
      configEntries: [...durable, { name: 'retention.ms', value: String(o.dlqRetentionMs) }],
    },
    { ...base, topic: o.names.attempts, numPartitions: o.deliveriesPartitions, configEntries: durable },
    {
      ...base,
      topic: o.names.endpoints,
      numPartitions: 1,
      configEntries: [...durable, { name: 'cleanup.policy', value: 'compact' }],
    },
    {
      ...base,
      topic: o.names.directory,
      numPartitions: 1,
      configEntries: [...durable, { name: 'cleanup.policy', value: 'compact' }],
    },
  ];
}

/** Layout from the parsed topic variables and a prefix. */
export function topicLayoutFromConfig(
  config: { [K in keyof typeof topicVariables]: z.output<(typeof topicVariables)[K]['schema']> },
  prefix: string,
): ITopicConfig[] {
  return topicLayout({
    names: new TopicNames(prefix),
    eventsPartitions: config.KAFKA_EVENTS_PARTITIONS,
    deliveriesPartitions: config.KAFKA_DELIVERIES_PARTITIONS,
    replicationFactor: config.KAFKA_REPLICATION_FACTOR,
    delayTiersMs: config.DELAY_TIERS.map(parseDuration),
    dlqRetentionMs: config.DLQ_RETENTION,
  });
}

/**
 * Creates the topics that do not exist yet and waits until they have leaders. Safe to run
 * from every service at once: a concurrent creator's TOPIC_ALREADY_EXISTS is not an error.
 * Existing topics are left as they are (partition changes are an operator decision).
 */
export async function ensureTopics(admin: Admin, topics: ITopicConfig[]): Promise<string[]> {
  const existing = new Set(await admin.listTopics());
  const missing = topics.filter((topic) => !existing.has(topic.topic));
  if (missing.length === 0) return [];
  try {
    await admin.createTopics({ topics: missing, waitForLeaders: true });
  } catch (error) {
    const already = (error as { type?: string; errors?: { type?: string }[] }).errors?.every(
      (e) => e.type === 'TOPIC_ALREADY_EXISTS',
    );
    if (!already && (error as { type?: string }).type !== 'TOPIC_ALREADY_EXISTS') throw error;
  }
  return missing.map((topic) => topic.topic);
}
