import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/** Every API key starts with this, so secret scanners (and people) recognise it. */
export const API_KEY_PREFIX = 'whk_';
const KEY_ID = /^[a-z0-9]{16}$/;
const KEY_SECRET = /^[A-Za-z0-9_-]{43}$/;

export interface NewApiKey {
  /** `key_<16 chars>`: stored, listed, and embedded in the key for lookup. */
  id: string;
  /** `whk_<id part>_<43 chars>`: 256 random bits, shown once. */
  key: string;
  /** What is stored: hex SHA-256 of the key. */
  hash: string;
}

/**
 * A fresh API key. The secret part is 32 random bytes, so a plain SHA-256 is a sufficient hash
 * to store (no password-style stretching needed: nothing to guess), and lookups stay cheap
 * enough to authenticate every ingest call.
 */
export function generateApiKey(): NewApiKey {
  const idPart = randomBytes(10).toString('hex').slice(0, 16);
  const key = `${API_KEY_PREFIX}${idPart}_${randomBytes(32).toString('base64url')}`;
  return { id: `key_${idPart}`, key, hash: hashApiKey(key) };
}

export function hashApiKey(key: string): string {
  return createHash('sha256').update(key).digest('hex');
}

/** The key's id if `key` is shaped like one of ours, else null (never throws, never echoes). */
export function apiKeyId(key: string): string | null {
  // Fixed layout: prefix, 16 id characters, '_', 43 base64url characters (which may contain '_').
  if (key.length !== API_KEY_PREFIX.length + 16 + 1 + 43 || !key.startsWith(API_KEY_PREFIX)) return null;
  const idPart = key.slice(API_KEY_PREFIX.length, API_KEY_PREFIX.length + 16);
  const separator = key[API_KEY_PREFIX.length + 16];
  const secret = key.slice(API_KEY_PREFIX.length + 17);
  if (separator !== '_' || !KEY_ID.test(idPart) || !KEY_SECRET.test(secret)) return null;
  return `key_${idPart}`;
}

/** Constant-time comparison of a presented key with a stored hash. */
export function apiKeyMatches(key: string, storedHash: string): boolean {
  const presented = Buffer.from(hashApiKey(key), 'hex');
  const stored = Buffer.from(storedHash, 'hex');
  return presented.length === stored.length && timingSafeEqual(presented, stored);
}
