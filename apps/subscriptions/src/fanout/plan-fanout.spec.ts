import type { EventRecord } from '@webhooks/contracts';
import { webhookId } from '@webhooks/signing';
import { planFanout, type FanoutTarget } from './plan-fanout';

const event = (eventId: string, tenantId: string, eventType: string): EventRecord => ({
  eventId,
  tenantId,
  eventType,
  publishedAt: 1,
  payload: Buffer.from('{}'),
});
const endpoint = (id: string, tenantId: string, eventTypes: string[], disabled = false): FanoutTarget => ({
  id,
  tenantId,
  eventTypes,
  disabled,
  version: 3,
});

describe('planFanout', () => {
  it('creates one task per matching endpoint of the same tenant only', () => {
    const plan = planFanout(
      [event('e1', 'acme', 'invoice.paid'), event('e2', 'globex', 'invoice.paid')],
      [endpoint('a', 'acme', ['invoice.*']), endpoint('b', 'acme', ['user.created']), endpoint('c', 'globex', [])],
    );
    expect(plan.tasks.map((t) => [t.eventId, t.endpointId])).toEqual([
      ['e1', 'a'],
      ['e2', 'c'],
    ]);
    expect(plan.tasks[0]).toMatchObject({ messageId: webhookId('e1', 'a'), attempts: 0, endpointVersion: 3 });
    expect(plan.skips).toEqual([]);
  });

  it('logs a skip instead of a task for a matching disabled endpoint', () => {
    const plan = planFanout([event('e1', 'acme', 'x')], [endpoint('a', 'acme', [], true)], 42);
    expect(plan.tasks).toEqual([]);
    expect(plan.skips).toEqual([
      expect.objectContaining({ endpointId: 'a', outcome: 'skipped', error: 'endpoint disabled', attemptedAt: 42 }),
    ]);
  });
});
