import { copyText, copyTimestamp } from './copy-text';

describe('COPY text', () => {
  it('writes one line per row, fields separated by tabs, NULL as \\N', () => {
    const rows = [
      ['msg_1', 1, null],
      ['msg_2', -3, undefined],
    ];
    expect(copyText(rows, (r) => r)).toBe('msg_1\t1\t\\N\nmsg_2\t-3\t\\N\n');
    expect(copyText([], (r: string[]) => r)).toBe('');
  });

  it('escapes backslashes, tabs, newlines and carriage returns, and nothing else', () => {
    const text = copyText([['a\\b\tc\nd\re', '"quoted", {braced} NULL \\N']], (r) => r);
    expect(text).toBe('a\\\\b\\tc\\nd\\re\t"quoted", {braced} NULL \\\\N\n');
  });

  it('refuses numbers that are not integers', () => {
    expect(() => copyText([[1.5]], (r) => r)).toThrow('not an integer: 1.5');
    expect(() => copyText([[Number.NaN]], (r) => r)).toThrow(RangeError);
  });

  it('writes epoch milliseconds as UTC ISO timestamps', () => {
    expect(copyTimestamp(1_790_000_000_123)).toBe('2026-09-21T14:13:20.123Z');
  });
});
