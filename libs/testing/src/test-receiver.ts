import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ReceivedRequest {
  path: string;
  headers: IncomingHttpHeaders;
  body: Buffer;
  receivedAt: number;
}

/** One answer: a status, a status with headers (e.g. Retry-After), or `hang` (never answers). */
export type ReceiverAnswer = number | 'hang' | { status: number; headers: Record<string, string> };

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
        const { status, headers } = typeof answer === 'number' ? { status: answer, headers: {} } : answer;
        res.writeHead(status, { 'content-type': 'text/plain', ...headers }).end(status < 300 ? 'ok' : 'nope');
      });
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    this.port = (this.server.address() as AddressInfo).port;
    return this;
  }

  /** Sets how `path` answers from now on (default 200). */
  on(path: string, behaviour: ReceiverBehaviour): this {
    this.behaviours.set(path, behaviour);
    return this;
  }

  url(path: string): string {
    return `http://127.0.0.1:${this.port}${path}`;
  }

  received(path: string): ReceivedRequest[] {
    return this.requests.filter((r) => r.path === path);
  }

  async stop(): Promise<void> {
    this.server?.closeAllConnections();
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }
}
