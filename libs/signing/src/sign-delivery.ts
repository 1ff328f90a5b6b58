import { createHmac, sign } from 'node:crypto';
import { ed25519PrivateKey } from './ed25519-key';
import { secretKey } from './secret';
import type { SignatureScheme } from './signature-scheme';
import { signatureHeader, WEBHOOK_HEADERS } from './standard-webhooks';

/** Header names of the body-only schemes, lower-case as HTTP/2 sends them (HTTP header names are case-insensitive). */
export const X_SIGNATURE_HEADER = 'x-signature';
export const GITHUB_SIGNATURE_HEADER = 'x-hub-signature-256';

export interface SignDeliveryInput {
  scheme: SignatureScheme;
  /** Stable per (event, endpoint): the receiver's idempotency key. Must not contain `.`. */
  webhookId: string;
  /** The exact bytes POSTed. */
  body: Buffer;
  /** The endpoint's active secrets, newest first; more than one only during a rotation grace period. */
  secrets: readonly string[];
  /** The attempt time; each attempt is signed afresh. */
  now?: Date;
}

/**
 * The headers to add to one delivery POST. Every scheme sends `webhook-id` and `webhook-timestamp`
 * (dedupe and replay window); what is signed and with which secrets depends on the scheme:
 *
 * - `standard`: `webhook-signature: v1,<b64> v1,<b64>…`, one HMAC-SHA256 of `id.timestamp.body`
 *   per secret, newest first. During a rotation grace period both the new and the old signature are
 *   sent, so a receiver holding either secret verifies.
 * - `standard-ed25519`: `webhook-signature: v1a,<b64>…`, one ed25519 signature of `id.timestamp.body`
 *   per `whsk_` secret, newest first; same rotation rule.
 * - `x-signature` and `github`: one `sha256=<hex>` HMAC of the body only, with the NEWEST secret only.
 *   These formats carry a single signature and off-the-shelf verifiers compare the whole header
 *   value, so a list would break them; zero-downtime rotation is done on the receiver side (accept
 *   the old and the new secret until the switch is over). The id and timestamp are not signed here.
 *   - `x-signature` keys the HMAC with the `whsec_` secret's decoded bytes, as `standard` does.
 *   - `github` keys it with the secret string itself (UTF-8, prefix included), as GitHub does, so
 *     receivers written from GitHub's "Validating webhook deliveries" page work unchanged.
 */
export function signDelivery(input: SignDeliveryInput): Record<string, string> {
  const { scheme, webhookId, body, secrets } = input;
  if (secrets.length === 0) throw new Error('at least one secret is required to sign a delivery');
  const timestamp = Math.floor((input.now ?? new Date()).getTime() / 1000);
  const common = { [WEBHOOK_HEADERS.id]: webhookId, [WEBHOOK_HEADERS.timestamp]: String(timestamp) };
  const newest = secrets[0];
  switch (scheme) {
    case 'standard':
      return {
        ...common,
        [WEBHOOK_HEADERS.signature]: signatureHeader(webhookId, timestamp, body, secrets.map(secretKey)),
      };
    case 'standard-ed25519':
      return {
        ...common,
        [WEBHOOK_HEADERS.signature]: ed25519SignatureHeader(webhookId, timestamp, body, secrets),
      };
    case 'x-signature':
      return { ...common, [X_SIGNATURE_HEADER]: 'sha256=' + hmacHex(secretKey(newest), body) };
    case 'github':
      // Validated as a whsec_ secret like every HMAC scheme, then used as GitHub does: the string is the key.
      secretKey(newest);
      return { ...common, [GITHUB_SIGNATURE_HEADER]: 'sha256=' + hmacHex(Buffer.from(newest, 'utf8'), body) };
  }
}

/** `v1a,<base64 ed25519 signature of "id.timestamp.body">` per secret, space-separated, in the order given. */
export function ed25519SignatureHeader(
  id: string,
  timestampSeconds: number,
  body: Buffer,
  secrets: readonly string[],
): string {
  const signed = Buffer.concat([Buffer.from(`${id}.${timestampSeconds}.`), body]);
  return secrets.map((secret) => 'v1a,' + sign(null, signed, ed25519PrivateKey(secret)).toString('base64')).join(' ');
}

function hmacHex(key: Buffer, body: Buffer): string {
  return createHmac('sha256', key).update(body).digest('hex');
}
