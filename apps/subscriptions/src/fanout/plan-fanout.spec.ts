import type { EventRecord } from '@webhooks/contracts';
import { webhookId } from '@webhooks/signing';
import { PayloadRuleCache } from './payload-rule.cache';
import { planFanout, type FanoutTarget } from './plan-fanout';

const event = (eventId: string, tenantId: string, eventType: string, payload: unknown = {}): EventRecord => ({
  eventId,
  tenantId,
  eventType,
  publishedAt: 1,
  payload: Buffer.from(typeof payload === 'string' ? payload : JSON.stringify(payload)),
});
const endpoint = (
  id: string,
  tenantId: string,
  eventTypes: string[],
  disabled = false,
  rules: Partial<FanoutTarget> = {},
): FanoutTarget => ({
  id,
  tenantId,
  eventTypes,
  disabled,
  pendingVerification: false,
  filter: null,
  transformation: null,
  version: 3,
  ...rules,
});

describe('planFanout', () => {
  it('creates one task per matching endpoint of the same tenant only', async () => {
    const plan = await planFanout(
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

  it('logs a skip instead of a task for a matching disabled endpoint', async () => {
    const plan = await planFanout([event('e1', 'acme', 'x')], [endpoint('a', 'acme', [], true)], { now: 42 });
    expect(plan.tasks).toEqual([]);
    expect(plan.skips).toEqual([
      expect.objectContaining({ endpointId: 'a', outcome: 'skipped', error: 'endpoint disabled', attemptedAt: 42 }),
    ]);
  });

  it('treats an endpoint pending verification like a disabled one', async () => {
    const plan = await planFanout(
      [event('e1', 'acme', 'x')],
      [endpoint('a', 'acme', [], false, { pendingVerification: true })],
    );
    expect(plan.tasks).toEqual([]);
    expect(plan.skips).toEqual([
      expect.objectContaining({ endpointId: 'a', outcome: 'skipped', error: 'endpoint pending verification' }),
    ]);
  });

  it('delivers only the events the payload filter matches, and logs nothing for the others', async () => {
    const filtered = endpoint('a', 'acme', [], false, { filter: { 'data.amount': { $gte: 100 } } });
    const plan = await planFanout(
      [
        event('big', 'acme', 'x', { data: { amount: 500 } }),
        event('small', 'acme', 'x', { data: { amount: 5 } }),
        event('missing', 'acme', 'x', {}),
        event('not-json', 'acme', 'x', 'not json'),
      ],
      [filtered, endpoint('b', 'acme', [])],
    );
    expect(plan.tasks.filter((t) => t.endpointId === 'a').map((t) => t.eventId)).toEqual(['big']);
    expect(plan.tasks.filter((t) => t.endpointId === 'b')).toHaveLength(4);
    expect(plan.skips).toEqual([]);
  });

  it('logs a disabled endpoint only for the events its filter matches', async () => {
    const plan = await planFanout(
      [event('e1', 'acme', 'x', { ok: true }), event('e2', 'acme', 'x', { ok: false })],
      [endpoint('a', 'acme', [], true, { filter: { ok: true } })],
    );
    expect(plan.skips.map((s) => s.eventId)).toEqual(['e1']);
  });

  it('sends the transformed bytes to an endpoint with a transformation, the original to the others', async () => {
    const payload = { data: { id: 'o1', items: [{ qty: 2, price: 5 }] } };
    const plan = await planFanout(
      [event('e1', 'acme', 'x', payload)],
      [
        endpoint('t', 'acme', [], false, {
          transformation: '{"order": data.id, "total": $sum(data.items.(qty*price))}',
        }),
        endpoint('plain', 'acme', []),
      ],
    );
    const byEndpoint = Object.fromEntries(plan.tasks.map((t) => [t.endpointId, JSON.parse(t.payload.toString())]));
    expect(byEndpoint).toEqual({ t: { order: 'o1', total: 10 }, plain: payload });
  });

  it('turns a failing transformation into a skipped attempt without stopping the batch', async () => {
    const plan = await planFanout(
      [event('e1', 'acme', 'x', { n: 'text' }), event('e2', 'acme', 'x', { n: 2 }), event('e3', 'acme', 'x', '[')],
      [endpoint('t', 'acme', [], false, { transformation: '{"double": n * 2}' })],
    );
    expect(plan.tasks.map((t) => [t.eventId, t.payload.toString()])).toEqual([['e2', '{"double":4}']]);
    expect(plan.skips.map((s) => [s.eventId, s.outcome])).toEqual([
      ['e1', 'skipped'],
      ['e3', 'skipped'],
    ]);
    expect(plan.skips[0].error).toMatch(/^transformation failed: .*(T2001|number)/);
    expect(plan.skips[1].error).toBe('transformation failed: the payload is not JSON');
  });

  it('skips every pair of an endpoint whose stored rule no longer compiles', async () => {
    const plan = await planFanout(
      [event('e1', 'acme', 'x')],
      [endpoint('a', 'acme', [], false, { transformation: '$eval("1")' })],
    );
    expect(plan.tasks).toEqual([]);
    expect(plan.skips[0].error).toMatch(/^stored rule no longer valid: transformation: /);
  });
});

describe('PayloadRuleCache', () => {
  it('compiles once per (endpoint, version) and not at all without rules', () => {
    const cache = new PayloadRuleCache();
    const target = endpoint('a', 'acme', [], false, { filter: { a: 1 } });
    const first = cache.rulesFor(target);
    expect(cache.rulesFor({ ...target })).toBe(first);
    expect(cache.rulesFor({ ...target, version: 4 })).not.toBe(first);
    expect(cache.rulesFor(endpoint('b', 'acme', []))).toEqual({});
  });

  it('stays bounded', () => {
    const cache = new PayloadRuleCache(2);
    const rules = [1, 2, 3].map((v) => cache.rulesFor(endpoint('a', 'acme', [], false, { filter: {}, version: v })));
    expect(cache.rulesFor(endpoint('a', 'acme', [], false, { filter: {}, version: 3 }))).toBe(rules[2]);
  });
});
