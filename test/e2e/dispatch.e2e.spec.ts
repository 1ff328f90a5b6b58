import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Kafka, logLevel, Partitioners } from 'kafkajs';
import { Client } from 'pg';
import { Webhook } from 'standardwebhooks';
import { ManagementClient, PublisherClient } from '@webhooks/client';
import type { CreateEndpointRequest, CreateEndpointResponse } from '@webhooks/contracts';
import {
  REPO_ROOT,
  TestPlatform,
  TestReceiver,
  waitFor,
  waitForCommittedToEnd,
  type ReceivedRequest,
} from '@webhooks/testing';
import { e2eStack } from '../setup/env';

const PARTITIONS = 4;
const partitioner = Partitioners.DefaultPartitioner();
/** The `webhooks.deliveries` partition of an endpoint (tasks are keyed by endpoint id). */
const partitionOf = (endpointId: string): number =>
  partitioner({
    topic: 'webhooks.deliveries',
    partitionMetadata: Array.from({ length: PARTITIONS }, (_, partitionId) => ({
      partitionId,
      leader: 0,
      partitionErrorCode: 0,
      replicas: [0],
      isr: [0],
    })),
    message: { key: endpointId, value: null },
  });

/** Most requests seen within any `windowMs`-long window. */
function slidingMax(times: number[], windowMs: number): number {
  const sorted = [...times].sort((a, b) => a - b);
  let max = 0;
  for (let i = 0, j = 0; i < sorted.length; i++) {
    while (sorted[i] - sorted[j] >= windowMs) j++;
    max = Math.max(max, i - j + 1);
  }
  return max;
}

