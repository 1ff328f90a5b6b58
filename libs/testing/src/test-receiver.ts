import { createServer, type IncomingHttpHeaders, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ReceivedRequest {
  path: string;
  headers: IncomingHttpHeaders;
  body: Buffer;
  receivedAt: number;
  /** The status the receiver answered with (undefined while it hangs). */
  status?: number;
}

/**
 * One answer: a status; a status with headers (e.g. Retry-After), a body and/or a delay; `hang` (never
 * answers); `flood` (200, then an endless body as fast as the socket takes it); `drip` (200,
 * then one body byte every 500 ms, forever).
 */
export type ReceiverAnswer =
  | number
  | 'hang'
  | 'flood'
  | 'drip'
  | { status: number; headers?: Record<string, string>; delayMs?: number; body?: string };

/** How a path answers: always the same, or decided per request. */
export type ReceiverBehaviour = ReceiverAnswer | ((request: ReceivedRequest) => ReceiverAnswer);

/**
 * A local webhook receiver on a free loopback port. Records every request (raw body bytes,
 * headers, arrival time) per path and answers as told per path: any status, or hang.
 */
export class TestReceiver {
  readonly requests: ReceivedRequest[] = [];
  private readonly behaviours = new Map<string, ReceiverBehaviour>();
  private server?: Server;
  private port = 0;
  private connectionCount = 0;

  async start(): Promise<this> {
    this.server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (chunk: Buffer) => chunks.push(chunk));
      req.on('end', () => {
        const path = (req.url ?? '/').split('?')[0];
        const request: ReceivedRequest = {
          path,
          headers: req.headers,
          body: Buffer.concat(chunks),
          receivedAt: Date.now(),
        };
        this.requests.push(request);
        const behaviour = this.behaviours.get(path) ?? 200;
        const answer = typeof behaviour === 'function' ? behaviour(request) : behaviour;
        if (answer === 'hang') return;
        if (answer === 'flood' || answer === 'drip') {
          request.status = 200;
          return this.stream(res, answer);
        }
        const { status, headers, delayMs, body } = typeof answer === 'number' ? { status: answer } : answer;
        request.status = status;
        const send = () =>
          res
            .writeHead(status, { 'content-type': 'text/plain', ...headers })
            .end(body ?? (status < 300 ? 'ok' : 'nope'));
        if (delayMs) setTimeout(send, delayMs);
        else send();
      });
    });
    this.server.on('connection', () => this.connectionCount++);
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    this.port = (this.server.address() as AddressInfo).port;
    return this;
  }

  private stream(res: ServerResponse, mode: 'flood' | 'drip'): void {
    res.writeHead(200, { 'content-type': 'application/octet-stream' });
    const chunk = Buffer.alloc(mode === 'flood' ? 64 * 1024 : 1, 0x61);
    let stopped = false;
    res.on('close', () => (stopped = true));
    const pump = () => {
      if (stopped) return;
      if (mode === 'drip') {
        res.write(chunk);
        setTimeout(pump, 500);
      } else if (res.write(chunk)) setImmediate(pump);
      else res.once('drain', pump);
    };
    pump();
  }

  /** Sets how `path` answers from now on (default 200). */
  on(path: string, behaviour: ReceiverBehaviour): this {
    this.behaviours.set(path, behaviour);
    return this;
  }

  /** TCP connections accepted so far, with or without a request (the SSRF tests expect none). */
  get connections(): number {
    return this.connectionCount;
  }

  url(path: string): string {
    return `http://127.0.0.1:${this.port}${path}`;
  }

  received(path: string): ReceivedRequest[] {
    return this.requests.filter((r) => r.path === path);
  }

  /** Requests at `path` that were answered with a 2xx. */
  accepted(path: string): ReceivedRequest[] {
    return this.received(path).filter((r) => r.status !== undefined && r.status >= 200 && r.status < 300);
  }

  async stop(): Promise<void> {
    this.server?.closeAllConnections();
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }
}
