import { once } from 'node:events';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Agent } from 'undici';
import { describeRequestError, ResponseTimeoutError, sendCapped, type CappedRequest } from './untrusted-response';

/** A loopback HTTP server (port 0) that records every request path and answers with `respond`. */
async function endpoint(respond: (req: IncomingMessage, res: ServerResponse) => void) {
  const paths: string[] = [];
  const server: Server = createServer((req, res) => {
    paths.push(req.url ?? '');
    respond(req, res);
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  return {
    url: (path: string) => `http://127.0.0.1:${(server.address() as AddressInfo).port}${path}`,
    paths,
    close: () => {
      server.closeAllConnections();
      return new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

const post = (overrides: Partial<CappedRequest> = {}): CappedRequest => ({
  method: 'POST',
  body: Buffer.from('{"a":1}'),
  headers: { 'content-type': 'application/json' },
  maxBodyBytes: 4096,
  timeoutMs: 5_000,
  ...overrides,
});

describe('sendCapped', () => {
  let agent: Agent;
  beforeEach(() => {
    agent = new Agent({ connections: 1 });
  });
  afterEach(async () => {
    await agent.destroy();
  });

  it('returns the status, the body and only the response headers asked for (any case)', async () => {
    const server = await endpoint((_req, res) =>
      res.writeHead(429, { 'Retry-After': '7', 'X-Other': 'no' }).end('slow down'),
    );
    try {
      const response = await sendCapped(agent, server.url('/hook?x=1'), post({ responseHeaders: ['retry-after'] }));
      expect(response).toEqual({ status: 429, body: 'slow down', headers: { 'retry-after': '7' } });
      expect(server.paths).toEqual(['/hook?x=1']);
    } finally {
      await server.close();
    }
  });

  it('keeps only the first maxBodyBytes of a huge body and gives up the connection', async () => {
    let closed = false;
    const server = await endpoint((req, res) => {
      req.socket.on('close', () => (closed = true));
      res.writeHead(200);
      const chunk = Buffer.alloc(16_384, 'x');
      const pump = () => {
        while (!closed && res.write(chunk));
        if (!closed) res.once('drain', pump);
      };
      pump(); // endless
    });
    try {
      const response = await sendCapped(agent, server.url('/'), post({ maxBodyBytes: 100 }));
      expect(response.status).toBe(200);
      expect(response.body).toBe('x'.repeat(100));
      await waitUntil(() => closed);
    } finally {
      await server.close();
    }
  });

  it('rejects with ResponseTimeoutError when a body drips past the deadline', async () => {
    const server = await endpoint((_req, res) => {
      res.writeHead(200);
      res.write('a'); // and never ends
    });
    try {
      const started = Date.now();
      await expect(sendCapped(agent, server.url('/'), post({ timeoutMs: 300 }))).rejects.toBeInstanceOf(
        ResponseTimeoutError,
      );
      expect(Date.now() - started).toBeGreaterThanOrEqual(290);
    } finally {
      await server.close();
    }
  });

  it('counts the wait for a connection against the deadline, and never sends a request that timed out queued', async () => {
    const hanging: ServerResponse[] = [];
    const server = await endpoint((_req, res) => hanging.push(res));
    try {
      // One connection: the second request queues behind the first, which hangs.
      const first = sendCapped(agent, server.url('/first'), post({ timeoutMs: 5_000 }));
      await waitUntil(() => hanging.length === 1);
      await expect(sendCapped(agent, server.url('/second'), post({ timeoutMs: 200 }))).rejects.toThrow(
        'no complete answer within 200 ms',
      );
      hanging[0].writeHead(204).end();
      await expect(first).resolves.toMatchObject({ status: 204, body: '' });
      // The connection is free again; a third request goes out, the timed-out second never did.
      const third = sendCapped(agent, server.url('/third'), post());
      await waitUntil(() => hanging.length === 2);
      hanging[1].writeHead(200).end('ok');
      await expect(third).resolves.toMatchObject({ status: 200, body: 'ok' });
      expect(server.paths).toEqual(['/first', '/third']);
    } finally {
      await server.close();
    }
  });

  it('rejects with the connection error when nothing listens', async () => {
    const server = await endpoint(() => undefined);
    const url = server.url('/');
    await server.close();
    const error = await sendCapped(agent, url, post()).catch((e: unknown) => e);
    expect(describeRequestError(error)).toMatch(/ECONNREFUSED/);
  });

  it('rejects a malformed URL without sending anything', async () => {
    await expect(sendCapped(agent, 'not a url', post())).rejects.toThrow(/Invalid URL/);
  });
});

async function waitUntil(condition: () => boolean, timeoutMs = 5_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}
