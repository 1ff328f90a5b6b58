import { GrpcStatus, ManagementClient, PublisherClient } from '@webhooks/client';
import { startLocalKafka, type LocalKafka, type LocalPostgres } from '@webhooks/local-stack';
import {
  accountDeliveries,
  DeadLetters,
  TestPlatform,
  TestReceiver,
  Traffic,
  waitFor,
  type Accounting,
} from '@webhooks/testing';
import { attemptPairs, createEndpoints, secs, startFaultPlatform, type FaultPlatform } from './support';

/**
 * PostgreSQL goes away while events flow through fan-out (which reads endpoints and stores
 * payloads) and the attempt log (which writes every attempt), then comes back on the same port
 * with the same data. Subscriptions must hold the affected batches without committing their
 * offsets, stay alive with /readyz false, and finish everything once the database is back:
 * every OK'd event delivered, every delivery in the attempts table. Own Kafka and Postgres.
 */
describe('faults: PostgreSQL down during fan-out and attempt logging', () => {
  const DOWN_MS = 20_000;
  const tenant = `pgdown-${Date.now().toString(36)}`;
  let fault: FaultPlatform<LocalKafka>;
  let receiver: TestReceiver;
  let postgres: LocalPostgres;
  let platform: TestPlatform;
  let publisher: PublisherClient;
  let management: ManagementClient;
  let deadLetters: DeadLetters;

  beforeAll(async () => {
    fault = await startFaultPlatform({
      name: 'postgres-down',
      startKafka: (dataDir) => startLocalKafka({ dataDir, log: () => undefined }),
    });
    ({ postgres, receiver, platform, publisher, management, deadLetters } = fault);
  }, 240_000);

  afterAll(() => fault?.stop());

  it('holds fan-out and attempt logging while the database is gone, then completes everything', async () => {
    const endpoints = await createEndpoints(management, receiver, tenant, ['/pg-a', '/pg-b'], ['pg.*']);
    const subscriptions = platform.service('subscriptions');
    const ready = async () => (await fetch(`http://127.0.0.1:${subscriptions.httpPort}/readyz`)).status === 200;
    const traffic = new Traffic(
      async (seq) => (await publisher.publish({ tenantId: tenant, eventType: 'pg.tick', payload: { seq } })).eventId,
      { concurrency: 2, pauseMs: 20 },
    ).start();
    let downAt = 0;
    let notReadyAfter = 0;
    let upAt = 0;
    let readyAgainAfter = 0;
    let deliveriesDuringOutage = 0;
    let downFanout = 0;
    try {
      await waitFor('deliveries before the fault', () => receiver.accepted('/pg-a').length >= 50, 60_000);
      await postgres.halt();
      downAt = Date.now();
      await waitFor('subscriptions not ready', async () => !(await ready()), 30_000, 200);
      notReadyAfter = Date.now() - downAt;
      // The management API says "retry" (UNAVAILABLE), not an unknown failure.
      const managementDown = await management.listEndpoints(tenant).then(
        () => 0,
        (error: { code?: number }) => error.code,
      );
      expect(managementDown).toBe(GrpcStatus.UNAVAILABLE);
      // Events keep arriving (ingestion does not need Postgres); their fan-out must wait.
      await new Promise((resolve) => setTimeout(resolve, DOWN_MS));
      const okDuringOutage = traffic.outcomes.filter((o) => o.code === 0 && o.sentAt > downAt + 5_000).length;
      downFanout = okDuringOutage;
      // Deliveries of events accepted well into the outage: none can have been fanned out.
      deliveriesDuringOutage = receiver.requests.filter((r) => r.receivedAt > downAt + 10_000).length;
      expect(subscriptions.alive).toBe(true);
      await postgres.start();
      upAt = Date.now();
      await waitFor('subscriptions ready again', ready, 60_000, 200);
      readyAgainAfter = Date.now() - upAt;
      await new Promise((resolve) => setTimeout(resolve, 5_000));
    } finally {
      await traffic.stop();
    }
    expect(downFanout).toBeGreaterThan(0);
    expect(deliveriesDuringOutage).toBe(0);

    const accepted = traffic.accepted;
    const results: Accounting[] = [];
    for (const endpoint of endpoints) {
      const result = await accountDeliveries({ receiver, endpoint, eventIds: accepted, deadLetters });
      results.push(result);
      expect(result.delivered + result.deadLettered).toBe(accepted.length);
    }
    const firstAfter = Math.min(...receiver.requests.filter((r) => r.receivedAt > upAt).map((r) => r.receivedAt));
    // The attempt log skipped nothing: every (event, endpoint) ends in the table, delivered or dead-lettered.
    const expected = new Set(endpoints.flatMap((e) => accepted.map((id) => `${id}/${e.endpointId}`)));
    let logged = new Set<string>();
    await waitFor(
      'every delivery in the attempts table',
      async () => {
        logged = await attemptPairs(postgres.url, tenant);
        return [...expected].every((pair) => logged.has(pair));
      },
      60_000,
      500,
    );
    expect(subscriptions.alive).toBe(true);
    process.stderr.write(
      `postgres down: ${accepted.length} OK events (${downFanout} accepted during the ${secs(DOWN_MS)} outage, ` +
        `0 delivered before it ended); /readyz false after ${secs(notReadyAfter)}, true ${secs(readyAgainAfter)} ` +
        `after restart; first delivery ${secs(firstAfter - upAt)} after restart; ${logged.size} ended attempts logged; ` +
        `deliveries ${results.map((r) => `${r.delivered} (+${r.duplicates} dup, ${r.deadLettered} DLQ)`).join(' / ')}\n`,
    );
  }, 300_000);
});
