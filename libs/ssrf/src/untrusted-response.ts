/**
 * Reading what an endpoint (an untrusted server) sends back. An endpoint can answer with a
 * huge or never-ending body; only the first `cap` bytes are kept and the rest is not read (the
 * stream is destroyed), so the answer costs bounded memory and releases its connection slot.
 */
export async function readCapped(body: AsyncIterable<Buffer> & { destroy(): unknown }, cap: number): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of body) {
    chunks.push(chunk);
    size += chunk.length;
    if (size >= cap) {
      body.destroy();
      break;
    }
  }
  return Buffer.concat(chunks).subarray(0, cap).toString('utf8');
}

/** A connection-level failure as one short line: `ECONNREFUSED: connect ECONNREFUSED 10.0.0.1:443`. */
export function describeRequestError(error: unknown, fallback = 'request failed'): string {
  const e = error as { code?: string; message?: string; cause?: { code?: string; message?: string } };
  return [e.code ?? e.cause?.code, e.message ?? e.cause?.message].filter(Boolean).join(': ') || fallback;
}
