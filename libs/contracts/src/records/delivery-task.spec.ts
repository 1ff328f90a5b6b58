import { decodeDeliveryTask, encodeDeliveryTask, TASK_HEADER, type DeliveryTask } from './delivery-task';
import { PoisonRecordError } from './headers';

const task: DeliveryTask = {
  messageId: 'msg_1',
  eventId: 'evt_1',
  tenantId: 'acme',
  eventType: 'invoice.paid',
  endpointId: 'ep_1',
  endpointVersion: 3,
  attempts: 2,
  publishedAt: 1_764_400_000_000,
  payload: Buffer.from('{"a":1}'),
};

/** A record as a consumer gets it: header values as Buffers. */
const consumed = (headers: Record<string, string>, value: Buffer | null = task.payload) => ({
  value,
  headers: Object.fromEntries(Object.entries(headers).map(([k, v]) => [k, Buffer.from(v)])),
});

describe('delivery task records', () => {
  it('round-trips every field through one "task" header, payload bytes untouched as the value', () => {
    const full: DeliveryTask = { ...task, dueAt: 1_764_400_005_000, lastStatus: 503, lastError: '' };
    const message = encodeDeliveryTask(full);
    expect(message.key).toBe('ep_1');
    expect(message.value).toBe(full.payload);
    expect(Object.keys(message.headers ?? {})).toEqual([TASK_HEADER]);
    expect(decodeDeliveryTask(consumed(message.headers as Record<string, string>))).toEqual(full);
  });

  it('leaves absent optional fields out and cuts lastError to 1,024 characters', () => {
    const meta = (t: DeliveryTask) =>
      JSON.parse(String(encodeDeliveryTask(t).headers?.[TASK_HEADER])) as Record<string, unknown>;
    expect(Object.keys(meta(task)).sort()).toEqual(
      [
        'attempts',
        'endpointId',
        'endpointVersion',
        'eventId',
        'eventType',
        'messageId',
        'publishedAt',
        'tenantId',
      ].sort(),
    );
    expect(meta({ ...task, lastError: 'x'.repeat(5_000) }).lastError).toBe('x'.repeat(1_024));
  });

  it('still reads the first format, one header per field (records already in the delay tiers and the DLQ)', () => {
    const legacy = consumed({
      'message-id': 'msg_1',
      'event-id': 'evt_1',
      'tenant-id': 'acme',
      'event-type': 'invoice.paid',
      'endpoint-id': 'ep_1',
      'endpoint-version': '3',
      attempts: '2',
      'published-at': '1764400000000',
      'due-at': '1764400005000',
      'last-status': '503',
      'last-error': 'timeout after 15000 ms',
      'dead-lettered-at': '1764400009000',
    });
    expect(decodeDeliveryTask(legacy)).toEqual({
      ...task,
      dueAt: 1_764_400_005_000,
      lastStatus: 503,
      lastError: 'timeout after 15000 ms',
    });
  });

  it('reads a record without a value as an empty payload', () => {
    const headers = encodeDeliveryTask(task).headers as Record<string, string>;
    expect(decodeDeliveryTask(consumed(headers, null)).payload).toEqual(Buffer.alloc(0));
  });

  it.each([
    ['not JSON', '{"messageId":', 'header "task" is not JSON'],
    ['not an object', '[1,2]', 'header "task" is not a JSON object'],
    ['a missing id', JSON.stringify({ ...task, payload: undefined, endpointId: undefined }), '"endpointId" is missing'],
    ['an empty id', JSON.stringify({ ...task, payload: undefined, messageId: '' }), '"messageId" is missing'],
    [
      'a string number',
      JSON.stringify({ ...task, payload: undefined, attempts: '2' }),
      '"attempts" is missing or not an integer',
    ],
    ['a fraction', JSON.stringify({ ...task, payload: undefined, dueAt: 1.5 }), '"dueAt" is missing or not an integer'],
  ])('rejects a task header with %s as a poison record naming the field', (_case, header, message) => {
    const decode = () => decodeDeliveryTask(consumed({ [TASK_HEADER]: header }));
    expect(decode).toThrow(PoisonRecordError);
    expect(decode).toThrow(message);
  });

  it('rejects a first-format record missing a header, naming it', () => {
    expect(() => decodeDeliveryTask(consumed({ 'message-id': 'm' }))).toThrow('missing header "event-id"');
  });
});
