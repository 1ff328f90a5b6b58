import { SecretBox } from './secret-box';

/**
 * How a service stores and reads endpoint signing secrets: sealed with SECRETS_ENCRYPTION_KEY
 * (context = the endpoint id, so a sealed value copied onto another endpoint does not open), or,
 * when no key is configured, as plaintext. Reading accepts both, so rows and views written before
 * a key was configured keep working; they are sealed when next written.
 */
export class EndpointSecretCodec {
  private constructor(private readonly box: SecretBox | null) {}

  /** The codec for a `SECRETS_ENCRYPTION_KEY` value; empty = plaintext. Throws on a malformed key. */
  static fromKey(key: string): EndpointSecretCodec {
    return new EndpointSecretCodec(key.trim() ? SecretBox.fromBase64Key(key) : null);
  }

  /** Whether a config value is acceptable: empty, or base64 of exactly 32 bytes. */
  static isValidKey(key: string): boolean {
    try {
      EndpointSecretCodec.fromKey(key);
      return true;
    } catch {
      return false;
    }
  }

  /** False when secrets are stored in plaintext (no key configured). */
  get encrypting(): boolean {
    return this.box !== null;
  }

  seal(endpointId: string, plain: string): string {
    return this.box ? this.box.seal(plain, endpointId) : plain;
  }

  /** The plaintext secret; throws (never echoing the value) when it is sealed and cannot be opened. */
  open(endpointId: string, stored: string): string {
    if (this.box) return this.box.open(stored, endpointId);
    if (SecretBox.isSealed(stored)) throw new Error('secret is sealed but SECRETS_ENCRYPTION_KEY is not set');
    return stored;
  }
}
