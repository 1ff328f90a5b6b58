import { purgeInBatches, type BatchPurge } from './purge-in-batches';

/** A table with `rows` expired rows; records every statement and pause. */
function table(rows: number, batchSize: number, stopAfter = Infinity) {
  const calls: string[] = [];
  let left = rows;
  let statements = 0;
  const purge: BatchPurge = {
    batchSize,
    deleteBatch: (limit) => {
      statements++;
      const deleted = Math.min(limit, left);
      left -= deleted;
      calls.push(`delete ${deleted}`);
      return Promise.resolve(deleted);
    },
    pause: () => {
      calls.push('pause');
      return Promise.resolve();
    },
    stopped: () => statements >= stopAfter,
  };
  return { purge, calls, left: () => left };
}

describe('purgeInBatches', () => {
  it('deletes in bounded batches with a pause between full ones, until a batch comes back short', async () => {
    const t = table(12, 5);
    expect(await purgeInBatches(t.purge)).toBe(12);
    expect(t.calls).toEqual(['delete 5', 'pause', 'delete 5', 'pause', 'delete 2']);
  });

  it('needs one more (empty) statement when the rows are a multiple of the batch', async () => {
    const t = table(10, 5);
    expect(await purgeInBatches(t.purge)).toBe(10);
    expect(t.calls).toEqual(['delete 5', 'pause', 'delete 5', 'pause', 'delete 0']);
  });

  it('runs one statement when nothing is expired', async () => {
    const t = table(0, 5);
    expect(await purgeInBatches(t.purge)).toBe(0);
    expect(t.calls).toEqual(['delete 0']);
  });

  it('stops between batches once the service stops, leaving the rest for the next run', async () => {
    const t = table(100, 5, 2);
    expect(await purgeInBatches(t.purge)).toBe(10);
    expect(t.left()).toBe(90);
  });

  it('propagates a failed statement (the run is logged and retried at the next interval)', async () => {
    const t = table(10, 5);
    t.purge.deleteBatch = () => Promise.reject(new Error('connection lost'));
    await expect(purgeInBatches(t.purge)).rejects.toThrow('connection lost');
  });
});
