import { Kafka, logLevel, type Consumer } from 'kafkajs';
import { Client } from 'pg';
import { Webhook } from 'standardwebhooks';
import { ManagementClient, PublisherClient } from '@webhooks/client';
import { decodeDeliveryTask, headerString } from '@webhooks/contracts';
import { webhookId } from '@webhooks/signing';
import { TestPlatform, TestReceiver, waitFor, waitForCommittedToEnd } from '@webhooks/testing';
import { e2eStack } from '../setup/env';

/**
 * Faults with full accounting: every event that got an OK is, at the end, delivered with a valid
 * signature or in the DLQ; duplicates only ever share a webhook-id. Services run as separate
 * processes and are killed or stopped for real.
 */
describe('faults: process kills, shutdown under load, poison records, hostile receivers', () => {
  const stack = e2eStack();
  const receiver = new TestReceiver();
  const platform = new TestPlatform({
    kafkaBrokers: stack.kafkaBrokers,
    databaseUrl: stack.databaseUrl,
    env: { DELAY_TIERS: '1s,5s', REQUEST_TIMEOUT: '3s', KAFKA_DELIVERIES_PARTITIONS: '2' },
  });
  const kafka = new Kafka({ brokers: stack.kafkaBrokers.split(','), logLevel: logLevel.NOTHING });
  const dlq: ReturnType<typeof decodeDeliveryTask>[] = [];
  const poison: { reason?: string; value: string }[] = [];
  let dlqReader: Consumer;
  let publisher: PublisherClient;
  let management: ManagementClient;
  const tenant = `faults-${Date.now().toString(36)}`;

  beforeAll(async () => {
    await receiver.start();
    await platform.start();
    publisher = platform.publisher({ deadlineMs: 20_000 });
    management = platform.management();
    dlqReader = kafka.consumer({ groupId: `${platform.prefix}dlq-reader` });
    await dlqReader.connect();
    await dlqReader.subscribe({ topic: platform.topic('webhooks.deliveries.dlq'), fromBeginning: true });
    await dlqReader.run({
      eachMessage: async ({ message }) => {
        const reason = headerString(message.headers, 'poison-reason');
        if (reason) poison.push({ reason, value: message.value?.toString() ?? '' });
        else dlq.push(decodeDeliveryTask(message));
      },
    });
  });

  afterAll(async () => {
    await dlqReader?.disconnect();
    publisher?.close();
    management?.close();
    await platform.stop();
    await receiver.stop();
  });

  /** Publishes `count` events of `eventType` and returns their ids (all answered OK). */
  async function publish(eventType: string, count: number): Promise<string[]> {
    const ids: string[] = [];
    for (let i = 0; i < count; i += 100) {
      const chunk = Array.from({ length: Math.min(100, count - i) }, (_, j) => ({
        tenantId: tenant,
        eventType,
        payload: { n: i + j },
      }));
      ids.push(...(await publisher.publishBatch(chunk)).map((r) => r.eventId));
    }
    return ids;
  }

  /** Every event is delivered (2xx, valid signature) to the endpoint or dead-lettered; returns duplicate count. */
  async function account(
    path: string,
    endpointId: string,
    secret: string,
    eventIds: string[],
    timeoutMs = 90_000,
  ): Promise<number> {
    const expected = new Map(eventIds.map((id) => [webhookId(id, endpointId), id]));
    const delivered = () => new Set(receiver.accepted(path).map((r) => String(r.headers['webhook-id'])));
    const dead = () => new Set(dlq.filter((t) => t.endpointId === endpointId).map((t) => t.messageId));
    // Both sets once per poll: rebuilding them per id (10,000 × 10,000) starved the receiver,
    // which runs in this process, and slowed the very deliveries being waited for.
    const settled = () => {
      const [d, x] = [delivered(), dead()];
      return [...expected.keys()].every((id) => d.has(id) || x.has(id));
    };
    await waitFor(`${eventIds.length} events delivered or dead-lettered at ${path}`, settled, timeoutMs, 250);
    const verifier = new Webhook(secret);
    const requests = receiver.received(path);
    for (const request of requests) {
      expect(expected.has(String(request.headers['webhook-id']))).toBe(true);
      verifier.verify(request.body.toString(), request.headers as Record<string, string>);
    }
    return receiver.accepted(path).length - delivered().size;
  }

  it('a dispatcher SIGKILLed while a request is in flight: the task is redelivered with the same webhook-id', async () => {
    receiver.on('/kill', 'hang');
    const { endpoint, secret } = await management.createEndpoint({
      tenantId: tenant,
      url: receiver.url('/kill'),
      eventTypes: ['kill.me'],
    });
    const [eventId] = await publish('kill.me', 1);
    await waitFor('the request to be in flight', () => receiver.received('/kill').length >= 1, 30_000);
    await platform.service('dispatcher').stop('SIGKILL');
    receiver.on('/kill', 200);
    const restarted = await platform.addDispatcher();
    // The dead member's session must expire before its partitions move: allow for it.
    await account('/kill', endpoint!.id!, secret!, [eventId], 120_000);
    const ids = new Set(receiver.received('/kill').map((r) => r.headers['webhook-id']));
    expect(ids).toEqual(new Set([webhookId(eventId, endpoint!.id!)]));
    expect(receiver.received('/kill').length).toBeGreaterThanOrEqual(2);
    expect(restarted.pid).toBeDefined();
  });

  it('SIGTERM under load: the dispatcher finishes in-flight work, commits, exits 0; its successor delivers the rest', async () => {
    receiver.on('/busy', { status: 200, delayMs: 300 });
    const { endpoint, secret } = await management.createEndpoint({
      tenantId: tenant,
      url: receiver.url('/busy'),
      eventTypes: ['busy.*'],
    });
    const eventIds = await publish('busy.work', 300);
    await waitFor('deliveries to be under way', () => receiver.received('/busy').length >= 40, 30_000);
    const dispatchers = platform.running('dispatcher');
    expect(dispatchers).toHaveLength(1);
    expect(await dispatchers[0].stop('SIGTERM')).toBe(0);
    const deliveredBefore = receiver.received('/busy').length;
    expect(deliveredBefore).toBeLessThan(300);
    await platform.addDispatcher();
    const duplicates = await account('/busy', endpoint!.id!, secret!, eventIds);
    process.stderr.write(
      `shutdown under load: ${deliveredBefore} delivered before SIGTERM, ${duplicates} duplicates after restart\n`,
    );
    // A graceful stop commits up to the low watermark. Repeats come only from work above it:
    // tasks shed to a delay tier past the endpoint's backlog (256) are re-read by the successor
    // while their delay copy also returns — at-least-once, same webhook-id, bounded.
    expect(duplicates).toBeLessThanOrEqual(44);
  });

  it('a rebalance under load (a second dispatcher joins, then leaves) loses nothing: 5,000 events × 2 endpoints', async () => {
    const endpoints = await Promise.all(
      ['/rb-a', '/rb-b'].map((path) =>
        management.createEndpoint({ tenantId: tenant, url: receiver.url(path), eventTypes: ['rb.*'] }),
      ),
    );
    const eventIds = await publish('rb.load', 5_000);
    const delivered = () => receiver.accepted('/rb-a').length + receiver.accepted('/rb-b').length;
    await waitFor('a third of the deliveries', () => delivered() >= 3_300, 120_000, 200);
    const extra = await platform.addDispatcher();
    await waitFor('two thirds of the deliveries', () => delivered() >= 6_600, 120_000, 200);
    expect(await extra.stop('SIGTERM')).toBe(0);
    let duplicates = 0;
    for (const [i, path] of ['/rb-a', '/rb-b'].entries()) {
      duplicates += await account(path, endpoints[i].endpoint!.id!, endpoints[i].secret!, eventIds, 180_000);
    }
    process.stderr.write(`rebalance under load: 10,000 deliveries, ${duplicates} duplicates (same webhook-id)\n`);
  });

  it('subscriptions SIGKILLed during fan-out: after restart every (event, endpoint) is delivered exactly once', async () => {
    const endpoints = await Promise.all(
      ['/eo-a', '/eo-b'].map((path) =>
        management.createEndpoint({ tenantId: tenant, url: receiver.url(path), eventTypes: ['eo.*'] }),
      ),
    );
    const subscriptions = platform.service('subscriptions');
    const eventIds: string[] = [];
    for (let round = 0; round < 20; round++) {
      if (round === 8) await subscriptions.stop('SIGKILL');
      eventIds.push(...(await publish('eo.event', 100)));
    }
    await subscriptions.start();
    for (const [i, path] of ['/eo-a', '/eo-b'].entries()) {
      // The dead member's session must expire before its partitions move: allow for it.
      const duplicates = await account(path, endpoints[i].endpoint!.id!, endpoints[i].secret!, eventIds, 180_000);
      // The dispatchers never restarted here, so any repeat could only come from a fan-out
      // batch produced twice — which the transaction (tasks + offsets, read_committed) forbids.
      expect(duplicates).toBe(0);
    }
  });

  it('a poison record on webhooks.deliveries goes to the DLQ and the partition keeps moving', async () => {
    const { endpoint, secret } = await management.createEndpoint({
      tenantId: tenant,
      url: receiver.url('/after-poison'),
      eventTypes: ['poison.after'],
    });
    const producer = kafka.producer();
    await producer.connect();
    await producer.send({
      topic: platform.topic('webhooks.deliveries'),
      messages: [0, 1].map((partition) => ({
        partition,
        key: endpoint!.id!,
        value: `garbage-${partition}`,
        headers: { junk: 'yes' },
      })),
    });
    await producer.disconnect();
    const eventIds = await publish('poison.after', 5);
    await account('/after-poison', endpoint!.id!, secret!, eventIds);
    await waitFor(
      'both poison records in the DLQ',
      () => poison.filter((p) => p.value.startsWith('garbage-')).length === 2,
      30_000,
    );
    expect(poison.find((p) => p.value === 'garbage-0')?.reason).toContain('missing header');
  });

  it('the delay tiers resume partitions paused before their first commit, and commit', async () => {
    let failures = 0;
    receiver.on('/flaky', () => (failures++ < 3 ? 500 : 200));
    const { endpoint, secret } = await management.createEndpoint({
      tenantId: tenant,
      url: receiver.url('/flaky'),
      eventTypes: ['flaky.one'],
      retryPolicy: { kind: 'fixed', intervalMs: 1_000, maxAttempts: 6, jitter: -1 },
    });
    const eventIds = await publish('flaky.one', 1);
    await account('/flaky', endpoint!.id!, secret!, eventIds, 30_000);
    expect(receiver.received('/flaky').length).toBe(4);
    const admin = kafka.admin();
    await admin.connect();
    try {
      await waitForCommittedToEnd(admin, `${platform.prefix}delay`, platform.topic('webhooks.delay.1s'));
    } finally {
      await admin.disconnect();
    }
  });

  it('a receiver sending an endless or dripping body: the read is capped and the attempt ends in time', async () => {
    receiver.on('/flood', 'flood').on('/drip', 'drip');
    const flood = await management.createEndpoint({
      tenantId: tenant,
      url: receiver.url('/flood'),
      eventTypes: ['body.test'],
    });
    const drip = await management.createEndpoint({
      tenantId: tenant,
      url: receiver.url('/drip'),
      eventTypes: ['body.test'],
      retryPolicy: { kind: 'fixed', intervalMs: 1_000, maxAttempts: 1 },
    });
    const [eventId] = await publish('body.test', 1);
    const db = new Client({ connectionString: stack.databaseUrl });
    await db.connect();
    try {
      const outcome = async (endpointId: string) =>
        (
          await db.query<{ outcome: string; error: string | null; duration_ms: number }>(
            'SELECT outcome, error, duration_ms FROM attempts WHERE endpoint_id = $1 AND event_id = $2',
            [endpointId, eventId],
          )
        ).rows[0];
      // A 200 with an endless body is a delivery: the dispatcher reads 4 KiB and hangs up.
      const flooded = await waitFor('the flood attempt in the log', () => outcome(flood.endpoint!.id!), 30_000);
      expect(flooded.outcome).toBe('delivered');
      expect(flooded.duration_ms).toBeLessThan(3_000);
      // A body that never ends is cut by the 3 s attempt deadline and dead-lettered (1 attempt).
      const dripped = await waitFor('the drip attempt in the log', () => outcome(drip.endpoint!.id!), 30_000);
      expect(dripped.outcome).toBe('dead_lettered');
      expect(dripped.error).toContain('timeout');
    } finally {
      await db.end();
    }
    const health = await fetch(`http://127.0.0.1:${platform.running('dispatcher')[0].httpPort}/healthz`);
    expect(health.status).toBe(200);
  });
});
