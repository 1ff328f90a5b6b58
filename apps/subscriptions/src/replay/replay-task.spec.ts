import { decodeDeliveryTask, encodeDeliveryTask, type DeliveryTask } from '@webhooks/contracts';
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
    for (const stale of ['due-at', 'last-status', 'last-error']) expect(message.headers).not.toHaveProperty(stale);
    expect(message.key).toBe('ep_1');
    expect(decodeDeliveryTask({ value: message.value as Buffer, headers: message.headers })).toMatchObject({
      attempts: 0,
      lastStatus: undefined,
      dueAt: undefined,
    });
  });
});
