import { generateApiKey } from '@webhooks/auth';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { GrpcStatus, PublisherClient } from '@webhooks/client';
import { freePort, startLocalKafka, type LocalKafka } from '@webhooks/local-stack';
import { ServiceProcess, REPO_ROOT, waitFor } from '@webhooks/testing';

/**
 * Ingestion answers OK only after Kafka acknowledged the write: with its broker gone, a publish
 * must fail with UNAVAILABLE (never OK), within the publish timeout, and the process stays up.
 * Uses a broker of its own so stopping it does not disturb other tests.
 */
describe('ingestion without Kafka', () => {
  let kafka: LocalKafka;
  let ingestion: ServiceProcess;
  let publisher: PublisherClient;

  const adminApiKey = generateApiKey().key;

  beforeAll(async () => {
    kafka = await startLocalKafka({
      dataDir: join(mkdtempSync(join(tmpdir(), 'kafka-down-')), 'kafka'),
      log: () => undefined,
    });
    const grpcPort = await freePort();
    ingestion = new ServiceProcess(
      'ingestion',
      {
        KAFKA_BROKERS: kafka.brokers.join(','),
        GRPC_PORT: String(grpcPort),
        GRPC_HOST: '127.0.0.1',
        PUBLISH_TIMEOUT: '4s',
        ADMIN_API_KEY: adminApiKey,
      },
      await freePort(),
      join(REPO_ROOT, 'dist/test-logs/kafka-unavailable'),
    );
    await ingestion.start();
    publisher = new PublisherClient({
      address: `127.0.0.1:${grpcPort}`,
      apiKey: adminApiKey,
      maxRetries: 0,
      deadlineMs: 20_000,
    });
  });

  afterAll(async () => {
    publisher?.close();
    await ingestion?.stop('SIGKILL');
    await kafka?.stop();
  });

  it('answers OK while the broker is up and UNAVAILABLE once it is gone', async () => {
    // A topic created moments ago may answer NOT_LEADER once while its leadership settles.
    const first = await waitFor(
      'a first accepted publish',
      () => publisher.publish({ tenantId: 'acme', eventType: 'a.b', payload: {} }).catch(() => undefined),
      20_000,
    );
    expect(first.eventId).toMatch(/^evt_/);
    await kafka.stop();
    const started = Date.now();
    await expect(publisher.publish({ tenantId: 'acme', eventType: 'a.b', payload: {} })).rejects.toMatchObject({
      code: GrpcStatus.UNAVAILABLE,
      details: expect.stringContaining('Kafka unavailable'),
    });
    expect(Date.now() - started).toBeLessThan(15_000);
    // Still serving: validation errors are answered without Kafka.
    await expect(publisher.publish({ tenantId: 'acme', eventType: '', payload: {} })).rejects.toMatchObject({
      code: GrpcStatus.INVALID_ARGUMENT,
    });
    const health = await fetch(`http://127.0.0.1:${ingestion.httpPort}/healthz`);
    expect(health.status).toBe(200);
  });
});
