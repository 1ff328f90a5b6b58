import { createHmac, createPublicKey, timingSafeEqual, verify } from 'node:crypto';
import { Kafka, logLevel } from 'kafkajs';
import { Client } from 'pg';
import { Webhook } from 'standardwebhooks';
import { Webhook as SvixWebhook } from 'svix';
import { GrpcStatus, ManagementClient, PublisherClient } from '@webhooks/client';
import type { CreateEndpointRequest } from '@webhooks/contracts';
import { TestPlatform, TestReceiver, waitFor, type ReceivedRequest } from '@webhooks/testing';
import { e2eStack } from '../setup/env';

type Headers = Record<string, string>;
const headersOf = (request: ReceivedRequest) => request.headers as Headers;

// Receivers written from each scheme's public description (docs/signatures.md), not from our code.
const verifyStandard = (request: ReceivedRequest, secret: string) => {
  new Webhook(secret).verify(request.body.toString('utf8'), headersOf(request));
  new SvixWebhook(secret).verify(request.body.toString('utf8'), headersOf(request));
};
const verifyEd25519 = (request: ReceivedRequest, whpk: string): boolean => {
  const raw = Buffer.from(whpk.slice('whpk_'.length), 'base64');
  const key = createPublicKey({ key: { kty: 'OKP', crv: 'Ed25519', x: raw.toString('base64url') }, format: 'jwk' });
  const h = headersOf(request);
  const signed = Buffer.concat([Buffer.from(`${h['webhook-id']}.${h['webhook-timestamp']}.`), request.body]);
  return h['webhook-signature']
    .split(' ')
    .filter((s) => s.startsWith('v1a,'))
    .some((s) => verify(null, signed, key, Buffer.from(s.slice(4), 'base64')));
};
const sameText = (a: string, b: string) =>
  Buffer.from(a).length === Buffer.from(b).length && timingSafeEqual(Buffer.from(a), Buffer.from(b));
const hmacHex = (key: Buffer | string, body: Buffer) =>
  'sha256=' + createHmac('sha256', key).update(body).digest('hex');

/**
 * Endpoint security end to end: each signature scheme verified by an independent receiver, secret
 * rotation with a grace period, custom headers, payload filters and transformations at fan-out,
 * the ownership challenge, and secrets sealed in Postgres and on `webhooks.endpoints`.
 */
