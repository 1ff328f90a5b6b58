import * as grpc from '@grpc/grpc-js';
import { Kafka, logLevel } from 'kafkajs';
import { Webhook } from 'standardwebhooks';
import { GrpcStatus } from '@webhooks/client';
import {
  PROTO_FILES,
  PROTO_LOADER_OPTIONS,
  protoRoot,
  type EventTypesClient,
  type ManagementProto,
  type TenantManagementClient,
} from '@webhooks/contracts';
import { TestPlatform, TestReceiver, waitFor } from '@webhooks/testing';
import * as protoLoader from '@grpc/proto-loader';
import { e2eStack } from '../setup/env';

type Unary = (req: object, md: grpc.Metadata, opts: grpc.CallOptions, cb: grpc.requestCallback<unknown>) => unknown;

/** Calls one method of a raw client with `key` as the bearer (none when empty). */
function call<T>(client: grpc.Client, method: string, request: object, key: string): Promise<T> {
  const md = new grpc.Metadata();
  if (key) md.set('authorization', `Bearer ${key}`);
  const fn = (client as unknown as Record<string, Unary>)[method].bind(client);
  return new Promise((resolve, reject) =>
    fn(request, md, { deadline: Date.now() + 15_000 }, (error, response) =>
      error ? reject(error) : resolve(response as T),
    ),
  );
}

const codeOf = (promise: Promise<unknown>) =>
  promise.then(
    () => GrpcStatus.OK,
    (error: grpc.ServiceError) => error.code,
  );

/**
 * Tenants, API keys and everything that hangs off them, on the real stack: the auth matrix
 * across both gRPC services, revocation, per-tenant ingest quotas, event-type schemas, and
 * idempotent publishing under races. Every rejected call is checked to have written nothing.
 */
