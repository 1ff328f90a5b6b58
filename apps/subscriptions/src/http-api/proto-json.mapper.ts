import * as protobuf from 'protobufjs';

/** A request the gateway refuses before calling gRPC; `path` names the offending field. */
export class JsonMappingError extends Error {}

type JsonObject = Record<string, unknown>;

const lowerCamel = (name: string): string => name.replace(/_([a-z0-9])/g, (_m, c: string) => c.toUpperCase());

const fieldIndex = new WeakMap<protobuf.Type, Map<string, protobuf.Field>>();

/**
 * The field a JSON key names. Both the proto name (`event_types`, what responses use) and its
 * lowerCamelCase JSON name (`eventTypes`, what proto3 JSON printers emit) are accepted, so
 * clients generated from either convention work.
 */
export function fieldForKey(type: protobuf.Type, key: string): protobuf.Field | undefined {
  let index = fieldIndex.get(type);
  if (!index) {
    index = new Map();
    for (const field of type.fieldsArray) {
      field.resolve();
      index.set(field.name, field);
      index.set(lowerCamel(field.name), field);
    }
    fieldIndex.set(type, index);
  }
  return index.get(key);
}

/**
 * JSON (proto3 JSON mapping) → a plain object keyed by proto names that `Type.fromObject`
 * accepts. Stricter than `fromObject`, which silently turns `"abc"` into 0: every value is checked
 * against its field's type and a mismatch names the field (`retry_policy.max_attempts: must be
 * an integer`). Unknown fields are refused: a typo must not be silently ignored. null = unset.
 */
export function jsonToProto(type: protobuf.Type, json: unknown, path = ''): JsonObject {
  if (json === null || typeof json !== 'object' || Array.isArray(json))
    throw new JsonMappingError(`${path || 'body'}: must be a JSON object`);
  const out: JsonObject = {};
  for (const [key, value] of Object.entries(json as JsonObject)) {
    const field = fieldForKey(type, key);
    if (!field) throw new JsonMappingError(`${path}${key}: unknown field of ${type.name}`);
    if (value === null) continue;
    out[field.name] = fieldValue(field, value, `${path}${field.name}`);
  }
  return out;
}

function fieldValue(field: protobuf.Field, value: unknown, path: string): unknown {
  if (field instanceof protobuf.MapField) {
    if (typeof value !== 'object' || Array.isArray(value)) throw new JsonMappingError(`${path}: must be a JSON object`);
    return Object.fromEntries(
      Object.entries(value as JsonObject).map(([key, item]) => [key, singleValue(field, item, `${path}.${key}`)]),
    );
  }
  if (field.repeated) {
    if (!Array.isArray(value)) throw new JsonMappingError(`${path}: must be an array`);
    return value.map((item, index) => singleValue(field, item, `${path}[${index}]`));
  }
  return singleValue(field, value, path);
}

function singleValue(field: protobuf.Field, value: unknown, path: string): unknown {
  const resolved = field.resolvedType;
  if (resolved instanceof protobuf.Type) return jsonToProto(resolved, value, `${path}.`);
  if (resolved instanceof protobuf.Enum) {
    if (typeof value === 'string' && value in resolved.values) return value;
    if (typeof value === 'number' && Number.isInteger(value)) return value;
    throw new JsonMappingError(`${path}: must be one of ${Object.keys(resolved.values).join(', ')}`);
  }
  return scalarValue(field.type, value, path);
}

const INT_RANGE: Record<string, [number, number]> = {
  int32: [-(2 ** 31), 2 ** 31 - 1],
  sint32: [-(2 ** 31), 2 ** 31 - 1],
  sfixed32: [-(2 ** 31), 2 ** 31 - 1],
  uint32: [0, 2 ** 32 - 1],
  fixed32: [0, 2 ** 32 - 1],
};

/**
 * One scalar in proto3 JSON form: numbers may also come as strings (how int64 always comes,
 * since JSON numbers lose precision past 2^53), bytes as standard or URL-safe base64.
 */
