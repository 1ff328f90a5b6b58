import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Kafka, logLevel } from 'kafkajs';
import { Client } from 'pg';
import { GrpcStatus, ManagementClient, PublisherClient } from '@webhooks/client';
import { decodeDeliveryTask, type DeliveryTask } from '@webhooks/contracts';
import { webhookId } from '@webhooks/signing';
import { REPO_ROOT, TestPlatform, TestReceiver, waitFor } from '@webhooks/testing';
import { e2eStack } from '../setup/env';

const EVENTS = 5;
/** Two attempts, 1 s apart, no jitter: a blocked endpoint reaches the DLQ within seconds. */
const retryPolicy = { kind: 'fixed' as const, intervalMs: 1_000, maxAttempts: 2, jitter: -1 };

/**
 * The SSRF guard in the real dispatcher process: subscriptions accepts loopback endpoints (http
 * and the loopback allowlist, as in development), but the dispatcher runs with the production
 * default — no allowlist — so every send to the local receiver must be refused before a single
 * connection is opened, logged as a `blocked:` attempt, retried, and dead-lettered.
 */
describe('ssrf: the dispatcher never connects to a non-public address', () => {
  const stack = e2eStack();
  const receiver = new TestReceiver();
  const platform = new TestPlatform({
    kafkaBrokers: stack.kafkaBrokers,
    databaseUrl: stack.databaseUrl,
    env: { DELAY_TIERS: '1s,5s', REQUEST_TIMEOUT: '3s' },
    // Plain http stays allowed so that what blocks the sends is the address, nothing else.
    serviceEnv: { dispatcher: { SSRF_ALLOW_CIDRS: '', ALLOW_HTTP_ENDPOINTS: 'true' } },
  });
  let publisher: PublisherClient;
  let management: ManagementClient;
  const tenant = `ssrf-${Date.now().toString(36)}`;

  beforeAll(async () => {
    await receiver.start();
    await platform.start();
    publisher = platform.publisher({ deadlineMs: 15_000 });
    management = platform.management();
  });

  afterAll(async () => {
    publisher?.close();
    management?.close();
    await platform.stop();
    await receiver.stop();
  });

  it('refuses to create endpoints at non-public addresses, naming the url and the reason', async () => {
    // Subscriptions here allows loopback (the development allowlist), nothing else.
    const refused = [
      'http://10.0.0.5/hook',
      'http://169.254.169.254/latest/meta-data',
      'http://192.168.1.10/hook',
      'http://100.64.0.1/hook',
      'http://0.0.0.0/hook',
      'http://[fd00::1]/hook',
      'http://[::ffff:10.1.2.3]/hook',
      'http://[64:ff9b::a00:1]/hook',
      'http://0x0a000001/hook',
      'http://user:pass@example.com/hook',
      'ftp://example.com/hook',
    ];
    for (const url of refused) {
      const error = (await management.createEndpoint({ tenantId: tenant, url }).catch((e: unknown) => e)) as {
        code?: number;
        details?: string;
      };
      expect({ url, code: error.code }).toEqual({ url, code: GrpcStatus.INVALID_ARGUMENT });
      expect(error.details).toMatch(/^url: /);
    }
    // A host name is resolved at creation: one that does not resolve is refused too.
    const unresolvable = (await management
      .createEndpoint({ tenantId: tenant, url: 'https://no-such-host.invalid/hook' })
      .catch((e: unknown) => e)) as { code?: number; details?: string };
    expect(unresolvable.code).toBe(GrpcStatus.INVALID_ARGUMENT);
    expect(unresolvable.details).toContain('does not resolve');
    expect((await management.listEndpoints(tenant)).endpoints ?? []).toHaveLength(0);
  });

  it('refuses every send to loopback, however spelled: zero connections, blocked attempts, every event in the DLQ', async () => {
    const port = new URL(receiver.url('/')).port;
    const urls = [
      receiver.url('/literal'),
      `http://localhost:${port}/by-name`,
      // Decimal spelling of 127.0.0.1; the URL parser normalises it, the guard judges the result.
      `http://2130706433:${port}/decimal`,
      `http://[::ffff:127.0.0.1]:${port}/mapped`,
    ];
    const endpoints = await Promise.all(
      urls.map((url) => management.createEndpoint({ tenantId: tenant, url, eventTypes: ['probe.*'], retryPolicy })),
    );
    const endpointIds = endpoints.map((e) => e.endpoint!.id!);

    const published = await publisher.publishBatch(
      Array.from({ length: EVENTS }, (_, n) => ({ tenantId: tenant, eventType: 'probe.sent', payload: { n } })),
    );
    const expected = new Set(
      published.flatMap(({ eventId }) => endpointIds.map((endpointId) => webhookId(eventId, endpointId))),
    );
    expect(expected.size).toBe(EVENTS * urls.length);

    // Every (event, endpoint) delivery ends in the DLQ after its two attempts, each blocked.
    const kafka = new Kafka({ brokers: stack.kafkaBrokers.split(','), logLevel: logLevel.NOTHING });
    const consumer = kafka.consumer({ groupId: `${platform.prefix}dlq-reader` });
    const dead = new Map<string, DeliveryTask>();
    await consumer.connect();
    try {
      await consumer.subscribe({ topic: platform.topic('webhooks.deliveries.dlq'), fromBeginning: true });
      await consumer.run({
        eachMessage: async ({ message }) => {
          const task = decodeDeliveryTask(message);
          if (task.tenantId === tenant) dead.set(task.messageId, task);
        },
      });
      await waitFor(`${expected.size} dead-lettered deliveries`, () => dead.size >= expected.size, 90_000);
    } finally {
      await consumer.disconnect();
    }
    expect(new Set(dead.keys())).toEqual(expected);
    for (const task of dead.values()) {
      expect(task).toMatchObject({ attempts: 2, lastStatus: undefined });
      expect(task.lastError).toMatch(/^blocked: .*loopback \((127\.0\.0\.0\/8|::1\/128)\)/);
    }

    // The attempt log shows both attempts of every delivery, each with its `blocked:` reason.
    const db = new Client({ connectionString: stack.databaseUrl });
    await db.connect();
    try {
      const rows = await waitFor(
        `${expected.size * 2} blocked attempts in the attempt log`,
        async () => {
          const { rows } = await db.query<{
            message_id: string;
            outcome: string;
            status_code: number | null;
            error: string;
          }>('SELECT message_id, outcome, status_code, error FROM attempts WHERE tenant_id = $1', [tenant]);
          return rows.length >= expected.size * 2 ? rows : undefined;
        },
        30_000,
      );
      expect(rows).toHaveLength(expected.size * 2);
      expect(new Set(rows.map((r) => r.message_id))).toEqual(expected);
      expect(rows.filter((r) => r.outcome === 'retrying')).toHaveLength(expected.size);
      expect(rows.filter((r) => r.outcome === 'dead_lettered')).toHaveLength(expected.size);
      for (const row of rows) {
        expect(row.status_code).toBeNull();
        expect(row.error).toMatch(/^blocked: /);
      }
      const literal = rows.find((r) => r.error.startsWith('blocked: 127.0.0.1'));
      expect(literal?.error).toBe('blocked: 127.0.0.1 is loopback (127.0.0.0/8)');
    } finally {
      await db.end();
    }

    // Not one connection reached the receiver, and the dispatcher said why.
    expect(receiver.connections).toBe(0);
    expect(receiver.requests).toHaveLength(0);
    const log = readFileSync(join(REPO_ROOT, 'dist/test-logs', platform.prefix.slice(0, -1), 'dispatcher.log'), 'utf8');
    expect(log).toContain('"delivery blocked by the SSRF guard"');
  });
});
