import type { DeliveryTask, EndpointView } from '@webhooks/contracts';
import { backlogPolicy, EndpointLane, type LaneLimits } from './endpoint-lane';

const limits: LaneLimits = { maxInFlight: 4, maxBacklog: 20, horizonMs: 2_000 };

function view(delivery: Partial<EndpointView['delivery']> = {}): EndpointView {
  return {
    id: 'ep_1',
    tenantId: 't',
    url: 'https://example.com',
    signatureScheme: 'standard',
    secrets: [],
    headers: {},
    disabled: false,
    deleted: false,
    version: 1,
    delivery: { retry: {} as EndpointView['delivery']['retry'], rateLimit: null, ordered: false, ...delivery },
  };
}

const task = (n: number) => ({ messageId: `msg_${n}` }) as DeliveryTask;

/** A lane whose requests end when the test says so. */
function lane() {
  const running: (() => void)[] = [];
  const shed: string[] = [];
  const done: string[] = [];
  const endpointLane = new EndpointLane(
    {
      run: () => new Promise((resolve) => running.push(() => resolve({ durable: Promise.resolve() }))),
      shed: (t, _waitMs, reason) => {
        shed.push(`${t.messageId}:${reason}`);
        return Promise.resolve();
      },
    },
    limits,
  );
  const push = (n: number, v = view()) => endpointLane.push(task(n), v, () => done.push(task(n).messageId));
  return { lane: endpointLane, running, shed, done, push };
}

const settle = () => new Promise((resolve) => setImmediate(resolve));

describe('backlogPolicy', () => {
  const unlimited = { ordered: false, latencyMs: 10, pausedForMs: 0 };

  it('a fast unlimited endpoint applies back-pressure at what it drains within the horizon, capped', () => {
    expect(backlogPolicy(unlimited, limits)).toEqual({ limit: 20, backPressure: true });
    // 4 in flight × 2 s / 500 ms = 16 tasks: still two rounds of requests within the horizon.
    expect(backlogPolicy({ ...unlimited, latencyMs: 500 }, limits)).toEqual({ limit: 16, backPressure: true });
    expect(backlogPolicy({ ...unlimited, latencyMs: 1_000 }, limits)).toEqual({ limit: 8, backPressure: true });
  });

  it('a slow or hanging endpoint sheds beyond two rounds of requests: it must not hold its partition', () => {
    expect(backlogPolicy({ ...unlimited, latencyMs: 1_200 }, limits)).toEqual({ limit: 8, backPressure: false });
    expect(backlogPolicy({ ...unlimited, latencyMs: 10_000 }, limits)).toEqual({ limit: 8, backPressure: false });
  });

  it('an endpoint paused by Retry-After sheds', () => {
    expect(backlogPolicy({ ...unlimited, pausedForMs: 500 }, limits).backPressure).toBe(false);
  });

  it('a rate-limited endpoint keeps the horizon at its rate and sheds the rest', () => {
    const limited = { ...unlimited, rateLimit: { perSecond: 3, burst: 2 } };
    expect(backlogPolicy(limited, limits)).toEqual({ limit: 6, backPressure: false });
    expect(backlogPolicy({ ...limited, rateLimit: { perSecond: 1, burst: 5 } }, limits).limit).toBe(5);
  });

  it('an ordered endpoint keeps everything and never pauses its partition', () => {
    expect(backlogPolicy({ ...unlimited, ordered: true }, limits)).toEqual({ limit: Infinity, backPressure: false });
  });
});

