import type { Kafka } from 'kafkajs';
import { ManagementClient, PublisherClient } from '@webhooks/client';
import { webhookId } from '@webhooks/signing';
import { startLocalKafkaCluster, type LocalKafkaCluster } from '@webhooks/local-stack';
import {
  accountDeliveries,
  DeadLetters,
  TestPlatform,
  TestReceiver,
  Traffic,
  waitFor,
  type Accounting,
} from '@webhooks/testing';
import { createEndpoints, secs, startFaultPlatform, type FaultPlatform } from './support';

/**
 * A 3-node KRaft cluster (each node broker + controller), every platform topic at replication
 * factor 3 with min.insync.replicas 2, ingestion producing with acks=all. One node is SIGKILLed
 * mid-traffic: the quorum and every partition survive, publishes succeed again after a short
 * blip, deliveries continue, and no event that got an OK is lost.
 */
describe('faults: a 3-broker cluster loses a broker during traffic', () => {
  const EVENTS = 1_000;
  const tenant = `brokerloss-${Date.now().toString(36)}`;
  let fault: FaultPlatform<LocalKafkaCluster>;
  let receiver: TestReceiver;
  let cluster: LocalKafkaCluster;
  let platform: TestPlatform;
  let publisher: PublisherClient;
  let management: ManagementClient;
  let kafka: Kafka;
  let deadLetters: DeadLetters;

  beforeAll(async () => {
    fault = await startFaultPlatform({
      name: 'broker-loss',
      startKafka: (dataDir) => startLocalKafkaCluster({ dataDir, nodes: 3, log: () => undefined }),
      env: { KAFKA_REPLICATION_FACTOR: '3', PUBLISH_TIMEOUT: '5s' },
    });
    ({ kafka: cluster, receiver, platform, publisher, management, deadLetters, client: kafka } = fault);
  }, 240_000);

  afterAll(() => fault?.stop());

  it('keeps publishing and delivering with one broker SIGKILLed; every OK is delivered', async () => {
    // The layout really is RF 3 / min ISR 2 (what makes acks=all survive one loss and only one).
    const admin = kafka.admin();
    await admin.connect();
    const events = platform.topic('webhooks.events');
    const [metadata] = (await admin.fetchTopicMetadata({ topics: [events] })).topics;
    expect(metadata.partitions.every((p) => p.replicas.length === 3)).toBe(true);
    const config = await admin.describeConfigs({
      includeSynonyms: false,
      resources: [{ type: 2, name: events, configNames: ['min.insync.replicas'] }],
    });
    expect(config.resources[0].configEntries[0].configValue).toBe('2');
    // The node leading events partition 0 goes: ingestion and the fan-out both see a leader move.
    const victimId = metadata.partitions.find((p) => p.partitionId === 0)!.leader;
    await admin.disconnect();
    const victim = cluster.nodes.find((n) => n.nodeId === victimId)!;

    const endpoints = await createEndpoints(management, receiver, tenant, ['/loss-a', '/loss-b'], ['loss.*']);
    const traffic = new Traffic(
      async (seq) => (await publisher.publish({ tenantId: tenant, eventType: 'loss.tick', payload: { seq } })).eventId,
      { concurrency: 2, pauseMs: 30, maxRequests: EVENTS },
    ).start();
    let killedAt = 0;
    try {
      await waitFor('a third of the events accepted', () => traffic.accepted.length >= EVENTS / 3, 120_000, 50);
      await victim.kill('SIGKILL');
      killedAt = Date.now();
      await waitFor('the traffic to finish', () => traffic.outcomes.length >= EVENTS, 240_000, 200);
    } finally {
      await traffic.stop();
    }
    const afterKill = traffic.outcomes.filter((o) => o.sentAt >= killedAt);
    const firstOk = afterKill.find((o) => o.code === 0);
    expect(firstOk).toBeDefined();
    const refused = afterKill.filter((o) => o.code !== 0);
    // A short blip only: nothing refused once 30 s have passed since the kill.
    expect(refused.filter((o) => o.sentAt > killedAt + 30_000)).toEqual([]);
    const acceptedAfterKill = new Set(
      afterKill.filter((o) => o.code === 0).flatMap((o) => endpoints.map((e) => webhookId(o.eventId!, e.endpointId))),
    );
    const firstDelivery = await waitFor(
      'a delivery of an event accepted after the kill',
      () => receiver.requests.find((r) => acceptedAfterKill.has(String(r.headers['webhook-id']))),
      60_000,
    );

    const accepted = traffic.accepted;
    const results: Accounting[] = [];
    for (const endpoint of endpoints) {
      const result = await accountDeliveries({
        receiver,
        endpoint,
        eventIds: accepted,
        deadLetters,
        timeoutMs: 180_000,
      });
      results.push(result);
      expect(result.delivered + result.deadLettered).toBe(accepted.length);
    }
    process.stderr.write(
      `broker loss: node ${victimId} of 3 SIGKILLed; ${traffic.outcomes.length} requests, ${accepted.length} OK, ` +
        `${refused.length} refused after the kill (codes ${JSON.stringify(traffic.codes(refused))}); first OK ` +
        `${secs(firstOk!.answeredAt - killedAt)} after the kill, a delivery ${secs(firstDelivery.receivedAt - killedAt)} after; ` +
        `deliveries ${results.map((r) => `${r.delivered} (+${r.duplicates} dup, ${r.deadLettered} DLQ, ${r.unacknowledged} unacked)`).join(' / ')}\n`,
    );
  }, 420_000);
});
