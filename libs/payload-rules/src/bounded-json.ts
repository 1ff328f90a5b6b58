/** Why a value could not be serialized within the limits; the transformation turns it into its own message. */
export class BoundedJsonError extends Error {}

export interface BoundedJsonLimits {
  /** Serialized size, UTF-8 bytes. */
  maxBytes: number;
  /** Nesting of arrays and objects. */
  maxDepth: number;
}

/**
 * JSON bytes of a value, stopping as soon as the output would exceed `maxBytes` instead of building
 * the whole string first: a result of many references to one large (rope) string is cheap to make and
 * would cost gigabytes to flatten with `JSON.stringify`. Unlike `JSON.stringify` it refuses what JSON
 * cannot carry (functions, non-finite numbers, an undefined root) rather than silently dropping it.
 * Undefined object members are omitted and undefined array items become null, as in JSON.stringify.
 */
export function boundedJsonBytes(value: unknown, limits: BoundedJsonLimits): Buffer {
  if (value === undefined) throw new BoundedJsonError('result is undefined (the expression matched nothing)');
  const chunks: string[] = [];
  // Counted in UTF-16 units, a lower bound of the UTF-8 size: the walk stops early, the exact check is at the end.
  let length = 0;
  const push = (chunk: string) => {
    length += chunk.length;
    if (length > limits.maxBytes) throw new BoundedJsonError(`result larger than ${limits.maxBytes} bytes`);
    chunks.push(chunk);
  };

  const write = (item: unknown, depth: number): void => {
    if (item === null) return push('null');
    switch (typeof item) {
      case 'undefined':
        return push('null');
      case 'boolean':
        return push(item ? 'true' : 'false');
      case 'number':
        if (!Number.isFinite(item)) throw new BoundedJsonError('result contains a non-finite number');
        return push(JSON.stringify(item));
      case 'string':
        // Checked before escaping so a huge string is never copied.
        if (length + item.length > limits.maxBytes) {
          throw new BoundedJsonError(`result larger than ${limits.maxBytes} bytes`);
        }
        return push(JSON.stringify(item));
      case 'object':
        break;
      case 'bigint':
      case 'function':
      case 'symbol':
        throw new BoundedJsonError(`result contains a ${typeof item === 'function' ? 'function' : typeof item}`);
    }
    if (depth >= limits.maxDepth) throw new BoundedJsonError(`result nested deeper than ${limits.maxDepth}`);
    if (Array.isArray(item)) {
      push('[');
      for (let i = 0; i < item.length; i++) {
        if (i > 0) push(',');
        write(item[i], depth + 1);
      }
      return push(']');
    }
    const record = item as Record<string, unknown>;
    // JSONata lambdas and built-in functions are objects with these markers.
    if (record._jsonata_lambda === true || record._jsonata_function === true) {
      throw new BoundedJsonError('result contains a function');
    }
    push('{');
    let first = true;
    for (const key of Object.keys(record)) {
      const member = record[key];
      if (member === undefined) continue;
      if (!first) push(',');
      first = false;
      push(JSON.stringify(key));
      push(':');
      write(member, depth + 1);
    }
    push('}');
  };

  write(value, 0);
  const bytes = Buffer.from(chunks.join(''), 'utf8');
  if (bytes.length > limits.maxBytes) throw new BoundedJsonError(`result larger than ${limits.maxBytes} bytes`);
  return bytes;
}
