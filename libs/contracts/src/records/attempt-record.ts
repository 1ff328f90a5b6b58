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

/**
 * Upper bound on the value of one combined attempt record, in UTF-16 units (at most 768 KiB of
 * UTF-8: Kafka refuses a record batch over 1 MiB).
 */
export const MAX_COMBINED_ATTEMPT_CHARS = 256 * 1024;

/**
 * Merges the attempt records of one produce request: the records of one key (endpoint) become
 * one record whose value is the JSON array of theirs, in order, each at most
 * MAX_COMBINED_ATTEMPT_CHARS (a longer run starts another). One Kafka record per endpoint and
 * request instead of one per attempt: the per-record work (kafkajs encoding, the broker's
 * validation, decoding in the attempt log) is paid once for many attempts. A record with headers
 * is left as it is. Keys keep their partition, so one endpoint's attempts stay in order.
 */
export function combineAttemptRecords(messages: Message[]): Message[] {
  if (messages.length < 2) return messages;
  type Run = { key: string; values: string[]; chars: number };
  const out: (Message | Run)[] = [];
  const open = new Map<string, Run>();
  for (const message of messages) {
    const value = message.value;
    if (message.headers || typeof value !== 'string' || message.key === null || message.key === undefined) {
      out.push(message);
      continue;
    }
    const key = String(message.key);
    let run = open.get(key);
    if (!run || run.chars + value.length + 1 > MAX_COMBINED_ATTEMPT_CHARS) {
      run = { key, values: [], chars: 2 };
      open.set(key, run);
      out.push(run);
    }
    run.values.push(value);
    run.chars += value.length + 1;
  }
  return out.map((entry) => ('values' in entry ? { key: entry.key, value: jsonArray(entry.values) } : entry));
}

/**
 * The JSON array of `values` (one value stays as it is) as one flat string: `join` writes its
 * result flat, while `[${…}]` would wrap it in a concatenation that the produce path then copies
 * again to measure and encode it. Takes over `values` (a run's own list): its ends get the brackets.
 */
function jsonArray(values: string[]): string {
  if (values.length === 1) return values[0];
  const last = values.length - 1;
  values[0] = '[' + values[0];
  values[last] = values[last] + ']';
  return values.join(',');
}

/** The attempts one record carries: one (as written by encodeAttemptRecord) or many (combined). */
export function decodeAttemptRecords(value: Buffer | null): AttemptRecord[] {
  if (!value) throw new Error('empty attempt record');
  const parsed: unknown = JSON.parse(value.toString('utf8'));
  if (Array.isArray(parsed)) return parsed as AttemptRecord[];
  if (parsed !== null && typeof parsed === 'object') return [parsed as AttemptRecord];
  throw new Error('an attempt record is a JSON object or an array of them');
}
