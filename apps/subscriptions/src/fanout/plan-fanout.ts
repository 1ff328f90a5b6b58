import type { AttemptRecord, DeliveryTask, EventRecord } from '@webhooks/contracts';
import { PayloadRuleError } from '@webhooks/payload-rules';
import { webhookId } from '@webhooks/signing';
import { matchesEventType } from '../endpoints/event-type-filter';
import { PayloadRuleCache, type PayloadRuleSource } from './payload-rule.cache';

export interface FanoutTarget extends PayloadRuleSource {
  id: string;
  tenantId: string;
  eventTypes: string[];
  disabled: boolean;
  /** Has not echoed the ownership challenge yet: receives nothing, like a disabled endpoint. */
  pendingVerification: boolean;
  version: number;
}

export interface FanoutPlan {
  tasks: DeliveryTask[];
  /** (event, endpoint) pairs that match but will not be delivered, with the reason logged. */
  skips: AttemptRecord[];
}

export interface PlanOptions {
  /** Compiled rules shared across batches (the consumer keeps one); a fresh cache by default. */
  rules?: PayloadRuleCache;
  now?: number;
}

/** A payload parsed at most once per batch, and only when some endpoint's rules need it. */
type Parsed = { ok: true; value: unknown } | { ok: false };

/**
 * Resolves events to delivery tasks: one task per (event, live endpoint of the event's tenant
 * whose event types and payload filter match). A matching disabled or pending endpoint gets a
 * logged skip instead, so the delivery log explains every matching pair that was not delivered.
 *
 * A pair the payload filter rejects is not a match: it gets neither a task nor a log entry (as
 * Svix does). Logging it would write an attempt row for every event an endpoint chose not to
 * receive, which for a narrow filter is nearly every event of the tenant.
 *
 * An endpoint with a transformation gets the transformed bytes as its task's payload (signed and
 * sent as is). A transformation that fails on a payload is that pair's logged skip
 * (`transformation failed: …`): retrying cannot help, and the rest of the batch goes on.
 */
export async function planFanout(
  events: EventRecord[],
  endpoints: FanoutTarget[],
  options: PlanOptions = {},
): Promise<FanoutPlan> {
  const rules = options.rules ?? new PayloadRuleCache();
  const now = options.now ?? Date.now();
  const byTenant = new Map<string, FanoutTarget[]>();
  for (const endpoint of endpoints) {
    const list = byTenant.get(endpoint.tenantId) ?? [];
    list.push(endpoint);
    byTenant.set(endpoint.tenantId, list);
  }
  const plan: FanoutPlan = { tasks: [], skips: [] };
  for (const event of events) {
    let parsed: Parsed | undefined;
    const payload = (): Parsed => (parsed ??= parse(event.payload));
    for (const endpoint of byTenant.get(event.tenantId) ?? []) {
      if (!matchesEventType(endpoint.eventTypes, event.eventType)) continue;
      const messageId = webhookId(event.eventId, endpoint.id);
      const skip = (error: string) => plan.skips.push(skipRecord(event, endpoint.id, messageId, error, now));
      const compiled = rules.rulesFor(endpoint);
      if (compiled.filter) {
        const json = payload();
        if (!json.ok || !compiled.filter.matches(json.value)) continue;
      }
      if (endpoint.disabled) {
        skip('endpoint disabled');
        continue;
      }
      if (endpoint.pendingVerification) {
        skip('endpoint pending verification');
        continue;
      }
      if (compiled.invalid) {
        skip(compiled.invalid);
        continue;
      }
      let body = event.payload;
      if (compiled.transformation) {
        const json = payload();
        if (!json.ok) {
          skip('transformation failed: the payload is not JSON');
          continue;
        }
        try {
          body = await compiled.transformation.apply(json.value);
        } catch (error) {
          skip(transformationFailure(error));
          continue;
        }
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
        payload: body,
      });
    }
  }
  return plan;
}

function parse(payload: Buffer): Parsed {
  try {
    return { ok: true, value: JSON.parse(payload.toString('utf8')) as unknown };
  } catch {
    return { ok: false };
  }
}

function transformationFailure(error: unknown): string {
  const message = error instanceof PayloadRuleError ? error.message : String(error);
  return 'transformation failed: ' + message.replace(/^transformation: /, '');
}

function skipRecord(
  event: EventRecord,
  endpointId: string,
  messageId: string,
  error: string,
  now: number,
): AttemptRecord {
  return {
    messageId,
    eventId: event.eventId,
    tenantId: event.tenantId,
    eventType: event.eventType,
    endpointId,
    attempt: 0,
    outcome: 'skipped',
    statusCode: null,
    error,
    durationMs: 0,
    attemptedAt: now,
    publishedAt: event.publishedAt,
  };
}
