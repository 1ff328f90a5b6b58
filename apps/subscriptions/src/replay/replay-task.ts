import type { DeliveryTask } from '@webhooks/contracts';

/** What a replay needs to know about the message being sent again. */
export type ReplaySource = Pick<
  DeliveryTask,
  'messageId' | 'eventId' | 'tenantId' | 'eventType' | 'endpointId' | 'payload'
>;

/**
 * A fresh delivery task for a message sent again. It keeps the original `webhook-id` (the
 * receiver's idempotency key: a replay of something it did process must be recognisable) and
 * drops everything about the earlier attempts: attempt count 0, no due time, no last status.
 * It carries the endpoint's current version, so the dispatcher uses the current URL, secret and
 * policy. `publishedAt` restarts at the replay, because the retry policy's max age and the
 * latency metrics are measured from it: an old message replayed must still get its retries.
 */
export function replayTask(source: ReplaySource, endpointVersion: number, now = Date.now()): DeliveryTask {
  return {
    messageId: source.messageId,
    eventId: source.eventId,
    tenantId: source.tenantId,
    eventType: source.eventType,
    endpointId: source.endpointId,
    endpointVersion,
    attempts: 0,
    publishedAt: now,
    payload: source.payload,
  };
}
