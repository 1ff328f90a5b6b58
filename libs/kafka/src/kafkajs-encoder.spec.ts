/**
 * The patched kafkajs Encoder (patches/README.md): buffers from allocUnsafe, varints written
 * in place, and small varlongs without BigInt. Whatever the encoder produces must decode to what went in, and must not carry bytes
 * it never wrote: every case encodes after the pool has been filled with garbage.
 */
/* eslint-disable @typescript-eslint/no-require-imports -- kafkajs internals are untyped CommonJS */
import { readFileSync } from 'node:fs';

const Encoder = require('kafkajs/src/protocol/encoder');
const Decoder = require('kafkajs/src/protocol/decoder');
const Long = require('kafkajs/src/utils/long');
const encodeRecord = require('kafkajs/src/protocol/recordBatch/record/v0');
const decodeRecord = require('kafkajs/src/protocol/recordBatch/record/v0/decoder');

const BATCH = { firstOffset: '0', firstTimestamp: '0', magicByte: 2, isControlBatch: false, isTransactional: false };

/** Leaves non-zero bytes in Node's small-buffer pool, where allocUnsafe takes its memory from. */
function dirtyThePool(): void {
  for (let i = 0; i < 64; i++) Buffer.allocUnsafe(128).fill(0xab);
}

describe('patched kafkajs Encoder', () => {
  it('is installed (npm ci runs scripts/patch-dependencies.mjs)', () => {
    const source = readFileSync(require.resolve('kafkajs/src/protocol/encoder'), 'utf8');
    expect(source).toContain('Buffer.allocUnsafe(Encoder.nextPowerOfTwo(initialSize))');
  });

  it.each([0, 1, 63, 64, 127, 128, 8191, 8192, 16_383, 16_384, 2 ** 20, 2 ** 31 - 1, -1, -64, -65, -(2 ** 31)])(
    'round-trips the varint %d in the fewest bytes',
    (value) => {
      dirtyThePool();
      const bytes = new Encoder().writeVarInt(value).buffer as Buffer;
      expect(bytes.length).toBe(Encoder.sizeOfVarInt(value));
      expect(new Decoder(bytes).readVarInt()).toBe(value);
    },
  );

  it('round-trips records whose key, value and headers make the buffer grow, byte for byte', () => {
    for (const size of [0, 1, 500, 511, 512, 4_000, 70_000]) {
      dirtyThePool();
      const value = Buffer.alloc(size, 'v');
      const headers = { task: JSON.stringify({ id: 'x'.repeat(size % 300) }), other: 'y' };
      const bytes = encodeRecord({ offsetDelta: size, timestampDelta: 7, key: 'ep_1', value, headers })
        .buffer as Buffer;
      const decoder = new Decoder(bytes);
      const length = decoder.readVarInt() as number;
      expect(Encoder.sizeOfVarInt(length) + length).toBe(bytes.length);
      const record = decodeRecord(decoder, BATCH);
      expect(record.key.toString()).toBe('ep_1');
      expect(Buffer.compare(record.value, value)).toBe(0);
      expect(record.offset).toBe(String(size));
      expect(Object.fromEntries(Object.entries(record.headers).map(([k, v]) => [k, String(v)]))).toEqual(headers);
    }
  });

  it('writes small varlongs with plain arithmetic, byte for byte as through Long', () => {
    const edges = [0, 1, -1, 63, 64, -64, -65, 2 ** 31, -(2 ** 31) - 1, 2 ** 35 + 3, 2 ** 50 - 1, -(2 ** 50) + 1];
    const random = Array.from({ length: 2_000 }, (_, i) => Math.round((Math.random() - 0.5) * 2 ** ((i % 50) + 1)));
    for (const value of [...edges, ...random]) {
      dirtyThePool();
      const fast = new Encoder().writeVarLong(value).buffer as Buffer;
      const viaLong = new Encoder().writeVarLong(Long.fromNumber(value)).buffer as Buffer;
      expect(fast.toString('hex')).toBe(viaLong.toString('hex'));
      expect(Encoder.sizeOfVarLong(value)).toBe(viaLong.length);
      expect(new Decoder(fast).readVarLong().toString()).toBe(String(value));
    }
  });

  it('still writes varlongs beyond 2^50 and Longs through Long', () => {
    for (const value of [2 ** 50, -(2 ** 50), Number.MAX_SAFE_INTEGER]) {
      const bytes = new Encoder().writeVarLong(value).buffer as Buffer;
      expect(new Decoder(bytes).readVarLong().toString()).toBe(String(value));
      expect(Encoder.sizeOfVarLong(value)).toBe(bytes.length);
    }
    const big = Long.fromString('-9223372036854775808');
    expect(new Decoder(new Encoder().writeVarLong(big).buffer).readVarLong().toString()).toBe(big.toString());
  });
});
