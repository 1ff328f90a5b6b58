import { loadConfig } from '@webhooks/config';
import { PROTO_FILES } from '@webhooks/contracts';
import { createMetricsRegistry, Logger } from '@webhooks/observability';
import { loadGrpcTls, main, runService } from '@webhooks/runtime';
import { IngestionModule } from './app.module';
import { ingestionConfigSchema } from './ingestion.config';

main('ingestion', async () => {
  const config = loadConfig(ingestionConfigSchema);
  const tls = loadGrpcTls(config);
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
      // Larger requests (also after decompression) are refused by grpc-js with
      // RESOURCE_EXHAUSTED before they are decoded: memory per call stays bounded.
      maxReceiveMessageBytes: config.MAX_REQUEST_BYTES,
      tls,
    },
    shutdownTimeoutMs: config.SHUTDOWN_TIMEOUT,
    heapGrowthPercent: config.HEAP_GROWTH_PERCENT,
  });
});