describe('endpoint security: schemes, rotation, rules, verification, secrets at rest', () => {
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
  const run = Date.now().toString(36);
  /** Every plaintext secret the API handed out: none may appear at rest. */
  const plaintextSecrets: string[] = [];
  const tenants: string[] = [];

  const tenant = (name: string) => {
    const id = `sec-${name}-${run}`;
    tenants.push(id);
    return id;
  };
  const create = async (request: CreateEndpointRequest) => {
    const created = await management.createEndpoint(request);
    plaintextSecrets.push(created.secret!);
    return { id: created.endpoint!.id!, secret: created.secret!, endpoint: created.endpoint! };
  };
  const requestsAt = (path: string, n: number, what = `${n} requests at ${path}`) =>
    waitFor(what, () => (receiver.received(path).length >= n ? receiver.received(path) : undefined), 30_000);
  const attempts = async (endpointId: string) =>
    (
      await db.query<{ event_id: string; outcome: string; error: string | null }>(
        'SELECT event_id, outcome, error FROM attempts WHERE endpoint_id = $1 ORDER BY attempted_at',
        [endpointId],
      )
    ).rows;
  const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

  beforeAll(async () => {
    await receiver.start();
    await platform.start();
    await db.connect();
    publisher = platform.publisher();
    management = platform.management();
  });

  afterAll(async () => {
    publisher?.close();
    management?.close();
    await db.end();
    await platform.stop();
    await receiver.stop();
  });

  it('signs each scheme so that a receiver written from its public spec verifies it', async () => {
    const t = tenant('schemes');
    const standard = await create({ tenantId: t, url: receiver.url('/std'), signatureScheme: 'standard' });
    const ed = await create({ tenantId: t, url: receiver.url('/ed'), signatureScheme: 'standard-ed25519' });
    const xsig = await create({ tenantId: t, url: receiver.url('/xsig'), signatureScheme: 'x-signature' });
    const github = await create({ tenantId: t, url: receiver.url('/gh'), signatureScheme: 'github' });
    expect(standard.endpoint).toMatchObject({ signatureScheme: 'standard', status: 'active' });
    // ed25519: the create response gives the public key, never the private one.
    expect(ed.secret).toMatch(/^whpk_/);
    expect(await management.getEndpointSecret(t, ed.id)).toMatchObject({ secret: '', publicKey: ed.secret });

    const { eventId } = await publisher.publish({ tenantId: t, eventType: 'order.created', payload: { n: 1 } });
    const [std] = await requestsAt('/std', 1);
    const [edReq] = await requestsAt('/ed', 1);
    const [x] = await requestsAt('/xsig', 1);
    const [gh] = await requestsAt('/gh', 1);

    expect(() => verifyStandard(std, standard.secret)).not.toThrow();
    expect(verifyEd25519(edReq, ed.secret)).toBe(true);
    expect(edReq.headers['webhook-signature']).toMatch(/^v1a,/);
    const xKey = Buffer.from(xsig.secret.slice('whsec_'.length), 'base64');
    expect(sameText(String(x.headers['x-signature']), hmacHex(xKey, x.body))).toBe(true);
    expect(sameText(String(gh.headers['x-hub-signature-256']), hmacHex(github.secret, gh.body))).toBe(true);
    for (const r of [std, edReq, x, gh]) expect(JSON.parse(r.body.toString())).toEqual({ n: 1 });

    // Accounting: one delivered attempt per endpoint for the one event.
    for (const e of [standard, ed, xsig, github]) {
      await waitFor(`attempt of ${e.id}`, async () => (await attempts(e.id)).length === 1);
      expect(await attempts(e.id)).toEqual([{ event_id: eventId, outcome: 'delivered', error: null }]);
    }
  });

  it('rotates a secret: both signatures verify during the grace period, only the new one after', async () => {
    const t = tenant('rotate');
    const old = await create({ tenantId: t, url: receiver.url('/rot') });
    await publisher.publish({ tenantId: t, eventType: 'x', payload: { phase: 'before' } });
    const [before] = await requestsAt('/rot', 1);
    expect(String(before.headers['webhook-signature']).split(' ')).toHaveLength(1);

    const rotated = await management.rotateEndpointSecret({ tenantId: t, id: old.id, gracePeriodMs: 3_000 });
    plaintextSecrets.push(rotated.secret!);
    expect(rotated.secret).toMatch(/^whsec_/);
    expect(rotated.secret).not.toBe(old.secret);
    const until = Date.parse(rotated.previousValidUntil!);
    expect(until).toBeGreaterThan(Date.now());
    expect(await management.getEndpointSecret(t, old.id)).toMatchObject({
      secret: rotated.secret,
      previousValidUntil: rotated.previousValidUntil,
    });

    await publisher.publish({ tenantId: t, eventType: 'x', payload: { phase: 'during' } });
    const during = (await requestsAt('/rot', 2))[1];
    expect(String(during.headers['webhook-signature']).split(' ')).toHaveLength(2);
    // Each secret verifies on its own, with both libraries.
    expect(() => verifyStandard(during, rotated.secret!)).not.toThrow();
    expect(() => verifyStandard(during, old.secret)).not.toThrow();

    await sleep(Math.max(0, until - Date.now()) + 500);
    expect((await management.getEndpointSecret(t, old.id)).previousValidUntil).toBe('');
    await publisher.publish({ tenantId: t, eventType: 'x', payload: { phase: 'after' } });
    const after = (await requestsAt('/rot', 3))[2];
    expect(String(after.headers['webhook-signature']).split(' ')).toHaveLength(1);
    expect(() => verifyStandard(after, rotated.secret!)).not.toThrow();
    expect(() => new Webhook(old.secret).verify(after.body.toString(), headersOf(after))).toThrow();
    expect(() => new SvixWebhook(old.secret).verify(after.body.toString(), headersOf(after))).toThrow();
    expect(receiver.received('/rot').map((r) => (JSON.parse(r.body.toString()) as { phase: string }).phase)).toEqual([
      'before',
      'during',
      'after',
    ]);
  });

  it('sends custom headers, filters and transforms payloads at fan-out, logs a failing transformation', async () => {
    const t = tenant('rules');
    await expect(
      management.createEndpoint({ tenantId: t, url: receiver.url('/x'), headers: { 'Webhook-Id': 'forged' } }),
    ).rejects.toMatchObject({ code: GrpcStatus.INVALID_ARGUMENT, details: expect.stringMatching(/^headers\./) });
    await expect(
      management.createEndpoint({ tenantId: t, url: receiver.url('/x'), filter: '{"a": {"$regex": "x"}}' }),
    ).rejects.toMatchObject({ code: GrpcStatus.INVALID_ARGUMENT, details: expect.stringMatching(/^filter/) });
    await expect(
      management.createEndpoint({ tenantId: t, url: receiver.url('/x'), transformation: '{"a": }' }),
    ).rejects.toMatchObject({ code: GrpcStatus.INVALID_ARGUMENT, details: expect.stringMatching(/^transformation/) });

    const headers = await create({ tenantId: t, url: receiver.url('/hdr'), headers: { 'X-Customer': 'acme-42' } });
    expect(headers.endpoint.headers).toEqual({ 'x-customer': 'acme-42' });
    const filtered = await create({
      tenantId: t,
      url: receiver.url('/filtered'),
      filter: JSON.stringify({ 'data.amount': { $gte: 100 } }),
    });
    const transformed = await create({
      tenantId: t,
      url: receiver.url('/transformed'),
      transformation: '{"order": data.id, "cents": data.amount * 100}',
    });

    const events = [
      { data: { id: 'big', amount: 500 } },
      { data: { id: 'small', amount: 5 } },
      { data: { id: 'odd', amount: 'lots' } },
    ];
    const ids: string[] = [];
    for (const payload of events) ids.push((await publisher.publish({ tenantId: t, eventType: 'x', payload })).eventId);

    const hdr = await requestsAt('/hdr', 3);
    for (const r of hdr) {
      expect(r.headers['x-customer']).toBe('acme-42');
      expect(() => verifyStandard(r, headers.secret)).not.toThrow();
    }
    const viaTransform = await requestsAt('/transformed', 2);
    expect(viaTransform.map((r) => JSON.parse(r.body.toString()) as unknown)).toEqual(
      expect.arrayContaining([
        { order: 'big', cents: 50_000 },
        { order: 'small', cents: 500 },
      ]),
    );
    // The transformed bytes are what is signed.
    for (const r of viaTransform) expect(() => verifyStandard(r, transformed.secret)).not.toThrow();
    await waitFor('3 attempts of the transforming endpoint', async () => (await attempts(transformed.id)).length === 3);
    await sleep(1_500); // nothing else may arrive
    expect(receiver.received('/transformed')).toHaveLength(2);
    const filteredRequests = receiver.received('/filtered');
    expect(filteredRequests.map((r) => JSON.parse(r.body.toString()) as unknown)).toEqual([events[0]]);

    // Accounting: every (event, endpoint) pair is delivered, skipped with a reason, or filtered out.
    expect((await attempts(headers.id)).map((a) => a.outcome)).toEqual(['delivered', 'delivered', 'delivered']);
    expect(await attempts(filtered.id)).toEqual([{ event_id: ids[0], outcome: 'delivered', error: null }]);
    const transformAttempts = await attempts(transformed.id);
    expect(
      transformAttempts
        .filter((a) => a.outcome === 'delivered')
        .map((a) => a.event_id)
        .sort(),
    ).toEqual([ids[0], ids[1]].sort());
    expect(transformAttempts.filter((a) => a.outcome === 'skipped')).toEqual([
      { event_id: ids[2], outcome: 'skipped', error: expect.stringMatching(/^transformation failed: /) as string },
    ]);
  });

  it('verifies endpoint ownership with a challenge before delivering anything', async () => {
    const t = tenant('verify');
    // The tenant opts in (TestPlatform turns the platform default off).
    await db.query('INSERT INTO tenants (id, verify_endpoints) VALUES ($1, true)', [t]);
    const isChallenge = (r: ReceivedRequest) =>
      (JSON.parse(r.body.toString()) as { type?: string }).type === 'url_verification';
    const echo = (r: ReceivedRequest) =>
      isChallenge(r)
        ? {
            status: 200,
            body: JSON.stringify({ challenge: (JSON.parse(r.body.toString()) as { challenge: string }).challenge }),
          }
        : 200;
    receiver
      .on('/echo', echo)
      .on('/wrong', 200)
      .on('/hang', (r) => (isChallenge(r) ? 'hang' : 200));

    const good = await create({ tenantId: t, url: receiver.url('/echo') });
    const wrong = await create({ tenantId: t, url: receiver.url('/wrong') });
    const hanging = await create({ tenantId: t, url: receiver.url('/hang') });
    for (const e of [good, wrong, hanging]) expect(e.endpoint.status).toBe('pending_verification');

    // The challenge is signed like a delivery, so the receiver can tell it comes from us.
    const [challenge] = await requestsAt('/echo', 1);
    expect(isChallenge(challenge)).toBe(true);
    expect(() => verifyStandard(challenge, good.secret)).not.toThrow();
    const challengeValue = (JSON.parse(challenge.body.toString()) as { challenge: string }).challenge;
    expect(Buffer.from(challengeValue, 'base64url')).toHaveLength(32);

    await waitFor(
      'echoing endpoint active',
      async () => (await management.getEndpoint(t, good.id)).status === 'active',
    );
    await waitFor(
      'wrong echo recorded',
      async () => (await management.getEndpoint(t, wrong.id)).verificationError !== '',
    );
    expect(await management.getEndpoint(t, wrong.id)).toMatchObject({
      status: 'pending_verification',
      verificationError: 'answer did not echo the challenge',
    });
    await waitFor(
      'hanging endpoint times out',
      async () => (await management.getEndpoint(t, hanging.id)).verificationError !== '',
      20_000,
    );
    expect(await management.getEndpoint(t, hanging.id)).toMatchObject({
      status: 'pending_verification',
      verificationError: 'no answer within 10 s',
    });

    const { eventId } = await publisher.publish({ tenantId: t, eventType: 'x', payload: { hello: 'world' } });
    const delivered = (await requestsAt('/echo', 2))[1];
    expect(JSON.parse(delivered.body.toString())).toEqual({ hello: 'world' });
    for (const pending of [wrong, hanging]) {
      await waitFor(`skip of ${pending.id}`, async () => (await attempts(pending.id)).length === 1);
      expect(await attempts(pending.id)).toEqual([
        { event_id: eventId, outcome: 'skipped', error: 'endpoint pending verification' },
      ]);
    }
    await sleep(1_500);
    expect(receiver.received('/wrong').filter((r) => !isChallenge(r))).toEqual([]);
    expect(receiver.received('/hang').filter((r) => !isChallenge(r))).toEqual([]);

    // VerifyEndpoint sends a new challenge; this time the receiver echoes it.
    receiver.on('/wrong', echo);
    expect(await management.verifyEndpoint(t, wrong.id)).toMatchObject({ status: 'active', verificationError: '' });
    await publisher.publish({ tenantId: t, eventType: 'x', payload: { second: true } });
    await waitFor('delivery after verification', () =>
      receiver.received('/wrong').some((r) => !isChallenge(r) && r.body.toString() === '{"second":true}'),
    );
  }, 90_000);

  it('resumes a challenge that a subscriptions crash interrupted', async () => {
    const t = tenant('resume');
    await db.query('INSERT INTO tenants (id, verify_endpoints) VALUES ($1, true)', [t]);
    const isChallenge = (r: ReceivedRequest) =>
      (JSON.parse(r.body.toString()) as { type?: string }).type === 'url_verification';
    receiver.on('/resume', (r) => (isChallenge(r) ? 'hang' : 200));
    const created = await create({ tenantId: t, url: receiver.url('/resume') });
    await requestsAt('/resume', 1); // the first challenge is in flight, unanswered
    const subscriptions = platform.service('subscriptions');
    await subscriptions.stop('SIGKILL');
    receiver.on('/resume', (r) =>
      isChallenge(r)
        ? {
            status: 200,
            body: JSON.stringify({ challenge: (JSON.parse(r.body.toString()) as { challenge: string }).challenge }),
          }
        : 200,
    );
    await subscriptions.start();
    await waitFor(
      'endpoint verified after the restart',
      async () => (await management.getEndpoint(t, created.id)).status === 'active',
      // A killed member's group session (30 s) must expire before the restarted process serves.
      60_000,
    );
    expect(receiver.received('/resume').filter(isChallenge).length).toBeGreaterThanOrEqual(2);
  }, 90_000);

  it('never stores or publishes a secret in plaintext', async () => {
    expect(plaintextSecrets.length).toBeGreaterThan(5);
    const rows = (
      await db.query<{ id: string; secret: string; previous_secret: string | null }>(
        'SELECT id, secret, previous_secret FROM endpoints WHERE tenant_id = ANY($1)',
        [tenants],
      )
    ).rows;
    expect(rows.length).toBeGreaterThan(5);
    for (const row of rows) {
      for (const stored of [row.secret, row.previous_secret].filter((s): s is string => s !== null)) {
        expect(stored).toMatch(/^enc:v1:/);
        for (const plain of plaintextSecrets) expect(stored).not.toContain(plain.slice(6));
      }
    }

    const kafka = new Kafka({ brokers: stack.kafkaBrokers.split(','), logLevel: logLevel.NOTHING });
    const consumer = kafka.consumer({ groupId: `${platform.prefix}endpoints-reader` });
    const values = new Map<string, string[]>();
    await consumer.connect();
    try {
      await consumer.subscribe({ topic: platform.topic('webhooks.endpoints'), fromBeginning: true });
      await consumer.run({
        eachMessage: async ({ message }) => {
          if (!message.key || !message.value) return;
          const key = message.key.toString();
          values.set(key, [...(values.get(key) ?? []), message.value.toString()]);
        },
      });
      await waitFor('every endpoint view', () => rows.every((row) => values.has(row.id)), 30_000);
    } finally {
      await consumer.disconnect();
    }
    // Every record of every endpoint, not only the latest: the topic is compacted, not rewritten.
    for (const record of [...values.values()].flat()) {
      const view = JSON.parse(record) as { secrets: { value: string }[] };
      for (const secret of view.secrets) expect(secret.value).toMatch(/^enc:v1:/);
      for (const plain of plaintextSecrets) expect(record).not.toContain(plain.slice(6));
    }
  });
});
