import { ed25519PrivateKey, generateEd25519KeyPair } from './ed25519-key';
import { generateSecret, secretKey } from './secret';

/** Every signature scheme an endpoint can be configured with; the first is the default. */
export const SIGNATURE_SCHEMES = ['standard', 'standard-ed25519', 'x-signature', 'github'] as const;

/**
 * How a delivery is signed:
 * - `standard`: Standard Webhooks v1, HMAC-SHA256 over `id.timestamp.body` (`whsec_` secret);
 * - `standard-ed25519`: Standard Webhooks v1a, ed25519 over `id.timestamp.body` (`whsk_` secret, `whpk_` public key);
 * - `x-signature`: `X-Signature: sha256=<hex HMAC-SHA256>` over the body only (`whsec_` secret, decoded bytes as key);
 * - `github`: `X-Hub-Signature-256: sha256=<hex HMAC-SHA256>` over the body only (`whsec_` secret, the string as key).
 */
export type SignatureScheme = (typeof SIGNATURE_SCHEMES)[number];

export function isSignatureScheme(value: unknown): value is SignatureScheme {
  return typeof value === 'string' && (SIGNATURE_SCHEMES as readonly string[]).includes(value);
}

/**
 * A fresh secret for `scheme`. HMAC schemes get a `whsec_` secret (shared with the receiver);
 * `standard-ed25519` gets a `whsk_` private key that stays with us and the `whpk_` public key the
 * receiver is given.
 */
export function generateSigningSecret(scheme: SignatureScheme): { secret: string; publicKey?: string } {
  switch (scheme) {
    case 'standard':
    case 'x-signature':
    case 'github':
      return { secret: generateSecret() };
    case 'standard-ed25519':
      return generateEd25519KeyPair();
  }
}

/**
 * Throws when `secret` cannot sign with `scheme`: HMAC schemes take `whsec_` + base64 of 24..64
 * bytes, `standard-ed25519` a `whsk_` ed25519 private key. The message names the rule, never the
 * secret, so it can be returned to an API caller and logged.
 */
export function validateSecret(scheme: SignatureScheme, secret: string): void {
  switch (scheme) {
    case 'standard':
    case 'x-signature':
    case 'github':
      secretKey(secret);
      return;
    case 'standard-ed25519':
      ed25519PrivateKey(secret);
      return;
  }
}
