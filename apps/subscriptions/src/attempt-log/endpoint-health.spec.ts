import type { AttemptOutcome, AttemptRecord } from '@webhooks/contracts';
import { assessEndpointHealth, failingReason, failingTooLong, GONE_REASON } from './endpoint-health';

function attempt(
  endpointId: string,
  outcome: AttemptOutcome,
  attemptedAt: number,
  statusCode: number | null = null,
): AttemptRecord {
  return {
    messageId: `msg_${attemptedAt}`,
    eventId: `evt_${attemptedAt}`,
    tenantId: 'acme',
    eventType: 'invoice.paid',
    endpointId,
    attempt: 1,
    outcome,
    statusCode,
    error: null,
    durationMs: 1,
    attemptedAt,
    publishedAt: 0,
  };
}

describe('endpoint health', () => {
  it('starts a run of failures at the earliest failure when no success was seen', () => {
    const { observations, gone } = assessEndpointHealth([
      attempt('a', 'retrying', 20, 500),
      attempt('a', 'dead_lettered', 10, 500),
    ]);
    expect(observations).toEqual([{ endpointId: 'a', reset: false, failingFrom: new Date(10) }]);
    expect(gone).toEqual([]);
  });

  it('resets on any success; only failures after the last success count', () => {
    const { observations } = assessEndpointHealth([
      attempt('a', 'retrying', 10, 500),
      attempt('a', 'delivered', 20, 200),
      attempt('a', 'retrying', 40, 503),
      attempt('a', 'retrying', 30, null),
      attempt('b', 'retrying', 5, 500),
      attempt('b', 'delivered', 6, 200),
    ]);
    expect(observations).toEqual([
      { endpointId: 'a', reset: true, failingFrom: new Date(30) },
      { endpointId: 'b', reset: true, failingFrom: null },
    ]);
  });

  it('flags 410 dead letters as gone, and ignores skips', () => {
    const { observations, gone } = assessEndpointHealth([
      attempt('a', 'dead_lettered', 10, 410),
      attempt('a', 'dead_lettered', 11, 410),
      attempt('b', 'retrying', 10, 410),
      attempt('c', 'skipped', 10),
    ]);
    expect(gone).toEqual([{ endpointId: 'a', tenantId: 'acme' }]);
    expect(observations.map((o) => o.endpointId)).toEqual(['a', 'b']);
  });

  it('disables once the run of failures has lasted the period, not before', () => {
    const since = new Date(1_000);
    expect(failingTooLong(since, 1_000 + 4_999, 5_000)).toBe(false);
    expect(failingTooLong(since, 1_000 + 5_000, 5_000)).toBe(true);
    expect(failingReason(since)).toBe('failing since 1970-01-01T00:00:01.000Z');
    expect(GONE_REASON).toContain('410');
  });
});
