import type { IHeaders, Message } from 'kafkajs';
import { headerString, PoisonRecordError, requireHeader, requireIntHeader } from './headers';

/**
 * One (event, endpoint) delivery on `webhooks.deliveries`, keyed by endpoint id so every task
 * of an endpoint is owned by one dispatcher. The same record shape moves through the delay
 * tiers and into the DLQ; only the scheduling headers change.
 */
export interface DeliveryTask {
  /** `webhook-id`: stable for the (event, endpoint) pair across retries and replays. */
  messageId: string;
  eventId: string;
  tenantId: string;
  eventType: string;
  endpointId: string;
  /** Endpoint version the fan-out resolved; the dispatcher waits until its view is this new. */
  endpointVersion: number;
  /** Attempts already made (0 for a fresh task). Throttling moves never count. */
  attempts: number;
  publishedAt: number;
  payload: Buffer;
  /** Epoch ms before which the task must not be attempted (set on delay-tier records). */
  dueAt?: number;
  /** Outcome of the most recent attempt (carried into the DLQ). */
  lastStatus?: number;
  lastError?: string;
}

/**
 * The header carrying a task's metadata: one JSON object (every field of the task but the payload;
 * absent optional fields are left out). One header rather than one per field because kafkajs
 * encodes every header with its own 512-byte zero-filled buffer and decodes it into its own
 * Buffer: with the eight headers of the first format, encoding a task took 27–30 µs and decoding
 * it 5.6–5.9 µs; with one, 10–12 µs and 2.6–2.8 µs (`test/bench/micro/task-record.ts`) — a fifth of
 * the fan-out's CPU per delivery.
 */
export const TASK_HEADER = 'task';

/** `lastError` is cut to this many characters on the wire. */
const MAX_LAST_ERROR = 1024;

export function encodeDeliveryTask(task: DeliveryTask): Message {
  const meta: Omit<DeliveryTask, 'payload'> = {
    messageId: task.messageId,
    eventId: task.eventId,
    tenantId: task.tenantId,
    eventType: task.eventType,
    endpointId: task.endpointId,
    endpointVersion: task.endpointVersion,
    attempts: task.attempts,
    publishedAt: task.publishedAt,
    dueAt: task.dueAt,
    lastStatus: task.lastStatus,
    lastError: task.lastError?.slice(0, MAX_LAST_ERROR),
  };
  return { key: task.endpointId, value: task.payload, headers: { [TASK_HEADER]: JSON.stringify(meta) } };
}

/**
 * Reads a task in either format: the `task` header, or — records written before it, still in the
 * delay tiers or the DLQ — one header per field (`message-id`, `event-id`, …, `published-at`).
 * Throws PoisonRecordError, naming the field, when a required field is missing or malformed.
 */
export function decodeDeliveryTask(message: { value: Buffer | null; headers?: IHeaders }): DeliveryTask {
  const payload = message.value ?? Buffer.alloc(0);
  const compact = headerString(message.headers, TASK_HEADER);
  return compact === undefined ? decodeFieldHeaders(message.headers, payload) : decodeTaskHeader(compact, payload);
}

function decodeTaskHeader(json: string, payload: Buffer): DeliveryTask {
  let meta: unknown;
  try {
    meta = JSON.parse(json);
  } catch {
    throw new PoisonRecordError(`header "${TASK_HEADER}" is not JSON`);
  }
  if (typeof meta !== 'object' || meta === null || Array.isArray(meta))
    throw new PoisonRecordError(`header "${TASK_HEADER}" is not a JSON object`);
  const m = meta as Record<string, unknown>;
  return {
    messageId: requireText(m, 'messageId'),
    eventId: requireText(m, 'eventId'),
    tenantId: requireText(m, 'tenantId'),
    eventType: requireText(m, 'eventType'),
    endpointId: requireText(m, 'endpointId'),
    endpointVersion: requireInt(m, 'endpointVersion'),
    attempts: requireInt(m, 'attempts'),
    publishedAt: requireInt(m, 'publishedAt'),
    payload,
    dueAt: m.dueAt === undefined ? undefined : requireInt(m, 'dueAt'),
    lastStatus: m.lastStatus === undefined ? undefined : requireInt(m, 'lastStatus'),
    lastError: m.lastError === undefined ? undefined : requireText(m, 'lastError', true),
  };
}

function requireText(meta: Record<string, unknown>, field: string, emptyAllowed = false): string {
  const value = meta[field];
  if (typeof value !== 'string' || (!emptyAllowed && value === ''))
    throw new PoisonRecordError(`header "${TASK_HEADER}": "${field}" is missing or not a non-empty string`);
  return value;
}

function requireInt(meta: Record<string, unknown>, field: string): number {
  const value = meta[field];
  if (typeof value !== 'number' || !Number.isSafeInteger(value))
    throw new PoisonRecordError(`header "${TASK_HEADER}": "${field}" is missing or not an integer`);
  return value;
}

/** The first format: one Kafka header per field, numbers as decimal strings. */
function decodeFieldHeaders(h: IHeaders | undefined, payload: Buffer): DeliveryTask {
  const dueAt = headerString(h, 'due-at');
  const lastStatus = headerString(h, 'last-status');
  return {
    messageId: requireHeader(h, 'message-id'),
    eventId: requireHeader(h, 'event-id'),
    tenantId: requireHeader(h, 'tenant-id'),
    eventType: requireHeader(h, 'event-type'),
    endpointId: requireHeader(h, 'endpoint-id'),
    endpointVersion: requireIntHeader(h, 'endpoint-version'),
    attempts: requireIntHeader(h, 'attempts'),
    publishedAt: requireIntHeader(h, 'published-at'),
    payload,
    dueAt: dueAt === undefined ? undefined : Number(dueAt),
    lastStatus: lastStatus === undefined ? undefined : Number(lastStatus),
    lastError: headerString(h, 'last-error'),
  };
}
