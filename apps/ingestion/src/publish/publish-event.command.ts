import { createHash, randomBytes } from 'node:crypto';
import type { PublishRequest__Output } from '@webhooks/contracts';
import { IngestionException } from '../ingestion.exception';

const TENANT_ID = /^[A-Za-z0-9_-]{1,64}$/;
const EVENT_TYPE = /^[A-Za-z0-9_-]+(\.[A-Za-z0-9_-]+)*$/;
const MAX_EVENT_TYPE = 128;
const MAX_IDEMPOTENCY_KEY = 256;
const utf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * One validated event to publish. Construction is validation: an invalid request never
 * becomes a command, and the error names the field (prefixed, e.g. `events[3].payload`).
 */
export class PublishEventCommand {
  private constructor(
    readonly eventId: string,
    readonly tenantId: string,
    readonly eventType: string,
    readonly payload: Buffer,
    /** The payload parsed (validation parses it anyway), for the event type's schema check. */
    readonly json: unknown,
  ) {}

  static from(
    request: PublishRequest__Output,
    limits: { maxPayloadBytes: number },
    fieldPrefix = '',
  ): PublishEventCommand {
    const field = (name: string) => fieldPrefix + name;
    const tenantId = request.tenantId ?? '';
    if (!tenantId) throw IngestionException.invalid(field('tenant_id'), 'is required');
    if (!TENANT_ID.test(tenantId))
      throw IngestionException.invalid(field('tenant_id'), 'must match [A-Za-z0-9_-]{1,64}');

    const eventType = request.eventType ?? '';
    if (!eventType) throw IngestionException.invalid(field('event_type'), 'is required');
    if (eventType.length > MAX_EVENT_TYPE || !EVENT_TYPE.test(eventType)) {
      throw IngestionException.invalid(
        field('event_type'),
        `must be dot-separated words of [A-Za-z0-9_-], at most ${MAX_EVENT_TYPE} characters`,
      );
    }

    const payload = Buffer.isBuffer(request.payload) ? request.payload : Buffer.from(request.payload ?? []);
    if (payload.length === 0) throw IngestionException.invalid(field('payload'), 'is required');
    if (payload.length > limits.maxPayloadBytes) {
      throw IngestionException.invalid(
        field('payload'),
        `is ${payload.length} bytes; the limit is ${limits.maxPayloadBytes}`,
      );
    }
    let text: string;
    try {
      text = utf8.decode(payload);
    } catch {
      throw IngestionException.invalid(field('payload'), 'is not valid UTF-8');
    }
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch (error) {
      throw IngestionException.invalid(field('payload'), `is not valid JSON (${(error as Error).message})`);
    }

    const key = request.idempotencyKey ?? '';
    if (key.length > MAX_IDEMPOTENCY_KEY) {
      throw IngestionException.invalid(field('idempotency_key'), `is longer than ${MAX_IDEMPOTENCY_KEY} characters`);
    }
    return new PublishEventCommand(eventIdFor(tenantId, key), tenantId, eventType, payload, json);
  }
}

/**
 * The event id. With an idempotency key it is derived from (tenant, key), so a publish retried
 * after a lost answer produces the same id — and therefore the same `webhook-id` at every
 * endpoint, which receivers deduplicate on. Without a key it is random and time-ordered.
 */
export function eventIdFor(tenantId: string, idempotencyKey: string): string {
  if (idempotencyKey) {
    return 'evt_' + createHash('sha256').update(`${tenantId}\u0000${idempotencyKey}`).digest('base64url').slice(0, 27);
  }
  return 'evt_' + Date.now().toString(36).padStart(9, '0') + randomBytes(12).toString('base64url');
}
