import type { Message } from 'kafkajs';

/** What happened to one delivery attempt (or a skip), as logged on `webhooks.attempts`. */
export type AttemptOutcome = 'delivered' | 'retrying' | 'dead_lettered' | 'skipped';

export interface AttemptRecord {
  messageId: string;
  eventId: string;
  tenantId: string;
  eventType: string;
  endpointId: string;
  /** 1-based attempt number; 0 for skips, which are not attempts. */
  attempt: number;
  outcome: AttemptOutcome;
  /** HTTP status, or null when no response arrived (timeout, connection error, skip). */
  statusCode: number | null;
  error: string | null;
  durationMs: number;
  attemptedAt: number;
  publishedAt: number;
  /** The request headers sent (signatures included: they are not secret); absent for skips. */
  requestHeaders?: Record<string, string>;
  /** The first bytes of the response body, as capped by the dispatcher; absent when none arrived. */
  responseBody?: string;
}

export function encodeAttemptRecord(record: AttemptRecord): Message {
  return { key: record.endpointId, value: JSON.stringify(record) };
}

export function decodeAttemptRecord(value: Buffer | null): AttemptRecord {
  if (!value) throw new Error('empty attempt record');
  return JSON.parse(value.toString('utf8')) as AttemptRecord;
}
