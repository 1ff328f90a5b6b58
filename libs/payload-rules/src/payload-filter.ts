import { PayloadRuleError, PayloadRuleErrorCode } from './payload-rule.exception';
import { hasOwn, isJsonObject, jsonEquals, JsonValue } from './json-value';

/**
 * Limits on one filter. A filter is evaluated once per event × endpoint at fan-out, so its cost must
 * be small and known when the endpoint is created: the serialized size bounds the operands, the
 * clause count bounds the work per payload, the depth bounds the recursion.
 */
export const FILTER_LIMITS = {
  /** Serialized size of the filter, UTF-8 bytes. */
  maxBytes: 8 * 1024,
  /** Nesting of `$and`, `$or`, `$not` and `$elemMatch`. */
  maxDepth: 8,
  /** Comparisons in the whole filter (each operator, each bare equality). */
  maxClauses: 64,
  /** Segments of one field path, after joining nested objects. */
  maxPathSegments: 16,
  /** Values of one `$in` or `$nin` list. */
  maxInValues: 128,
} as const;

/** A compiled filter. `matches` is total: any payload (missing fields, wrong types, not even an object) gives a boolean. */
export interface PayloadFilter {
  /** True when the payload satisfies the filter; an empty filter `{}` matches every payload. */
  matches(payload: unknown): boolean;
  /** Number of comparisons, for metrics and for the caller's own limits. */
  readonly clauses: number;
}

type Predicate = (value: unknown) => boolean;

/** The path resolved to nothing: a missing key, an index out of range, or a step into a scalar. */
const MISSING = Symbol('missing');

const COMPARISONS = {
  $gt: (a: number | string, b: number | string) => a > b,
  $gte: (a: number | string, b: number | string) => a >= b,
  $lt: (a: number | string, b: number | string) => a < b,
  $lte: (a: number | string, b: number | string) => a <= b,
} as const;

const LOGICAL = new Set(['$and', '$or', '$not']);
const OPERATORS = new Set([
  '$eq',
  '$neq',
  '$gt',
  '$gte',
  '$lt',
  '$lte',
  '$in',
  '$nin',
  '$exists',
  '$contains',
  '$startsWith',
  '$endsWith',
  '$elemMatch',
  '$not',
]);

interface CompileState {
  clauses: number;
}

/**
 * Parses JSON text and compiles it as a filter. The size is checked on the text before parsing, so a
 * huge body costs nothing beyond its length.
 */
export function parseFilter(text: string): PayloadFilter {
  if (Buffer.byteLength(text, 'utf8') > FILTER_LIMITS.maxBytes) {
    throw invalid('filter', `larger than ${FILTER_LIMITS.maxBytes} bytes`);
  }
  let spec: unknown;
  try {
    spec = JSON.parse(text);
  } catch (error) {
    throw invalid('filter', `invalid JSON (${(error as Error).message})`);
  }
  return compileFilter(spec);
}

/**
 * Compiles a filter spec (see docs/filters-and-transformations.md) into a predicate. Throws
 * PayloadRuleError whose message starts with the path inside the filter, e.g.
 * `filter.data.amount.$gte: expected a number or string`.
 */
export function compileFilter(spec: unknown): PayloadFilter {
  let serialized: string | undefined;
  try {
    serialized = JSON.stringify(spec);
  } catch {
    serialized = undefined;
  }
  if (serialized === undefined) throw invalid('filter', 'expected a JSON object');
  if (Buffer.byteLength(serialized, 'utf8') > FILTER_LIMITS.maxBytes) {
    throw invalid('filter', `larger than ${FILTER_LIMITS.maxBytes} bytes`);
  }
  const state: CompileState = { clauses: 0 };
  const predicate = compileObject(spec, 'filter', [], 0, state);
  const clauses = state.clauses;
  return {
    clauses,
    matches(payload: unknown): boolean {
      try {
        return predicate(payload);
      } catch {
        // Unreachable on JSON payloads; a hostile object (a throwing getter) simply does not match.
        return false;
      }
    },
  };
}

