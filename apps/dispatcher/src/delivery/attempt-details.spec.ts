import { loggedBody, loggedHeaders } from './attempt-details';

describe('loggedBody', () => {
  it('keeps a body within the cap unchanged', () => {
    expect(loggedBody('{"error":"nope"}', 64)).toBe('{"error":"nope"}');
  });

  it('cuts a longer body to the cap', () => {
    expect(loggedBody('a'.repeat(10), 4)).toBe('aaaa');
  });

  it('never splits a multi-byte character', () => {
    // "é" is two bytes: a cap of 4 falls inside the second one.
    const cut = loggedBody('aaaéé', 4);
    expect(cut).toBe('aaa');
    expect(Buffer.byteLength(cut)).toBeLessThanOrEqual(4);
    expect(loggedBody('€€', 5)).toBe('€');
  });
});

describe('loggedHeaders', () => {
  it('keeps every header when they fit', () => {
    const headers = { 'webhook-id': 'msg_1', 'webhook-signature': 'v1,abc' };
    expect(loggedHeaders(headers, 1_000)).toEqual(headers);
  });

  it('leaves out whole headers beyond the cap, never cutting a value', () => {
    const headers = { a: 'x'.repeat(5), b: 'y'.repeat(20), c: 'z' };
    // a = 6 bytes, b = 21 (does not fit in 10), c = 2.
    expect(loggedHeaders(headers, 10)).toEqual({ a: 'xxxxx', c: 'z' });
  });
});
