import type { Logger } from '@webhooks/observability';

/** SQLSTATE classes/codes that mean "the server is not there right now", not "the query is wrong". */
const UNAVAILABLE_SQLSTATES = new Set(['57P01', '57P02', '57P03', '53300']);
const UNAVAILABLE_MESSAGES = [
  'Connection terminated',
  'timeout exceeded when trying to connect',
  'Client has encountered a connection error',
  'Connection refused',
];

/**
 * Whether a database error only means PostgreSQL is unreachable or restarting (connection
 * refused or cut, server shutting down or starting up, too many connections), so the same
 * statement will succeed once it is back. Query errors (constraint, syntax, type) are not.
 */
export function isDatabaseUnavailable(error: unknown): boolean {
  const e = error as { code?: unknown; message?: unknown; driverError?: unknown } | undefined;
  if (!e) return false;
  if (e.driverError && e.driverError !== error && isDatabaseUnavailable(e.driverError)) return true;
  const code = typeof e.code === 'string' ? e.code : '';
  if (code.startsWith('08') || UNAVAILABLE_SQLSTATES.has(code)) return true;
  if (['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'ENOTFOUND', 'EAI_AGAIN'].includes(code)) return true;
  const message = typeof e.message === 'string' ? e.message : '';
  return UNAVAILABLE_MESSAGES.some((m) => message.includes(m));
}

export interface ConsumerBatchControl {
  heartbeat(): Promise<void>;
  isRunning(): boolean;
  isStale(): boolean;
}

/**
 * Runs `operation`, and while it fails only because PostgreSQL is unavailable, waits (1 s
 * doubling to 10 s) and runs it again, heartbeating so the consumer keeps its partitions instead
 * of crashing into a rebalance loop. Nothing is committed meanwhile: the caller commits only
 * after this returns. Gives up (rethrows) on any other error, or when the consumer stops or the
 * batch goes stale (its partition moved), so shutdown and rebalances are never held up.
 * Readiness goes false during the outage through the `postgres` check (DatabaseReadiness).
 */
export async function retryWhileDatabaseDown<T>(
  operation: () => Promise<T>,
  batch: ConsumerBatchControl,
  logger: Logger,
  what: string,
): Promise<T> {
  let delay = 1_000;
  let since = 0;
  for (;;) {
    try {
      const result = await operation();
      if (since) logger.info(`${what}: database back; resuming`, { waitedMs: Date.now() - since });
      return result;
    } catch (error) {
      if (!isDatabaseUnavailable(error) || !batch.isRunning() || batch.isStale()) throw error;
      if (!since) {
        since = Date.now();
        logger.warn(`${what}: database unavailable; holding the batch (nothing committed) and retrying`, { error });
      }
      await new Promise((resolve) => setTimeout(resolve, delay));
      delay = Math.min(delay * 2, 10_000);
      await batch.heartbeat();
    }
  }
}
