/**
 * PostgreSQL array literals for batch inserts through `unnest($n::type[])`, one column at a time
 * straight from the rows. node-postgres builds the same literal from a JS array parameter, but
 * with two regular-expression replaces per element and a local-time formatter per Date: at max
 * rate 60 % of subscriptions' allocations were node-postgres' array building (sampling heap
 * profile, docs/performance.md).
 */

const SPECIAL = /["\\]/;
const SPECIALS = /["\\]/g;

/** `{e1,e2,…}` with each row's element as `element` writes it. */
function arrayLiteral<T>(rows: readonly T[], element: (row: T) => string): string {
  let literal = '{';
  for (let i = 0; i < rows.length; i++) literal += i > 0 ? `,${element(rows[i])}` : element(rows[i]);
  return `${literal}}`;
}

/**
 * `{"a","b\"c",NULL}`: every element quoted (so none is read as NULL or split at a comma or a
 * brace), `"` and `\` escaped, null and undefined as NULL. The text must not contain NUL
 * (PostgreSQL refuses it in text; see storableText).
 */
export function textArray<T>(rows: readonly T[], column: (row: T) => string | null | undefined): string {
  return arrayLiteral(rows, (row) => {
    const value = column(row);
    if (value === null || value === undefined) return 'NULL';
    return SPECIAL.test(value) ? `"${value.replace(SPECIALS, '\\$&')}"` : `"${value}"`;
  });
}

/** `{1,NULL,3}` for integer columns; a value that is not a safe integer is refused. */
export function integerArray<T>(rows: readonly T[], column: (row: T) => number | null | undefined): string {
  return arrayLiteral(rows, (row) => {
    const value = column(row);
    if (value === null || value === undefined) return 'NULL';
    if (!Number.isSafeInteger(value)) throw new RangeError(`not an integer: ${value}`);
    return String(value);
  });
}

/** Epoch milliseconds as a `timestamptz[]` literal (ISO 8601, UTC). */
export function timestampArray<T>(rows: readonly T[], column: (row: T) => number): string {
  return textArray(rows, (row) => new Date(column(row)).toISOString());
}
