import { loadConfig } from '@webhooks/config';
import { PROTO_FILES } from '@webhooks/contracts';
import { createMetricsRegistry, Logger } from '@webhooks/observability';
import { main, runService } from '@webhooks/runtime';
import { IngestionModule } from './app.module';
import { ingestionConfigSchema } from './ingestion.config';

main('ingestion', async () => {
  const config = loadConfig(ingestionConfigSchema);
  const logger = new Logger('ingestion', config.LOG_LEVEL);
  const registry = createMetricsRegistry('ingestion');
  await runService({
    name: 'ingestion',
    logger,
    module: () => IngestionModule.forRoot(config, logger, registry),
    http: { host: config.HTTP_HOST, port: config.HTTP_PORT },
    grpc: {
      url: `${config.GRPC_HOST}:${config.GRPC_PORT}`,
      package: 'webhooks.v1',
      protoFiles: [PROTO_FILES.ingestion],
      // Leave headroom over the payload limit for the other fields; larger messages are
      // refused by grpc-js with RESOURCE_EXHAUSTED before they are decoded.
      maxReceiveMessageBytes: config.MAX_PAYLOAD_BYTES * config.MAX_BATCH_EVENTS + 64 * 1024,
    },
    shutdownTimeoutMs: config.SHUTDOWN_TIMEOUT,
  });
});
