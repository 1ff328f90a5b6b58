import { generateApiKey } from '@webhooks/auth';
import * as grpc from '@grpc/grpc-js';
import * as protoLoader from '@grpc/proto-loader';
import { Kafka, logLevel } from 'kafkajs';
import { GrpcStatus } from '@webhooks/client';
import {
  PROTO_FILES,
  PROTO_LOADER_OPTIONS,
  protoRoot,
  type IngestionClient,
  type IngestionProto,
} from '@webhooks/contracts';
import { TestPlatform } from '@webhooks/testing';
import { e2eStack } from '../setup/env';

type Call = (client: IngestionClient) => Promise<unknown>;

/**
 * Hostile gRPC input against ingestion: oversized and decompression-bomb messages, huge
 * metadata, expired deadlines, malformed payloads. Each gets a clear status, the process stays
 * up, and nothing at all is written to webhooks.events for rejected input.
 */
describe('ingestion under hostile gRPC input', () => {
  const stack = e2eStack();
  const platform = new TestPlatform({ kafkaBrokers: stack.kafkaBrokers, databaseUrl: stack.databaseUrl });
  const kafka = new Kafka({ brokers: stack.kafkaBrokers.split(','), logLevel: logLevel.NOTHING });
  const admin = kafka.admin();
  const proto = grpc.loadPackageDefinition(
    protoLoader.loadSync(PROTO_FILES.ingestion, { ...PROTO_LOADER_OPTIONS, includeDirs: [protoRoot()] }),
  ) as unknown as IngestionProto;
  const clients: grpc.Client[] = [];

  const client = (options: grpc.ClientOptions = {}): IngestionClient => {
    const c = new proto.webhooks.v1.Ingestion(platform.ingestionAddress, grpc.credentials.createInsecure(), options);
    clients.push(c);
    return c;
  };
  const authorized = (key = platform.adminApiKey) => {
    const md = new grpc.Metadata();
    md.set('authorization', `Bearer ${key}`);
    return md;
  };
  const publish = (c: IngestionClient, request: object, metadata = authorized(), deadlineMs = 10_000) =>
    new Promise<unknown>((resolve, reject) =>
      c.publish(request, metadata, { deadline: Date.now() + deadlineMs }, (error, response) =>
        error ? reject(error) : resolve(response),
      ),
    );
  const eventsWritten = async () =>
    (await admin.fetchTopicOffsets(platform.topic('webhooks.events'))).reduce((n, p) => n + Number(p.high), 0);

  beforeAll(async () => {
    await platform.start();
    await admin.connect();
  });

  afterAll(async () => {
    clients.forEach((c) => c.close());
    await admin.disconnect();
    await platform.stop();
  });

  const event = (payload: Buffer) => ({ tenantId: 'acme', eventType: 'hostile.test', payload });

  // Every row has all four fields: jest passes `done` to a test function with more parameters than the row.
  const cases: [string, Call, grpc.status, string][] = [
    [
      'a message over the request limit (5 MiB)',
      (c) => publish(c, event(Buffer.alloc(5 * 1024 * 1024, 0x20))),
      grpc.status.RESOURCE_EXHAUSTED,
      '',
    ],
    [
      'a decompression bomb (64 MiB of zeros, gzip-compressed to ~64 KiB)',
      () =>
        publish(
          client({ 'grpc.default_compression_algorithm': 2, 'grpc.default_compression_level': 3 }),
          event(Buffer.concat([Buffer.from('"'), Buffer.alloc(64 * 1024 * 1024, 0x30), Buffer.from('"')])),
        ),
      grpc.status.RESOURCE_EXHAUSTED,
      '',
    ],
    [
      'a payload over the payload limit but under the request limit',
      (c) => publish(c, event(Buffer.from(JSON.stringify({ x: 'y'.repeat(300 * 1024) })))),
      grpc.status.INVALID_ARGUMENT,
      'payload',
    ],
    [
      'huge metadata (64 KiB header)',
      (c) => {
        const md = authorized();
        md.set('x-junk', 'j'.repeat(64 * 1024));
        return publish(c, event(Buffer.from('{}')), md);
      },
      grpc.status.RESOURCE_EXHAUSTED,
      '',
    ],
    [
      'no API key',
      (c) => publish(c, event(Buffer.from('{}')), new grpc.Metadata()),
      grpc.status.UNAUTHENTICATED,
      'authorization',
    ],
    [
      'a well-formed but unknown API key',
      (c) => publish(c, event(Buffer.from('{}')), authorized(generateApiKey().key)),
      grpc.status.UNAUTHENTICATED,
      'invalid or revoked',
    ],
    [
      'a malformed authorization value',
      (c) => {
        const md = new grpc.Metadata();
        md.set('authorization', 'Basic dXNlcjpwYXNz');
        return publish(c, event(Buffer.from('{}')), md);
      },
      grpc.status.UNAUTHENTICATED,
      'Bearer',
    ],
    [
      'an already expired deadline',
      (c) => publish(c, event(Buffer.from('{}')), undefined, -1_000),
      grpc.status.DEADLINE_EXCEEDED,
      '',
    ],
    [
      'a payload of invalid UTF-8',
      (c) => publish(c, event(Buffer.from([0x22, 0xc3, 0x28, 0x22]))),
      grpc.status.INVALID_ARGUMENT,
      'UTF-8',
    ],
    [
      'a payload that is not JSON',
      (c) => publish(c, event(Buffer.from('{"a":'))),
      grpc.status.INVALID_ARGUMENT,
      'JSON',
    ],
    ['no fields at all', (c) => publish(c, {}), grpc.status.INVALID_ARGUMENT, 'tenant_id'],
    [
      'a tenant id with a newline',
      (c) => publish(c, { ...event(Buffer.from('{}')), tenantId: 'a\nb' }),
      grpc.status.INVALID_ARGUMENT,
      'tenant_id',
    ],
  ];

  it.each(cases)('refuses %s with the right status and writes nothing', async (_name, call, code, detail) => {
    const before = await eventsWritten();
    const error = (await call(client()).then(
      () => undefined,
      (e: unknown) => e,
    )) as grpc.ServiceError | undefined;
    expect(error?.code).toBe(code);
    if (detail) expect(error?.details).toContain(detail);
    expect(await eventsWritten()).toBe(before);
  });

  it('keeps serving after all of it', async () => {
    const publisher = platform.publisher();
    try {
      await expect(
        publisher.publish({ tenantId: 'acme', eventType: 'hostile.after', payload: { ok: true } }),
      ).resolves.toMatchObject({
        eventId: expect.stringMatching(/^evt_/),
      });
    } finally {
      publisher.close();
    }
    expect(platform.service('ingestion').alive).toBe(true);
    expect((await fetch(`http://127.0.0.1:${platform.service('ingestion').httpPort}/readyz`)).status).toBe(200);
    expect(GrpcStatus.OK).toBe(0);
  });
});
