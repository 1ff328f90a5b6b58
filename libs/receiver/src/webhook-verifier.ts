import { createHmac, createPublicKey, timingSafeEqual, verify, type KeyObject } from 'node:crypto';
import { MemoryDedupeStore, type DedupeStore } from './dedupe-store';
import { WebhookVerificationError } from './webhook-verification.exception';

/** The signature schemes a delivery can carry (see docs/signatures.md). */
export type SignatureScheme = 'standard' | 'standard-ed25519' | 'x-signature' | 'github';

interface CommonOptions {
  /** How far `webhook-timestamp` may be from now, either way. Default 300 (5 minutes). */
  toleranceSeconds?: number;
  /**
   * Where accepted `webhook-id`s are remembered. Default: a `MemoryDedupeStore` (one process);
   * pass a shared store when several processes receive, or `false` to dedupe yourself.
   */
  dedupe?: DedupeStore | false;
  /** Milliseconds since the epoch; injectable for tests. */
  clock?: () => number;
}

export type WebhookVerifierOptions =
  | (CommonOptions & {
      scheme: 'standard' | 'x-signature' | 'github';
      /** The endpoint's `whsec_…` secret; pass two while you rotate it (either one verifies). */
      secret: string | readonly string[];
    })
  | (CommonOptions & {
      scheme: 'standard-ed25519';
      /** The endpoint's `whpk_…` public key; pass two while it is rotated. */
      publicKey: string | readonly string[];
    });

/** Request headers as Node (`req.headers`) or fetch (`Headers`) gives them. */
export type WebhookHeaders =
  | Readonly<Record<string, string | readonly string[] | undefined>>
  | { get(name: string): string | null };

export interface VerifiedWebhook<T = unknown> {
  /** The parsed JSON body. */
  payload: T;
  /** The idempotency key: the same for every retry of one delivery. */
  webhookId: string;
  /** `webhook-timestamp`: when this attempt was sent, in Unix seconds. */
  timestamp: number;
}

const DEFAULT_TOLERANCE_SECONDS = 300;
const WHSEC = 'whsec_';
const WHPK = 'whpk_';
const BASE64 = /^[A-Za-z0-9+/]+={0,2}$/;

/** Checks one key of the configured scheme against the header's signatures. */
type SignatureCheck = (signed: SignedParts) => boolean;

interface SignedParts {
  id: string;
  timestamp: string;
  body: Buffer;
  /** Every candidate in the signature header. */
  signatures: string[];
}

/**
 * Verifies our webhook deliveries in a customer's app, framework-free. In order:
 * 1. the id, timestamp and signature headers are present;
 * 2. the timestamp is within `toleranceSeconds` of now, both ways (a replayed old delivery, or a
 *    clock far off, is refused);
 * 3. one of the header's signatures verifies with one of the configured keys, compared in
 *    constant time (several are sent while the sender rotates its secret);
 * 4. the body parses as JSON;
 * 5. only then (`verify`, not `verifySignature`) is the `webhook-id` claimed in the dedupe store,
 *    so unsigned requests can never fill the store or burn a genuine id.
 *
 * For `x-signature` and `github` the signature covers the body only: the id and timestamp are
 * checked but not authenticated, so an attacker who captured a delivery can replay it with fresh
 * headers. Prefer `standard` or `standard-ed25519` where replay matters.
 */
export class WebhookVerifier {
  readonly scheme: SignatureScheme;
  private readonly checks: SignatureCheck[];
  private readonly toleranceSeconds: number;
  private readonly dedupe: DedupeStore | undefined;
  private readonly clock: () => number;

  constructor(options: WebhookVerifierOptions) {
    this.scheme = options.scheme;
    this.toleranceSeconds = options.toleranceSeconds ?? DEFAULT_TOLERANCE_SECONDS;
    if (!(this.toleranceSeconds > 0)) throw new Error('toleranceSeconds must be positive');
    this.clock = options.clock ?? Date.now;
    this.dedupe = options.dedupe === false ? undefined : (options.dedupe ?? new MemoryDedupeStore());
    this.checks = checksFor(options);
  }

