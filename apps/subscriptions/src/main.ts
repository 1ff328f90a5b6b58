import { status } from '@grpc/grpc-js';
import { RpcException } from '@nestjs/microservices';
import { loadConfig } from '@webhooks/config';
import { PROTO_FILES } from '@webhooks/contracts';
import { createMetricsRegistry, Logger } from '@webhooks/observability';
import { loadGrpcTls, main, runService } from '@webhooks/runtime';
import { SubscriptionsModule } from './app.module';
import { GrpcLoopback } from './http-api/grpc-loopback';
import { isDatabaseUnavailable } from './persistence/database-retry';
import { subscriptionsConfigSchema } from './subscriptions.config';

main('subscriptions', async () => {
  const config = loadConfig(subscriptionsConfigSchema);
  const tls = loadGrpcTls(config);
  const logger = new Logger('subscriptions', config.LOG_LEVEL);
  const registry = createMetricsRegistry('subscriptions');
  // The HTTP API dials this process's own gRPC server; it learns the port once that has bound.
  const loopback = new GrpcLoopback(config.GRPC_HOST, tls);
  await runService({
    name: 'subscriptions',
    logger,
    module: () => SubscriptionsModule.forRoot(config, logger, registry, loopback),
    http: { host: config.HTTP_HOST, port: config.HTTP_PORT },
    grpc: {
      url: `${config.GRPC_HOST}:${config.GRPC_PORT}`,
      package: 'webhooks.v1',
      protoFiles: [PROTO_FILES.management],
      maxReceiveMessageBytes: 1024 * 1024,
      tls,
      onBound: (port) => loopback.bound(port),
      // Postgres unreachable: the call may be retried (UNAVAILABLE), not an unknown failure.
      classifyUnexpectedError: (error) =>
        isDatabaseUnavailable(error)
          ? new RpcException({ code: status.UNAVAILABLE, message: 'database unavailable; retry shortly' })
          : undefined,
    },
    shutdownTimeoutMs: config.SHUTDOWN_TIMEOUT,
    heapGrowthPercent: config.HEAP_GROWTH_PERCENT,
  });
});
