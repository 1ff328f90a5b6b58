import { Kafka, logLevel } from 'kafkajs';
import { Client } from 'pg';
import { Webhook } from 'standardwebhooks';
import { GrpcStatus, ManagementClient, PublisherClient } from '@webhooks/client';
import { decodeDeliveryTask } from '@webhooks/contracts';
import { webhookId } from '@webhooks/signing';
import { TestPlatform, TestReceiver, waitFor } from '@webhooks/testing';
import { e2eStack } from '../setup/env';

/**
 * The whole path on a real broker and a real database, with the three services as separate
 * processes: gRPC publish -> webhooks.events -> fan-out (transactional) -> webhooks.deliveries
 * -> dispatcher -> signed POST to a local receiver; failures -> delay tiers -> DLQ.
 */
describe('pipeline: publish over gRPC, deliver signed webhooks', () => {
  const stack = e2eStack();
  const receiver = new TestReceiver();
  const platform = new TestPlatform({
    kafkaBrokers: stack.kafkaBrokers,
    databaseUrl: stack.databaseUrl,
    env: { DELAY_TIERS: '1s,5s', REQUEST_TIMEOUT: '3s' },
  });
  let publisher: PublisherClient;
  let management: ManagementClient;
  const tenant = `acme-${Date.now().toString(36)}`;
  const otherTenant = `globex-${Date.now().toString(36)}`;

  beforeAll(async () => {
    await receiver.start();
    receiver.on('/failing', 500);
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

  it('delivers each event exactly once to each subscribed endpoint, signed, byte-identical', async () => {
    const invoices = await management.createEndpoint({
      tenantId: tenant,
      url: receiver.url('/invoices'),
      eventTypes: ['invoice.*'],
    });
    const users = await management.createEndpoint({
      tenantId: tenant,
      url: receiver.url('/users'),
      eventTypes: ['user.created'],
    });
    const everything = await management.createEndpoint({ tenantId: tenant, url: receiver.url('/all') });
    const otherTenants = await management.createEndpoint({ tenantId: otherTenant, url: receiver.url('/other-tenant') });
    expect(invoices.secret).toMatch(/^whsec_/);

    // Odd bytes on purpose: whitespace, key order, unicode escapes and raw UTF-8 must survive.
    const payloads = Array.from({ length: 30 }, (_, i) =>
      Buffer.from(`{ "n": ${i},"b":"ü\\u00fc ✓",  "z" : [1, 2.50] }`),
    );
    const single = await Promise.all(
      payloads
        .slice(0, 10)
        .map((payload) => publisher.publish({ tenantId: tenant, eventType: 'invoice.paid', payload })),
    );
    const batch = await publisher.publishBatch(
      payloads.slice(10).map((payload) => ({ tenantId: tenant, eventType: 'invoice.paid', payload })),
    );
    const eventIds = [...single, ...batch].map((r) => r.eventId);
    expect(new Set(eventIds).size).toBe(30);

    await waitFor(
      '30 deliveries at /invoices and /all',
      () => receiver.received('/invoices').length >= 30 && receiver.received('/all').length >= 30,
      60_000,
    );
    // Give duplicates a chance to show up before asserting exactly-once.
    await new Promise((resolve) => setTimeout(resolve, 2_000));

    for (const [path, endpoint] of [
      ['/invoices', invoices],
      ['/all', everything],
    ] as const) {
      const got = receiver.received(path);
      expect(got).toHaveLength(30);
      const ids = got.map((r) => r.headers['webhook-id']);
      expect(new Set(ids).size).toBe(30);
      expect(new Set(ids)).toEqual(new Set(eventIds.map((eventId) => webhookId(eventId, endpoint.endpoint!.id!))));
      const verifier = new Webhook(endpoint.secret!);
      for (const request of got) {
        expect(() =>
          verifier.verify(request.body.toString('utf8'), request.headers as Record<string, string>),
        ).not.toThrow();
        expect(request.headers['content-type']).toBe('application/json');
      }
      const bodies = got.map((r) => r.body.toString('hex')).sort();
      expect(bodies).toEqual(payloads.map((p) => p.toString('hex')).sort());
    }
    expect(receiver.received('/users')).toHaveLength(0);
    expect(receiver.received('/other-tenant')).toHaveLength(0);
    expect(users.endpoint?.eventTypes).toEqual(['user.created']);
    expect(otherTenants.endpoint?.tenantId).toBe(otherTenant);

    // The delivery log in Postgres records every 2xx attempt.
    const db = new Client({ connectionString: stack.databaseUrl });
    await db.connect();
    try {
      await waitFor('60 delivered attempts in the delivery log', async () => {
        const { rows } = await db.query(
          "SELECT count(*)::int AS n FROM attempts WHERE tenant_id = $1 AND outcome = 'delivered' AND status_code = 200",
          [tenant],
        );
        return rows[0].n === 60;
      });
    } finally {
      await db.end();
    }
  });

  it('retries a failing endpoint with the same webhook-id and parks it in the DLQ after the attempt limit', async () => {
    // 3 attempts, 1 s apart (no jitter), so the failing endpoint reaches the DLQ within seconds.
    const failing = await management.createEndpoint({
      tenantId: tenant,
      url: receiver.url('/failing'),
      eventTypes: ['order.created'],
      retryPolicy: { kind: 'fixed', intervalMs: 1_000, maxAttempts: 3, jitter: -1 },
    });
    const endpointId = failing.endpoint!.id!;
    const { eventId } = await publisher.publish({
      tenantId: tenant,
      eventType: 'order.created',
      payload: { order: 1 },
    });

    await waitFor('3 attempts at /failing', () => receiver.received('/failing').length >= 3, 30_000);
    const attempts = receiver.received('/failing');
    expect(new Set(attempts.map((r) => r.headers['webhook-id']))).toEqual(new Set([webhookId(eventId, endpointId)]));
    // Retries are spaced by the schedule (1 s, minus tier lateness bounds) and freshly signed.
    expect(attempts[1].receivedAt - attempts[0].receivedAt).toBeGreaterThanOrEqual(900);
    const verifier = new Webhook(failing.secret!);
    for (const a of attempts)
      expect(() => verifier.verify(a.body.toString(), a.headers as Record<string, string>)).not.toThrow();

    const kafka = new Kafka({ brokers: stack.kafkaBrokers.split(','), logLevel: logLevel.NOTHING });
    const consumer = kafka.consumer({ groupId: `${platform.prefix}dlq-reader` });
    const dead: ReturnType<typeof decodeDeliveryTask>[] = [];
    await consumer.connect();
    try {
      await consumer.subscribe({ topic: platform.topic('webhooks.deliveries.dlq'), fromBeginning: true });
      await consumer.run({ eachMessage: async ({ message }) => void dead.push(decodeDeliveryTask(message)) });
      const record = await waitFor('the DLQ record', () => dead.find((t) => t.endpointId === endpointId), 30_000);
      expect(record).toMatchObject({
        eventId,
        attempts: 3,
        lastStatus: 500,
        messageId: webhookId(eventId, endpointId),
      });
      expect(JSON.parse(record.payload.toString())).toEqual({ order: 1 });
    } finally {
      await consumer.disconnect();
    }
    // Exactly the attempt limit: no fourth attempt after dead-lettering.
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    expect(receiver.received('/failing')).toHaveLength(3);
  });

  it('rejects malformed requests with INVALID_ARGUMENT naming the field and writes nothing', async () => {
    const probe = await management.createEndpoint({
      tenantId: tenant,
      url: receiver.url('/strict'),
      eventTypes: ['strict.*'],
    });
    const cases: [Parameters<PublisherClient['publish']>[0], string][] = [
      [{ tenantId: '', eventType: 'strict.a', payload: {} }, 'tenant_id'],
      [{ tenantId: tenant, eventType: '', payload: {} }, 'event_type'],
      [{ tenantId: tenant, eventType: 'strict..a', payload: {} }, 'event_type'],
      [{ tenantId: tenant, eventType: 'strict.a', payload: Buffer.from('{not json') }, 'payload'],
      [{ tenantId: tenant, eventType: 'strict.a', payload: Buffer.from([0x7b, 0xff, 0x7d]) }, 'payload'],
      [{ tenantId: tenant, eventType: 'strict.a', payload: Buffer.alloc(0) }, 'payload'],
    ];
    for (const [event, field] of cases) {
      await expect(publisher.publish(event)).rejects.toMatchObject({
        code: GrpcStatus.INVALID_ARGUMENT,
        details: expect.stringContaining(field),
      });
    }
    // One bad event rejects the whole batch, and the error names it.
    await expect(
      publisher.publishBatch([
        { tenantId: tenant, eventType: 'strict.ok', payload: { ok: true } },
        { tenantId: tenant, eventType: 'strict.bad', payload: Buffer.from('nope') },
      ]),
    ).rejects.toMatchObject({
      code: GrpcStatus.INVALID_ARGUMENT,
      details: expect.stringContaining('events[1].payload'),
    });

    // A valid event published afterwards is the only thing delivered.
    await publisher.publish({ tenantId: tenant, eventType: 'strict.marker', payload: { marker: true } });
    await waitFor('the marker event', () => receiver.received('/strict').length >= 1, 30_000);
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    expect(receiver.received('/strict').map((r) => JSON.parse(r.body.toString()))).toEqual([{ marker: true }]);
    expect(probe.endpoint?.url).toBe(receiver.url('/strict'));
  });

  it('maps the same idempotency key to the same event id', async () => {
    const a = await publisher.publish({
      tenantId: tenant,
      eventType: 'dup.test',
      payload: {},
      idempotencyKey: 'key-1',
    });
    const b = await publisher.publish({
      tenantId: tenant,
      eventType: 'dup.test',
      payload: {},
      idempotencyKey: 'key-1',
    });
    const c = await publisher.publish({
      tenantId: otherTenant,
      eventType: 'dup.test',
      payload: {},
      idempotencyKey: 'key-1',
    });
    expect(a.eventId).toBe(b.eventId);
    expect(c.eventId).not.toBe(a.eventId);
  });

  it('manages endpoints: get, list with paging, update, delete, tenant isolation, validation', async () => {
    const t = `mgmt-${Date.now().toString(36)}`;
    const created = await Promise.all(
      [1, 2, 3].map((i) =>
        management.createEndpoint({ tenantId: t, url: receiver.url(`/m${i}`), description: `m${i}` }),
      ),
    );
    const id = created[0].endpoint!.id!;
    expect(await management.getEndpoint(t, id)).toMatchObject({
      id,
      tenantId: t,
      description: 'm1',
      disabled: false,
      version: '1',
    });
    await expect(management.getEndpoint(otherTenant, id)).rejects.toMatchObject({ code: GrpcStatus.NOT_FOUND });

    const page1 = await management.listEndpoints(t, 2);
    expect(page1.endpoints).toHaveLength(2);
    const page2 = await management.listEndpoints(t, 2, page1.nextCursor);
    expect(page2.endpoints).toHaveLength(1);
    expect(page2.nextCursor).toBe('');
    expect([...page1.endpoints!, ...page2.endpoints!].map((e) => e.id).sort()).toEqual(
      created.map((c) => c.endpoint!.id).sort(),
    );

    const updated = await management.updateEndpoint({
      tenantId: t,
      id,
      disabled: true,
      eventTypes: { values: ['a.b'] },
    });
    expect(updated).toMatchObject({ disabled: true, eventTypes: ['a.b'], version: '2', description: 'm1' });

    await management.deleteEndpoint(t, id);
    await expect(management.getEndpoint(t, id)).rejects.toMatchObject({ code: GrpcStatus.NOT_FOUND });
    expect((await management.listEndpoints(t)).endpoints).toHaveLength(2);

    const tuned = await management.createEndpoint({
      tenantId: t,
      url: receiver.url('/tuned'),
      retryPolicy: { kind: 'fibonacci', intervalMs: 2_000, maxAttempts: 4, giveUpOnClientErrors: true },
      rateLimit: { perSecond: 50 },
      ordered: true,
    });
    expect(await management.getEndpoint(t, tuned.endpoint!.id!)).toMatchObject({
      retryPolicy: {
        kind: 'fibonacci',
        intervalMs: 2_000,
        maxAttempts: 4,
        multiplier: 6,
        jitter: 0.2,
        giveUpOnClientErrors: true,
      },
      rateLimit: { perSecond: 50, burst: 50 },
      ordered: true,
    });
    await expect(
      management.createEndpoint({ tenantId: t, url: receiver.url('/x'), retryPolicy: { kind: 'linear' } }),
    ).rejects.toMatchObject({
      code: GrpcStatus.INVALID_ARGUMENT,
      details: expect.stringContaining('retry_policy.kind'),
    });
    await expect(
      management.createEndpoint({ tenantId: t, url: receiver.url('/x'), retryPolicy: { maxAttempts: 99 } }),
    ).rejects.toMatchObject({
      code: GrpcStatus.INVALID_ARGUMENT,
      details: expect.stringContaining('retry_policy.max_attempts'),
    });

    await expect(management.createEndpoint({ tenantId: t, url: 'not a url' })).rejects.toMatchObject({
      code: GrpcStatus.INVALID_ARGUMENT,
      details: expect.stringContaining('url'),
    });
    await expect(
      management.createEndpoint({ tenantId: t, url: receiver.url('/x'), eventTypes: ['ok', 'bad type'] }),
    ).rejects.toMatchObject({
      code: GrpcStatus.INVALID_ARGUMENT,
      details: expect.stringContaining('event_types[1]'),
    });
    await expect(
      management.createEndpoint({ tenantId: t, url: receiver.url('/x'), secret: 'whsec_short' }),
    ).rejects.toMatchObject({
      code: GrpcStatus.INVALID_ARGUMENT,
      details: expect.stringContaining('secret'),
    });
  });

  it('shuts every service down cleanly on SIGTERM (exit code 0)', async () => {
    for (const name of ['ingestion', 'dispatcher', 'subscriptions'] as const) {
      expect(await platform.service(name).stop('SIGTERM')).toBe(0);
    }
  });
});
