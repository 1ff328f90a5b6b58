/**
 * The bench's webhook receiver, run as its own Node process (forked by bench.ts) so its CPU and
 * memory are measured apart from the bench. It listens on one loopback port per endpoint (each
 * endpoint is its own origin, as distinct customers would be), verifies EVERY request with the
 * official `standardwebhooks` verifier, answers 200, and streams `webhook-id` + arrival time to
 * the parent. A request that fails verification is answered 401 and counted.
 */
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Webhook } from 'standardwebhooks';
import type { FromReceiver, ToReceiver } from './protocol';

const FLUSH_MS = 200;

const send = (message: FromReceiver): void => {
  process.send?.(message);
};

let verifiers: Webhook[] = [];
let phase = { name: 'idle', stream: false, received: 0, verifyFailures: 0, firstAt: 0, lastAt: 0 };
let ids: string[] = [];
let at: number[] = [];

function flush(): void {
  if (ids.length === 0) return;
  send({ type: 'arrivals', ids, at });
  ids = [];
  at = [];
}

function handle(index: number, req: IncomingMessage, body: Buffer): number {
  const now = Date.now();
  const verifier = verifiers[index];
  if (!verifier) return 503;
  try {
    verifier.verify(body, req.headers as Record<string, string>);
  } catch {
    phase.verifyFailures++;
    return 401;
  }
  phase.received++;
  if (phase.firstAt === 0) phase.firstAt = now;
  phase.lastAt = now;
  if (phase.stream) {
    ids.push(String(req.headers['webhook-id']));
    at.push(now);
  }
  return 200;
}

function listen(index: number): Promise<Server> {
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const status = handle(index, req, Buffer.concat(chunks));
      res.writeHead(status, { 'content-type': 'text/plain', 'content-length': '2' }).end('ok');
    });
  });
  server.keepAliveTimeout = 60_000;
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

async function main(): Promise<void> {
  const count = Number(process.argv[2] ?? '1');
  const servers = await Promise.all(Array.from({ length: count }, (_, i) => listen(i)));
  const flusher = setInterval(flush, FLUSH_MS);
  process.on('message', (message: ToReceiver) => {
    switch (message.type) {
      case 'secrets':
        verifiers = message.secrets.map((secret) => new Webhook(secret));
        break;
      case 'phase': {
        flush();
        const { name, received, verifyFailures, firstAt, lastAt } = phase;
        send({ type: 'phase-stats', name, received, verifyFailures, firstAt, lastAt });
        phase = { name: message.name, stream: message.stream, received: 0, verifyFailures: 0, firstAt: 0, lastAt: 0 };
        break;
      }
      case 'stop':
        clearInterval(flusher);
        for (const server of servers) server.closeAllConnections();
        for (const server of servers) server.close();
        process.disconnect();
        break;
    }
  });
  // The bench is gone (crash, SIGKILL): never outlive it.
  process.on('disconnect', () => process.exit(0));
  send({ type: 'ready', ports: servers.map((s) => (s.address() as AddressInfo).port) });
}

void main();
