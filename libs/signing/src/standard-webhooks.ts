import { createHash, createHmac } from 'node:crypto';

/** Header names of the Standard Webhooks spec. */
export const WEBHOOK_HEADERS = {
  id: 'webhook-id',
  timestamp: 'webhook-timestamp',
  signature: 'webhook-signature',
} as const;

/**
 * The `webhook-id` of one (event, endpoint) pair. Deterministic, so every retry, replay and
 * duplicate of the same delivery carries the same id: it is the receiver's idempotency key.
 * Contains no `.` (the signed content is `id.timestamp.body`).
 */
export function webhookId(eventId: string, endpointId: string): string {
  return 'msg_' + createHash('sha256').update(`${eventId}\u0000${endpointId}`).digest('base64url').slice(0, 27);
}

/**
 * `v1,<base64 HMAC-SHA256(key, "<id>.<timestamp>.<body>")>` for each key, space-separated,
 * in the order given (newest secret first during rotation). The body is signed as the exact
 * bytes that are sent.
 */
export function signatureHeader(id: string, timestampSeconds: number, body: Buffer, keys: readonly Buffer[]): string {
  const prefix = Buffer.from(`${id}.${timestampSeconds}.`);
  return keys.map((key) => 'v1,' + createHmac('sha256', key).update(prefix).update(body).digest('base64')).join(' ');
}

/** All three Standard Webhooks headers for one attempt; the timestamp is fresh per attempt. */
export function standardWebhookHeaders(
  id: string,
  body: Buffer,
  keys: readonly Buffer[],
  now: Date = new Date(),
): Record<string, string> {
  const timestamp = Math.floor(now.getTime() / 1000);
  return {
    [WEBHOOK_HEADERS.id]: id,
    [WEBHOOK_HEADERS.timestamp]: String(timestamp),
    [WEBHOOK_HEADERS.signature]: signatureHeader(id, timestamp, body, keys),
  };
}
