import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

const KEY_BYTES = 32;
const IV_BYTES = 12;
const TAG_BYTES = 16;
const SEALED_PREFIX = 'enc:v1:';
const ANY_SEALED_PREFIX = 'enc:';

/** A fresh value for `SECRETS_ENCRYPTION_KEY`: base64 of 32 random bytes. */
export function generateEncryptionKey(): string {
  return randomBytes(KEY_BYTES).toString('base64');
}

/**
 * Encrypts endpoint secrets at rest with AES-256-GCM (authenticated: a flipped bit or a wrong key
 * fails to open rather than yielding garbage). A sealed value is `enc:v1:<base64(iv|tag|ciphertext)>`
 * with a random 12-byte IV per seal; the version leaves room for a future key or algorithm.
 *
 * `context` (optional, e.g. the endpoint id) is bound as additional authenticated data: a sealed
 * value copied onto another row does not open there.
 */
export class SecretBox {
  readonly #key: Buffer;

  constructor(key: Buffer) {
    if (key.length !== KEY_BYTES) throw new Error(`encryption key must be ${KEY_BYTES} bytes`);
    this.#key = Buffer.from(key);
  }

  /** The box for a `SECRETS_ENCRYPTION_KEY` value: base64 of exactly 32 bytes. The message never echoes the key. */
  static fromBase64Key(key: string): SecretBox {
    const trimmed = key.trim();
    const bytes = /^[A-Za-z0-9+/]+={0,2}$/.test(trimmed) ? Buffer.from(trimmed, 'base64') : Buffer.alloc(0);
    if (bytes.length !== KEY_BYTES) {
      throw new Error(`SECRETS_ENCRYPTION_KEY must be base64 of exactly ${KEY_BYTES} bytes (openssl rand -base64 32)`);
    }
    return new SecretBox(bytes);
  }

  /** Whether `stored` is a sealed value rather than a legacy plaintext one. */
  static isSealed(stored: string): boolean {
    return stored.startsWith(ANY_SEALED_PREFIX);
  }

  seal(plain: string, context?: string): string {
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv('aes-256-gcm', this.#key, iv);
    if (context !== undefined) cipher.setAAD(Buffer.from(context, 'utf8'));
    const ciphertext = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
    return SEALED_PREFIX + Buffer.concat([iv, cipher.getAuthTag(), ciphertext]).toString('base64');
  }

  /**
   * The plaintext of a sealed value. A value that does not start with `enc:` is returned as is:
   * rows written before encryption was enabled keep working, and are sealed when next written.
   * (A plaintext secret can never start with `enc:`: signing secrets start with `whsec_`/`whsk_`.)
   * Throws, without echoing the value, on an unknown version, a wrong key or a tampered value.
   */
  open(stored: string, context?: string): string {
    if (!SecretBox.isSealed(stored)) return stored;
    if (!stored.startsWith(SEALED_PREFIX)) throw new Error('sealed secret has an unknown format version');
    const raw = Buffer.from(stored.slice(SEALED_PREFIX.length), 'base64');
    if (raw.length < IV_BYTES + TAG_BYTES) throw new Error('sealed secret is truncated');
    const decipher = createDecipheriv('aes-256-gcm', this.#key, raw.subarray(0, IV_BYTES), {
      authTagLength: TAG_BYTES,
    });
    decipher.setAuthTag(raw.subarray(IV_BYTES, IV_BYTES + TAG_BYTES));
    if (context !== undefined) decipher.setAAD(Buffer.from(context, 'utf8'));
    try {
      return Buffer.concat([decipher.update(raw.subarray(IV_BYTES + TAG_BYTES)), decipher.final()]).toString('utf8');
    } catch (_error) {
      throw new Error('sealed secret does not open: wrong SECRETS_ENCRYPTION_KEY or a tampered value');
    }
  }
}