describe('tenancy: API keys, quotas, schemas, idempotent publish', () => {
  const stack = e2eStack();
  const receiver = new TestReceiver();
  const platform = new TestPlatform({ kafkaBrokers: stack.kafkaBrokers, databaseUrl: stack.databaseUrl });
  const kafka = new Kafka({ brokers: stack.kafkaBrokers.split(','), logLevel: logLevel.NOTHING });
  const admin = kafka.admin();
  let tenants: TenantManagementClient;
  let eventTypes: EventTypesClient;
  let adminKey: string;
  const [acme, globex] = [`acme-${Date.now().toString(36)}`, `globex-${Date.now().toString(36)}`];
  const keys: Record<string, string> = {};

  const eventsWritten = async () =>
    (await admin.fetchTopicOffsets(platform.topic('webhooks.events'))).reduce((n, p) => n + Number(p.high), 0);
  const publisherFor = (apiKey: string) => platform.publisher({ apiKey, maxRetries: 0, deadlineMs: 15_000 });
  const managementFor = (apiKey: string) => platform.management({ apiKey });

  beforeAll(async () => {
    await receiver.start();
    await platform.start();
    await admin.connect();
    adminKey = platform.adminApiKey;
    const definition = protoLoader.loadSync(PROTO_FILES.management, {
      ...PROTO_LOADER_OPTIONS,
      includeDirs: [protoRoot()],
    });
    const proto = grpc.loadPackageDefinition(definition) as unknown as ManagementProto;
    tenants = new proto.webhooks.v1.TenantManagement(platform.managementAddress, grpc.credentials.createInsecure());
    eventTypes = new proto.webhooks.v1.EventTypes(platform.managementAddress, grpc.credentials.createInsecure());
    for (const tenant of [acme, globex]) {
      await call(tenants, 'createTenant', { tenantId: tenant, name: tenant }, adminKey);
      const created = await call<{ key: string }>(tenants, 'createApiKey', { tenantId: tenant, name: 'ci' }, adminKey);
      keys[tenant] = created.key;
    }
  });

  afterAll(async () => {
    tenants?.close();
    eventTypes?.close();
    await admin.disconnect();
    await platform.stop();
    await receiver.stop();
  });

  it('authenticates every management call and keeps tenants apart', async () => {
    const globexEndpoint = await managementFor(keys[globex]).createEndpoint({
      tenantId: globex,
      url: receiver.url('/globex'),
    });
    const globexId = globexEndpoint.endpoint?.id ?? '';
    const acmeManagement = managementFor(keys[acme]);
    try {
      expect(await codeOf(managementFor('').listEndpoints(acme))).toBe(GrpcStatus.UNAUTHENTICATED);
      expect(await codeOf(managementFor('whk_not-a-key').listEndpoints(acme))).toBe(GrpcStatus.UNAUTHENTICATED);
      expect(await codeOf(acmeManagement.listEndpoints(acme))).toBe(GrpcStatus.OK);
      // Own tenant implied when the tenant key names none.
      expect(await codeOf(acmeManagement.listEndpoints(''))).toBe(GrpcStatus.OK);
      expect(await codeOf(acmeManagement.listEndpoints(globex))).toBe(GrpcStatus.PERMISSION_DENIED);
      // Naming its own tenant does not reach another tenant's endpoint: it does not exist there.
      expect(await codeOf(acmeManagement.getEndpoint(acme, globexId))).toBe(GrpcStatus.NOT_FOUND);
      expect(await codeOf(acmeManagement.getEndpoint(globex, globexId))).toBe(GrpcStatus.PERMISSION_DENIED);
      // Tenant administration is for admin keys only.
      expect(await codeOf(call(tenants, 'createTenant', { tenantId: 'x-evil' }, keys[acme]))).toBe(
        GrpcStatus.PERMISSION_DENIED,
      );
      expect(await codeOf(call(tenants, 'listTenants', {}, keys[acme]))).toBe(GrpcStatus.PERMISSION_DENIED);
      expect(await codeOf(call(tenants, 'createApiKey', { admin: true }, keys[acme]))).toBe(
        GrpcStatus.PERMISSION_DENIED,
      );
      expect(await codeOf(call(tenants, 'createTenant', { tenantId: acme }, adminKey))).toBe(GrpcStatus.ALREADY_EXISTS);
      // Key listings never include the key or its hash.
      const listed = await call<{ apiKeys: object[] }>(tenants, 'listApiKeys', { tenantId: acme }, keys[acme]);
      expect(JSON.stringify(listed)).not.toContain(keys[acme].slice(21));
    } finally {
      acmeManagement.close();
    }
  });

  it('authenticates ingestion with the same keys, tenant-scoped, and writes nothing for refused calls', async () => {
    const acmePublisher = publisherFor(keys[acme]);
    try {
      // The key reaches ingestion's directory view through the outbox within moments.
      await waitFor('acme key usable at ingestion', () =>
        acmePublisher.publish({ tenantId: acme, eventType: 'auth.ok', payload: { n: 1 } }).catch(() => undefined),
      );
      const before = await eventsWritten();
      expect(await codeOf(acmePublisher.publish({ tenantId: globex, eventType: 'auth.x', payload: {} }))).toBe(
        GrpcStatus.PERMISSION_DENIED,
      );
      expect(await codeOf(publisherFor('').publish({ tenantId: acme, eventType: 'auth.x', payload: {} }))).toBe(
        GrpcStatus.UNAUTHENTICATED,
      );
      expect(await eventsWritten()).toBe(before);
    } finally {
      acmePublisher.close();
    }
  });

  it('revokes a key: at once for management, within seconds at ingestion', async () => {
    const { key, apiKey } = await call<{ key: string; apiKey: { id: string } }>(
      tenants,
      'createApiKey',
      { tenantId: acme, name: 'short-lived' },
      adminKey,
    );
    const publisher = publisherFor(key);
    const management = managementFor(key);
    try {
      await waitFor('new key usable at ingestion', () =>
        publisher.publish({ tenantId: acme, eventType: 'auth.ok', payload: {} }).catch(() => undefined),
      );
      await call(tenants, 'revokeApiKey', { id: apiKey.id }, adminKey);
      expect(await codeOf(management.listEndpoints(acme))).toBe(GrpcStatus.UNAUTHENTICATED);
      const revokedAt = Date.now();
      await waitFor('revocation reaches ingestion', async () => {
        const code = await codeOf(publisher.publish({ tenantId: acme, eventType: 'auth.ok', payload: {} }));
        return code === GrpcStatus.UNAUTHENTICATED;
      });
      expect(Date.now() - revokedAt).toBeLessThan(10_000);
    } finally {
      publisher.close();
      management.close();
    }
  });

  it('enforces a per-tenant ingest quota with RESOURCE_EXHAUSTED and no Kafka write', async () => {
    const tenant = `quota-${Date.now().toString(36)}`;
    await call(
      tenants,
      'createTenant',
      { tenantId: tenant, settings: { ingestQuota: { perSecond: 2, burst: 5 } } },
      adminKey,
    );
    const publisher = publisherFor(adminKey);
    try {
      // Wait until the quota is known at ingestion: a burst then gets refused past 5 events.
      await waitFor('quota applied at ingestion', async () => {
        const codes = [];
        for (let i = 0; i < 8; i++)
          codes.push(await codeOf(publisher.publish({ tenantId: tenant, eventType: 'q.x', payload: {} })));
        return codes.includes(GrpcStatus.RESOURCE_EXHAUSTED);
      });
      await new Promise((resolve) => setTimeout(resolve, 3_000)); // refill to the burst of 5
      const before = await eventsWritten();
      const codes = [];
      for (let i = 0; i < 12; i++)
        codes.push(await codeOf(publisher.publish({ tenantId: tenant, eventType: 'q.x', payload: {} })));
      const accepted = codes.filter((c) => c === GrpcStatus.OK).length;
      const refused = codes.filter((c) => c === GrpcStatus.RESOURCE_EXHAUSTED).length;
      expect(accepted + refused).toBe(12);
      // 5 saved up plus at most ~1 refilled while the 12 calls ran.
      expect(accepted).toBeGreaterThanOrEqual(5);
      expect(accepted).toBeLessThanOrEqual(7);
      expect(await eventsWritten()).toBe(before + accepted);
      // An unlimited tenant next door is not affected.
      expect(await codeOf(publisher.publish({ tenantId: acme, eventType: 'q.x', payload: {} }))).toBe(GrpcStatus.OK);
    } finally {
      publisher.close();
    }
  });

  it('rejects a payload that fails its event type schema, naming the path, and an invalid schema', async () => {
    const schema = JSON.stringify({
      type: 'object',
      required: ['amount'],
      properties: {
        amount: { type: 'number' },
        customer: { type: 'object', properties: { email: { type: 'string' } } },
      },
    });
    expect(
      await codeOf(
        call(
          eventTypes,
          'createEventType',
          { tenantId: acme, name: 'bad.schema', schema: '{"type":"nope"}' },
          keys[acme],
        ),
      ),
    ).toBe(GrpcStatus.INVALID_ARGUMENT);
    await call(eventTypes, 'createEventType', { tenantId: acme, name: 'invoice.paid', schema }, keys[acme]);
    const publisher = publisherFor(keys[acme]);
    try {
      await waitFor('schema applied at ingestion', async () => {
        const code = await codeOf(
          publisher.publish({ tenantId: acme, eventType: 'invoice.paid', payload: { amount: 'ten' } }),
        );
        return code === GrpcStatus.INVALID_ARGUMENT;
      });
      const before = await eventsWritten();
      const error = (await publisher
        .publish({ tenantId: acme, eventType: 'invoice.paid', payload: { amount: 1, customer: { email: 5 } } })
        .catch((e: unknown) => e)) as grpc.ServiceError;
      expect(error.code).toBe(GrpcStatus.INVALID_ARGUMENT);
      expect(error.details).toContain('/customer/email');
      expect(await eventsWritten()).toBe(before);
      await expect(
        publisher.publish({ tenantId: acme, eventType: 'invoice.paid', payload: { amount: 10 } }),
      ).resolves.toMatchObject({ eventId: expect.stringMatching(/^evt_/) });
      // Unregistered types stay free-form.
      await expect(
        publisher.publish({ tenantId: acme, eventType: 'free.form', payload: { x: 'y' } }),
      ).resolves.toBeDefined();
    } finally {
      publisher.close();
    }
  });

  it('delivers an idempotency key once, also when publishes race or an answer was lost', async () => {
    const management = managementFor(keys[acme]);
    const created = await management.createEndpoint({
      tenantId: acme,
      url: receiver.url('/idem'),
      eventTypes: ['idem.*'],
    });
    const publisher = publisherFor(keys[acme]);
    try {
      // Ten concurrent publishes with one key: one id for all.
      const raced = await Promise.all(
        Array.from({ length: 10 }, () =>
          publisher.publish({
            tenantId: acme,
            eventType: 'idem.race',
            payload: { race: true },
            idempotencyKey: 'race-1',
          }),
        ),
      );
      expect(new Set(raced.map((r) => r.eventId)).size).toBe(1);
      // A first attempt whose answer is lost to a 1 ms deadline (it may or may not have landed),
      // then the retry with the same key.
      const lost = await codeOf(
        platform
          .publisher({ apiKey: keys[acme], maxRetries: 0, deadlineMs: 1 })
          .publish({ tenantId: acme, eventType: 'idem.lost', payload: { lost: true }, idempotencyKey: 'lost-1' }),
      );
      expect([GrpcStatus.OK, GrpcStatus.DEADLINE_EXCEEDED]).toContain(lost);
      const retried = await publisher.publish({
        tenantId: acme,
        eventType: 'idem.lost',
        payload: { lost: true },
        idempotencyKey: 'lost-1',
      });
      const sentinel = await publisher.publish({ tenantId: acme, eventType: 'idem.sentinel', payload: { last: true } });
      // The sentinel was published last on the tenant's partition: once it is delivered, so is
      // every copy the fan-out would ever deliver of the earlier ones.
      await waitFor('sentinel delivered', () =>
        receiver.accepted('/idem').some((r) => r.body.toString().includes('"last":true')),
      );
      await new Promise((resolve) => setTimeout(resolve, 2_000));
      const bodies = receiver.accepted('/idem').map((r) => r.body.toString());
      expect(bodies.filter((b) => b.includes('"race":true'))).toHaveLength(1);
      expect(bodies.filter((b) => b.includes('"lost":true'))).toHaveLength(1);
      const verifier = new Webhook(created.secret ?? '');
      for (const r of receiver.accepted('/idem')) {
        expect(() => verifier.verify(r.body.toString(), r.headers as Record<string, string>)).not.toThrow();
      }
      expect(retried.eventId).toMatch(/^evt_/);
      expect(sentinel.eventId).toMatch(/^evt_/);
    } finally {
      publisher.close();
      management.close();
    }
  });
});
