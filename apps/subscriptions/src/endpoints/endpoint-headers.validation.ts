import { EndpointException } from './endpoint.exception';

export const HEADER_LIMITS = {
  maxHeaders: 20,
  /** Names and values together, UTF-8 bytes. */
  maxTotalBytes: 8 * 1024,
} as const;

/** RFC 7230 `token`: the characters a header name may use. */
const TOKEN = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;
/** Visible ASCII, space and tab: no CR/LF (header injection) and no other control characters. */
const PRINTABLE = /^[\t\x20-\x7e]*$/;

/**
 * Header names a tenant may not set, with the reason:
 * - ours: the signature and id headers (`webhook-*`, `x-signature`, `x-hub-signature-256`), the
 *   body's `content-type`/`content-length` and our `user-agent` — a receiver must be able to trust them;
 * - the transport's: `host` and the hop-by-hop headers (RFC 7230 §6.1), which the HTTP client owns;
 * - credentials: `authorization`, `proxy-authorization` and `cookie`. Custom headers are stored and
 *   returned by the API in plaintext and travel unsealed in the endpoint view, unlike the signing
 *   secret; the signature is what authenticates a delivery.
 */
const RESERVED = new Set([
  'content-type',
  'content-length',
  'user-agent',
  'x-signature',
  'x-hub-signature-256',
  'host',
  'connection',
  'keep-alive',
  'proxy-connection',
  'te',
  'trailer',
  'transfer-encoding',
  'upgrade',
  'expect',
  'authorization',
  'proxy-authorization',
  'cookie',
]);

/**
 * Validates an endpoint's custom headers: names are RFC 7230 tokens outside the reserved set and
 * the `webhook-` prefix, unique regardless of case (stored lower-case, as HTTP/2 sends them);
 * values are printable ASCII without CR/LF, trimmed; at most 20 headers and 8 KiB in all.
 */
export function validHeaders(input: Record<string, string> | undefined, field = 'headers'): Record<string, string> {
  const entries = Object.entries(input ?? {});
  if (entries.length > HEADER_LIMITS.maxHeaders) {
    throw EndpointException.invalid(field, `has more than ${HEADER_LIMITS.maxHeaders} headers`);
  }
  const headers: Record<string, string> = {};
  let total = 0;
  for (const [rawName, rawValue] of entries) {
    const name = rawName.toLowerCase();
    if (!TOKEN.test(name)) throw EndpointException.invalid(`${field}`, `"${rawName}" is not a valid header name`);
    if (name.startsWith('webhook-') || RESERVED.has(name)) {
      throw EndpointException.invalid(`${field}.${name}`, 'is reserved and cannot be set');
    }
    if (name in headers) throw EndpointException.invalid(`${field}.${name}`, 'is given more than once');
    const value = (rawValue ?? '').trim();
    if (!PRINTABLE.test(value)) {
      throw EndpointException.invalid(`${field}.${name}`, 'value must be printable ASCII without line breaks');
    }
    total += Buffer.byteLength(name) + Buffer.byteLength(value);
    headers[name] = value;
  }
  if (total > HEADER_LIMITS.maxTotalBytes) {
    throw EndpointException.invalid(field, `are larger than ${HEADER_LIMITS.maxTotalBytes} bytes in all`);
  }
  return headers;
}