  /** How long an accepted id is remembered: a delivery's timestamp is acceptable for 2 × tolerance. */
  get dedupeTtlSeconds(): number {
    return 2 * this.toleranceSeconds;
  }

  /** Steps 1–4 (no dedupe). Throws `WebhookVerificationError`. */
  verifySignature<T = unknown>(headers: WebhookHeaders, rawBody: Buffer | string): VerifiedWebhook<T> {
    const body = bodyBytes(rawBody);
    const id = required(headers, 'webhook-id');
    const timestampHeader = required(headers, 'webhook-timestamp');
    const signatureHeader = required(headers, signatureHeaderName(this.scheme));
    const timestamp = this.checkTimestamp(timestampHeader);
    const parts: SignedParts = {
      id,
      timestamp: timestampHeader,
      body,
      signatures: splitSignatures(this.scheme, signatureHeader),
    };
    if (!this.checks.some((check) => check(parts))) {
      throw new WebhookVerificationError('bad_signature', 'no signature matches the configured key');
    }
    let payload: T;
    try {
      payload = JSON.parse(body.toString('utf8')) as T;
    } catch (_error) {
      throw new WebhookVerificationError('invalid_payload', 'body is not JSON');
    }
    return { payload, webhookId: id, timestamp };
  }

  /** Steps 1–5. A `webhook-id` already accepted within the TTL throws reason `duplicate`. */
  async verify<T = unknown>(headers: WebhookHeaders, rawBody: Buffer | string): Promise<VerifiedWebhook<T>> {
    const verified = this.verifySignature<T>(headers, rawBody);
    if (this.dedupe && !(await this.dedupe.claim(verified.webhookId, this.dedupeTtlSeconds))) {
      throw new WebhookVerificationError('duplicate', 'this webhook-id was already accepted');
    }
    return verified;
  }

  /** Forgets an accepted id so the sender's retry is processed; call it when handling failed. */
  async release(webhookId: string): Promise<void> {
    await this.dedupe?.release(webhookId);
  }

  private checkTimestamp(value: string): number {
    if (!/^\d{1,12}$/.test(value))
      throw new WebhookVerificationError('malformed_header', 'webhook-timestamp is not Unix seconds');
    const timestamp = Number(value);
    const now = Math.floor(this.clock() / 1000);
    if (timestamp < now - this.toleranceSeconds) {
      throw new WebhookVerificationError('timestamp_too_old', 'webhook-timestamp is outside the tolerance');
    }
    if (timestamp > now + this.toleranceSeconds) {
      throw new WebhookVerificationError('timestamp_in_future', 'webhook-timestamp is outside the tolerance');
    }
    return timestamp;
  }
}

function signatureHeaderName(scheme: SignatureScheme): string {
  switch (scheme) {
    case 'standard':
    case 'standard-ed25519':
      return 'webhook-signature';
    case 'x-signature':
      return 'x-signature';
    case 'github':
      return 'x-hub-signature-256';
  }
}

/** One check per configured key; keys are parsed once, and a bad one fails at construction. */
function checksFor(options: WebhookVerifierOptions): SignatureCheck[] {
  switch (options.scheme) {
    case 'standard':
      return list(options.secret).map((secret) => {
        const key = hmacKey(secret);
        return (p) => {
          const expected = hmac(key, Buffer.from(`${p.id}.${p.timestamp}.`), p.body);
          return candidates(p.signatures, 'v1,').some((c) => constantTimeEqual(Buffer.from(c, 'base64'), expected));
        };
      });
    case 'standard-ed25519':
      return list(options.publicKey).map((publicKey) => {
        const key = ed25519Key(publicKey);
        return (p) => {
          const signed = Buffer.concat([Buffer.from(`${p.id}.${p.timestamp}.`), p.body]);
          return candidates(p.signatures, 'v1a,').some((c) => verify(null, signed, key, Buffer.from(c, 'base64')));
        };
      });
    case 'x-signature':
    case 'github':
      return list(options.secret).map((secret) => {
        // x-signature keys the HMAC with the decoded whsec_ bytes; github (as GitHub does) with the string.
        const decoded = hmacKey(secret);
        const key = options.scheme === 'github' ? Buffer.from(secret, 'utf8') : decoded;
        return (p) => {
          const expected = hmac(key, p.body);
          return candidates(p.signatures, 'sha256=').some((c) =>
            constantTimeEqual(Buffer.from(/^[0-9a-f]+$/i.test(c) ? c : '', 'hex'), expected),
          );
        };
      });
  }
}

