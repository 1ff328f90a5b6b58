import { integerArray, textArray, timestampArray } from './array-literal';

describe('array literals', () => {
  const rows = [{ v: 'plain' }, { v: null }, { v: 'a "quoted", {braced} \\ value' }, { v: 'NULL' }, { v: '' }];

  it('quotes every text element and escapes quotes and backslashes', () => {
    expect(textArray(rows, (r) => r.v)).toBe('{"plain",NULL,"a \\"quoted\\", {braced} \\\\ value","NULL",""}');
    expect(textArray([], (r: { v: string }) => r.v)).toBe('{}');
  });

  it('writes integers and NULLs, and refuses anything else', () => {
    expect(integerArray([1, null, -3, undefined], (v) => v)).toBe('{1,NULL,-3,NULL}');
    expect(() => integerArray([1.5], (v) => v)).toThrow('not an integer: 1.5');
    expect(() => integerArray([Number.NaN], (v) => v)).toThrow(RangeError);
  });

  it('writes epoch milliseconds as UTC ISO timestamps', () => {
    expect(timestampArray([0, 1_790_000_000_123], (ms) => ms)).toBe(
      '{"1970-01-01T00:00:00.000Z","2026-09-21T14:13:20.123Z"}',
    );
  });
});
