import type { AttemptRecord } from '@webhooks/contracts';
import type { EndpointFailureObservation } from '../endpoints/endpoint.repository';

/** Why an endpoint that answered 410 was disabled. */
export const GONE_REASON = 'gone (410)';

/** Why an endpoint that kept failing was disabled. */
export function failingReason(failingSince: Date): string {
  return `failing since ${failingSince.toISOString()}`;
}

export interface EndpointRef {
  endpointId: string;
  tenantId: string;
}

export interface EndpointHealthAssessment {
  /** Endpoints that answered 410 Gone: the receiver says the URL is gone for good, so stop now. */
  gone: EndpointRef[];
  /** Per endpoint with at least one attempt in the batch: how its run of failures changes. */
  observations: EndpointFailureObservation[];
}

/**
 * Reads one batch of attempt records for endpoint health. Any success ends an endpoint's run of
 * failures; a failure (`retrying` or `dead_lettered`) after the last success starts one at its
 * own attempt time, so the clock measures how long the endpoint has really been failing, not
 * when the log got round to it. Skips are not attempts and say nothing about the endpoint.
 * Attempt times decide the order: a non-ordered endpoint's attempts may be logged out of order.
 */
export function assessEndpointHealth(records: readonly AttemptRecord[]): EndpointHealthAssessment {
  const byEndpoint = new Map<string, { lastSuccess?: number; failures: number[] }>();
  const gone = new Map<string, EndpointRef>();
  for (const record of records) {
    if (record.outcome === 'skipped') continue;
    const entry = byEndpoint.get(record.endpointId) ?? { failures: [] };
    byEndpoint.set(record.endpointId, entry);
    if (record.outcome === 'delivered') {
      entry.lastSuccess = Math.max(entry.lastSuccess ?? -Infinity, record.attemptedAt);
      continue;
    }
    entry.failures.push(record.attemptedAt);
    if (record.outcome === 'dead_lettered' && record.statusCode === 410)
      gone.set(record.endpointId, { endpointId: record.endpointId, tenantId: record.tenantId });
  }
  const observations: EndpointFailureObservation[] = [];
  for (const [endpointId, { lastSuccess, failures }] of byEndpoint) {
    const since = failures.filter((at) => lastSuccess === undefined || at > lastSuccess);
    observations.push({
      endpointId,
      reset: lastSuccess !== undefined,
      failingFrom: since.length ? new Date(Math.min(...since)) : null,
    });
  }
  return { gone: [...gone.values()], observations };
}

/** Whether a run of failures that began at `failingSince` has lasted the allowed period. */
export function failingTooLong(failingSince: Date, now: number, disableAfterMs: number): boolean {
  return now - failingSince.getTime() >= disableAfterMs;
}
