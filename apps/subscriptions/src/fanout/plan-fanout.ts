import type { AttemptRecord, DeliveryTask, EventRecord } from '@webhooks/contracts';
import { webhookId } from '@webhooks/signing';
import { matchesEventType } from '../endpoints/event-type-filter';

export interface FanoutTarget {
  id: string;
  tenantId: string;
  eventTypes: string[];
  disabled: boolean;
  version: number;
}

export interface FanoutPlan {
  tasks: DeliveryTask[];
  /** (event, endpoint) pairs that match but will not be delivered, with the reason logged. */
  skips: AttemptRecord[];
}

/**
 * Resolves events to delivery tasks: one task per (event, live endpoint of the event's tenant
 * whose filter matches). A matching disabled endpoint gets a logged skip instead, so the
 * delivery log explains every pair that was not delivered.
 */
export function planFanout(events: EventRecord[], endpoints: FanoutTarget[], now = Date.now()): FanoutPlan {
  const byTenant = new Map<string, FanoutTarget[]>();
  for (const endpoint of endpoints) {
    const list = byTenant.get(endpoint.tenantId) ?? [];
    list.push(endpoint);
    byTenant.set(endpoint.tenantId, list);
  }
  const plan: FanoutPlan = { tasks: [], skips: [] };
  for (const event of events) {
    for (const endpoint of byTenant.get(event.tenantId) ?? []) {
      if (!matchesEventType(endpoint.eventTypes, event.eventType)) continue;
      const messageId = webhookId(event.eventId, endpoint.id);
      if (endpoint.disabled) {
        plan.skips.push({
          messageId,
          eventId: event.eventId,
          tenantId: event.tenantId,
          eventType: event.eventType,
          endpointId: endpoint.id,
          attempt: 0,
          outcome: 'skipped',
          statusCode: null,
          error: 'endpoint disabled',
          durationMs: 0,
          attemptedAt: now,
          publishedAt: event.publishedAt,
        });
        continue;
      }
      plan.tasks.push({
        messageId,
        eventId: event.eventId,
        tenantId: event.tenantId,
        eventType: event.eventType,
        endpointId: endpoint.id,
        endpointVersion: endpoint.version,
        attempts: 0,
        publishedAt: event.publishedAt,
        payload: event.payload,
      });
    }
  }
  return plan;
}
