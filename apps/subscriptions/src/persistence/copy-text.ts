/**
 * Rows for `COPY … FROM STDIN` in PostgreSQL's text format: fields separated by tabs, rows ended
 * by newlines, NULL as `\N`, and backslash, tab, newline and carriage return escaped with a
 * backslash. `COPY` is PostgreSQL's cheapest way in for many rows: 11.8–11.9 µs of its CPU per
 * delivery-log row against 15.9–18.7 for an `INSERT … SELECT FROM unnest(…)`
 * (test/bench/micro/attempt-insert.ts, docs/performance.md).
 */

/** One field's value: text as stored (NUL-free, see storableText), an integer, or null. */
export type CopyValue = string | number | null | undefined;

const SPECIAL = /[\\\t\n\r]/;
const SPECIALS = /[\\\t\n\r]/g;
const ESCAPES: Record<string, string> = { '\\': '\\\\', '\t': '\\t', '\n': '\\n', '\r': '\\r' };

function field(value: CopyValue): string {
  if (value === null || value === undefined) return '\\N';
  if (typeof value === 'number') {
    if (!Number.isSafeInteger(value)) throw new RangeError(`not an integer: ${value}`);
    return String(value);
  }
  return SPECIAL.test(value) ? value.replace(SPECIALS, (c) => ESCAPES[c]) : value;
}

/** The rows as COPY text: `row` gives each row's fields in the order of the COPY's column list. */
export function copyText<T>(rows: readonly T[], row: (item: T) => readonly CopyValue[]): string {
  let text = '';
  for (const item of rows) text += `${row(item).map(field).join('\t')}\n`;
  return text;
}

/** Epoch milliseconds as a `timestamptz` field (ISO 8601, UTC). */
export function copyTimestamp(ms: number): string {
  return new Date(ms).toISOString();
}
