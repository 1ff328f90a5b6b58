import { DynamicModule, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { authProviders } from '@webhooks/auth';
import type { Registry } from 'prom-client';
import { KafkaModule, topicLayoutFromConfig } from '@webhooks/kafka';
import { Logger, ObservabilityModule } from '@webhooks/observability';
import { EndpointSecretCodec } from '@webhooks/signing';
import { AttemptLogConsumer } from './attempt-log/attempt-log.consumer';
import { AttemptRepository } from './attempt-log/attempt.repository';
import { TrackEndpointHealthUseCase } from './attempt-log/usecases/track-endpoint-health.usecase';
import { DeliveryLogController } from './delivery-log/delivery-log.controller';
import { DeliveryLogRepository } from './delivery-log/delivery-log.repository';
import {
  GetMessageUseCase,
  ListAttemptsUseCase,
  ListMessagesUseCase,
} from './delivery-log/usecases/delivery-log-usecases';
import { EndpointRepository } from './endpoints/endpoint.repository';
import { EndpointUrlResolver } from './endpoints/endpoint-url.resolver';
import { EndpointsController } from './endpoints/endpoints.controller';
import {
  CreateEndpointUseCase,
  DeleteEndpointUseCase,
  GetEndpointSecretUseCase,
  GetEndpointUseCase,
  ListEndpointsUseCase,
  RotateEndpointSecretUseCase,
  UpdateEndpointUseCase,
  VerifyEndpointUseCase,
} from './endpoints/usecases/endpoint-usecases';
import { EndpointVerifier } from './endpoints/verification/endpoint-verifier';
import { EndpointHealthMetrics } from './attempt-log/endpoint-health.metrics';
import { GrpcLoopback } from './http-api/grpc-loopback';
import { HttpApiModule } from './http-api/http-api.module';
import { FanoutConsumer } from './fanout/fanout.consumer';
import { FanoutMetrics } from './fanout/fanout.metrics';
import { MessageRepository } from './messages/message.repository';
import { OutboxRelay } from './outbox/outbox-relay';
import { DatabaseReadiness } from './persistence/database-readiness';
import { dataSourceOptions } from './persistence/data-source';
import { DeadLetterReader } from './replay/dead-letter-reader';
import { DeliveryQueue } from './replay/delivery-queue';
import { ReplayController } from './replay/replay.controller';
import {
  RecoverFailedUseCase,
  RedriveDeadLettersUseCase,
  ResendMessageUseCase,
} from './replay/usecases/replay-usecases';
import { RetentionPurger } from './retention/retention-purger';
import { RetentionMetrics } from './retention/retention.metrics';
import { RetentionRepository } from './retention/retention.repository';
import { SUBSCRIPTIONS_CONFIG, type SubscriptionsConfig } from './subscriptions.config';
import { EventTypeRepository } from './event-types/event-type.repository';
import { EventTypesController } from './event-types/event-types.controller';
import { EventTypeUseCases } from './event-types/usecases/event-type-usecases';
import { DatabaseApiKeyStore } from './tenants/api-key.store';
import { TenantRepository } from './tenants/tenant.repository';
import { TenantsController } from './tenants/tenants.controller';
import { TenantUseCases } from './tenants/usecases/tenant-usecases';

@Module({})
export class SubscriptionsModule {
  static forRoot(
    config: SubscriptionsConfig,
    logger: Logger,
    registry: Registry,
    loopback: GrpcLoopback,
  ): DynamicModule {
    const codec = EndpointSecretCodec.fromKey(config.SECRETS_ENCRYPTION_KEY);
    if (!codec.encrypting) {
      logger.warn(
        'SECRETS_ENCRYPTION_KEY is not set: endpoint signing secrets are stored in Postgres and published to webhooks.endpoints IN PLAINTEXT. Set it (openssl rand -base64 32, the same value for the dispatcher) anywhere but development.',
      );
    }
    return {
      module: SubscriptionsModule,
      imports: [
        ObservabilityModule.forRoot({ logger, registry }),
        KafkaModule.forRoot({
          brokers: config.KAFKA_BROKERS,
          clientId: `${config.KAFKA_CLIENT_ID}-subscriptions`,
          topicPrefix: config.KAFKA_TOPIC_PREFIX,
          sessionTimeoutMs: config.KAFKA_SESSION_TIMEOUT,
          layout: topicLayoutFromConfig(config, config.KAFKA_TOPIC_PREFIX),
          consumerLag: { [config.FANOUT_GROUP]: 'events', [config.ATTEMPT_LOG_GROUP]: 'attempts' },
        }),
        TypeOrmModule.forRoot({
          ...dataSourceOptions(config.DATABASE_URL, config.DATABASE_POOL_SIZE),
          migrationsRun: config.RUN_MIGRATIONS,
          retryAttempts: 10,
          retryDelay: 1_000,
        }),
        HttpApiModule.forRoot(loopback),
      ],
      controllers: [
        TenantsController,
        EventTypesController,
        EndpointsController,
        ReplayController,
        DeliveryLogController,
      ],
      providers: [
        { provide: SUBSCRIPTIONS_CONFIG, useValue: config },
        ...authProviders({ adminApiKey: config.ADMIN_API_KEY }, DatabaseApiKeyStore),
        TenantRepository,
        TenantUseCases,
        EventTypeRepository,
        EventTypeUseCases,
        DatabaseReadiness,
        { provide: EndpointSecretCodec, useValue: codec },
        EndpointRepository,
        EndpointUrlResolver,
        OutboxRelay,
        EndpointVerifier,
        CreateEndpointUseCase,
        GetEndpointUseCase,
        ListEndpointsUseCase,
        UpdateEndpointUseCase,
        DeleteEndpointUseCase,
        GetEndpointSecretUseCase,
        RotateEndpointSecretUseCase,
        VerifyEndpointUseCase,
        MessageRepository,
        AttemptRepository,
        FanoutMetrics,
        FanoutConsumer,
        EndpointHealthMetrics,
        TrackEndpointHealthUseCase,
        AttemptLogConsumer,
        DeliveryQueue,
        DeadLetterReader,
        ResendMessageUseCase,
        RedriveDeadLettersUseCase,
        RecoverFailedUseCase,
        DeliveryLogRepository,
        ListMessagesUseCase,
        GetMessageUseCase,
        ListAttemptsUseCase,
        RetentionRepository,
        RetentionMetrics,
        RetentionPurger,
      ],
    };
  }
}
