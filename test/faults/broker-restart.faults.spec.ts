import { GrpcStatus, ManagementClient, PublisherClient } from '@webhooks/client';
import { startLocalKafka, type LocalKafka, type LocalPostgres } from '@webhooks/local-stack';
import {
  accountDeliveries,
  DeadLetters,
  TestReceiver,
  Traffic,
  waitFor,
  type Accounting,
  type EndpointUnderTest,
  type PublishOutcome,
} from '@webhooks/testing';
import { attemptPairs, createEndpoints, secs, startFaultPlatform, type FaultPlatform } from './support';

/**
 * The Kafka broker stops while a publisher keeps sending, stays down, and comes back on the same
 * ports with the same data. While it is down ingestion answers UNAVAILABLE and never OK; once it
 * is back every consumer (fan-out, dispatcher, attempt log) resumes by itself and every event that
 * got an OK is delivered. Uses a broker of its own, so stopping it disturbs no other test.
 */
describe('faults: Kafka broker restart during traffic', () => {
  const DOWN_MS = 20_000;
  const tenant = `restart-${Date.now().toString(36)}`;
  let fault: FaultPlatform<LocalKafka>;
  let receiver: TestReceiver;
  let kafka: LocalKafka;
  let postgres: LocalPostgres;
  let publisher: PublisherClient;
  let management: ManagementClient;
  let deadLetters: DeadLetters;

  beforeAll(async () => {
    fault = await startFaultPlatform({
      name: 'broker-restart',
      startKafka: (dataDir) => startLocalKafka({ dataDir, log: () => undefined }),
      env: { PUBLISH_TIMEOUT: '4s', LOG_LEVEL: process.env.FAULTS_LOG_LEVEL ?? 'info' },
    });
    ({ kafka, postgres, receiver, publisher, management, deadLetters } = fault);
  }, 240_000);

  afterAll(() => fault?.stop());

  it('answers UNAVAILABLE while the broker is down, resumes by itself, and delivers every OK', async () => {
    const endpoints: EndpointUnderTest[] = await createEndpoints(
      management,
      receiver,
      tenant,
      ['/restart-a', '/restart-b'],
      ['restart.*'],
    );
    const traffic = new Traffic(
      async (seq) =>
        (await publisher.publish({ tenantId: tenant, eventType: 'restart.tick', payload: { seq } })).eventId,
      { concurrency: 2, pauseMs: 20 },
    ).start();
    let downFrom = 0;
    let downTo = 0;
    let upAt = 0;
    let firstOk: PublishOutcome;
    let deliveriesResumedAt = 0;
    try {
      const delivered = () => receiver.accepted('/restart-a').length;
      await waitFor('deliveries before the fault', () => delivered() >= 50, 60_000);

      await kafka.stop();
      downFrom = Date.now();
      await new Promise((resolve) => setTimeout(resolve, DOWN_MS));
      downTo = Date.now();
      await kafka.start();
      upAt = Date.now();

      // Publishes resume, and so does the whole pipeline: an event accepted after the restart is delivered.
      firstOk = await waitFor(
        'an OK after the restart',
        () => traffic.outcomes.find((o) => o.code === 0 && o.sentAt >= upAt),
        60_000,
        100,
      );
      await waitFor(
        'a delivery of an event accepted after the restart',
        () => receiver.accepted('/restart-a').some((r) => r.receivedAt > firstOk.answeredAt),
        90_000,
        100,
      );
      deliveriesResumedAt = Math.min(
        ...receiver
          .accepted('/restart-a')
          .filter((r) => r.receivedAt > upAt)
          .map((r) => r.receivedAt),
      );
      await new Promise((resolve) => setTimeout(resolve, 5_000));
    } finally {
      await traffic.stop();
    }

    // Never an OK for a request sent and answered while the broker was gone; refusals were UNAVAILABLE.
    const down = traffic.within(downFrom, downTo);
    expect(down.filter((o) => o.code === 0)).toEqual([]);
    const UNAVAILABLE: number = GrpcStatus.UNAVAILABLE;
    const unavailable = down.filter((o) => o.code === UNAVAILABLE).length;
    expect(unavailable).toBeGreaterThan(0);
    expect(Object.keys(traffic.codes(down)).map(Number)).toEqual([UNAVAILABLE]);

    const accepted = traffic.accepted;
    const results: Accounting[] = [];
    for (const endpoint of endpoints) {
      const result = await accountDeliveries({ receiver, endpoint, eventIds: accepted, deadLetters });
      results.push(result);
      expect(result.delivered + result.deadLettered).toBe(accepted.length);
    }
    // The attempt log resumed too: every (event, endpoint) ends in the attempts table.
    const expected = new Set(endpoints.flatMap((e) => accepted.map((id) => `${id}/${e.endpointId}`)));
    await waitFor(
      'every (event, endpoint) in the attempt log',
      async () => {
        const logged = await attemptPairs(postgres.url, tenant);
        return [...expected].every((pair) => logged.has(pair));
      },
      60_000,
      500,
    );

    process.stderr.write(
      `broker restart: ${traffic.outcomes.length} requests, ${accepted.length} OK, ${unavailable} UNAVAILABLE ` +
        `in the ${secs(downTo - downFrom)} down window (0 OK); first OK ${secs(firstOk.answeredAt - upAt)} ` +
        `and first delivery ${secs(deliveriesResumedAt - upAt)} after the broker was ready; ` +
        `deliveries ${results.map((r) => `${r.delivered} (+${r.duplicates} dup, ${r.deadLettered} DLQ, ${r.unacknowledged} unacked)`).join(' / ')}\n`,
    );
    expect(firstOk.answeredAt - upAt).toBeLessThan(60_000);
    expect(deliveriesResumedAt - upAt).toBeLessThan(60_000);
  }, 300_000);
});