export function scalarValue(type: string, value: unknown, path: string): unknown {
  switch (type) {
    case 'string':
      if (typeof value !== 'string') throw new JsonMappingError(`${path}: must be a string`);
      return value;
    case 'bool':
      if (typeof value !== 'boolean') throw new JsonMappingError(`${path}: must be true or false`);
      return value;
    case 'int32':
    case 'sint32':
    case 'sfixed32':
    case 'uint32':
    case 'fixed32': {
      const n = typeof value === 'string' && /^-?\d+$/.test(value) ? Number(value) : value;
      const [min, max] = INT_RANGE[type];
      if (typeof n !== 'number' || !Number.isInteger(n)) throw new JsonMappingError(`${path}: must be an integer`);
      if (n < min || n > max) throw new JsonMappingError(`${path}: must be between ${min} and ${max}`);
      return n;
    }
    case 'int64':
    case 'sint64':
    case 'sfixed64':
    case 'uint64':
    case 'fixed64': {
      const text = typeof value === 'number' && Number.isSafeInteger(value) ? String(value) : value;
      const unsigned = type === 'uint64' || type === 'fixed64';
      if (typeof text !== 'string' || !(unsigned ? /^\d+$/ : /^-?\d+$/).test(text))
        throw new JsonMappingError(`${path}: must be ${unsigned ? 'a non-negative' : 'an'} integer (as a string)`);
      return text;
    }
    case 'double':
    case 'float': {
      if (typeof value === 'number') return value;
      if (typeof value === 'string' && ['NaN', 'Infinity', '-Infinity'].includes(value)) return Number(value);
      if (typeof value === 'string' && value.trim() !== '' && Number.isFinite(Number(value))) return Number(value);
      throw new JsonMappingError(`${path}: must be a number`);
    }
    case 'bytes':
      if (typeof value !== 'string' || !/^[A-Za-z0-9+/\-_]*={0,2}$/.test(value))
        throw new JsonMappingError(`${path}: must be base64`);
      return Buffer.from(value.replace(/-/g, '+').replace(/_/g, '/'), 'base64');
    default:
      throw new JsonMappingError(`${path}: unsupported field type ${type}`);
  }
}

/**
 * Query string (and path) parameters → request fields. Keys are field paths, dotted for nested
 * messages (`retry_policy.kind`), in either naming convention; a repeated field repeats its
 * parameter (`event_types=a&event_types=b`). Maps and repeated messages cannot be expressed
 * and are refused.
 */
export function bindParameters(
  type: protobuf.Type,
  target: JsonObject,
  key: string,
  values: readonly string[],
  origin: 'query' | 'path',
): void {
  let current = type;
  let object = target;
  const steps = key.split('.');
  const names: string[] = [];
  for (const [index, step] of steps.entries()) {
    const field = fieldForKey(current, step);
    if (!field) throw new JsonMappingError(`${origin} parameter ${key}: unknown field of ${type.name}`);
    names.push(field.name);
    const path = names.join('.');
    const last = index === steps.length - 1;
    if (!last) {
      if (!(field.resolvedType instanceof protobuf.Type) || field.repeated || field.map)
        throw new JsonMappingError(`${origin} parameter ${key}: ${path} is not a message field`);
      const child = object[field.name];
      object = (child && typeof child === 'object' ? child : (object[field.name] = {})) as JsonObject;
      current = field.resolvedType;
      continue;
    }
    if (field.map || field.resolvedType instanceof protobuf.Type)
      throw new JsonMappingError(`${origin} parameter ${key}: ${path} cannot be set from a ${origin} parameter`);
    if (!field.repeated && values.length > 1)
      throw new JsonMappingError(`${origin} parameter ${key}: ${path} takes one value`);
    const convert = (text: string) => parameterValue(field, text, path);
    object[field.name] = field.repeated ? values.map(convert) : convert(values[0]);
  }
}

function parameterValue(field: protobuf.Field, text: string, path: string): unknown {
  if (field.type === 'bool') {
    if (text === 'true' || text === '1') return true;
    if (text === 'false' || text === '0') return false;
    throw new JsonMappingError(`${path}: must be true or false`);
  }
  return singleValue(field, text, path);
}

/**
 * A response message → JSON: proto field names (snake_case), every scalar field present with
 * its default (an API consumer need not know proto3 defaults), int64 as strings, bytes as
 * base64. Unset message fields and unset `optional` scalars are omitted.
 */
export function protoToJson(type: protobuf.Type, message: protobuf.Message): JsonObject {
  const object = type.toObject(message, {
    longs: String,
    enums: String,
    bytes: String,
    defaults: true,
    arrays: true,
    objects: true,
    json: true,
  });
  return withoutNulls(object) as JsonObject;
}

function withoutNulls(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutNulls);
  if (value && typeof value === 'object')
    return Object.fromEntries(
      Object.entries(value as JsonObject)
        .filter(([, item]) => item !== null && item !== undefined)
        .map(([key, item]) => [key, withoutNulls(item)]),
    );
  return value;
}
