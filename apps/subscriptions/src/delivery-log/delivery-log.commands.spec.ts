import { status } from '@grpc/grpc-js';
import type { ListAttemptsRequest__Output, ListMessagesRequest__Output } from '@webhooks/contracts';
import { ListAttemptsCommand, ListMessagesCommand } from './delivery-log.commands';
import { DeliveryLogException } from './delivery-log.exception';
import { encodeAttemptCursor, encodeMessageCursor } from './log-cursor';

const messages = (fields: Partial<ListMessagesRequest__Output>): ListMessagesRequest__Output => ({
  tenantId: 'acme',
  limit: 0,
  cursor: '',
  ...fields,
});
const attempts = (fields: Partial<ListAttemptsRequest__Output>): ListAttemptsRequest__Output => ({
  tenantId: 'acme',
  limit: 0,
  cursor: '',
  ...fields,
});

/** The INVALID_ARGUMENT message `build` throws. */
function invalid(build: () => unknown): string {
  try {
    build();
  } catch (error) {
    expect(error).toBeInstanceOf(DeliveryLogException);
    const { code, message } = (error as DeliveryLogException).getError() as { code: number; message: string };
    expect(code).toBe(status.INVALID_ARGUMENT);
    return message;
  }
  throw new Error('no exception');
}

describe('ListMessagesCommand', () => {
  it('defaults the page to 50 and takes no filter from empty fields', () => {
    const command = ListMessagesCommand.from(messages({ eventType: '', since: '' }));
    expect(command.limit).toBe(50);
    expect(command.eventType).toBeUndefined();
    expect(command.range).toEqual({ since: undefined, until: undefined });
    expect(command.after).toBeUndefined();
  });

  it('keeps RFC 3339 bounds as text, normalised for Postgres', () => {
    const command = ListMessagesCommand.from(
      messages({ since: '2025-01-01t00:00:00.123456z', until: '2025-01-02T00:00:00+02:00' }),
    );
    expect(command.range).toEqual({ since: '2025-01-01T00:00:00.123456Z', until: '2025-01-02T00:00:00+02:00' });
  });

  it('names the field that is wrong', () => {
    expect(invalid(() => ListMessagesCommand.from(messages({ tenantId: '' })))).toMatch(/^tenant_id:/);
    expect(invalid(() => ListMessagesCommand.from(messages({ since: 'yesterday' })))).toMatch(/^since:/);
    expect(invalid(() => ListMessagesCommand.from(messages({ until: '2025-01-01T00:00:00' })))).toMatch(/^until:/);
    expect(
      invalid(() =>
        ListMessagesCommand.from(messages({ since: '2025-01-02T00:00:00Z', until: '2025-01-01T00:00:00Z' })),
      ),
    ).toMatch(/^until: must be after since/);
    expect(invalid(() => ListMessagesCommand.from(messages({ limit: 101 })))).toMatch(/^limit:/);
    expect(invalid(() => ListMessagesCommand.from(messages({ limit: -1 })))).toMatch(/^limit:/);
    expect(invalid(() => ListMessagesCommand.from(messages({ cursor: 'x' })))).toMatch(/^cursor:/);
    const attemptCursor = encodeAttemptCursor({
      attemptedAt: '2025-01-01T00:00:00.000000Z',
      messageId: 'm',
      attempt: 1,
      outcome: 'delivered',
    });
    expect(invalid(() => ListMessagesCommand.from(messages({ cursor: attemptCursor })))).toMatch(/^cursor:/);
  });

  it('accepts its own cursor', () => {
    const key = { publishedAt: '2025-01-01T00:00:00.000000Z', eventId: 'evt' };
    expect(ListMessagesCommand.from(messages({ cursor: encodeMessageCursor(key), limit: 100 })).after).toEqual(key);
  });
});

describe('ListAttemptsCommand', () => {
  it('takes the stored outcome names', () => {
    for (const outcome of ['delivered', 'retrying', 'dead_lettered', 'skipped'])
      expect(ListAttemptsCommand.from(attempts({ outcome })).outcome).toBe(outcome);
  });

  it('refuses other outcomes, naming the valid ones', () => {
    expect(invalid(() => ListAttemptsCommand.from(attempts({ outcome: 'failed' })))).toBe(
      'outcome: must be one of delivered, retrying, dead_lettered, skipped',
    );
    expect(invalid(() => ListAttemptsCommand.from(attempts({ outcome: 'toString' })))).toMatch(/^outcome:/);
  });

  it('carries the endpoint and event filters', () => {
    const command = ListAttemptsCommand.from(attempts({ endpointId: 'ep_1', eventId: 'evt_1' }));
    expect([command.endpointId, command.eventId]).toEqual(['ep_1', 'evt_1']);
    expect(invalid(() => ListAttemptsCommand.from(attempts({ endpointId: 'x'.repeat(257) })))).toMatch(/^endpoint_id:/);
  });
});