/** A filter object: `$and`/`$or`/`$not` and field paths, all of which must hold. */
function compileObject(spec: unknown, at: string, prefix: string[], depth: number, state: CompileState): Predicate {
  if (!isJsonObject(spec)) throw invalid(at, 'expected an object');
  const parts: Predicate[] = [];
  for (const key of Object.keys(spec)) {
    const value = spec[key];
    if (key.startsWith('$')) {
      if (prefix.length > 0 || !LOGICAL.has(key)) {
        throw invalid(
          `${at}.${key}`,
          OPERATORS.has(key) ? 'operator needs a field path before it' : 'unknown operator',
        );
      }
      parts.push(compileLogical(key, value, `${at}.${key}`, depth + 1, state));
    } else {
      const segments = key.split('.');
      if (segments.some((segment) => segment === '')) throw invalid(`${at}.${key}`, 'empty path segment');
      const path = [...prefix, ...segments];
      if (path.length > FILTER_LIMITS.maxPathSegments) {
        throw invalid(`${at}.${key}`, `path longer than ${FILTER_LIMITS.maxPathSegments} segments`);
      }
      parts.push(compileField(value, `${at}.${key}`, path, depth, state));
    }
  }
  return all(parts);
}

function compileLogical(key: string, value: unknown, at: string, depth: number, state: CompileState): Predicate {
  if (depth > FILTER_LIMITS.maxDepth) throw invalid(at, `nested deeper than ${FILTER_LIMITS.maxDepth}`);
  if (key === '$not') {
    const inner = compileObject(value, at, [], depth, state);
    return (root) => !inner(root);
  }
  if (!Array.isArray(value) || value.length === 0) throw invalid(at, 'expected a non-empty array of filters');
  const parts = value.map((item, index) => compileObject(item, `${at}[${index}]`, [], depth, state));
  return key === '$and' ? all(parts) : (root) => parts.some((part) => part(root));
}

/** The value of a field path: a literal (equality), a nested object of more paths, or an operator object. */
function compileField(value: unknown, at: string, path: string[], depth: number, state: CompileState): Predicate {
  if (isJsonObject(value)) {
    const keys = Object.keys(value);
    if (keys.length === 0) throw invalid(at, 'empty object (use $exists, or $eq to compare with {})');
    const operators = keys.filter((key) => key.startsWith('$')).length;
    if (operators === 0) return compileObject(value, at, path, depth, state);
    if (operators !== keys.length) throw invalid(at, 'mixes operators and field names');
    const test = compileOperators(value, at, depth, state);
    const resolve = resolver(path);
    return (root) => test(resolve(root));
  }
  const test = compileOperator('$eq', value, at, depth, state);
  const resolve = resolver(path);
  return (root) => test(resolve(root));
}

/** An operator object such as `{ "$gte": 10, "$lt": 100 }`: every operator must hold. */
function compileOperators(spec: Record<string, unknown>, at: string, depth: number, state: CompileState): Predicate {
  return all(Object.keys(spec).map((key) => compileOperator(key, spec[key], `${at}.${key}`, depth, state)));
}

