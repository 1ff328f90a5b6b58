/**
 * Micro-benchmark: client CPU per webhook POST for the ways undici can send one, on loopback.
 * It showed that `request()` + `AbortSignal.timeout` + reading the body stream cost ~3× what the
 * dispatch handler behind `sendCapped` costs, which is why the dispatcher uses the latter.
 *
 *   npx tsx test/bench/micro/http-client.ts [requests=100000]
 *
 * Each mode runs in its own process (fresh JIT) against 10 local HTTP servers in another
 * process (answering 200 "ok"), 16 connections and 32 requests in flight per origin as the
 * dispatcher's defaults; it prints the client's CPU µs per request (utime + stime) and req/s.
 */
import { fork } from 'node:child_process';
import { once } from 'node:events';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Agent, request } from 'undici';
import { sendCapped } from '@webhooks/ssrf';

type Mode = 'request+signal' | 'request' | 'sendCapped';
const MODES: Mode[] = ['request+signal', 'request', 'sendCapped'];
const ORIGINS = 10;
const body = Buffer.alloc(1024, 'a');
const headers = (i: number) => ({
  'content-type': 'application/json',
  'webhook-id': `msg_${i}`,
  'webhook-timestamp': '1700000000',
  'webhook-signature': 'v1,K5oZfzN95Z9UVu1EsfQmfVNQhnkZ2pj9o9NDN/H/pI4=',
});

async function viaRequest(agent: Agent, url: string, i: number, withSignal: boolean): Promise<number> {
  const signal = withSignal ? AbortSignal.timeout(15_000) : undefined;
  const response = await request(url, { method: 'POST', body, headers: headers(i), dispatcher: agent, signal });
  let size = 0;
  for await (const chunk of response.body as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size >= 4096) break;
  }
  return response.statusCode;
}

async function client(mode: Mode, ports: number[], requests: number): Promise<void> {
  const agent = new Agent({ connections: 16, keepAliveTimeout: 30_000 });
  const urls = ports.map((port) => `http://127.0.0.1:${port}/hook`);
  const send = (i: number): Promise<number> =>
    mode === 'sendCapped'
      ? sendCapped(agent, urls[i % ORIGINS], {
          method: 'POST',
          body,
          headers: headers(i),
          maxBodyBytes: 4096,
          timeoutMs: 15_000,
          responseHeaders: ['retry-after'],
        }).then((r) => r.status)
      : viaRequest(agent, urls[i % ORIGINS], i, mode === 'request+signal');
  const run = async (n: number): Promise<void> => {
    let next = 0;
    const worker = async (): Promise<void> => {
      while (next < n) if ((await send(next++)) !== 200) throw new Error('unexpected status');
    };
    await Promise.all(Array.from({ length: 32 * ORIGINS }, worker));
  };
  await run(Math.min(20_000, requests)); // warm-up
  const cpu = process.cpuUsage();
  const started = performance.now();
  await run(requests);
  const used = process.cpuUsage(cpu);
  const seconds = (performance.now() - started) / 1000;
  const perRequest = (used.user + used.system) / requests;
  console.log(
    `${mode.padEnd(16)} ${perRequest.toFixed(1).padStart(6)} µs CPU/request  ${Math.round(requests / seconds)} req/s`,
  );
  await agent.close();
}

async function servers(): Promise<void> {
  const ports: number[] = [];
  for (let i = 0; i < ORIGINS; i++) {
    const server = createServer((req, res) => {
      req.resume();
      req.on('end', () => res.writeHead(200, { 'content-type': 'text/plain' }).end('ok'));
    });
    server.keepAliveTimeout = 60_000;
    server.listen(0, '127.0.0.1');
    await once(server, 'listening');
    ports.push((server.address() as AddressInfo).port);
  }
  process.send?.(ports);
}

async function main(): Promise<void> {
  const [role, ...rest] = process.argv.slice(2);
  if (role === '--server') return servers();
  if (role === '--client') return client(rest[0] as Mode, JSON.parse(rest[1]) as number[], Number(rest[2]));
  const requests = Number(role ?? 100_000);
  const server = fork(__filename, ['--server'], { execArgv: process.execArgv });
  const [ports] = (await once(server, 'message')) as [number[]];
  try {
    for (const mode of MODES) {
      const child = fork(__filename, ['--client', mode, JSON.stringify(ports), String(requests)], {
        execArgv: process.execArgv,
      });
      const [code] = (await once(child, 'exit')) as [number];
      if (code !== 0) throw new Error(`${mode} client exited with ${code}`);
    }
  } finally {
    server.kill();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