/**
 * Standard Webhooks lists signatures space-separated (`v1,<b64> v1,<b64>`); the `sha256=` headers
 * carry one, but a comma- or space-separated list is accepted too.
 */
function splitSignatures(scheme: SignatureScheme, header: string): string[] {
  const separator = signatureHeaderName(scheme) === 'webhook-signature' ? /\s+/ : /[\s,]+/;
  return header.split(separator).filter((s) => s.length > 0);
}

function list(value: string | readonly string[]): readonly string[] {
  const values = typeof value === 'string' ? [value] : value;
  if (values.length === 0) throw new Error('at least one key is required');
  return values;
}

function candidates(signatures: readonly string[], prefix: string): string[] {
  return signatures.filter((s) => s.startsWith(prefix)).map((s) => s.slice(prefix.length));
}

/** Configuration errors name the rule, never the secret. */
function hmacKey(secret: string): Buffer {
  if (!secret.startsWith(WHSEC)) throw new Error(`secret must start with "${WHSEC}"`);
  const encoded = secret.slice(WHSEC.length);
  const key = BASE64.test(encoded) ? Buffer.from(encoded, 'base64') : Buffer.alloc(0);
  if (key.length < 24 || key.length > 64) throw new Error('secret must be whsec_ + base64 of 24..64 bytes');
  return key;
}

function ed25519Key(publicKey: string): KeyObject {
  if (!publicKey.startsWith(WHPK)) throw new Error(`public key must start with "${WHPK}"`);
  const encoded = publicKey.slice(WHPK.length);
  const raw = BASE64.test(encoded) ? Buffer.from(encoded, 'base64') : Buffer.alloc(0);
  if (raw.length !== 32) throw new Error('public key must be whpk_ + base64 of 32 bytes');
  return createPublicKey({ key: { kty: 'OKP', crv: 'Ed25519', x: raw.toString('base64url') }, format: 'jwk' });
}

function hmac(key: Buffer, ...parts: Buffer[]): Buffer {
  const mac = createHmac('sha256', key);
  for (const part of parts) mac.update(part);
  return mac.digest();
}

/** Constant time for equal lengths; a length mismatch reveals only the length, which is public. */
function constantTimeEqual(actual: Buffer, expected: Buffer): boolean {
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}

function bodyBytes(rawBody: unknown): Buffer {
  if (Buffer.isBuffer(rawBody)) return rawBody;
  if (typeof rawBody === 'string') return Buffer.from(rawBody, 'utf8');
  // A parsed object means a JSON parser ran first: re-serialising it would not give the signed bytes.
  throw new TypeError('rawBody must be the unparsed body (Buffer or string), not a parsed object');
}

function required(headers: WebhookHeaders, name: string): string {
  const value = readHeader(headers, name);
  if (value === undefined || value.trim() === '') {
    throw new WebhookVerificationError('missing_header', `${name} header is missing`);
  }
  return value.trim();
}

function readHeader(headers: WebhookHeaders, name: string): string | undefined {
  if (typeof headers.get === 'function')
    return (headers as { get(name: string): string | null }).get(name) ?? undefined;
  const record = headers as Readonly<Record<string, string | readonly string[] | undefined>>;
  let value = record[name];
  if (value === undefined) {
    const key = Object.keys(record).find((k) => k.toLowerCase() === name);
    value = key === undefined ? undefined : record[key];
  }
  return typeof value === 'string' ? value : value?.join(' ');
}
