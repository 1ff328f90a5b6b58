import { Client } from 'pg';
import { Webhook } from 'standardwebhooks';
import { GrpcStatus, ManagementClient, PublisherClient } from '@webhooks/client';
import { webhookId } from '@webhooks/signing';
import { TestPlatform, TestReceiver, waitFor, type ReceivedRequest } from '@webhooks/testing';
import { e2eStack } from '../setup/env';

/** Two attempts, 1 s apart, no jitter: a failing endpoint reaches the DLQ within seconds. */
const FAST_DLQ = { kind: 'fixed', intervalMs: 1_000, maxAttempts: 2, jitter: -1 };
/**
 * One attempt: straight to the DLQ. The replay tests need dead letters, not retries; a retry
 * through the delay tiers occasionally stalled for one endpoint in this suite (dispatcher
 * delay consumer; reported), which would only make these tests about something else.
 */
const NO_RETRY = { ...FAST_DLQ, maxAttempts: 1 };

/**
 * Replay on a real broker and database: redrive the DLQ, recover from the delivery log, resend
 * one message — each delivering with the original `webhook-id`; endpoint health disabling an
 * endpoint that answers 410.
 */
describe('replay: redrive, recover, resend; 410 disables', () => {
  const stack = e2eStack();
  const receiver = new TestReceiver();
  const platform = new TestPlatform({
    kafkaBrokers: stack.kafkaBrokers,
    databaseUrl: stack.databaseUrl,
    env: { DELAY_TIERS: '1s,5s', REQUEST_TIMEOUT: '3s' },
  });
  const db = new Client({ connectionString: stack.databaseUrl });
  let publisher: PublisherClient;
  let management: ManagementClient;
  const tenant = `replay-${Date.now().toString(36)}`;
  const otherTenant = `replay-other-${Date.now().toString(36)}`;

  // Shared by the redrive and recover tests: two endpoints whose deliveries all dead-lettered.
  const failures = { since: '', eventIds: [] as string[], a: { id: '', secret: '' }, b: { id: '', secret: '' } };

  const count = async (sql: string, params: unknown[]): Promise<number> =>
    (await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM (${sql}) q`, params)).rows[0].n;

  /** Requests at `path` after the first `from`, once there are `n` of them. */
  const nextRequests = (path: string, from: number, n: number, what: string): Promise<ReceivedRequest[]> =>
    waitFor(
      what,
      () => {
        const got = receiver.received(path);
        return got.length >= from + n ? got.slice(from) : undefined;
      },
      30_000,
    );

  const expectSigned = (requests: ReceivedRequest[], secret: string) => {
    const verifier = new Webhook(secret);
    for (const request of requests)
      expect(() =>
        verifier.verify(request.body.toString('utf8'), request.headers as Record<string, string>),
      ).not.toThrow();
  };

  beforeAll(async () => {
    await receiver.start();
    receiver.on('/a', 500).on('/b', 500).on('/gone', 410);
    await platform.start();
    await db.connect();
    publisher = platform.publisher({ deadlineMs: 15_000 });
    management = platform.management();

    // Five events dead-lettered at two endpoints.
    failures.since = new Date(Date.now() - 1_000).toISOString();
    for (const [key, path] of [
      ['a', '/a'],
      ['b', '/b'],
    ] as const) {
      const created = await management.createEndpoint({
        tenantId: tenant,
        url: receiver.url(path),
        eventTypes: ['order.*'],
        retryPolicy: NO_RETRY,
      });
      failures[key] = { id: created.endpoint!.id!, secret: created.secret! };
    }
    for (let i = 0; i < 5; i++) {
      const { eventId } = await publisher.publish({ tenantId: tenant, eventType: 'order.created', payload: { n: i } });
      failures.eventIds.push(eventId);
    }
    await waitFor(
      '5 dead letters per endpoint in the delivery log',
      async () =>
        (await count(
          "SELECT 1 FROM attempts WHERE tenant_id = $1 AND endpoint_id = ANY($2) AND outcome = 'dead_lettered'",
          [tenant, [failures.a.id, failures.b.id]],
        )) === 10,
      60_000,
    );
  });

  afterAll(async () => {
    publisher?.close();
    management?.close();
    await db.end();
    await platform.stop();
    await receiver.stop();
  });

  it('tracks a failing endpoint; redrives its dead letters with the original webhook-ids, not other endpoints', async () => {
    const failingSince = async (id: string) =>
      (await db.query<{ f: Date | null }>('SELECT failing_since AS f FROM endpoints WHERE id = $1', [id])).rows[0].f;
    expect(await failingSince(failures.a.id)).toBeInstanceOf(Date);
    expect(receiver.received('/a')).toHaveLength(5);

    receiver.on('/a', 200);
    const result = await management.redriveDeadLetters({ tenantId: tenant, endpointId: failures.a.id });
    expect(result.requeued).toBe(5);

    const redelivered = await nextRequests('/a', 5, 5, '5 redriven deliveries at /a');
    expect(new Set(redelivered.map((r) => r.headers['webhook-id']))).toEqual(
      new Set(failures.eventIds.map((eventId) => webhookId(eventId, failures.a.id))),
    );
    expectSigned(redelivered, failures.a.secret);
    expect(redelivered.map((r) => JSON.parse(r.body.toString()) as { n: number }).sort((x, y) => x.n - y.n)).toEqual(
      [0, 1, 2, 3, 4].map((n) => ({ n })),
    );
    // A success ends the endpoint's run of failures.
    await waitFor('failing_since reset', async () => (await failingSince(failures.a.id)) === null);

    // The other endpoint's dead letters stay where they are.
    await new Promise((resolve) => setTimeout(resolve, 2_000));
    expect(receiver.received('/b')).toHaveLength(5);
    expect(receiver.received('/a')).toHaveLength(10);
  });

  it('recovers the messages still failed since a time, with the original webhook-ids, once', async () => {
    receiver.on('/b', 200);
    const result = await management.recoverFailed({
      tenantId: tenant,
      endpointId: failures.b.id,
      since: failures.since,
    });
    expect(result.requeued).toBe(5);

    const recovered = await nextRequests('/b', 5, 5, '5 recovered deliveries at /b');
    expect(new Set(recovered.map((r) => r.headers['webhook-id']))).toEqual(
      new Set(failures.eventIds.map((eventId) => webhookId(eventId, failures.b.id))),
    );
    expectSigned(recovered, failures.b.secret);

    // Delivered since: nothing left to recover.
    await waitFor(
      '5 deliveries to /b in the delivery log',
      async () =>
        (await count("SELECT 1 FROM attempts WHERE endpoint_id = $1 AND outcome = 'delivered'", [failures.b.id])) === 5,
    );
    const again = await management.recoverFailed({
      tenantId: tenant,
      endpointId: failures.b.id,
      since: failures.since,
    });
    expect(again.requeued).toBe(0);
  });

  it('resends a delivered message with the same webhook-id', async () => {
    const created = await management.createEndpoint({
      tenantId: tenant,
      url: receiver.url('/c'),
      eventTypes: ['invoice.paid'],
    });
    const endpointId = created.endpoint!.id!;
    const { eventId } = await publisher.publish({ tenantId: tenant, eventType: 'invoice.paid', payload: { x: 1 } });
    const [first] = await nextRequests('/c', 0, 1, 'the first delivery at /c');

    const result = await management.resendMessage({ tenantId: tenant, endpointId, eventId });
    expect(result.requeued).toBe(1);
    const [second] = await nextRequests('/c', 1, 1, 'the resent delivery at /c');
    expect(second.headers['webhook-id']).toBe(webhookId(eventId, endpointId));
    expect(second.headers['webhook-id']).toBe(first.headers['webhook-id']);
    expect(second.body.equals(first.body)).toBe(true);
    expectSigned([first, second], created.secret!);
    // Both deliveries are in the log: a replay's attempt 1 does not collide with the first one's.
    await waitFor(
      'two delivered attempts in the log',
      async () =>
        (await count("SELECT 1 FROM attempts WHERE endpoint_id = $1 AND outcome = 'delivered'", [endpointId])) === 2,
    );
  });

  it('disables an endpoint that answers 410 after one attempt; later events are skipped, not sent', async () => {
    const created = await management.createEndpoint({
      tenantId: tenant,
      url: receiver.url('/gone'),
      eventTypes: ['gone.*'],
      retryPolicy: FAST_DLQ,
    });
    const endpointId = created.endpoint!.id!;
    await publisher.publish({ tenantId: tenant, eventType: 'gone.first', payload: {} });

    const disabled = await waitFor(
      'the endpoint to be disabled',
      async () => {
        const endpoint = await management.getEndpoint(tenant, endpointId);
        return endpoint.disabled ? endpoint : undefined;
      },
      30_000,
    );
    expect(disabled.disabledReason).toContain('410');
    expect(Number(disabled.version)).toBeGreaterThan(1);

    const { eventId } = await publisher.publish({ tenantId: tenant, eventType: 'gone.second', payload: {} });
    await waitFor(
      'a skipped attempt for the later event',
      async () =>
        (await count("SELECT 1 FROM attempts WHERE endpoint_id = $1 AND event_id = $2 AND outcome = 'skipped'", [
          endpointId,
          eventId,
        ])) === 1,
    );
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    expect(receiver.received('/gone')).toHaveLength(1);

    // Replays to a disabled endpoint are refused; enabling it through the API clears the reason.
    await expect(management.resendMessage({ tenantId: tenant, endpointId, eventId })).rejects.toMatchObject({
      code: GrpcStatus.FAILED_PRECONDITION,
    });
    const enabled = await management.updateEndpoint({ tenantId: tenant, id: endpointId, disabled: false });
    expect(enabled).toMatchObject({ disabled: false, disabledReason: '' });
  });

  it('answers NOT_FOUND for unknown or foreign endpoints and messages, INVALID_ARGUMENT naming the field', async () => {
    const notFound = { code: GrpcStatus.NOT_FOUND };
    await expect(management.redriveDeadLetters({ tenantId: tenant, endpointId: 'ep_nope' })).rejects.toMatchObject(
      notFound,
    );
    await expect(
      management.recoverFailed({ tenantId: tenant, endpointId: 'ep_nope', since: failures.since }),
    ).rejects.toMatchObject(notFound);
    await expect(
      management.resendMessage({ tenantId: otherTenant, endpointId: failures.a.id, eventId: failures.eventIds[0] }),
    ).rejects.toMatchObject(notFound);
    await expect(
      management.resendMessage({ tenantId: tenant, endpointId: failures.a.id, eventId: 'evt_nope' }),
    ).rejects.toMatchObject(notFound);

    const invalid = (field: string) => ({ code: GrpcStatus.INVALID_ARGUMENT, details: expect.stringContaining(field) });
    await expect(
      management.recoverFailed({ tenantId: tenant, endpointId: failures.a.id, since: 'yesterday' }),
    ).rejects.toMatchObject(invalid('since'));
    await expect(
      management.redriveDeadLetters({ tenantId: tenant, since: '2026-01-01T00:00:00' }),
    ).rejects.toMatchObject(invalid('since'));
    await expect(
      management.redriveDeadLetters({ tenantId: tenant, since: failures.since, until: failures.since }),
    ).rejects.toMatchObject(invalid('until'));
    await expect(management.recoverFailed({ tenantId: tenant, endpointId: failures.a.id })).rejects.toMatchObject(
      invalid('since'),
    );
    await expect(management.resendMessage({ tenantId: tenant, endpointId: failures.a.id })).rejects.toMatchObject(
      invalid('event_id'),
    );
  });
});
