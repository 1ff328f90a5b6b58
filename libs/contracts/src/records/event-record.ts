import type { IHeaders, Message } from 'kafkajs';
import { requireHeader, requireIntHeader } from './headers';

/**
 * An accepted event on `webhooks.events`, keyed by tenant. The payload travels as the record
 * value, untouched; everything else rides in headers so no hop has to parse the JSON body.
 */
export interface EventRecord {
  eventId: string;
  tenantId: string;
  eventType: string;
  /** Epoch ms at which ingestion accepted the event: start of the publish→delivery clock. */
  publishedAt: number;
  payload: Buffer;
}

export function encodeEventRecord(event: EventRecord): Message {
  return {
    key: event.tenantId,
    value: event.payload,
    headers: {
      'event-id': event.eventId,
      'tenant-id': event.tenantId,
      'event-type': event.eventType,
      'published-at': String(event.publishedAt),
    },
  };
}

export function decodeEventRecord(message: { value: Buffer | null; headers?: IHeaders }): EventRecord {
  return {
    eventId: requireHeader(message.headers, 'event-id'),
    tenantId: requireHeader(message.headers, 'tenant-id'),
    eventType: requireHeader(message.headers, 'event-type'),
    publishedAt: requireIntHeader(message.headers, 'published-at'),
    payload: message.value ?? Buffer.alloc(0),
  };
}
