import { randomBytes } from 'node:crypto';

export const SECRET_PREFIX = 'whsec_';
const MIN_KEY_BYTES = 24;
const MAX_KEY_BYTES = 64;

/** A fresh Standard Webhooks signing secret: `whsec_` + base64 of 24 random bytes (as Svix generates). */
export function generateSecret(): string {
  return SECRET_PREFIX + randomBytes(MIN_KEY_BYTES).toString('base64');
}

/**
 * Decodes a `whsec_…` secret into the HMAC key. The key is the base64-decoded part after the
 * prefix, not the string itself (a common receiver bug). Throws a message safe to show to the
 * caller: it never contains the secret.
 */
export function secretKey(secret: string): Buffer {
  if (!secret.startsWith(SECRET_PREFIX)) throw new Error(`secret must start with "${SECRET_PREFIX}"`);
  const encoded = secret.slice(SECRET_PREFIX.length);
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(encoded)) throw new Error('secret must be base64 after the prefix');
  const key = Buffer.from(encoded, 'base64');
  if (key.length < MIN_KEY_BYTES || key.length > MAX_KEY_BYTES) {
    throw new Error(`secret must decode to ${MIN_KEY_BYTES}..${MAX_KEY_BYTES} bytes`);
  }
  return key;
}
