import type { IHeaders, Message } from 'kafkajs';
import { headerString, requireHeader, requireIntHeader } from './headers';

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

export function encodeDeliveryTask(task: DeliveryTask): Message {
  const headers: Record<string, string> = {
    'message-id': task.messageId,
    'event-id': task.eventId,
    'tenant-id': task.tenantId,
    'event-type': task.eventType,
    'endpoint-id': task.endpointId,
    'endpoint-version': String(task.endpointVersion),
    attempts: String(task.attempts),
    'published-at': String(task.publishedAt),
  };
  if (task.dueAt !== undefined) headers['due-at'] = String(task.dueAt);
  if (task.lastStatus !== undefined) headers['last-status'] = String(task.lastStatus);
  if (task.lastError !== undefined) headers['last-error'] = task.lastError.slice(0, 1024);
  return { key: task.endpointId, value: task.payload, headers };
}

export function decodeDeliveryTask(message: { value: Buffer | null; headers?: IHeaders }): DeliveryTask {
  const h = message.headers;
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
    payload: message.value ?? Buffer.alloc(0),
    dueAt: dueAt === undefined ? undefined : Number(dueAt),
    lastStatus: lastStatus === undefined ? undefined : Number(lastStatus),
    lastError: headerString(h, 'last-error'),
  };
}
