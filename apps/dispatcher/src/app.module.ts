import { DynamicModule, Module } from '@nestjs/common';
import type { Registry } from 'prom-client';
import { DelayTiers, KafkaModule, topicLayoutFromConfig } from '@webhooks/kafka';
import { parseDuration } from '@webhooks/config';
import { Logger, ObservabilityModule } from '@webhooks/observability';
import { EndpointSecretCodec } from '@webhooks/signing';
import { DelayConsumer } from './delay/delay.consumer';
import { DeliverTaskUseCase } from './delivery/deliver-task.usecase';
import { DeliveryConsumer } from './delivery/delivery.consumer';
import { DeliveryScheduler } from './delivery/delivery-scheduler';
import { DeliveryMetrics } from './delivery/delivery.metrics';
import { HttpSender } from './delivery/http-sender';
import { DISPATCHER_CONFIG, type DispatcherConfig } from './dispatcher.config';
import { EndpointViewStore } from './endpoint-view/endpoint-view.store';

@Module({})
export class DispatcherModule {
  static forRoot(config: DispatcherConfig, logger: Logger, registry: Registry): DynamicModule {
    const codec = EndpointSecretCodec.fromKey(config.SECRETS_ENCRYPTION_KEY);
    if (!codec.encrypting) {
      logger.warn(
        'SECRETS_ENCRYPTION_KEY is not set: only endpoint views with plaintext secrets can be signed. Set it to the subscriptions service’s key anywhere but development.',
      );
    }
    return {
      module: DispatcherModule,
      imports: [
        ObservabilityModule.forRoot({ logger, registry }),
        KafkaModule.forRoot({
          brokers: config.KAFKA_BROKERS,
          clientId: `${config.KAFKA_CLIENT_ID}-dispatcher`,
          topicPrefix: config.KAFKA_TOPIC_PREFIX,
          sessionTimeoutMs: config.KAFKA_SESSION_TIMEOUT,
          layout: topicLayoutFromConfig(config, config.KAFKA_TOPIC_PREFIX),
          consumerLag: { [config.DISPATCH_GROUP]: 'deliveries', [config.DELAY_GROUP]: 'delay' },
        }),
      ],
      providers: [
        { provide: DISPATCHER_CONFIG, useValue: config },
        { provide: DelayTiers, useValue: new DelayTiers(config.DELAY_TIERS.map(parseDuration)) },
        { provide: EndpointSecretCodec, useValue: codec },
        EndpointViewStore,
        HttpSender,
        DeliveryMetrics,
        DeliverTaskUseCase,
        DeliveryScheduler,
        DeliveryConsumer,
        DelayConsumer,
      ],
    };
  }
}
