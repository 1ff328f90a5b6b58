import { BoundedJsonError, boundedJsonBytes } from './bounded-json';

const limits = { maxBytes: 64, maxDepth: 3 };
const text = (value: unknown) => boundedJsonBytes(value, limits).toString('utf8');

describe('boundedJsonBytes', () => {
  it('writes what JSON.stringify writes for JSON values', () => {
    const value = { a: [1, 'é"\n', null, true], b: { c: -0.5 } };
    expect(text(value)).toBe(JSON.stringify(value));
  });

  it('omits undefined members and writes undefined items as null', () => {
    expect(text({ a: undefined, b: [undefined] })).toBe('{"b":[null]}');
  });

  it('refuses what JSON cannot carry', () => {
    expect(() => text(undefined)).toThrow(BoundedJsonError);
    expect(() => text({ n: Number.POSITIVE_INFINITY })).toThrow('result contains a non-finite number');
    expect(() => text([() => 1])).toThrow('result contains a function');
    expect(() => text({ big: 1n })).toThrow('result contains a bigint');
  });

  it('stops at the size and depth limits', () => {
    expect(() => text('x'.repeat(65))).toThrow('result larger than 64 bytes');
    expect(() => text(Array(40).fill(1))).toThrow('result larger than 64 bytes');
    // 32 two-byte characters (+ quotes) pass the character count but not the byte count.
    expect(() => text('é'.repeat(32))).toThrow('result larger than 64 bytes');
    expect(() => text([[[[1]]]])).toThrow('result nested deeper than 3');
  });
});