/** One operator applied to the resolved value, which is MISSING when the path resolved to nothing. */
function compileOperator(key: string, operand: unknown, here: string, depth: number, state: CompileState): Predicate {
  if (key !== '$not' && key !== '$elemMatch') {
    state.clauses += 1;
    if (state.clauses > FILTER_LIMITS.maxClauses) throw invalid(here, `more than ${FILTER_LIMITS.maxClauses} clauses`);
  }
  switch (key) {
    case '$eq': {
      const expected = jsonOperand(operand, here);
      return (value) => value !== MISSING && jsonEquals(value, expected);
    }
    case '$neq': {
      const expected = jsonOperand(operand, here);
      return (value) => value === MISSING || !jsonEquals(value, expected);
    }
    case '$gt':
    case '$gte':
    case '$lt':
    case '$lte': {
      if (typeof operand !== 'number' && typeof operand !== 'string')
        throw invalid(here, 'expected a number or string');
      const compare = COMPARISONS[key];
      // Strings compare with strings (ISO-8601 timestamps of one format sort correctly), numbers with numbers.
      return (value) => typeof value === typeof operand && compare(value as number | string, operand);
    }
    case '$in':
    case '$nin': {
      if (!Array.isArray(operand) || operand.length === 0) throw invalid(here, 'expected a non-empty array');
      if (operand.length > FILTER_LIMITS.maxInValues)
        throw invalid(here, `more than ${FILTER_LIMITS.maxInValues} values`);
      const values = operand.map((item, index) => jsonOperand(item, `${here}[${index}]`));
      const isIn = (value: unknown) => value !== MISSING && values.some((expected) => jsonEquals(value, expected));
      return key === '$in' ? isIn : (value) => !isIn(value);
    }
    case '$exists': {
      if (typeof operand !== 'boolean') throw invalid(here, 'expected true or false');
      return (value) => (value !== MISSING) === operand;
    }
    case '$contains': {
      const expected = jsonOperand(operand, here);
      return (value) => {
        if (typeof value === 'string') return typeof expected === 'string' && value.includes(expected);
        return Array.isArray(value) && value.some((item) => jsonEquals(item, expected));
      };
    }
    case '$startsWith':
    case '$endsWith': {
      if (typeof operand !== 'string') throw invalid(here, 'expected a string');
      return key === '$startsWith'
        ? (value) => typeof value === 'string' && value.startsWith(operand)
        : (value) => typeof value === 'string' && value.endsWith(operand);
    }
    case '$elemMatch': {
      if (depth + 1 > FILTER_LIMITS.maxDepth) throw invalid(here, `nested deeper than ${FILTER_LIMITS.maxDepth}`);
      const element = compileObject(operand, here, [], depth + 1, state);
      return (value) => Array.isArray(value) && value.some((item) => element(item));
    }
    case '$not': {
      if (depth + 1 > FILTER_LIMITS.maxDepth) throw invalid(here, `nested deeper than ${FILTER_LIMITS.maxDepth}`);
      if (isJsonObject(operand) && Object.keys(operand).length === 0) throw invalid(here, 'empty operator object');
      if (isJsonObject(operand) && Object.keys(operand).some((name) => !name.startsWith('$'))) {
        throw invalid(here, 'expected an operator object or a literal');
      }
      const inner = isJsonObject(operand)
        ? compileOperators(operand, here, depth + 1, state)
        : compileOperator('$eq', operand, here, depth + 1, state);
      return (value) => !inner(value);
    }
    default:
      throw invalid(here, LOGICAL.has(key) ? 'not allowed on a field (use it at filter level)' : 'unknown operator');
  }
}

/** A literal operand: any JSON value. Undefined, functions and the like cannot come from JSON text. */
function jsonOperand(operand: unknown, at: string): JsonValue {
  if (!isJson(operand)) throw invalid(at, 'expected a JSON value');
  return operand;
}

function isJson(value: unknown): value is JsonValue {
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return true;
  if (typeof value === 'number') return Number.isFinite(value);
  if (Array.isArray(value)) return value.every(isJson);
  return isJsonObject(value) && Object.values(value).every(isJson);
}

/**
 * Walks a dot path through the payload. A segment that is a canonical array index (`0`, `12`, not
 * `01`) indexes arrays; on objects every segment is an own key. Anything else resolves to MISSING.
 */
function resolver(path: readonly string[]): (root: unknown) => unknown {
  const indexes = path.map((segment) => (/^(0|[1-9][0-9]{0,8})$/.test(segment) ? Number(segment) : -1));
  return (root) => {
    let current = root;
    for (let i = 0; i < path.length; i++) {
      if (Array.isArray(current)) {
        const index = indexes[i];
        if (index < 0 || index >= current.length) return MISSING;
        current = current[index];
      } else if (isJsonObject(current) && hasOwn(current, path[i])) {
        current = current[path[i]];
      } else {
        return MISSING;
      }
    }
    return current;
  };
}

function all(parts: Predicate[]): Predicate {
  if (parts.length === 1) return parts[0];
  return (value) => parts.every((part) => part(value));
}

function invalid(at: string, problem: string): PayloadRuleError {
  return new PayloadRuleError(PayloadRuleErrorCode.InvalidFilter, `${at}: ${problem}`);
}
