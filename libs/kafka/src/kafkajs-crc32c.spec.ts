/**
 * The patched kafkajs CRC32C (patches/README.md): slicing-by-8. The broker rejects a record batch
 * whose checksum is wrong, so the patch must agree with the byte-at-a-time original on every
 * length and alignment.
 */
/* eslint-disable @typescript-eslint/no-require-imports -- kafkajs internals are untyped CommonJS */
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';

const crc32C = require('kafkajs/src/protocol/recordBatch/crc32C') as (buffer: Buffer) => number;

/** The textbook CRC32C, one byte at a time (what kafkajs shipped). */
function reference(buffer: Buffer): number {
  let crc = -1;
  for (const byte of buffer) {
    crc ^= byte;
    for (let k = 0; k < 8; k++) crc = crc & 1 ? (crc >>> 1) ^ 0x82f63b78 : crc >>> 1;
  }
  return (crc ^ -1) >>> 0;
}

describe('patched kafkajs CRC32C', () => {
  it('is installed (npm ci runs scripts/patch-dependencies.mjs)', () => {
    const source = readFileSync(require.resolve('kafkajs/src/protocol/recordBatch/crc32C/crc32C'), 'utf8');
    expect(source).toContain('PATCHED by webhook-platform');
  });

  it('gives the standard check value', () => {
    expect(crc32C(Buffer.from('123456789'))).toBe(0xe3069283);
    expect(crc32C(Buffer.alloc(0))).toBe(0);
  });

  it('agrees with the byte-at-a-time CRC on every length and offset', () => {
    const data = randomBytes(4_200);
    for (let length = 0; length <= 70; length++)
      for (let offset = 0; offset < 9; offset++) {
        const slice = data.subarray(offset, offset + length);
        expect(crc32C(slice)).toBe(reference(slice));
      }
    expect(crc32C(data)).toBe(reference(data));
  });
});
