import { chunkByBytes, recordBytes } from './request-chunks';

describe('chunkByBytes', () => {
  const message = (n: number, bytes: number) => ({
    key: `k${n}`,
    value: Buffer.alloc(bytes),
    headers: { n: String(n) },
  });

  it('keeps every request under the byte budget and every record in order', () => {
    const messages = Array.from({ length: 100 }, (_, n) => message(n, 10_000));
    const chunks = chunkByBytes([{ topic: 't', messages }], 100_000);
    expect(chunks.length).toBeGreaterThan(10);
    for (const chunk of chunks) {
      expect(chunk.flatMap((t) => t.messages).reduce((n, m) => n + recordBytes(m), 0)).toBeLessThanOrEqual(100_000);
    }
    expect(chunks.flatMap((c) => c.flatMap((t) => t.messages)).map((m) => m.key)).toEqual(messages.map((m) => m.key));
  });

  it('lets an oversized record travel alone and keeps topics apart', () => {
    const chunks = chunkByBytes(
      [
        { topic: 'a', messages: [message(1, 10), message(2, 500)] },
        { topic: 'b', messages: [message(3, 10)] },
      ],
      300,
    );
    expect(chunks.map((c) => c.map((t) => `${t.topic}:${t.messages.length}`))).toEqual([['a:1'], ['a:1'], ['b:1']]);
  });
});
