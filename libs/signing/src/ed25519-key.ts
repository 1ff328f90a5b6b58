import { createPrivateKey, createPublicKey, generateKeyPairSync, type KeyObject } from 'node:crypto';

export const ED25519_SECRET_PREFIX = 'whsk_';
export const ED25519_PUBLIC_PREFIX = 'whpk_';

const SEED_BYTES = 32;
const PUBLIC_KEY_BYTES = 32;
// DER headers that turn raw ed25519 key bytes into PKCS#8 / SPKI (RFC 8410), the forms node:crypto imports.
const PKCS8_ED25519_HEADER = Buffer.from('302e020100300506032b657004220420', 'hex');
const SPKI_ED25519_HEADER = Buffer.from('302a300506032b6570032100', 'hex');
const BASE64 = /^[A-Za-z0-9+/]+={0,2}$/;

/**
 * A fresh Standard Webhooks asymmetric key pair.
 *
 * Encoding (the spec says only "base64 encoded, prefixed with `whsk_` / `whpk_`"; the byte layout
 * follows the Svix server, the reference sender):
 * - secret: `whsk_` + base64 of 64 bytes, the 32-byte RFC 8032 seed followed by the 32-byte public key;
 * - public key: `whpk_` + base64 of the raw 32-byte public key.
 * A `whsk_` holding only the 32-byte seed is accepted as well.
 */
export function generateEd25519KeyPair(): { secret: string; publicKey: string } {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  const seed = privateKey.export({ format: 'der', type: 'pkcs8' }).subarray(-SEED_BYTES);
  const raw = rawPublicKey(publicKey);
  return {
    secret: ED25519_SECRET_PREFIX + Buffer.concat([seed, raw]).toString('base64'),
    publicKey: ED25519_PUBLIC_PREFIX + raw.toString('base64'),
  };
}

/**
 * The private key inside a `whsk_` secret. Throws a message safe to show: it never contains the
 * secret. A 64-byte secret whose second half is not the seed's public key is rejected, since
 * signing with it would produce signatures no published `whpk_` verifies.
 */
export function ed25519PrivateKey(secret: string): KeyObject {
  const bytes = decodePrefixed(secret, ED25519_SECRET_PREFIX, 'secret');
  if (bytes.length !== SEED_BYTES && bytes.length !== SEED_BYTES + PUBLIC_KEY_BYTES) {
    throw new Error(`secret must decode to ${SEED_BYTES} or ${SEED_BYTES + PUBLIC_KEY_BYTES} bytes`);
  }
  const key = createPrivateKey({
    key: Buffer.concat([PKCS8_ED25519_HEADER, bytes.subarray(0, SEED_BYTES)]),
    format: 'der',
    type: 'pkcs8',
  });
  if (bytes.length > SEED_BYTES && !rawPublicKey(createPublicKey(key)).equals(bytes.subarray(SEED_BYTES))) {
    throw new Error('secret is not a consistent ed25519 key pair');
  }
  return key;
}

/** The `whpk_` public key receivers verify `v1a` signatures with, derived from a `whsk_` secret. */
export function publicKeyOf(secret: string): string {
  return ED25519_PUBLIC_PREFIX + rawPublicKey(createPublicKey(ed25519PrivateKey(secret))).toString('base64');
}

/** Parses a `whpk_` public key. Throws a message that does not echo the input. */
export function ed25519PublicKey(publicKey: string): KeyObject {
  const bytes = decodePrefixed(publicKey, ED25519_PUBLIC_PREFIX, 'public key');
  if (bytes.length !== PUBLIC_KEY_BYTES) throw new Error(`public key must decode to ${PUBLIC_KEY_BYTES} bytes`);
  return createPublicKey({ key: Buffer.concat([SPKI_ED25519_HEADER, bytes]), format: 'der', type: 'spki' });
}

function rawPublicKey(key: KeyObject): Buffer {
  return key.export({ format: 'der', type: 'spki' }).subarray(-PUBLIC_KEY_BYTES);
}

function decodePrefixed(value: string, prefix: string, what: string): Buffer {
  if (!value.startsWith(prefix)) throw new Error(`${what} must start with "${prefix}"`);
  const encoded = value.slice(prefix.length);
  if (!BASE64.test(encoded)) throw new Error(`${what} must be base64 after the prefix`);
  return Buffer.from(encoded, 'base64');
}
