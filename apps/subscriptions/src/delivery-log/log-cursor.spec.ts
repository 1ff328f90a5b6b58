import { decodeAttemptCursor, decodeMessageCursor, encodeAttemptCursor, encodeMessageCursor } from './log-cursor';

describe('log cursors', () => {
  const messageKey = { publishedAt: '2025-01-02T03:04:05.123456Z', eventId: 'evt_1' };
  const attemptKey = {
    attemptedAt: '2025-01-02T03:04:05.000001Z',
    messageId: 'msg_1',
    attempt: 3,
    outcome: 'retrying',
  };

  it('round-trip their keys', () => {
    expect(decodeMessageCursor(encodeMessageCursor(messageKey))).toEqual(messageKey);
    expect(decodeAttemptCursor(encodeAttemptCursor(attemptKey))).toEqual(attemptKey);
  });

  it('are opaque URL-safe text', () => {
    expect(encodeMessageCursor(messageKey)).toMatch(/^[A-Za-z0-9_-]+$/);
  });

  it('belong to one listing', () => {
    expect(decodeAttemptCursor(encodeMessageCursor(messageKey))).toBeUndefined();
    expect(decodeMessageCursor(encodeAttemptCursor(attemptKey))).toBeUndefined();
  });

  it.each([
    ['garbage', 'not a cursor!'],
    ['not JSON', Buffer.from('{').toString('base64url')],
    ['no array', Buffer.from('{"m":1}').toString('base64url')],
    ['a millisecond time', encodeMessageCursor({ ...messageKey, publishedAt: '2025-01-02T03:04:05.123Z' })],
    ['an empty id', encodeMessageCursor({ ...messageKey, eventId: '' })],
    ['a SQL fragment as time', Buffer.from(`["m","now()","x"]`).toString('base64url')],
  ])('refuse %s', (_what, cursor) => {
    expect(decodeMessageCursor(cursor)).toBeUndefined();
  });

  it('refuse an attempt number that is not a non-negative int4', () => {
    expect(decodeAttemptCursor(encodeAttemptCursor({ ...attemptKey, attempt: -1 }))).toBeUndefined();
    expect(decodeAttemptCursor(encodeAttemptCursor({ ...attemptKey, attempt: 1.5 }))).toBeUndefined();
    expect(decodeAttemptCursor(encodeAttemptCursor({ ...attemptKey, attempt: 2 ** 31 }))).toBeUndefined();
  });
});
