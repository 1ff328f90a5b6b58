/**
 * Raw-HTTP ceiling, run as its own Node process (forked by bench.ts): signs (Standard Webhooks,
 * `@webhooks/signing`, as the dispatcher does) and POSTs the same number of deliveries straight to
 * the same receiver with undici — one keep-alive Agent, the dispatcher's connections per origin
 * and its effective concurrency per origin — with no Kafka and no platform in between. Each POST
 * goes through `sendCapped`, the dispatcher's own request path (deadline, capped answer).
 */
import { Agent } from 'undici';
import { secretKey, standardWebhookHeaders, webhookId } from '@webhooks/signing';
import { sendCapped } from '@webhooks/ssrf';
import { benchPayload, type HttpCeilingJob, type HttpCeilingResult } from './protocol';

async function run(job: HttpCeilingJob): Promise<HttpCeilingResult> {
  const agent = new Agent({ connections: job.connectionsPerOrigin, keepAliveTimeout: 30_000 });
  const keys = job.secrets.map((secret) => [secretKey(secret)]);
  const origins = job.ports.map((port) => `http://127.0.0.1:${port}/webhooks`);
  const body = benchPayload(job.payloadBytes, 0);
  // Each origin gets its share of the deliveries (as fan-out gives each endpoint one per event).
  const remaining = origins.map(
    (_, o) => Math.floor(job.deliveries / origins.length) + (o < job.deliveries % origins.length ? 1 : 0),
  );
  let seq = 0;
  let sent = 0;
  let failed = 0;
  const started = performance.now();
  // `concurrencyPerOrigin` workers per origin, each taking from that origin's share.
  const worker = async (endpoint: number): Promise<void> => {
    while (remaining[endpoint] > 0) {
      remaining[endpoint]--;
      const i = seq++;
      const headers = standardWebhookHeaders(webhookId(`evt_ceiling_${i}`, `ep_${endpoint}`), body, keys[endpoint]);
      try {
        const response = await sendCapped(agent, origins[endpoint], {
          method: 'POST',
          body,
          headers: { 'content-type': 'application/json', 'user-agent': 'webhook-platform/0.1', ...headers },
          maxBodyBytes: 4096,
          timeoutMs: 15_000,
          responseHeaders: ['retry-after'],
        });
        if (response.status >= 200 && response.status < 300) sent++;
        else failed++;
      } catch {
        failed++;
      }
    }
  };
  const workers: Promise<void>[] = [];
  for (let origin = 0; origin < origins.length; origin++)
    for (let c = 0; c < job.concurrencyPerOrigin; c++) workers.push(worker(origin));
  await Promise.all(workers);
  const elapsedMs = performance.now() - started;
  await agent.close();
  return { type: 'result', sent, failed, elapsedMs };
}

process.once('message', (job: HttpCeilingJob) => {
  void run(job).then((result) => {
    process.send?.(result, () => process.disconnect());
  });
});
process.on('disconnect', () => process.exit(0));