/** Rebalances this platform's dispatchers went through so far, read from their JSON log. */
function groupJoins(platform: TestPlatform): number {
  const log = join(REPO_ROOT, 'dist/test-logs', platform.prefix.slice(0, -1), 'dispatcher.log');
  return readFileSync(log, 'utf8')
    .split('\n')
    .filter((line) => line.includes('"delivery partitions assigned"')).length;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const gaps = (requests: ReceivedRequest[]) => requests.slice(1).map((r, i) => r.receivedAt - requests[i].receivedAt);

/**
 * Delivery behaviour under real load and failures: exact rate limits across dispatchers and a
 * rebalance, isolation of throttled and hanging endpoints, retry policies, Retry-After, ordering.
 */
describe('dispatch: rate limits, isolation, retry policies, ordering', () => {
  const stack = e2eStack();
  const receiver = new TestReceiver();
  const platform = new TestPlatform({
    kafkaBrokers: stack.kafkaBrokers,
    databaseUrl: stack.databaseUrl,
    // Requests may take 10 s, longer than the 6 s consumer session: the group must not churn.
    env: {
      DELAY_TIERS: '1s,5s',
      REQUEST_TIMEOUT: '10s',
      KAFKA_SESSION_TIMEOUT: '6s',
      KAFKA_DELIVERIES_PARTITIONS: String(PARTITIONS),
    },
  });
  let publisher: PublisherClient;
  let management: ManagementClient;
  const tenant = `dispatch-${Date.now().toString(36)}`;

  beforeAll(async () => {
    await receiver.start();
    await platform.start();
    publisher = platform.publisher({ deadlineMs: 20_000 });
    management = platform.management();
  });

  afterAll(async () => {
    publisher?.close();
    management?.close();
    await platform.stop();
    await receiver.stop();
  });

  /** Creates an endpoint on the same deliveries partition as `partnerId`. */
  async function createOnPartition(partnerId: string, request: CreateEndpointRequest): Promise<CreateEndpointResponse> {
    for (let i = 0; i < 40; i++) {
      const created = await management.createEndpoint(request);
      if (partitionOf(created.endpoint!.id!) === partitionOf(partnerId)) return created;
      await management.deleteEndpoint(request.tenantId!, created.endpoint!.id!);
    }
    throw new Error('no endpoint id landed on the partner partition');
  }

  async function latencies(path: string, type: string, count: number, spacingMs: number): Promise<number[]> {
    const sentAt = new Map<number, number>();
    for (let n = 0; n < count; n++) {
      sentAt.set(n, Date.now());
      await publisher.publish({ tenantId: tenant, eventType: type, payload: { n, type } });
      await sleep(spacingMs);
    }
    await waitFor(
      `${count} deliveries of ${type}`,
      () => receiver.received(path).filter((r) => r.body.includes(type)).length >= count,
      60_000,
    );
    return receiver
      .received(path)
      .filter((r) => r.body.includes(type))
      .map((r) => r.receivedAt - sentAt.get((JSON.parse(r.body.toString()) as { n: number }).n)!);
  }

  it('holds a 20/s limit exactly under a 1,000-task burst, across a second dispatcher joining, while a neighbour stays fast', async () => {
    const limited = await management.createEndpoint({
      tenantId: tenant,
      url: receiver.url('/limited'),
      eventTypes: ['burst.a'],
      rateLimit: { perSecond: 20, burst: 20 },
    });
    const neighbour = await createOnPartition(limited.endpoint!.id!, {
      tenantId: tenant,
      url: receiver.url('/neighbour'),
      eventTypes: ['burst.b.*'],
    });

    const baseline = await latencies('/neighbour', 'burst.b.base', 10, 50);
    const burstIds = new Set<string>();
    for (let chunk = 0; chunk < 2; chunk++) {
      const results = await publisher.publishBatch(
        Array.from({ length: 500 }, (_, i) => ({
          tenantId: tenant,
          eventType: 'burst.a',
          payload: { i: chunk * 500 + i },
        })),
      );
      results.forEach((r) => burstIds.add(r.eventId));
    }
    const during = await latencies('/neighbour', 'burst.b.during', 30, 100);
    const second = await platform.addDispatcher();

    await waitFor(
      '1,000 distinct deliveries at /limited',
      () => new Set(receiver.received('/limited').map((r) => r.headers['webhook-id'])).size >= 1_000,
      120_000,
      500,
    );
    const got = receiver.received('/limited');
    const peak = slidingMax(
      got.map((r) => r.receivedAt),
      1_000,
    );
    // Rate + burst is the most any 1 s window may hold; the bucket starts empty so it is usually ~20.
    // (+1: arrival jitter on a loaded 2-core box can squeeze two sends a few ms apart into one window.)
    expect(peak).toBeLessThanOrEqual(40 + 1);
    expect(new Set(got.map((r) => r.headers['webhook-id'])).size).toBe(1_000);
    const verifier = new Webhook(limited.secret!);
    for (const r of got.slice(0, 50)) verifier.verify(r.body.toString(), r.headers as Record<string, string>);

    // The neighbour on the same partition is not queued behind the throttled endpoint.
    const baseMax = Math.max(...baseline);
    const duringMax = Math.max(...during);
    process.stderr.write(
      `rate-limit: peak ${peak}/s window, neighbour max latency ${baseMax} ms alone vs ${duringMax} ms during the burst\n`,
    );
    expect(duringMax).toBeLessThan(Math.max(2_000, 5 * baseMax));
    expect(neighbour.endpoint?.id).toBeDefined();
    expect(burstIds.size).toBe(1_000);
    expect(await second.stop()).toBe(0);
  });

  it('keeps a healthy endpoint fast while its partition neighbour hangs past the consumer session timeout, without group churn', async () => {
    receiver.on('/hang', 'hang');
    const hanging = await management.createEndpoint({
      tenantId: tenant,
      url: receiver.url('/hang'),
      eventTypes: ['slow.hang'],
      retryPolicy: { kind: 'fixed', intervalMs: 1_000, maxAttempts: 1 },
    });
    await createOnPartition(hanging.endpoint!.id!, {
      tenantId: tenant,
      url: receiver.url('/healthy'),
      eventTypes: ['slow.ok'],
    });
    // Let the rebalance from the previous test's second dispatcher leaving settle first.
    let joinsBefore = groupJoins(platform);
    for (let stableFor = 0; stableFor < 3; ) {
      await sleep(1_000);
      const now = groupJoins(platform);
      stableFor = now === joinsBefore ? stableFor + 1 : 0;
      joinsBefore = now;
    }
    for (let n = 0; n < 10; n++) await publisher.publish({ tenantId: tenant, eventType: 'slow.hang', payload: { n } });
    await waitFor('the hanging endpoint to hold requests', () => receiver.received('/hang').length >= 5, 20_000);
    const healthy = await latencies('/healthy', 'slow.ok', 10, 50);
    // The hanging requests only end at the 10 s timeout; the healthy endpoint must not wait for them.
    expect(Math.max(...healthy)).toBeLessThan(5_000);
    // Outlive the session timeout with requests still hanging: no member may be kicked out.
    await sleep(8_000);
    expect(groupJoins(platform)).toBe(joinsBefore);
  });

  it('delivers an ordered endpoint in publish order even when one delivery needs retries', async () => {
    let failuresLeft = 2;
    receiver.on('/ordered', (request) => {
      const { n } = JSON.parse(request.body.toString()) as { n: number };
      if (n === 3 && failuresLeft > 0) {
        failuresLeft--;
        return 500;
      }
      return 200;
    });
    await management.createEndpoint({
      tenantId: tenant,
      url: receiver.url('/ordered'),
      eventTypes: ['seq.item'],
      ordered: true,
      retryPolicy: { kind: 'fixed', intervalMs: 1_000, maxAttempts: 5, jitter: -1 },
    });
    for (let n = 0; n < 8; n++) await publisher.publish({ tenantId: tenant, eventType: 'seq.item', payload: { n } });
    await waitFor('8 events in order', () => receiver.received('/ordered').length >= 10, 30_000);
    const seen = receiver.received('/ordered').map((r) => (JSON.parse(r.body.toString()) as { n: number }).n);
    expect(seen).toEqual([0, 1, 2, 3, 3, 3, 4, 5, 6, 7]);
  });

  it('follows each retry policy schedule and honours Retry-After', async () => {
    receiver.on('/fib', 500).on('/exp', 500);
    let first429 = true;
    receiver.on('/ra', () => {
      if (!first429) return 200;
      first429 = false;
      return { status: 429, headers: { 'retry-after': '3' } };
    });
    const policy = { intervalMs: 1_000, jitter: -1, maxAttempts: 5 };
    await management.createEndpoint({
      tenantId: tenant,
      url: receiver.url('/fib'),
      eventTypes: ['sched.fib'],
      retryPolicy: { kind: 'fibonacci', ...policy },
    });
    await management.createEndpoint({
      tenantId: tenant,
      url: receiver.url('/exp'),
      eventTypes: ['sched.exp'],
      retryPolicy: { kind: 'exponential', multiplier: 2, ...policy, maxAttempts: 4 },
    });
    await management.createEndpoint({
      tenantId: tenant,
      url: receiver.url('/ra'),
      eventTypes: ['sched.ra'],
      retryPolicy: { kind: 'fixed', ...policy },
    });
    await Promise.all(
      ['sched.fib', 'sched.exp', 'sched.ra'].map((eventType) =>
        publisher.publish({ tenantId: tenant, eventType, payload: { eventType } }),
      ),
    );
    await sleep(300);
    await publisher.publish({ tenantId: tenant, eventType: 'sched.ra', payload: { second: true } });

    await waitFor(
      '5 fibonacci and 4 exponential attempts, 3 Retry-After requests',
      () =>
        receiver.received('/fib').length >= 5 &&
        receiver.received('/exp').length >= 4 &&
        receiver.received('/ra').length >= 3,
      40_000,
    );
    // Never early; late by at most the smallest tier (1 s here) plus scheduling slack on a busy machine.
    const within = (actual: number[], expected: number[]) =>
      actual.forEach((gap, i) => {
        expect(gap).toBeGreaterThanOrEqual(expected[i] - 100);
        expect(gap).toBeLessThanOrEqual(expected[i] + 3_000);
      });
    within(gaps(receiver.received('/fib')), [1_000, 1_000, 2_000, 3_000]);
    within(gaps(receiver.received('/exp')), [1_000, 2_000, 4_000]);

    const ra = receiver.received('/ra');
    const retried = ra.filter((r) => r.body.includes('sched.ra'));
    const second = ra.find((r) => r.body.includes('second'))!;
    // Retry-After 3 s against a 1 s schedule: clamped to 2 × 1 s for the retry…
    expect(retried[1].receivedAt - retried[0].receivedAt).toBeGreaterThanOrEqual(1_900);
    // …and the whole endpoint pauses for the full 3 s: the next event waits too.
    expect(second.receivedAt - retried[0].receivedAt).toBeGreaterThanOrEqual(2_900);
  });

  it('applies endpoint changes to tasks already queued: retries go to the new URL, a disabled endpoint gets nothing', async () => {
    receiver.on('/moving-old', 500);
    const created = await management.createEndpoint({
      tenantId: tenant,
      url: receiver.url('/moving-old'),
      eventTypes: ['move.*'],
      retryPolicy: { kind: 'fixed', intervalMs: 1_000, maxAttempts: 5, jitter: -1 },
    });
    const id = created.endpoint!.id!;
    await publisher.publish({ tenantId: tenant, eventType: 'move.first', payload: { first: true } });
    await waitFor('the first attempt at the old URL', () => receiver.received('/moving-old').length >= 1, 20_000);
    await management.updateEndpoint({ tenantId: tenant, id, url: receiver.url('/moving-new') });
    const moved = await waitFor('the retry at the new URL', () => receiver.received('/moving-new')[0], 20_000);
    expect(moved.headers['webhook-id']).toBe(receiver.received('/moving-old')[0].headers['webhook-id']);
    expect(receiver.received('/moving-old').length).toBeLessThanOrEqual(2);

    await management.updateEndpoint({ tenantId: tenant, id, disabled: true });
    await publisher.publish({ tenantId: tenant, eventType: 'move.second', payload: { second: true } });
    const db = new Client({ connectionString: stack.databaseUrl });
    await db.connect();
    try {
      await waitFor('a skipped attempt for the disabled endpoint', async () => {
        const { rows } = await db.query<{ n: number }>(
          "SELECT count(*)::int AS n FROM attempts WHERE endpoint_id = $1 AND outcome = 'skipped'",
          [id],
        );
        return rows[0].n >= 1;
      });
    } finally {
      await db.end();
    }
    expect(receiver.received('/moving-new')).toHaveLength(1);
  });

  it('commits every finished record: no lag is left on webhooks.deliveries once work is done', async () => {
    const kafka = new Kafka({ brokers: stack.kafkaBrokers.split(','), logLevel: logLevel.NOTHING });
    const admin = kafka.admin();
    await admin.connect();
    try {
      await waitForCommittedToEnd(admin, `${platform.prefix}dispatch`, platform.topic('webhooks.deliveries'));
    } finally {
      await admin.disconnect();
    }
  });
});
