import { Kafka, logLevel, type KafkaConfig, type LogEntry } from 'kafkajs';
import type { Logger } from '@webhooks/observability';

const LEVEL_NAMES: Record<number, 'debug' | 'info' | 'warn' | 'error'> = {
  [logLevel.ERROR]: 'error',
  [logLevel.WARN]: 'warn',
  [logLevel.INFO]: 'info',
  [logLevel.DEBUG]: 'debug',
  [logLevel.NOTHING]: 'debug',
};

/**
 * A kafkajs client whose own logs go through the service's JSON logger. Retries are bounded
 * so a call on the request path (ingestion's produce) fails within seconds when the cluster
 * is unreachable instead of hanging: callers turn that failure into UNAVAILABLE.
 */
export function createKafka(options: {
  brokers: string[];
  clientId: string;
  logger: Logger;
  retry?: KafkaConfig['retry'];
}): Kafka {
  const log = options.logger.child({ component: 'kafkajs' });
  return new Kafka({
    clientId: options.clientId,
    brokers: options.brokers,
    connectionTimeout: 3_000,
    requestTimeout: 30_000,
    retry: options.retry ?? { initialRetryTime: 100, maxRetryTime: 2_000, retries: 5 },
    logLevel: logLevel.WARN,
    logCreator:
      () =>
      ({ level, log: entry }: LogEntry) => {
        const { message, ...fields } = entry;
        const method = LEVEL_NAMES[level] ?? 'info';
        log[method](message, fields);
      },
  });
}
