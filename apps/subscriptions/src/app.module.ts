import { DynamicModule, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import type { Registry } from 'prom-client';
import { KafkaModule, topicLayoutFromConfig } from '@webhooks/kafka';
import { Logger, ObservabilityModule } from '@webhooks/observability';
import { AttemptLogConsumer } from './attempt-log/attempt-log.consumer';
import { EndpointRepository } from './endpoints/endpoint.repository';
import { EndpointsController } from './endpoints/endpoints.controller';
import {
  CreateEndpointUseCase,
  DeleteEndpointUseCase,
  GetEndpointUseCase,
  ListEndpointsUseCase,
  UpdateEndpointUseCase,
} from './endpoints/usecases/endpoint-usecases';
import { FanoutConsumer } from './fanout/fanout.consumer';
import { OutboxRelay } from './outbox/outbox-relay';
import { DatabaseReadiness } from './persistence/database-readiness';
import { dataSourceOptions } from './persistence/data-source';
import { SUBSCRIPTIONS_CONFIG, type SubscriptionsConfig } from './subscriptions.config';

@Module({})
export class SubscriptionsModule {
  static forRoot(config: SubscriptionsConfig, logger: Logger, registry: Registry): DynamicModule {
    return {
      module: SubscriptionsModule,
      imports: [
        ObservabilityModule.forRoot({ logger, registry }),
        KafkaModule.forRoot({
          brokers: config.KAFKA_BROKERS,
          clientId: `${config.KAFKA_CLIENT_ID}-subscriptions`,
          topicPrefix: config.KAFKA_TOPIC_PREFIX,
          layout: topicLayoutFromConfig(config, config.KAFKA_TOPIC_PREFIX),
        }),
        TypeOrmModule.forRoot({
          ...dataSourceOptions(config.DATABASE_URL, config.DATABASE_POOL_SIZE),
          migrationsRun: config.RUN_MIGRATIONS,
          retryAttempts: 10,
          retryDelay: 1_000,
        }),
      ],
      controllers: [EndpointsController],
      providers: [
        { provide: SUBSCRIPTIONS_CONFIG, useValue: config },
        DatabaseReadiness,
        EndpointRepository,
        OutboxRelay,
        CreateEndpointUseCase,
        GetEndpointUseCase,
        ListEndpointsUseCase,
        UpdateEndpointUseCase,
        DeleteEndpointUseCase,
        FanoutConsumer,
        AttemptLogConsumer,
      ],
    };
  }
}
