import { commonVariables, ConfigError, loadConfig } from '@webhooks/config';
import { Logger } from '@webhooks/observability';
import { createKafka } from './client';
import { ensureTopics, topicLayoutFromConfig, topicVariables } from './topics';

/**
 * One-shot topic bootstrap for the Helm pre-install/pre-upgrade Job: creates every missing topic
 * of the layout the services would create at start-up, from the same variables, then exits.
 * Existing topics are left as they are: changing partitions is an operator decision.
 * Exit codes: 0 done, 78 bad configuration, 1 Kafka failure.
 */
async function createTopics(): Promise<void> {
  const config = loadConfig({ ...commonVariables, ...topicVariables });
  const logger = new Logger('create-topics', config.LOG_LEVEL);
  const kafka = createKafka({
    brokers: config.KAFKA_BROKERS,
    clientId: `${config.KAFKA_CLIENT_ID}-create-topics`,
    logger,
  });
  const admin = kafka.admin();
  await admin.connect();
  try {
    const layout = topicLayoutFromConfig(config, config.KAFKA_TOPIC_PREFIX);
    const created = await ensureTopics(admin, layout);
    logger.info('topics ensured', { created, alreadyExisting: layout.length - created.length });
  } finally {
    await admin.disconnect();
  }
}

createTopics().catch((error: unknown) => {
  if (error instanceof ConfigError) {
    process.stderr.write(`create-topics: ${error.message}\n`);
    process.exit(78);
  }
  process.stderr.write(`create-topics: failed: ${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
