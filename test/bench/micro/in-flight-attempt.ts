/**
 * Micro-benchmark: heap one delivery attempt holds while its request is in flight.
 *
 *   npx tsx test/bench/micro/in-flight-attempt.ts [attempts=3000]
 *
 * At max rate the dispatcher keeps 32 requests in flight per endpoint; whatever one of them
 * holds survives the young generation more often than not (docs/performance.md, session 8).
 * This runs the dispatcher's own `DeliverTaskUseCase.attempt` (signing, headers, `HttpSender`
 * through the SSRF-guarded undici agent) against a local server that reads each request and
 * answers only when told, then measures the heap after a full collection with every attempt
 * waiting for its response. Prints bytes of heap per attempt in flight — the local server's
 * request and response objects included (~1 KB of it, by a heap-snapshot diff).
 */
import { once } from 'node:events';
import { createServer, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { Registry } from 'prom-client';
import type { DeliveryTask } from '@webhooks/contracts';
import { DelayTiers, TopicNames } from '@webhooks/kafka';
import { Logger } from '@webhooks/observability';
import { EndpointSecretCodec } from '@webhooks/signing';
// eslint-disable-next-line @nx/enforce-module-boundaries -- measures the dispatcher's own attempt
import type { DispatcherConfig } from '../../../apps/dispatcher/src/dispatcher.config';
// eslint-disable-next-line @nx/enforce-module-boundaries -- measures the dispatcher's own attempt
import { DeliverTaskUseCase } from '../../../apps/dispatcher/src/delivery/deliver-task.usecase';
// eslint-disable-next-line @nx/enforce-module-boundaries -- measures the dispatcher's own attempt
import { DeliveryMetrics } from '../../../apps/dispatcher/src/delivery/delivery.metrics';
// eslint-disable-next-line @nx/enforce-module-boundaries -- measures the dispatcher's own attempt
import { HttpSender } from '../../../apps/dispatcher/src/delivery/http-sender';
// eslint-disable-next-line @nx/enforce-module-boundaries -- measures the dispatcher's own attempt
import type { EndpointViewStore } from '../../../apps/dispatcher/src/endpoint-view/endpoint-view.store';
import { benchEndpointView } from './endpoint-view';

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

const attempts = Number(process.argv[2] ?? 3_000);

async function main(): Promise<void> {
  const held: ServerResponse[] = [];
  const server = createServer((request, response) => {
    request.resume();
    request.once('end', () => held.push(response));
  });
  server.keepAliveTimeout = 60_000;
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;

  const config = {
    MAX_CONNECTIONS_PER_ORIGIN: attempts,
    REQUEST_TIMEOUT: 60_000,
    MAX_RESPONSE_BODY_BYTES: 4096,
    ALLOW_HTTP_ENDPOINTS: true,
    SSRF_ALLOW_CIDRS: ['127.0.0.0/8'],
  } as unknown as DispatcherConfig;
  const logger = new Logger('micro', 'error');
  const sender = new HttpSender(config, logger);
  const useCase = new DeliverTaskUseCase(
    {} as EndpointViewStore,
    sender,
    new TopicNames(),
    new DelayTiers([5_000]),
    new DeliveryMetrics(new Registry()),
    logger,
    EndpointSecretCodec.fromKey(''),
    config,
  );
  const view = benchEndpointView('ep_2Vb7nQ1sYkq3xJ9tF0aPz', `http://127.0.0.1:${port}/hook`);
  const payload = Buffer.alloc(1024, 'a');
  const task = (i: number): DeliveryTask => ({
    messageId: `msg_${i}_2Vb7nQ1sYkq3xJ9tF0aPzR8u`,
    eventId: `evt_${i}_2Vb7nQ1sYkq3xJ9tF0aPzR8u`,
    tenantId: 'tenant_bench_1',
    eventType: 'order.created',
    endpointId: view.id,
    endpointVersion: 1,
    attempts: 0,
    publishedAt: 1_764_400_000_000 + i,
    payload,
  });

  const round = async (label: string): Promise<void> => {
    // Connections first (one per attempt), so the measurement holds requests, not sockets.
    gc();
    const before = process.memoryUsage().heapUsed;
    const pending = Array.from({ length: attempts }, (_, i) => useCase.attempt(task(i), view));
    while (held.length < attempts) await new Promise((resolve) => setTimeout(resolve, 20));
    gc();
    const during = process.memoryUsage().heapUsed;
    for (const response of held.splice(0)) response.end('ok');
    const results = await Promise.all(pending);
    if (results.some((r) => r.outputs.length !== 1)) throw new Error('an attempt did not deliver');
    console.log(
      `${label}: ${attempts} attempts in flight: ${((during - before) / attempts).toFixed(0)} bytes of heap each`,
    );
  };
  await round('round 1 (connections opened)');
  await round('round 2 (connections reused)');
  await round('round 3 (connections reused)');
  await sender.onApplicationShutdown();
  server.close();
}

void main();
