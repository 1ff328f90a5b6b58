import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { loadConfig } from '@webhooks/config';
import { Logger } from '@webhooks/observability';
import { main } from '@webhooks/runtime';
import { dataSourceOptions } from './persistence/data-source';
import { subscriptionsConfigSchema } from './subscriptions.config';

/** What this one-shot needs, with the very definitions the service validates at boot. */
const migrateConfigSchema = {
  DATABASE_URL: subscriptionsConfigSchema.DATABASE_URL,
  LOG_LEVEL: subscriptionsConfigSchema.LOG_LEVEL,
};

/**
 * Applies pending migrations, then exits 0 (78 on bad config, 1 on any other failure). The Helm
 * pre-install/pre-upgrade Job runs it so replicas start with RUN_MIGRATIONS=false and never
 * race each other, or an old replica, on the schema.
 */
main('subscriptions-migrate', async () => {
  const config = loadConfig(migrateConfigSchema);
  const logger = new Logger('subscriptions-migrate', config.LOG_LEVEL);
  const dataSource = new DataSource(dataSourceOptions(config.DATABASE_URL, 1));
  await dataSource.initialize().catch((error: unknown) => {
    throw new Error(`cannot connect to DATABASE_URL: ${error instanceof Error ? error.message : String(error)}`);
  });
  try {
    const applied = await dataSource.runMigrations();
    logger.info('migrations applied', { applied: applied.map((migration) => migration.name) });
  } finally {
    await dataSource.destroy();
  }
});
