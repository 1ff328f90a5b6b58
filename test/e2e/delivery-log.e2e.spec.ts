import * as grpc from '@grpc/grpc-js';
import * as protoLoader from '@grpc/proto-loader';
import { Client } from 'pg';
import { GrpcStatus, ManagementClient, PublisherClient } from '@webhooks/client';
import {
  PROTO_FILES,
  PROTO_LOADER_OPTIONS,
  protoRoot,
  type Attempt__Output,
  type DeliveryLogClient,
  type ListAttemptsRequest,
  type ListAttemptsResponse__Output,
  type ListMessagesRequest,
  type ListMessagesResponse__Output,
  type LoggedMessage__Output,
  type ManagementProto,
  type TenantManagementClient,
} from '@webhooks/contracts';
import { TestPlatform, TestReceiver, waitFor } from '@webhooks/testing';
import { e2eStack } from '../setup/env';

/** Two attempts 1 s apart: every event to the failing endpoint logs `retrying`, then `dead_lettered`. */
const TWO_ATTEMPTS = { kind: 'fixed', intervalMs: 1_000, maxAttempts: 2, jitter: -1 };
const DAY_MS = 86_400_000;

type UnaryMethod = (
  request: unknown,
  metadata: grpc.Metadata,
  options: grpc.CallOptions,
  callback: (error: grpc.ServiceError | null, response?: unknown) => void,
) => unknown;

/** A promise-based caller of the unary methods of a grpc-js client, sending `apiKey`. */
function caller(client: grpc.Client, apiKey: string) {
  return <Req, Res>(method: string, request: Req): Promise<Res> =>
    new Promise((resolve, reject) => {
      const metadata = new grpc.Metadata();
      metadata.set('authorization', `Bearer ${apiKey}`);
      const fn = (client as unknown as Record<string, UnaryMethod>)[method];
      fn.call(client, request, metadata, { deadline: Date.now() + 10_000 }, (error, response) =>
        error ? reject(error) : resolve(response as Res),
      );
    });
}

/**
 * The delivery log over gRPC on the real stack: messages and attempts with every filter, keyset
 * pages that neither repeat nor skip, attempt details (request headers, response body), tenant
 * isolation for a tenant key; and the retention purge deleting backdated rows only.
 */
