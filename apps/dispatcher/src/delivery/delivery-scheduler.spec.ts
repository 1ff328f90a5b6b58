import type { KafkaMessage } from 'kafkajs';
import { Registry } from 'prom-client';
import type { TopicNames } from '@webhooks/kafka';
import type { Logger } from '@webhooks/observability';
import type { DispatcherConfig } from '../dispatcher.config';
import type { DeliverTaskUseCase } from './deliver-task.usecase';
import { DeliveryMetrics } from './delivery.metrics';
import { DeliveryScheduler, PartitionState } from './delivery-scheduler';

/** A lane stand-in whose relief the test decides. */
const lane = (relieved: boolean) => ({ relieved });

describe('PartitionState', () => {
  it('resumes fetching after a full window only once a record finishes', () => {
    const state = new PartitionState();
    const resume = jest.fn();
    state.running = 2;
    state.waitingForProgress = true;
    state.resume = resume;
    state.resumeIfRelieved();
    expect(resume).not.toHaveBeenCalled();
    state.progress();
    expect(resume).toHaveBeenCalledTimes(1);
    expect(state.resume).toBeUndefined();
  });

  it('stays paused while a lane that stopped admission is full, whatever finishes', () => {
    const state = new PartitionState();
    const full = lane(false);
    const resume = jest.fn();
    state.running = 3;
    state.pressing.add(full);
    state.resume = resume;
    state.progress();
    state.resumeIfRelieved();
    expect(resume).not.toHaveBeenCalled();
    full.relieved = true;
    state.progress();
    expect(resume).toHaveBeenCalledTimes(1);
    expect(state.pressing.size).toBe(0);
  });

  it('waits for every lane that stopped admission', () => {
    const state = new PartitionState();
    const a = lane(false);
    const b = lane(false);
    const resume = jest.fn();
    state.pressing.add(a).add(b);
    state.resume = resume;
    a.relieved = true;
    state.resumeIfRelieved();
    expect(resume).not.toHaveBeenCalled();
    b.relieved = true;
    state.resumeIfRelieved();
    expect(resume).toHaveBeenCalledTimes(1);
  });
});

describe('DeliveryScheduler.admitBatch', () => {
  const config = {
    MAX_WINDOW_PER_PARTITION: 12,
    MAX_IN_FLIGHT_PER_ENDPOINT: 2,
    MAX_BACKLOG_PER_ENDPOINT: 5,
    RATE_LIMIT_HORIZON: 2_000,
  } as DispatcherConfig;
  const logger = { error: jest.fn(), warn: jest.fn(), info: jest.fn(), debug: jest.fn() } as unknown as Logger;
  // Views never resolve: admitted tasks stay counted in their lane as on their way.
  const deliverTask = { resolveView: () => new Promise(() => undefined) } as unknown as DeliverTaskUseCase;
  const headers = {
    'message-id': 'm',
    'event-id': 'e',
    'tenant-id': 't',
    'event-type': 'x',
    'endpoint-version': '1',
    attempts: '0',
    'published-at': '1',
  };
  const records = (keys: (string | null)[], from = 0): KafkaMessage[] =>
    keys.map(
      (key, i) =>
        ({
          offset: String(from + i),
          key: key === null ? null : Buffer.from(key),
          value: Buffer.from('{}'),
          headers: { ...headers, 'endpoint-id': key ?? 'none' },
        }) as unknown as KafkaMessage,
    );
  const scheduler = () =>
    new DeliveryScheduler(deliverTask, {} as TopicNames, new DeliveryMetrics(new Registry()), logger, config);

  it('stops at the first record of a fast endpoint whose lane is full, leaving the rest in Kafka', () => {
    const s = scheduler();
    const state = s.partition(0);
    const result = s.admitBatch(state, 0, records(['a', 'b', 'a', 'a', 'a', 'a', 'b', 'a', 'b']));
    // 'a' takes 5 (its backlog limit) at offsets 0, 2, 3, 4, 5; offset 7 is the sixth.
    expect(result).toEqual({ lastAdmitted: '6', stopped: 'pressure' });
    expect(state.window.size).toBe(7);
    expect(state.pressing.size).toBe(1);
    expect(state.relieved()).toBe(false);
    // Fetched again from offset 7: still full, nothing new is admitted.
    expect(s.admitBatch(state, 0, records(['a', 'b'], 7))).toEqual({ stopped: 'pressure' });
  });

  it('stops when the window is full, and skips what it already took', () => {
    const s = scheduler();
    const state = s.partition(1);
    const keys = ['a', 'b', 'c', null, 'd', 'e', null, 'f', 'g', 'h', 'i', 'j', 'k'];
    expect(s.admitBatch(state, 1, records(keys))).toEqual({ lastAdmitted: '11', stopped: 'window' });
    expect(s.admitBatch(state, 1, records(keys))).toEqual({ stopped: 'window' });
    expect(state.pressing.size).toBe(0);
  });

  it('owns only the partitions of the last assignment, and none while the group rebalances', () => {
    const s = scheduler();
    expect(s.owns(3)).toBe(true);
    const revoked = s.partition(3);
    s.openGate([0, 1]);
    expect(revoked.closed).toBe(true);
    expect([s.owns(0), s.owns(1), s.owns(3)]).toEqual([true, true, false]);
    s.closeGate();
    expect(s.owns(0)).toBe(false);
    s.openGate([0, 3]);
    expect([s.owns(0), s.owns(1), s.owns(3)]).toEqual([true, false, true]);
  });

  it('records without a key are admitted without back-pressure (the window bounds them)', () => {
    const s = scheduler();
    const state = s.partition(2);
    expect(s.admitBatch(state, 2, records([null, null, null, null, null, null, null]))).toEqual({ lastAdmitted: '6' });
  });
});
