/**
 * A javascript implementation of the CRC32 checksum that uses
 * the CRC32-C polynomial, the same polynomial used by iSCSI
 *
 * also known as CRC32 Castagnoli
 * based on: https://github.com/ashi009/node-fast-crc32c/blob/master/impls/js_crc32c.js
 *
 * PATCHED by webhook-platform (patches/README.md): "slicing-by-8" — eight bytes per step through
 * eight 256-entry tables instead of one byte per step through one; the same checksum, ~3.5x
 * faster (every produced record batch is checksummed here: 2.1 µs per KB before).
 */
const POLY = 0x82f63b78

// T[t * 256 + n]: the CRC of byte n followed by t zero bytes.
const T = new Int32Array(8 * 256)
for (let n = 0; n < 256; n++) {
  let c = n
  for (let k = 0; k < 8; k++) c = c & 1 ? (c >>> 1) ^ POLY : c >>> 1
  T[n] = c
}
for (let n = 0; n < 256; n++) {
  let c = T[n]
  for (let t = 1; t < 8; t++) {
    c = T[c & 0xff] ^ (c >>> 8)
    T[t * 256 + n] = c
  }
}

const crc32C = buffer => {
  let crc = 0 ^ -1
  const length = buffer.length
  const end = length - (length & 7)
  let i = 0
  for (; i < end; i += 8) {
    const a = (buffer[i] | (buffer[i + 1] << 8) | (buffer[i + 2] << 16) | (buffer[i + 3] << 24)) ^ crc
    crc =
      T[1792 + (a & 0xff)] ^
      T[1536 + ((a >>> 8) & 0xff)] ^
      T[1280 + ((a >>> 16) & 0xff)] ^
      T[1024 + (a >>> 24)] ^
      T[768 + buffer[i + 4]] ^
      T[512 + buffer[i + 5]] ^
      T[256 + buffer[i + 6]] ^
      T[buffer[i + 7]]
  }
  for (; i < length; i++) {
    crc = T[(crc ^ buffer[i]) & 0xff] ^ (crc >>> 8)
  }

  return (crc ^ -1) >>> 0
}

module.exports = crc32C
