import type { Consumer, ConsumerRunConfig } from 'kafkajs';
import type { Logger } from '@webhooks/observability';

/**
 * Errors kafkajs treats as fatal although they only say "no broker answered". With every broker
 * unreachable (a broker restart, a network partition) FindCoordinator fails on all of them and
 * kafkajs throws KafkaJSGroupCoordinatorNotFound, a non-retriable error it never restarts from;
 * the cluster coming back a few seconds later would then find a consumer that is gone for good.
 */
const UNREACHABLE = new Set([
  'KafkaJSGroupCoordinatorNotFound',
  'KafkaJSConnectionError',
  'KafkaJSConnectionClosedError',
  'KafkaJSRequestTimeoutError',
  'KafkaJSBrokerNotFound',
]);

/** Whether a crash (or anything in its cause chain) only means the cluster was unreachable. */
export function isUnreachableCluster(error: unknown): boolean {
  for (let e = error as { name?: string; cause?: unknown; originalError?: unknown } | undefined; e; ) {
    if (e.name && UNREACHABLE.has(e.name)) return true;
    e = (e.cause ?? e.originalError) as typeof e;
  }
  return false;
}

const RESTART_MIN_MS = 1_000;
const RESTART_MAX_MS = 15_000;

/**
 * Runs a consumer and supervises it. kafkajs restarts a consumer after retriable errors but gives
 * up for good after others (`restart: false`):
 * - when the error only means the cluster was unreachable (see isUnreachableCluster), the
 *   consumer is started again here, with backoff up to 15 s, until the cluster answers: a broker
 *   restart must not need a process restart;
 * - any other fatal crash exits the process: a process whose consumer is gone cannot do its job
 *   yet would keep answering /readyz, so the orchestrator restarts it and the crash is seen.
 * A `disconnect()` (shutdown) cancels a pending restart.
 */
export async function runSupervised(
  consumer: Consumer,
  logger: Logger,
  name: string,
  config: ConsumerRunConfig,
): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  let delay = RESTART_MIN_MS;
  const restart = (): void => {
    timer = setTimeout(() => {
      timer = undefined;
      consumer
        .connect()
        .then(() => consumer.run(config))
        .then(() => {
          logger.info(`${name} consumer restarted`);
          delay = RESTART_MIN_MS;
        })
        .catch((error: unknown) => {
          logger.warn(`${name} consumer restart failed; retrying`, { error, inMs: delay });
          delay = Math.min(delay * 2, RESTART_MAX_MS);
          restart();
        });
    }, delay);
  };
  // kafkajs emits DISCONNECT before CRASH when it gives up, so a DISCONNECT after a restart was
  // scheduled can only be our own shutdown.
  consumer.on(consumer.events.DISCONNECT, () => {
    if (timer) clearTimeout(timer);
    timer = undefined;
  });
  consumer.on(consumer.events.CRASH, ({ payload }) => {
    logger.error(`${name} consumer crashed`, { error: payload.error, restart: payload.restart });
    if (payload.restart) return;
    if (isUnreachableCluster(payload.error)) {
      logger.warn(`${name} consumer gave up on an unreachable cluster; starting it again`, { inMs: delay });
      restart();
      return;
    }
    logger.error(`${name} consumer will not restart; exiting`);
    process.exit(70);
  });
  await consumer.run(config);
}
