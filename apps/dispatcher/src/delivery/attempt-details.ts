/** Bytes of a response body kept in the delivery log; receivers' error pages are rarely longer to matter. */
export const LOGGED_BODY_BYTES = 4_096;
/** Bytes of request headers (names and values) kept in the delivery log per attempt. */
export const LOGGED_HEADER_BYTES = 8_192;

/**
 * The response body as the delivery log keeps it: at most `cap` UTF-8 bytes, cut on a character
 * boundary so the stored text never ends in half a character. The log is for a person
 * debugging an endpoint; the first kilobytes say what went wrong, and a cap keeps one noisy
 * receiver from filling the attempts table.
 */
export function loggedBody(body: string, cap = LOGGED_BODY_BYTES): string {
  const bytes = Buffer.from(body, 'utf8');
  if (bytes.length <= cap) return body;
  let cut = cap;
  // A continuation byte (10xxxxxx) at the cut means the cut splits a character: back off to its start.
  while (cut > 0 && (bytes[cut] & 0xc0) === 0x80) cut--;
  return bytes.subarray(0, cut).toString('utf8');
}

/**
 * The request headers as the delivery log keeps them: in the order sent, each whole header
 * (name and value) while the total stays within `cap` bytes; a header that does not fit is left
 * out rather than cut, because half a signature would look valid and verify as nothing.
 * Signature headers are logged on purpose: they are not secret (the secret is never sent).
 */
export function loggedHeaders(
  headers: Readonly<Record<string, string>>,
  cap = LOGGED_HEADER_BYTES,
): Record<string, string> {
  const kept: Record<string, string> = {};
  let used = 0;
  for (const [name, value] of Object.entries(headers)) {
    const size = Buffer.byteLength(name, 'utf8') + Buffer.byteLength(value, 'utf8');
    if (used + size > cap) continue;
    kept[name] = value;
    used += size;
  }
  return kept;
}
