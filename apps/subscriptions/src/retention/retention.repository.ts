import { Injectable } from '@nestjs/common';
import { DataSource, type QueryResult, type QueryRunner } from 'typeorm';
import type { RetainedTable } from './retention.metrics';

/**
 * The advisory-lock key of the purge (any constant both replicas agree on; this one spells
 * "retentn" in ASCII). A session lock: it goes with the connection if the replica dies.
 */
const PURGE_LOCK = 0x726574656e746en;

/** The time column each retained table expires by (each leads an index: messages' own, attempts' key). */
const EXPIRES_BY: Record<RetainedTable, string> = { messages: 'published_at', attempts: 'attempted_at' };

/** One replica's hold on the purge: its deletes run on the connection that holds the lock. */
export interface PurgeSession {
  /** Deletes at most `limit` rows of `table` older than `cutoff`, in one autocommitted statement. */
  deleteExpired(table: RetainedTable, cutoff: Date, limit: number): Promise<number>;
}

@Injectable()
export class RetentionRepository {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * Runs `work` holding the purge lock on one dedicated connection, or returns undefined at once
   * when another replica holds it (that replica is purging; two would only contend on the same rows).
   */
  async withPurgeLock<T>(work: (session: PurgeSession) => Promise<T>): Promise<T | undefined> {
    const runner = this.dataSource.createQueryRunner();
    await runner.connect();
    try {
      const rows = (await runner.query('SELECT pg_try_advisory_lock($1::bigint) AS locked', [
        PURGE_LOCK.toString(),
      ])) as { locked: boolean }[];
      if (!rows[0]?.locked) return undefined;
      try {
        return await work({ deleteExpired: (table, cutoff, limit) => deleteExpired(runner, table, cutoff, limit) });
      } finally {
        await runner.query('SELECT pg_advisory_unlock($1::bigint)', [PURGE_LOCK.toString()]);
      }
    } finally {
      await runner.release();
    }
  }
}

/**
 * One bounded batch: the subquery walks the table's time index to at most `limit` expired rows
 * and the delete removes exactly those by physical address (ctid), so the statement touches a
 * bounded set of rows whatever the backlog, and its transaction is over in milliseconds.
 */
async function deleteExpired(runner: QueryRunner, table: RetainedTable, cutoff: Date, limit: number): Promise<number> {
  const column = EXPIRES_BY[table];
  const result: QueryResult = await runner.query(
    `DELETE FROM ${table} WHERE ctid = ANY (ARRAY(SELECT ctid FROM ${table} WHERE ${column} < $1 LIMIT $2))`,
    [cutoff, limit],
    true,
  );
  return result.affected ?? 0;
}
