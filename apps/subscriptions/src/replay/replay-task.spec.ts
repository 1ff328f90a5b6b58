import { decodeDeliveryTask, encodeDeliveryTask, TASK_HEADER, type DeliveryTask } from '@webhooks/contracts';
import { replayTask } from './replay-task';

describe('replayTask', () => {
  it('keeps the message id and payload, resets attempts and scheduling, takes the current version', () => {
    const dead: DeliveryTask = {
      messageId: 'msg_1',
      eventId: 'evt_1',
      tenantId: 'acme',
      eventType: 'invoice.paid',
      endpointId: 'ep_1',
      endpointVersion: 3,
      attempts: 8,
      publishedAt: 1_000,
      payload: Buffer.from('{"a":1}'),
      dueAt: 2_000,
      lastStatus: 500,
      lastError: 'boom',
    };
    const task = replayTask(dead, 7, 5_000);
    expect(task).toEqual({
      messageId: 'msg_1',
      eventId: 'evt_1',
      tenantId: 'acme',
      eventType: 'invoice.paid',
      endpointId: 'ep_1',
      endpointVersion: 7,
      attempts: 0,
      publishedAt: 5_000,
      payload: Buffer.from('{"a":1}'),
    });
    // No stale scheduling headers reach the wire.
    const message = encodeDeliveryTask(task);
    expect(Object.keys(message.headers ?? {})).toEqual([TASK_HEADER]);
    const meta = JSON.parse(String(message.headers?.[TASK_HEADER])) as Record<string, unknown>;
    for (const stale of ['dueAt', 'lastStatus', 'lastError']) expect(meta).not.toHaveProperty(stale);
    expect(message.key).toBe('ep_1');
    expect(decodeDeliveryTask({ value: message.value as Buffer, headers: message.headers })).toMatchObject({
      attempts: 0,
      lastStatus: undefined,
      dueAt: undefined,
    });
  });
});