describe('EndpointLane back-pressure', () => {
  it('counts admitted tasks not yet pushed, and is full at its limit without shedding', () => {
    const { lane: l, push, shed } = lane();
    for (let n = 0; n < 20; n++) {
      expect(l.full).toBe(false);
      l.expect();
    }
    // Admitted tasks count before they arrive: admission stops at once.
    expect(l.full).toBe(true);
    for (let n = 0; n < 4; n++) l.expect();
    // 24 arrive: 4 start at once, 20 wait → still full, nothing shed.
    for (let n = 0; n < 24; n++) {
      l.arrived();
      push(n);
    }
    expect(l.full).toBe(true);
    expect(l.relieved).toBe(false);
    // Pushed past its limit (records admitted before it was full): kept, never shed.
    push(24);
    expect(shed).toEqual([]);
    expect(l.load).toBe(25);
  });

  it('is relieved once half drained', async () => {
    const { lane: l, push, running, done } = lane();
    for (let n = 0; n < 24; n++) push(n);
    expect(l.full).toBe(true);
    for (let i = 0; i < 9; i++) {
      running.shift()!();
      await settle();
    }
    // 9 finished, 4 running, 11 queued > 10.
    expect(done).toHaveLength(9);
    expect(l.relieved).toBe(false);
    running.shift()!();
    await settle();
    expect(l.relieved).toBe(true);
    expect(l.full).toBe(false);
  });

  it('sheds the surplus instead once the endpoint turns slow, and is then relieved', () => {
    jest.useFakeTimers({ now: 1_000_000 });
    try {
      const { lane: l, push, shed } = lane();
      for (let n = 0; n < 24; n++) push(n);
      expect(l.full).toBe(true);
      // The running requests hang: past horizon / 2 the endpoint counts as slow.
      jest.setSystemTime(1_000_000 + 1_500);
      expect(l.full).toBe(false);
      expect(l.relieved).toBe(true);
      l.trim();
      // Two rounds (8) stay, the other 12 go to a delay tier.
      expect(shed).toHaveLength(12);
      expect(shed.every((s) => s.endsWith(':backlog'))).toBe(true);
      expect(l.load).toBe(4 + 8);
    } finally {
      jest.useRealTimers();
    }
  });

  it('a rate-limited endpoint is never full: it sheds beyond its horizon', () => {
    const { lane: l, push, shed } = lane();
    const limited = view({ rateLimit: { perSecond: 3, burst: 2 } });
    for (let n = 0; n < 10; n++) push(n, limited);
    expect(l.full).toBe(false);
    expect(l.relieved).toBe(true);
    expect(shed).toHaveLength(4);
    expect(shed.every((s) => s.endsWith(':rate_limited'))).toBe(true);
    l.close();
  });

  it('a closed lane never holds its partition', () => {
    const { lane: l, push } = lane();
    for (let n = 0; n < 24; n++) push(n);
    expect(l.full).toBe(true);
    expect(l.close()).toBe(20);
    expect(l.full).toBe(false);
    expect(l.relieved).toBe(true);
  });

  it('frees the endpoint slot when the request is over, and finishes the task once its outcome is durable', async () => {
    const started: string[] = [];
    const writes: (() => void)[] = [];
    const done: string[] = [];
    const l = new EndpointLane(
      {
        run: (t) => {
          started.push(t.messageId);
          return Promise.resolve({ durable: new Promise<void>((resolve) => writes.push(resolve)) });
        },
        shed: () => Promise.resolve(),
      },
      { ...limits, maxInFlight: 1 },
    );
    for (let n = 0; n < 3; n++) l.push(task(n), view(), () => done.push(task(n).messageId));
    await settle();
    // One request at a time, yet all three ran while no outcome was written yet.
    expect(started).toEqual(['msg_0', 'msg_1', 'msg_2']);
    expect(done).toEqual([]);
    expect(l.idle).toBe(true);
    writes[1]();
    await settle();
    expect(done).toEqual(['msg_1']);
    writes[0]();
    writes[2]();
    await settle();
    expect(done).toEqual(['msg_1', 'msg_0', 'msg_2']);
  });

  it('is not idle while admitted tasks are on their way', () => {
    const { lane: l } = lane();
    l.expect();
    expect(l.idle).toBe(false);
    l.arrived();
    expect(l.idle).toBe(true);
  });
});
