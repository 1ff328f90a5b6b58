import type { Message } from 'kafkajs';
import {
  combineAttemptRecords,
  decodeAttemptRecords,
  encodeAttemptRecord,
  MAX_COMBINED_ATTEMPT_CHARS,
  type AttemptRecord,
} from './attempt-record';

const attempt = (endpointId: string, n: number, responseBody = 'ok'): AttemptRecord => ({
  messageId: `msg_${endpointId}_${n}`,
  eventId: `evt_${n}`,
  tenantId: 'ten_1',
  eventType: 'order.paid',
  endpointId,
  attempt: 1,
  outcome: 'delivered',
  statusCode: 200,
  error: null,
  durationMs: 3,
  attemptedAt: 1_790_000_000_000 + n,
  publishedAt: 1_790_000_000_000,
  requestHeaders: { 'webhook-id': `msg_${endpointId}_${n}` },
  responseBody,
});

/** What the attempt log reads back from a list of records, in order. */
const readBack = (messages: Message[]) => messages.flatMap((m) => decodeAttemptRecords(Buffer.from(m.value as string)));

describe('attempt records', () => {
  it('decodes a single record as written by encodeAttemptRecord', () => {
    const one = attempt('ep_a', 1);
    expect(decodeAttemptRecords(Buffer.from(encodeAttemptRecord(one).value as string))).toEqual([one]);
  });

  it("combines one endpoint's attempts into one record, keyed by the endpoint, in order", () => {
    const written = [
      attempt('ep_a', 1),
      attempt('ep_b', 1),
      attempt('ep_a', 2),
      attempt('ep_a', 3),
      attempt('ep_c', 1),
    ];
    const combined = combineAttemptRecords(written.map(encodeAttemptRecord));
    expect(combined.map((m) => m.key)).toEqual(['ep_a', 'ep_b', 'ep_c']);
    expect(readBack([combined[0]])).toEqual([attempt('ep_a', 1), attempt('ep_a', 2), attempt('ep_a', 3)]);
    expect(readBack(combined)).toHaveLength(written.length);
    expect(new Set(readBack(combined).map((r) => r.messageId))).toEqual(new Set(written.map((r) => r.messageId)));
  });

  it('starts another record when a combined one would pass the size cap', () => {
    const big = 'x'.repeat(MAX_COMBINED_ATTEMPT_CHARS / 3);
    const written = [1, 2, 3, 4, 5].map((n) => attempt('ep_a', n, big));
    const combined = combineAttemptRecords(written.map(encodeAttemptRecord));
    expect(combined.length).toBeGreaterThan(1);
    for (const m of combined) expect((m.value as string).length).toBeLessThanOrEqual(MAX_COMBINED_ATTEMPT_CHARS);
    expect(readBack(combined)).toEqual(written);
  });

  it('leaves records with headers or without a key as they are', () => {
    const plain = encodeAttemptRecord(attempt('ep_a', 1));
    const withHeaders = { ...encodeAttemptRecord(attempt('ep_a', 2)), headers: { h: 'v' } };
    const keyless = { value: JSON.stringify(attempt('ep_a', 3)) };
    expect(combineAttemptRecords([plain, withHeaders, keyless])).toEqual([plain, withHeaders, keyless]);
  });

  it('refuses a value that is neither an attempt nor a list of them', () => {
    expect(() => decodeAttemptRecords(Buffer.from('42'))).toThrow('JSON object or an array');
    expect(() => decodeAttemptRecords(Buffer.from('{'))).toThrow();
    expect(() => decodeAttemptRecords(null)).toThrow('empty');
  });
});
