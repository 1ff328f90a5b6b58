import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Kafka, logLevel } from 'kafkajs';
import { Client } from 'pg';
import { ManagementClient, PublisherClient } from '@webhooks/client';
import { startLocalPostgres, type LocalPostgres } from '@webhooks/local-stack';
import { DeadLetters, TestPlatform, TestReceiver, type EndpointUnderTest } from '@webhooks/testing';

/** A fresh temp dir for one test file's own broker or database. */
export function scratchDir(name: string): string {
  return mkdtempSync(join(tmpdir(), `webhooks-faults-${name}-`));
}

/** Milliseconds as seconds with one decimal, for the measured numbers each test prints. */
export const secs = (ms: number): string => `${(ms / 1000).toFixed(1)} s`;

/** Creates one endpoint per path, all subscribed to `eventTypes`, and returns what accounting needs. */
export async function createEndpoints(
  management: ManagementClient,
  receiver: TestReceiver,
  tenantId: string,
  paths: string[],
  eventTypes: string[],
): Promise<EndpointUnderTest[]> {
  return Promise.all(
    paths.map(async (path) => {
      const { endpoint, secret } = await management.createEndpoint({ tenantId, url: receiver.url(path), eventTypes });
      return { path, endpointId: endpoint!.id!, secret: secret! };
    }),
  );
}

/** (event id, endpoint id) pairs that ended (delivered or dead-lettered) in the attempts table, as `event/endpoint`. */
export async function attemptPairs(databaseUrl: string, tenantId: string): Promise<Set<string>> {
  const db = new Client({ connectionString: databaseUrl });
  await db.connect();
  try {
    const { rows } = await db.query<{ event_id: string; endpoint_id: string }>(
      "SELECT DISTINCT event_id, endpoint_id FROM attempts WHERE tenant_id = $1 AND outcome IN ('delivered', 'dead_lettered')",
      [tenantId],
    );
    return new Set(rows.map((r) => `${r.event_id}/${r.endpoint_id}`));
  } finally {
    await db.end();
  }
}

/** What a fault scenario runs against: its own broker(s), database, receiver and platform. */
export interface FaultPlatform<K extends { brokers: string[]; stop(): Promise<void> }> {
  kafka: K;
  postgres: LocalPostgres;
  receiver: TestReceiver;
  platform: TestPlatform;
  /** No client retries: every answer recorded is exactly what ingestion said. */
  publisher: PublisherClient;
  management: ManagementClient;
  /** The DLQ, read from the start. */
  deadLetters: DeadLetters;
  /** A kafkajs client on the scenario's brokers. */
  client: Kafka;
  stop(): Promise<void>;
}

/**
 * Starts a scenario's own Kafka (whatever `startKafka` returns: one broker or a cluster) and
 * PostgreSQL in a scratch directory, a receiver, the three services, clients and a DLQ reader;
 * `stop()` takes it all down in reverse order, whatever got started.
 */
export async function startFaultPlatform<K extends { brokers: string[]; stop(): Promise<void> }>(options: {
  name: string;
  startKafka: (dataDir: string) => Promise<K>;
  env?: Record<string, string>;
}): Promise<FaultPlatform<K>> {
  const dir = scratchDir(options.name);
  const [kafka, postgres] = await Promise.all([
    options.startKafka(join(dir, 'kafka')),
    startLocalPostgres({ dataDir: join(dir, 'postgres') }),
  ]);
  const receiver = new TestReceiver();
  const stops: (() => Promise<void>)[] = [() => postgres.stop(), () => kafka.stop()];
  const stop = async (): Promise<void> => {
    for (const step of stops.splice(0).reverse()) await step().catch(() => undefined);
  };
  try {
    await receiver.start();
    stops.push(() => receiver.stop());
    const platform = new TestPlatform({
      kafkaBrokers: kafka.brokers.join(','),
      databaseUrl: postgres.url,
      env: { DELAY_TIERS: '1s,5s', ...options.env },
    });
    stops.push(() => platform.stop());
    await platform.start();
    const publisher = platform.publisher({ maxRetries: 0, deadlineMs: 10_000 });
    const management = platform.management();
    stops.push(() => {
      publisher.close();
      management.close();
      return Promise.resolve();
    });
    const client = new Kafka({ brokers: kafka.brokers, logLevel: logLevel.NOTHING });
    const deadLetters = await new DeadLetters(
      client,
      platform.topic('webhooks.deliveries.dlq'),
      `${platform.prefix}dlq-reader`,
    ).start();
    stops.push(() => deadLetters.stop());
    return { kafka, postgres, receiver, platform, publisher, management, deadLetters, client, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}
