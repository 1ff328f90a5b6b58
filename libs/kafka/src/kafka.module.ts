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
import { kafkaReadinessCheck } from './readiness';
import { ensureTopics, TopicNames } from './topics';

/** Injection token of the service's kafkajs client. */
export const KAFKA = Symbol('KAFKA');
const TOPIC_LAYOUT = Symbol('TOPIC_LAYOUT');

/** Owns the admin connection: creates missing topics before any producer or consumer starts. */
@Injectable()
class KafkaAdminLifecycle implements OnModuleInit, OnApplicationShutdown {
  private readonly admin: Admin;

  constructor(
    @Inject(KAFKA) kafka: Kafka,
    @Inject(TOPIC_LAYOUT) private readonly layout: ITopicConfig[],
    private readonly readiness: Readiness,
    private readonly logger: Logger,
  ) {
    this.admin = kafka.admin();
  }

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
  layout: ITopicConfig[];
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
          useFactory: (logger: Logger) => createKafka({ brokers: options.brokers, clientId: options.clientId, logger }),
        },
        { provide: TopicNames, useValue: new TopicNames(options.topicPrefix) },
        { provide: TOPIC_LAYOUT, useValue: options.layout },
        KafkaAdminLifecycle,
      ],
      exports: [KAFKA, TopicNames],
    };
  }
}
