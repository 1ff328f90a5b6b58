import { DynamicModule, Module } from '@nestjs/common';
import { authProviders } from '@webhooks/auth';
import { KafkaModule, topicLayoutFromConfig } from '@webhooks/kafka';
import { Logger, ObservabilityModule } from '@webhooks/observability';
import type { Registry } from 'prom-client';
import { DirectoryView } from './directory/directory.view';
import { INGESTION_CONFIG, type IngestionConfig } from './ingestion.config';
import { EventLog } from './publish/event-log';
import { PublishController } from './publish/publish.controller';
import { PublishEventsUseCase } from './publish/publish-events.usecase';
import { IngestionMetrics } from './publish/ingestion.metrics';
import { RejectionMetricsInterceptor } from './publish/rejection-metrics.interceptor';

@Module({})
export class IngestionModule {
  static forRoot(config: IngestionConfig, logger: Logger, registry: Registry): DynamicModule {
    return {
      module: IngestionModule,
      imports: [
        ObservabilityModule.forRoot({ logger, registry }),
        KafkaModule.forRoot({
          brokers: config.KAFKA_BROKERS,
          clientId: `${config.KAFKA_CLIENT_ID}-ingestion`,
          topicPrefix: config.KAFKA_TOPIC_PREFIX,
          sessionTimeoutMs: config.KAFKA_SESSION_TIMEOUT,
          layout: topicLayoutFromConfig(config, config.KAFKA_TOPIC_PREFIX),
        }),
      ],
      controllers: [PublishController],
      providers: [
        { provide: INGESTION_CONFIG, useValue: config },
        ...authProviders({ adminApiKey: config.ADMIN_API_KEY }, DirectoryView),
        EventLog,
        IngestionMetrics,
        RejectionMetricsInterceptor,
        PublishEventsUseCase,
      ],
    };
  }
}