describe('delivery log: ListMessages, GetMessage, ListAttempts; retention purge', () => {
  const stack = e2eStack();
  const receiver = new TestReceiver();
  const platform = new TestPlatform({
    kafkaBrokers: stack.kafkaBrokers,
    databaseUrl: stack.databaseUrl,
    // The shortest retention there is, purged every second: the purge test backdates rows.
    env: { DELAY_TIERS: '1s,5s', RETENTION_PERIOD: '1d', RETENTION_PURGE_INTERVAL: '1s', RETENTION_PURGE_BATCH: '2' },
  });
  const db = new Client({ connectionString: stack.databaseUrl });
  const suffix = Date.now().toString(36);
  const tenant = `log-${suffix}`;
  const otherTenant = `log-other-${suffix}`;
  let publisher: PublisherClient;
  let management: ManagementClient;
  let logClient: DeliveryLogClient;
  let tenantsClient: TenantManagementClient;
  let asAdmin: ReturnType<typeof caller>;

  const endpoints = { ok: '', failing: '' };
  const orders: string[] = [];
  const signups: string[] = [];
  let otherEventId = '';

  const listMessages = (request: ListMessagesRequest, as = asAdmin) =>
    as<ListMessagesRequest, ListMessagesResponse__Output>('listMessages', request);
  const listAttempts = (request: ListAttemptsRequest, as = asAdmin) =>
    as<ListAttemptsRequest, ListAttemptsResponse__Output>('listAttempts', request);

  /** Every page of a listing, `limit` at a time, until a page comes without a cursor. */
  async function allPages<T>(
    list: (cursor: string) => Promise<{ items: T[]; nextCursor: string }>,
  ): Promise<{ items: T[]; pages: number }> {
    const items: T[] = [];
    let cursor = '';
    let pages = 0;
    do {
      const page = await list(cursor);
      items.push(...page.items);
      cursor = page.nextCursor;
      pages++;
    } while (cursor && pages < 100);
    return { items, pages };
  }

  const allMessages = (request: ListMessagesRequest) =>
    allPages(async (cursor) => {
      const page = await listMessages({ ...request, cursor });
      return { items: page.messages, nextCursor: page.nextCursor };
    });
  const allAttempts = (request: ListAttemptsRequest) =>
    allPages(async (cursor) => {
      const page = await listAttempts({ ...request, cursor });
      return { items: page.attempts, nextCursor: page.nextCursor };
    });

  const attemptKey = (a: Attempt__Output) => `${a.messageId}/${a.attempt}/${a.outcome}/${a.attemptedAt}`;
  const count = async (sql: string, params: unknown[]): Promise<number> =>
    (await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM (${sql}) q`, params)).rows[0].n;

  beforeAll(async () => {
    await receiver.start();
    receiver.on('/ok', 200).on('/failing', 500);
    await platform.start();
    await db.connect();
    publisher = platform.publisher();
    management = platform.management();
    const definition = protoLoader.loadSync(PROTO_FILES.management, {
      ...PROTO_LOADER_OPTIONS,
      includeDirs: [protoRoot()],
    });
    const proto = grpc.loadPackageDefinition(definition) as unknown as ManagementProto;
    const insecure = grpc.credentials.createInsecure();
    logClient = new proto.webhooks.v1.DeliveryLog(platform.managementAddress, insecure);
    tenantsClient = new proto.webhooks.v1.TenantManagement(platform.managementAddress, insecure);
    asAdmin = caller(logClient, platform.adminApiKey);

    endpoints.ok = (await management.createEndpoint({ tenantId: tenant, url: receiver.url('/ok') })).endpoint!.id!;
    endpoints.failing = (
      await management.createEndpoint({ tenantId: tenant, url: receiver.url('/failing'), retryPolicy: TWO_ATTEMPTS })
    ).endpoint!.id!;
    for (let i = 0; i < 7; i++)
      orders.push(
        (await publisher.publish({ tenantId: tenant, eventType: 'order.created', payload: { order: i } })).eventId,
      );
    for (let i = 0; i < 3; i++)
      signups.push(
        (await publisher.publish({ tenantId: tenant, eventType: 'user.signup', payload: { user: i } })).eventId,
      );
    otherEventId = (await publisher.publish({ tenantId: otherTenant, eventType: 'order.created', payload: {} }))
      .eventId;
    // 10 delivered at /ok; 10 retrying and 10 dead-lettered at /failing.
    await waitFor(
      'the delivery log to hold all 30 attempts',
      async () => (await count('SELECT 1 FROM attempts WHERE tenant_id = $1', [tenant])) === 30,
      60_000,
    );
  });

  afterAll(async () => {
    publisher?.close();
    management?.close();
    logClient?.close();
    tenantsClient?.close();
    await db.end();
    await platform.stop();
    await receiver.stop();
  });

  it('lists messages newest first across pages, with no duplicate and no gap, without payloads', async () => {
    const { items, pages } = await allMessages({ tenantId: tenant, limit: 3 });
    expect(pages).toBe(4);
    const ids = items.map((m) => m.eventId);
    expect(new Set(ids).size).toBe(ids.length);
    expect(new Set(ids)).toEqual(new Set([...orders, ...signups]));
    const times = items.map((m) => Date.parse(m.publishedAt));
    expect([...times].sort((a, b) => b - a)).toEqual(times);
    expect(items.every((m) => m.tenantId === tenant && m.payload.length === 0)).toBe(true);

    // The last page carries no cursor: an exact multiple of the page size needs no empty page.
    const exact = await allMessages({ tenantId: tenant, limit: 5 });
    expect(exact.pages).toBe(2);
    expect(exact.items.map((m) => m.eventId)).toEqual(ids);
  });

  it('filters messages by event type and by a time range', async () => {
    const { items: signed } = await allMessages({ tenantId: tenant, eventType: 'user.signup', limit: 2 });
    expect(new Set(signed.map((m) => m.eventId))).toEqual(new Set(signups));

    const all = (await listMessages({ tenantId: tenant, limit: 100 })).messages;
    // [since, until): the 3rd-newest included, the newest excluded.
    const since = all[2].publishedAt;
    const until = all[0].publishedAt;
    const ranged = (await listMessages({ tenantId: tenant, since, until, limit: 100 })).messages;
    const inRange = all.filter((m) => m.publishedAt >= since && m.publishedAt < until).map((m) => m.eventId);
    expect(ranged.map((m) => m.eventId)).toEqual(inRange);
    expect(inRange).toContain(all[2].eventId);
    expect(inRange).not.toContain(all[0].eventId);
  });

  it('gets one message with its payload; another tenant’s or an unknown id is NOT_FOUND', async () => {
    const message = await asAdmin<object, LoggedMessage__Output>('getMessage', {
      tenantId: tenant,
      eventId: orders[3],
    });
    expect(message).toMatchObject({ eventId: orders[3], tenantId: tenant, eventType: 'order.created' });
    expect(JSON.parse(message.payload.toString('utf8'))).toEqual({ order: 3 });

    for (const eventId of [otherEventId, 'evt_unknown'])
      await expect(asAdmin('getMessage', { tenantId: tenant, eventId })).rejects.toMatchObject({
        code: GrpcStatus.NOT_FOUND,
      });
  });

  it('lists every attempt across pages, newest first, with request headers and response bodies', async () => {
    const { items, pages } = await allAttempts({ tenantId: tenant, limit: 7 });
    expect(pages).toBe(5);
    const keys = items.map(attemptKey);
    expect(new Set(keys).size).toBe(30);
    const times = items.map((a) => Date.parse(a.attemptedAt));
    expect([...times].sort((a, b) => b - a)).toEqual(times);

    const delivered = items.filter((a) => a.endpointId === endpoints.ok);
    expect(delivered.map((a) => a.outcome)).toEqual(Array(10).fill('delivered'));
    for (const attempt of delivered) {
      expect(attempt).toMatchObject({ statusCode: 200, attempt: 1, responseBody: 'ok', error: '' });
      expect(attempt.requestHeaders['webhook-id']).toBe(attempt.messageId);
      expect(attempt.requestHeaders['webhook-signature']).toMatch(/^v1,/);
      expect(attempt.requestHeaders['content-type']).toBe('application/json');
    }
    const failing = items.filter((a) => a.endpointId === endpoints.failing);
    expect(failing).toHaveLength(20);
    expect(failing.every((a) => a.statusCode === 500 && a.responseBody === 'nope')).toBe(true);
    expect(failing.every((a) => a.requestHeaders['webhook-id'] === a.messageId)).toBe(true);
  });

  it('filters attempts by endpoint, event, outcome and time, paging through each', async () => {
    const byEndpoint = await allAttempts({ tenantId: tenant, endpointId: endpoints.failing, limit: 4 });
    expect(byEndpoint.items).toHaveLength(20);
    expect(new Set(byEndpoint.items.map(attemptKey)).size).toBe(20);
    expect(byEndpoint.items.every((a) => a.endpointId === endpoints.failing)).toBe(true);

    const byEvent = await allAttempts({ tenantId: tenant, eventId: orders[0], limit: 1 });
    expect(byEvent.items.map((a) => `${a.endpointId}:${a.attempt}:${a.outcome}`).sort()).toEqual(
      [`${endpoints.failing}:1:retrying`, `${endpoints.failing}:2:dead_lettered`, `${endpoints.ok}:1:delivered`].sort(),
    );

    for (const [outcome, n] of [
      ['retrying', 10],
      ['dead_lettered', 10],
      ['delivered', 10],
      ['skipped', 0],
    ] as const) {
      const { items } = await allAttempts({ tenantId: tenant, outcome, limit: 3 });
      expect(items).toHaveLength(n);
      expect(items.every((a) => a.outcome === outcome)).toBe(true);
    }

    const all = (await listAttempts({ tenantId: tenant, limit: 100 })).attempts;
    const since = all[9].attemptedAt;
    const until = all[0].attemptedAt;
    const ranged = await allAttempts({ tenantId: tenant, since, until, limit: 4 });
    const expected = all.filter((a) => a.attemptedAt >= since && a.attemptedAt < until).map(attemptKey);
    expect(ranged.items.map(attemptKey)).toEqual(expected);
  });

  it('refuses malformed input with INVALID_ARGUMENT naming the field', async () => {
    const refused = async (request: ListAttemptsRequest, field: string) => {
      const error = (await listAttempts(request).catch((e: unknown) => e)) as grpc.ServiceError;
      expect(error.code).toBe(GrpcStatus.INVALID_ARGUMENT);
      expect(error.details).toMatch(new RegExp(`^${field}:`));
    };
    await refused({ tenantId: tenant, since: 'yesterday' }, 'since');
    await refused({ tenantId: tenant, until: '2025-01-01T00:00:00' }, 'until');
    await refused({ tenantId: tenant, cursor: 'not-a-cursor' }, 'cursor');
    await refused({ tenantId: tenant, outcome: 'failed' }, 'outcome');
    await refused({ tenantId: tenant, limit: 101 }, 'limit');
    // A messages cursor is not an attempts cursor.
    const cursor = (await listMessages({ tenantId: tenant, limit: 1 })).nextCursor;
    await refused({ tenantId: tenant, cursor }, 'cursor');
  });

  it('lets a tenant key read its own tenant only', async () => {
    const created = await new Promise<{ key: string }>((resolve, reject) => {
      const metadata = new grpc.Metadata();
      metadata.set('authorization', `Bearer ${platform.adminApiKey}`);
      tenantsClient.createApiKey({ tenantId: tenant, name: 'log reader' }, metadata, (error, response) =>
        error ? reject(error) : resolve(response as { key: string }),
      );
    });
    const asTenant = caller(logClient, created.key);
    // The new key reaches the management API at once (its own database).
    const own = await listMessages({ tenantId: tenant, limit: 100 }, asTenant);
    expect(own.messages).toHaveLength(10);
    // Without a tenant id the key's own tenant is meant.
    expect((await listMessages({ limit: 100 }, asTenant)).messages).toHaveLength(10);

    await expect(listMessages({ tenantId: otherTenant }, asTenant)).rejects.toMatchObject({
      code: GrpcStatus.PERMISSION_DENIED,
    });
    await expect(listAttempts({ tenantId: otherTenant }, asTenant)).rejects.toMatchObject({
      code: GrpcStatus.PERMISSION_DENIED,
    });
    await expect(asTenant('getMessage', { tenantId: otherTenant, eventId: otherEventId })).rejects.toMatchObject({
      code: GrpcStatus.PERMISSION_DENIED,
    });
    await expect(asTenant('getMessage', { tenantId: tenant, eventId: otherEventId })).rejects.toMatchObject({
      code: GrpcStatus.NOT_FOUND,
    });
  });

  it('purges messages and attempts older than RETENTION_PERIOD in batches, keeping recent ones', async () => {
    const purgeTenant = `log-purge-${suffix}`;
    const old = new Date(Date.now() - 2 * DAY_MS);
    const recent = new Date(Date.now() - DAY_MS + 3_600_000);
    // Five old and two recent rows per table (batches of 2: several statements per run).
    for (const [i, at] of [old, old, old, old, old, recent, recent].entries()) {
      await db.query(
        `INSERT INTO messages (event_id, tenant_id, event_type, payload, published_at) VALUES ($1, $2, 'x', '\\x7b7d', $3)`,
        [`purge-${suffix}-${i}`, purgeTenant, at],
      );
      await db.query(
        `INSERT INTO attempts (message_id, attempt, outcome, event_id, tenant_id, event_type, endpoint_id, status_code,
                               duration_ms, attempted_at, published_at)
         VALUES ($1, 1, 'delivered', $1, $2, 'x', 'ep', 200, 1, $3, $3)`,
        [`purge-${suffix}-${i}`, purgeTenant, at],
      );
    }
    await waitFor(
      'the old rows to be purged',
      async () =>
        (await count('SELECT 1 FROM messages WHERE tenant_id = $1', [purgeTenant])) === 2 &&
        (await count('SELECT 1 FROM attempts WHERE tenant_id = $1', [purgeTenant])) === 2,
      30_000,
    );
    const kept = await db.query<{ published_at: Date }>('SELECT published_at FROM messages WHERE tenant_id = $1', [
      purgeTenant,
    ]);
    expect(kept.rows.map((r) => r.published_at.getTime())).toEqual([recent.getTime(), recent.getTime()]);
    // The live traffic of the other tests is recent: untouched.
    expect(await count('SELECT 1 FROM messages WHERE tenant_id = $1', [tenant])).toBe(10);
    expect(await count('SELECT 1 FROM attempts WHERE tenant_id = $1', [tenant])).toBe(30);

    const metrics = await (
      await fetch(`http://127.0.0.1:${platform.service('subscriptions').httpPort}/metrics`)
    ).text();
    const purged = (table: string) =>
      Number(
        new RegExp(`^webhooks_retention_purged_total\\{[^}]*table="${table}"[^}]*\\} (\\d+)`, 'm').exec(metrics)?.[1],
      );
    expect(purged('messages')).toBeGreaterThanOrEqual(5);
    expect(purged('attempts')).toBeGreaterThanOrEqual(5);
  });
});
