/** A JSON value as `JSON.parse` produces it. */
export type JsonValue = null | boolean | number | string | JsonValue[] | { [key: string]: JsonValue };

/** Own-property check: payload keys such as `__proto__` or `constructor` never reach the prototype. */
export function hasOwn(object: object, key: string): boolean {
  return Object.prototype.hasOwnProperty.call(object, key);
}

/** A plain JSON object (not an array, not null). */
export function isJsonObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Deep JSON equality of a payload value and a filter operand. Numbers compare with `===` (JSON has
 * no NaN), objects by their own keys regardless of order. The recursion follows the operand, whose
 * size the filter limits bound, so a deep payload cannot make it run long.
 */
export function jsonEquals(value: unknown, operand: JsonValue): boolean {
  if (operand === null || typeof operand !== 'object') return value === operand;
  if (Array.isArray(operand)) {
    if (!Array.isArray(value) || value.length !== operand.length) return false;
    for (let i = 0; i < operand.length; i++) if (!jsonEquals(value[i], operand[i])) return false;
    return true;
  }
  if (!isJsonObject(value)) return false;
  const keys = Object.keys(operand);
  if (Object.keys(value).length !== keys.length) return false;
  for (const key of keys) if (!hasOwn(value, key) || !jsonEquals(value[key], operand[key])) return false;
  return true;
}
