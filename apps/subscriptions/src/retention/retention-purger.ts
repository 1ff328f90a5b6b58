import { Inject, Injectable, type BeforeApplicationShutdown, type OnApplicationBootstrap } from '@nestjs/common';
import { formatDuration } from '@webhooks/config';
import { Logger } from '@webhooks/observability';
import { SUBSCRIPTIONS_CONFIG, type SubscriptionsConfig } from '../subscriptions.config';
import { purgeInBatches } from './purge-in-batches';
import { RetentionMetrics, type RetainedTable } from './retention.metrics';
import { RetentionRepository } from './retention.repository';

/** Between two full batches: long enough for the hot path's queries to get in, short enough to keep up. */
const PAUSE_BETWEEN_BATCHES_MS = 100;
/** Attempts first: they refer to messages (by event id), never the other way round. */
const TABLES: readonly RetainedTable[] = ['attempts', 'messages'];

/**
 * Deletes messages and attempts older than RETENTION_PERIOD, every RETENTION_PURGE_INTERVAL, in
 * batches of RETENTION_PURGE_BATCH rows. Every replica schedules it; a Postgres advisory lock lets
 * one run at a time and the others skip that round. Runs never overlap within a replica either:
 * the next one is scheduled when the last has finished.
 */
@Injectable()
export class RetentionPurger implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private timer?: NodeJS.Timeout;
  private running?: Promise<void>;
  private stopping = false;

  constructor(
    private readonly retention: RetentionRepository,
    private readonly metrics: RetentionMetrics,
    private readonly logger: Logger,
    @Inject(SUBSCRIPTIONS_CONFIG) private readonly config: SubscriptionsConfig,
  ) {}

  onApplicationBootstrap(): void {
    this.schedule();
  }

  private schedule(): void {
    if (this.stopping) return;
    this.timer = setTimeout(() => {
      this.running = this.run()
        .catch((error: unknown) => this.logger.warn('retention purge failed; will retry', { error }))
        .finally(() => {
          this.running = undefined;
          this.schedule();
        });
    }, this.config.RETENTION_PURGE_INTERVAL);
  }

  /** One purge of every retained table, if this replica gets the lock. */
  async run(): Promise<void> {
    const started = Date.now();
    const cutoff = new Date(started - this.config.RETENTION_PERIOD);
    const deleted = await this.retention.withPurgeLock(async (session) => {
      const counts: Partial<Record<RetainedTable, number>> = {};
      for (const table of TABLES) {
        counts[table] = await purgeInBatches({
          batchSize: this.config.RETENTION_PURGE_BATCH,
          deleteBatch: async (limit) => {
            const rows = await session.deleteExpired(table, cutoff, limit);
            this.metrics.deleted(table, rows);
            return rows;
          },
          pause: () => new Promise((resolve) => setTimeout(resolve, PAUSE_BETWEEN_BATCHES_MS)),
          stopped: () => this.stopping,
        });
      }
      return counts;
    });
    if (!deleted) {
      this.logger.debug('retention purge skipped: another replica holds the lock');
      return;
    }
    this.logger.info('retention purge done', {
      ...deleted,
      older_than: cutoff.toISOString(),
      retention: formatDuration(this.config.RETENTION_PERIOD),
      duration_ms: Date.now() - started,
      interrupted: this.stopping,
    });
  }

  async beforeApplicationShutdown(): Promise<void> {
    this.stopping = true;
    clearTimeout(this.timer);
    await this.running;
  }
}
