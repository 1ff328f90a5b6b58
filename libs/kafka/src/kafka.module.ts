import {
  DynamicModule,
  Global,
  Inject,
  Injectable,
  Module,
  type OnApplicationShutdown,
  type OnModuleInit,
} from '@nestjs/common';
import type { Admin, ITopicConfig, Kafka } from 'kafkajs';
import { Logger, Readiness } from '@webhooks/observability';
import { createKafka } from './client';
import {
  CONSUMER_LAG_OPTIONS,
  KAFKA_ADMIN,
  KafkaLagExporter,
  type ConsumerLagGroups,
  type ConsumerLagOptions,
} from './consumer-lag.exporter';
import { kafkaReadinessCheck } from './readiness';
import { ensureTopics, TopicNames } from './topics';

/** Injection token of the service's kafkajs client. */
export const KAFKA = Symbol('KAFKA');
const TOPIC_LAYOUT = Symbol('TOPIC_LAYOUT');

/** Owns the admin connection: creates missing topics before any producer or consumer starts. */
@Injectable()
class KafkaAdminLifecycle implements OnModuleInit, OnApplicationShutdown {
  constructor(
    @Inject(KAFKA_ADMIN) private readonly admin: Admin,
    @Inject(TOPIC_LAYOUT) private readonly layout: ITopicConfig[],
    private readonly readiness: Readiness,
    private readonly logger: Logger,
  ) {}

  async onModuleInit(): Promise<void> {
    await this.admin.connect();
    const created = await ensureTopics(this.admin, this.layout);
    if (created.length) this.logger.info('created topics', { topics: created });
    this.readiness.register(kafkaReadinessCheck(this.admin));
  }

  async onApplicationShutdown(): Promise<void> {
    await this.admin.disconnect();
  }
}

export interface KafkaModuleOptions {
  brokers: string[];
  clientId: string;
  topicPrefix: string;
  /** Session timeout of every consumer this service creates (KAFKA_SESSION_TIMEOUT). */
  sessionTimeoutMs?: number;
  layout: ITopicConfig[];
  /**
   * Consumer groups whose lag this service exports (`webhook_kafka_consumer_lag`), each with
   * the topics it reads; a `delay` group also yields `webhook_delay_tier_depth`. Only the
   * service that owns a group lists it, so no series is exported twice. Default: none.
   */
  consumerLag?: ConsumerLagGroups;
  /** How often the lag is read from Kafka (default 10 s). */
  consumerLagIntervalMs?: number;
}

function consumerLagOptions(options: KafkaModuleOptions): ConsumerLagOptions {
  const delayPrefix = `${options.topicPrefix}webhooks.delay.`;
  return {
    groups: options.consumerLag ?? {},
    delayTopics: options.layout.map((t) => t.topic).filter((topic) => topic.startsWith(delayPrefix)),
    intervalMs: options.consumerLagIntervalMs ?? 10_000,
  };
}

/** The kafkajs client, topic names and topic bootstrap of one service. */
@Global()
@Module({})
export class KafkaModule {
  static forRoot(options: KafkaModuleOptions): DynamicModule {
    return {
      module: KafkaModule,
      providers: [
        {
          provide: KAFKA,
          inject: [Logger],
          useFactory: (logger: Logger) =>
            createKafka({
              brokers: options.brokers,
              clientId: options.clientId,
              logger,
              sessionTimeoutMs: options.sessionTimeoutMs,
            }),
        },
        { provide: TopicNames, useValue: new TopicNames(options.topicPrefix) },
        { provide: TOPIC_LAYOUT, useValue: options.layout },
        { provide: KAFKA_ADMIN, inject: [KAFKA], useFactory: (kafka: Kafka) => kafka.admin() },
        KafkaAdminLifecycle,
        { provide: CONSUMER_LAG_OPTIONS, useValue: consumerLagOptions(options) },
        KafkaLagExporter,
      ],
      exports: [KAFKA, TopicNames],
    };
  }
}
