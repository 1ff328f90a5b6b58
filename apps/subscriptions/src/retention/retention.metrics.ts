import { Injectable } from '@nestjs/common';
import { Counter, Registry } from 'prom-client';

/** Tables the retention purge deletes from; the `table` label takes only these. */
export type RetainedTable = 'messages' | 'attempts';

/** Retention purge metrics. */
@Injectable()
export class RetentionMetrics {
  readonly purged: Counter<'table'>;

  constructor(registry: Registry) {
    this.purged = new Counter({
      name: 'webhooks_retention_purged_total',
      help: 'Rows deleted by the retention purge because they were older than RETENTION_PERIOD, by table.',
      labelNames: ['table'],
      registers: [registry],
    });
  }

  deleted(table: RetainedTable, rows: number): void {
    this.purged.inc({ table }, rows);
  }
}
