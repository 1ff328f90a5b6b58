/**
 * The patched kafkajs Produce request (patches/README.md): an uncompressed request is written in
 * one pass into one buffer. The broker must see the very bytes kafkajs wrote before, so every case
 * compares with the request built the original way — a Record per message, a RecordBatch per
 * partition, an Encoder per partition and per topic — from kafkajs' own (unpatched) modules.
 */
/* eslint-disable @typescript-eslint/no-require-imports -- kafkajs internals are untyped CommonJS */
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';

interface EncoderLike {
  buffer: Buffer;
  size(): number;
  writeInt32(value: number): EncoderLike;
  writeInt16(value: number): EncoderLike;
  writeString(value: string | null): EncoderLike;
  writeArray(values: EncoderLike[]): EncoderLike;
  writeEncoder(value: EncoderLike): EncoderLike;
}
interface Message {
  key?: Buffer | string | null;
  value: Buffer | string | null;
  headers?: Record<string, string | Buffer | (string | Buffer)[]>;
  timestamp?: string;
}
interface TopicData {
  topic: string;
  partitions: { partition: number; firstSequence?: number; messages: Message[] }[];
}
interface ProduceOptions {
  acks: number;
  timeout: number;
  transactionalId?: string | null;
  producerId?: unknown;
  producerEpoch?: number;
  compression?: number;
  topicData: TopicData[];
}

const Encoder = require('kafkajs/src/protocol/encoder') as new () => EncoderLike;
const Long = require('kafkajs/src/utils/long') as { fromInt(n: number): unknown; fromNumber(n: number): unknown };
const Record = require('kafkajs/src/protocol/recordBatch/record/v0') as (record: object) => EncoderLike;
const { RecordBatch } = require('kafkajs/src/protocol/recordBatch/v0') as {
  RecordBatch: (batch: object) => Promise<EncoderLike>;
};
const { Types } = require('kafkajs/src/protocol/message/compression') as { Types: { None: number; GZIP: number } };
const produceV3 = require('kafkajs/src/protocol/requests/produce/v3/request') as (options: ProduceOptions) => {
  encode(): Promise<EncoderLike>;
};

/** The Produce v3 body as kafkajs 2.2.4 encodes it unpatched (requests/produce/v3/request.js). */
async function reference({
  acks,
  timeout,
  transactionalId = null,
  producerId = Long.fromInt(-1),
  producerEpoch = 0,
  compression = Types.None,
  topicData,
}: ProduceOptions): Promise<Buffer> {
  const topics: EncoderLike[] = [];
  for (const { topic, partitions } of topicData) {
    const encoded: EncoderLike[] = [];
    for (const { partition, firstSequence, messages } of partitions) {
      const dateNow = Date.now();
      const stamps = messages
        .map((m) => m.timestamp)
        .filter((t) => t != null)
        .sort();
      const timestamps: (string | number)[] = stamps.length === 0 ? [dateNow] : stamps;
      const firstTimestamp = timestamps[0];
      const records = messages.map((message, i) =>
        Record({
          ...message,
          offsetDelta: i,
          timestampDelta: Number(message.timestamp || dateNow) - Number(firstTimestamp),
        }),
      );
      const batch = await RecordBatch({
        compression,
        records,
        firstTimestamp,
        maxTimestamp: timestamps[timestamps.length - 1],
        producerId,
        producerEpoch,
        firstSequence,
        transactional: !!transactionalId,
        lastOffsetDelta: records.length - 1,
      });
      encoded.push(new Encoder().writeInt32(partition).writeInt32(batch.size()).writeEncoder(batch));
    }
    topics.push(new Encoder().writeString(topic).writeArray(encoded));
  }
  return new Encoder().writeString(transactionalId).writeInt16(acks).writeInt32(timeout).writeArray(topics).buffer;
}

const pick = <T>(values: T[]): T => values[Math.floor(Math.random() * values.length)];
const text = (max: number): string =>
  'é✓x"'.repeat(Math.ceil(Math.random() * max)).slice(0, Math.ceil(Math.random() * max));

function randomMessage(now: number): Message {
  const headers: Message['headers'] = {};
  for (let h = Math.floor(Math.random() * 4); h > 0; h--)
    headers[`h-${h}-${text(5)}`] = pick<string | Buffer | (string | Buffer)[]>([
      text(300),
      randomBytes(20),
      [text(10), randomBytes(3), ''],
    ]);
  return {
    key: pick([null, undefined, `ep_${text(20)}`, randomBytes(16)]),
    value: pick([null, text(2_000), randomBytes(Math.floor(Math.random() * 5_000))]),
    headers: pick([undefined, {}, headers]),
    timestamp: pick([undefined, String(now - Math.floor(Math.random() * 100_000))]),
  };
}

function randomRequest(now: number): ProduceOptions {
  return {
    acks: pick([-1, 0, 1]),
    timeout: 30_000,
    transactionalId: pick([null, undefined, `fanout-${text(10)}`]),
    producerId: pick([undefined, 4711, Long.fromNumber(2 ** 40 + 3)]),
    producerEpoch: pick([undefined, 0, 7]),
    topicData: Array.from({ length: 1 + Math.floor(Math.random() * 2) }, (_, t) => ({
      topic: `webhooks.${t}.${text(8)}`,
      partitions: Array.from({ length: 1 + Math.floor(Math.random() * 4) }, (_, partition) => ({
        partition,
        firstSequence: pick([undefined, 0, 123_456]),
        messages: Array.from({ length: Math.floor(Math.random() * 30) }, () => randomMessage(now)),
      })),
    })),
  };
}

describe('patched kafkajs Produce request', () => {
  const now = 1_790_000_000_000;
  beforeEach(() => jest.spyOn(Date, 'now').mockReturnValue(now));
  afterEach(() => jest.restoreAllMocks());

  it('is installed (npm ci runs scripts/patch-dependencies.mjs)', () => {
    const source = readFileSync(require.resolve('kafkajs/src/protocol/requests/produce/v3/request'), 'utf8');
    expect(source).toContain('PATCHED by webhook-platform');
  });

  it('writes the same bytes as the nested encoders, for 300 random requests', async () => {
    for (let i = 0; i < 300; i++) {
      const options = randomRequest(now);
      const patched = (await produceV3(options).encode()).buffer;
      expect(patched.toString('hex')).toBe((await reference(options)).toString('hex'));
    }
  });

  it('writes exactly the bytes it sized (no slack, no growth past the estimate)', async () => {
    const options = randomRequest(now);
    const encoded = await produceV3(options).encode();
    expect(encoded.size()).toBe((await reference(options)).length);
  });

  it('leaves compressed requests to the original path', async () => {
    const options = { ...randomRequest(now), compression: Types.GZIP };
    const patched = (await produceV3(options).encode()).buffer;
    // GZIP output depends only on its input here, so both paths must agree byte for byte.
    expect(patched.toString('hex')).toBe((await reference(options)).toString('hex'));
  });
});
