import type { Dispatcher } from 'undici';

/**
 * Talking to an endpoint (an untrusted server): one request through an undici dispatcher, with
 * a deadline for the whole exchange (queueing for a connection, connect, headers and body) and
 * only the first `maxBodyBytes` of the answer kept. An endpoint can answer with a huge,
 * never-ending or slowly dripping body; once the cap is reached or the deadline passes the
 * request is aborted (its connection closed), so an answer costs bounded memory and time.
 *
 * It drives undici's dispatch handler directly rather than `request()`: no response stream, no
 * `AbortSignal`, one plain timer (`test/bench/micro/http-client.ts`: 27–28 µs of CPU per request
 * instead of 79–85 µs for `request()` + `AbortSignal.timeout` + reading the body stream). The
 * handler uses undici's original callbacks (`onConnect`/`onHeaders`/`onData`/…), which its core
 * still speaks; the newer controller-style ones would be wrapped, and their headers decoded, on
 * every request.
 */
export interface CappedRequest {
  method: 'POST' | 'GET';
  body?: Buffer;
  headers: Record<string, string>;
  /** Bytes of the response body kept; the request is aborted once that many have arrived. */
  maxBodyBytes: number;
  /** Deadline for the whole exchange, from this call to the last byte kept. */
  timeoutMs: number;
  /** Response headers to return (lower-case names); the others are not decoded. */
  responseHeaders?: readonly string[];
}

export interface CappedResponse {
  status: number;
  /** The first `maxBodyBytes` of the body, decoded as UTF-8. */
  body: string;
  /** The requested response headers that were present (lower-case names; first value wins). */
  headers: Record<string, string>;
}

/** The deadline of {@link sendCapped} passed before the answer was complete. */
export class ResponseTimeoutError extends Error {
  constructor(readonly timeoutMs: number) {
    super(`no complete answer within ${timeoutMs} ms`);
    this.name = 'ResponseTimeoutError';
  }
}

export function sendCapped(dispatcher: Dispatcher, url: string, request: CappedRequest): Promise<CappedResponse> {
  let target: URL;
  try {
    target = new URL(url);
  } catch (error) {
    return Promise.reject(error instanceof Error ? error : new Error(String(error)));
  }
  return new Promise<CappedResponse>((resolve, reject) => {
    const exchange = new CappedExchange(request, resolve, reject);
    try {
      dispatcher.dispatch(
        {
          origin: target.origin,
          path: target.pathname + target.search,
          method: request.method,
          body: request.body,
          headers: request.headers,
        },
        exchange,
      );
    } catch (error) {
      exchange.settle(error instanceof Error ? error : new Error(String(error)));
    }
  });
}

/**
 * One exchange's state and undici dispatch handler in one object: a request in flight holds it
 * (and its timer) rather than a closure per callback and their contexts — at 320 requests in
 * flight that is what survives the dispatcher's young-generation collections
 * (test/bench/micro/in-flight-attempt.ts, docs/performance.md session 8).
 */
class CappedExchange implements Dispatcher.DispatchHandler {
  private readonly chunks: Buffer[] = [];
  private size = 0;
  private status = 0;
  private headers: Record<string, string> = {};
  private settled = false;
  private abort?: (reason: Error) => void;
  private abortReason?: Error;
  private readonly timer: NodeJS.Timeout;

  constructor(
    private readonly request: CappedRequest,
    private readonly resolve: (response: CappedResponse) => void,
    private readonly reject: (error: Error) => void,
  ) {
    this.timer = setTimeout(expireExchange, request.timeoutMs, this);
    this.timer.unref(); // the request's socket keeps the process alive while it matters
  }

  settle(error: Error | undefined): void {
    if (this.settled) return;
    this.settled = true;
    clearTimeout(this.timer);
    if (error) this.reject(error);
    else
      this.resolve({
        status: this.status,
        body: Buffer.concat(this.chunks, this.size).subarray(0, this.request.maxBodyBytes).toString('utf8'),
        headers: this.headers,
      });
  }

  /** The deadline passed: fails with ResponseTimeoutError and ends the request. */
  expire(): void {
    const error = new ResponseTimeoutError(this.request.timeoutMs);
    this.settle(error);
    this.stop(error);
  }

  /** Ends the request early: at once if it is on a connection, else as soon as it gets one. */
  private stop(reason: Error): void {
    this.abortReason = reason;
    this.abort?.(reason);
  }

  onConnect(abortRequest: (reason: Error) => void): void {
    this.abort = abortRequest;
    if (this.abortReason) abortRequest(this.abortReason);
  }

  onHeaders(statusCode: number, rawHeaders: Buffer[]): boolean {
    this.status = statusCode;
    if (this.request.responseHeaders) this.headers = pickHeaders(rawHeaders, this.request.responseHeaders);
    return true;
  }

  onData(chunk: Buffer): boolean {
    if (this.settled) return true;
    this.chunks.push(chunk);
    this.size += chunk.length;
    if (this.size >= this.request.maxBodyBytes) {
      this.settle(undefined);
      this.stop(new Error('response body cap reached'));
    }
    return true;
  }

  onComplete(): void {
    this.settle(undefined);
  }

  onError(error: Error): void {
    this.settle(error);
  }
}

/** The timer's callback: a plain function given the exchange, so a request holds no closure for it. */
function expireExchange(exchange: CappedExchange): void {
  exchange.expire();
}

/** The wanted headers out of undici's raw [name, value, name, value, …] list. */
function pickHeaders(raw: Buffer[], wanted: readonly string[]): Record<string, string> {
  const picked: Record<string, string> = {};
  for (let i = 0; i + 1 < raw.length; i += 2) {
    if (!wanted.some((name) => name.length === raw[i].length)) continue;
    const name = raw[i].toString('latin1').toLowerCase();
    if (wanted.includes(name) && !(name in picked)) picked[name] = raw[i + 1].toString('latin1');
  }
  return picked;
}

/** A connection-level failure as one short line: `ECONNREFUSED: connect ECONNREFUSED 10.0.0.1:443`. */
export function describeRequestError(error: unknown, fallback = 'request failed'): string {
  const e = error as { code?: string; message?: string; cause?: { code?: string; message?: string } };
  return [e.code ?? e.cause?.code, e.message ?? e.cause?.message].filter(Boolean).join(': ') || fallback;
}
