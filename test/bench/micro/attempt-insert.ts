/**
 * Micro-benchmark: what one delivery-log row costs PostgreSQL and the client, inserting attempt
 * records in batches the way the attempt log does (`AttemptRepository.storeAll`), against a
 * local PostgreSQL (or DATABASE_URL) migrated to the current schema.
 *
 *   npx tsx test/bench/micro/attempt-insert.ts [rows=40000] [batch=100] [prefill=0]
 *
 * Prints µs of CPU per row for PostgreSQL (postmaster and its backends) and for this process.
 * Ids are random, as the platform's are (message ids hash event and endpoint, event ids hash the
 * idempotency key): an index led by one takes each row at a random leaf. `prefill` rows are stored
 * first, unmeasured, so the indexes are as large as a table that has been in use.
 */
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import type { AttemptRecord } from '@webhooks/contracts';
import { startLocalPostgres, type LocalPostgres } from '@webhooks/local-stack';
// eslint-disable-next-line @nx/enforce-module-boundaries -- measures the app's own insert statement
import { AttemptRepository } from '../../../apps/subscriptions/src/attempt-log/attempt.repository';
// eslint-disable-next-line @nx/enforce-module-boundaries -- and its schema (migrations)
import { dataSourceOptions } from '../../../apps/subscriptions/src/persistence/data-source';
import { treeCpuSeconds } from '../process-stats';

const rows = Number(process.argv[2] ?? 40_000);
const batchSize = Number(process.argv[3] ?? 100);
const prefill = Number(process.argv[4] ?? 0);

function randomId(prefix: string, n: number): string {
  return prefix + createHash('sha256').update(String(n)).digest('base64url').slice(0, 27);
}

function attempt(i: number): AttemptRecord {
  const messageId = randomId('msg_', i);
  return {
    messageId,
    eventId: randomId('evt_', Math.floor(i / 10)),
    tenantId: 'ten_bench',
    eventType: 'order.paid',
    endpointId: `ep_${i % 10}`,
    attempt: 1,
    outcome: 'delivered',
    statusCode: 200,
    error: null,
    durationMs: 2,
    attemptedAt: 1_790_000_000_000 + i,
    publishedAt: 1_790_000_000_000 + i - 30,
    requestHeaders: {
      'content-type': 'application/json',
      'user-agent': 'webhook-platform/0.1',
      'webhook-id': messageId,
      'webhook-timestamp': '1790000000',
      'webhook-signature': 'v1,K5oZfzN95Z9UVu1EsfQmfVNQhnkZ2pj9o9NDN/H/pI4=',
    },
    responseBody: 'ok',
  };
}

async function main(): Promise<void> {
  let local: LocalPostgres | undefined;
  let dir: string | undefined;
  let url = process.env.DATABASE_URL;
  let pgPid: number | undefined;
  if (!url) {
    dir = mkdtempSync(join(tmpdir(), 'attempt-insert-'));
    local = await startLocalPostgres({ dataDir: dir });
    url = local.url;
    pgPid = local.pid();
  }
  const dataSource = new DataSource(dataSourceOptions(url, 2));
  await dataSource.initialize();
  await dataSource.runMigrations();
  const repository = new AttemptRepository(dataSource);
  try {
    for (let round = 0; round < 3; round++) {
      await dataSource.query('TRUNCATE attempts');
      const base = round * (rows + prefill);
      for (let i = 0; i < prefill; i += batchSize)
        await repository.storeAll(
          Array.from({ length: Math.min(batchSize, prefill - i) }, (_, k) => attempt(base + rows + i + k)),
        );
      await dataSource.query('CHECKPOINT');
      const pgBefore = pgPid ? treeCpuSeconds(pgPid) : undefined;
      const before = process.cpuUsage();
      for (let i = 0; i < rows; i += batchSize)
        await repository.storeAll(
          Array.from({ length: Math.min(batchSize, rows - i) }, (_, k) => attempt(base + i + k)),
        );
      const client = process.cpuUsage(before);
      const pgAfter = pgPid ? treeCpuSeconds(pgPid) : undefined;
      const pg = pgBefore !== undefined && pgAfter !== undefined ? ((pgAfter - pgBefore) * 1e6) / rows : NaN;
      console.log(
        `round ${round + 1}: ${rows} rows in batches of ${batchSize} after ${prefill}: PostgreSQL ${pg.toFixed(1)} µs/row, client ${((client.user + client.system) / rows).toFixed(1)} µs/row`,
      );
    }
  } finally {
    await dataSource.destroy();
    await local?.stop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  }
}

void main();
