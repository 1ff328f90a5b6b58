export interface BatchPurge {
  /** Deletes at most `limit` expired rows in one short statement; resolves with how many went. */
  deleteBatch(limit: number): Promise<number>;
  /** Rows per statement. */
  batchSize: number;
  /** Waits between two full batches (the hot path's writes and reads go first). */
  pause(): Promise<void>;
  /** Checked before every batch: true once the service is shutting down. */
  stopped(): boolean;
}

/**
 * Deletes expired rows batch after batch until a batch comes back short (nothing more is
 * expired) or the service stops. Each batch is its own statement and transaction, so row locks
 * are held for one batch only and autovacuum can follow; the pause between batches leaves the
 * database to the fan-out and the attempt log, which matter more than a backlog of old rows
 * going a few seconds later. Resolves with the number of rows deleted.
 */
export async function purgeInBatches(purge: BatchPurge): Promise<number> {
  let total = 0;
  while (!purge.stopped()) {
    const deleted = await purge.deleteBatch(purge.batchSize);
    total += deleted;
    if (deleted < purge.batchSize) break;
    await purge.pause();
  }
  return total;
}
