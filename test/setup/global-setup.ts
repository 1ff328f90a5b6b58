import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
// Jest loads globalSetup outside its module registry, so moduleNameMapper (the @webhooks/* aliases)
// does not apply here; a relative path into the lib's index is the only import that resolves.
// eslint-disable-next-line @nx/enforce-module-boundaries -- same lib and index as @webhooks/local-stack
import { startLocalKafka, startLocalPostgres, type LocalKafka, type LocalPostgres } from '../../libs/local-stack/src';

declare global {
  var __E2E_STACK__: { kafka?: LocalKafka; postgres?: LocalPostgres } | undefined;
}

/**
 * One real Kafka broker (from its Maven jars) and one real PostgreSQL for the whole e2e run,
 * unless KAFKA_BROKERS / DATABASE_URL point at external ones. Each test file isolates itself
 * with its own topic prefix, consumer groups and tenants.
 */
export default async function globalSetup(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'webhooks-e2e-'));
  const stack: NonNullable<typeof globalThis.__E2E_STACK__> = {};
  const started = Date.now();
  const [kafkaBrokers, databaseUrl] = await Promise.all([
    process.env.KAFKA_BROKERS ??
      startLocalKafka({ dataDir: join(dir, 'kafka') }).then((kafka) => {
        stack.kafka = kafka;
        return kafka.brokers.join(',');
      }),
    process.env.DATABASE_URL ??
      startLocalPostgres({ dataDir: join(dir, 'postgres') }).then((pg) => {
        stack.postgres = pg;
        return pg.url;
      }),
  ]);
  globalThis.__E2E_STACK__ = stack;
  process.env.E2E_KAFKA_BROKERS = kafkaBrokers;
  process.env.E2E_DATABASE_URL = databaseUrl;
  process.stderr.write(
    `\ne2e stack ready in ${Date.now() - started} ms: kafka ${kafkaBrokers}, postgres ${databaseUrl.replace(/:[^:@]*@/, ':***@')}\n`,
  );
}
