import type { Consumer } from 'kafkajs';
import type { Logger } from '@webhooks/observability';

/**
 * kafkajs restarts a consumer after retriable errors but gives up for good after others
 * (`restart: false`). A process whose consumer is gone cannot do its job yet would keep
 * answering /readyz: it exits instead, so the orchestrator restarts it and the crash is seen.
 */
export function exitOnFatalCrash(consumer: Consumer, logger: Logger, name: string): void {
  consumer.on(consumer.events.CRASH, ({ payload }) => {
    logger.error(`${name} consumer crashed`, { error: payload.error, restart: payload.restart });
    if (!payload.restart) {
      logger.error(`${name} consumer will not restart; exiting`);
      process.exit(70);
    }
  });
}
