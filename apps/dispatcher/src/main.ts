import { loadConfig } from '@webhooks/config';
import { createMetricsRegistry, Logger } from '@webhooks/observability';
import { main, runService } from '@webhooks/runtime';
import { DispatcherModule } from './app.module';
import { dispatcherConfigSchema } from './dispatcher.config';

main('dispatcher', async () => {
  const config = loadConfig(dispatcherConfigSchema);
  const logger = new Logger('dispatcher', config.LOG_LEVEL);
  const registry = createMetricsRegistry('dispatcher');
  await runService({
    name: 'dispatcher',
    logger,
    module: () => DispatcherModule.forRoot(config, logger, registry),
    http: { host: config.HTTP_HOST, port: config.HTTP_PORT },
    shutdownTimeoutMs: config.SHUTDOWN_TIMEOUT,
    heapGrowthPercent: config.HEAP_GROWTH_PERCENT,
  });
});
