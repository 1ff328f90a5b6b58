/**
 * The patched kafkajs sendMessages (patches/README.md), driven through a scripted cluster: the
 * retry bookkeeping is pure logic, so brokers here are plain objects that answer or fail the way
 * a real cluster does during a leader move. Each case failed against the unpatched file.
 */
/* eslint-disable @typescript-eslint/no-require-imports -- kafkajs internals are untyped CommonJS */
import { assertKafkajsPatched } from './client';

const createSendMessages = require('kafkajs/src/producer/sendMessages');
const createRetry = require('kafkajs/src/retry');
const { createErrorFromCode } = require('kafkajs/src/protocol/error');

const NOT_LEADER_OR_FOLLOWER = 6;
const TOPIC = 'events';

interface ProduceCall {
  broker: number;
  partitions: number[];
  sequences: number[];
}

/** A cluster of brokers 1 and 2 whose leaders change when metadata is refreshed. */
function scriptedCluster(options: {
  leaders: Record<number, number>;
  leadersAfterRefresh: Record<number, number>;
  /** Partitions a broker answers NOT_LEADER for (its whole request fails, as in kafkajs). */
  failing: Record<number, number[]>;
}) {
  let leaders = { ...options.leaders };
  const calls: ProduceCall[] = [];
  const sequences = new Map<number, number>();
  const broker = (nodeId: number) => ({
    nodeId,
    produce: ({ topicData }: { topicData: { partitions: { partition: number; firstSequence: number }[] }[] }) => {
      const partitions = topicData.flatMap((t) => t.partitions.map((p) => p.partition));
      calls.push({
        broker: nodeId,
        partitions,
        sequences: topicData.flatMap((t) => t.partitions.map((p) => p.firstSequence)),
      });
      const stale = partitions.filter((p) => leaders[p] !== nodeId || options.failing[nodeId]?.includes(p));
      if (stale.length) return Promise.reject(createErrorFromCode(NOT_LEADER_OR_FOLLOWER) as Error);
      return Promise.resolve({
        topics: [
          {
            topicName: TOPIC,
            partitions: partitions.map((partition) => ({ partition, errorCode: 0, baseOffset: '0' })),
          },
        ],
      });
    },
  });
  const brokers = new Map([1, 2].map((id) => [id, broker(id)]));
  const metadata = () => Object.entries(leaders).map(([p, leader]) => ({ partitionId: Number(p), leader }));
  const cluster = {
    targetTopics: new Set<string>(),
    addMultipleTargetTopics: () => Promise.resolve(),
    refreshMetadataIfNecessary: () => Promise.resolve(),
    refreshMetadata: () => {
      leaders = { ...options.leadersAfterRefresh };
      options.failing = {};
      return Promise.resolve();
    },
    isConnected: () => true,
    removeBroker: () => undefined,
    findTopicPartitionMetadata: () => metadata(),
    findBroker: ({ nodeId }: { nodeId: string }) => Promise.resolve(brokers.get(Number(nodeId))),
    findLeaderForPartitions: (_topic: string, partitions: string[]) => {
      const result: Record<number, number[]> = {};
      for (const p of partitions.map(Number)) if (leaders[p] !== undefined) (result[leaders[p]] ??= []).push(p);
      return result;
    },
  };
  const eosManager = {
    isTransactional: () => false,
    acquireBrokerLock: () => Promise.resolve(),
    releaseBrokerLock: () => Promise.resolve(),
    getProducerId: () => 1,
    getProducerEpoch: () => 0,
    getTransactionalId: () => undefined,
    getSequence: (_topic: string, partition: number) => sequences.get(partition) ?? 0,
    updateSequence: (_topic: string, partition: number, increment: number) =>
      sequences.set(partition, (sequences.get(partition) ?? 0) + increment),
  };
  const logger = { debug: () => undefined, error: () => undefined, info: () => undefined, warn: () => undefined };
  const send = createSendMessages({
    logger,
    cluster,
    eosManager,
    partitioner: ({ message }: { message: { partition: number } }) => message.partition,
    retrier: createRetry({ retries: 3, initialRetryTime: 1, maxRetryTime: 2 }),
  });
  return {
    calls,
    sequences,
    send: (partitions: number[]): Promise<{ partition: number }[]> =>
      send({
        acks: -1,
        timeout: 1000,
        topicMessages: [
          { topic: TOPIC, messages: partitions.map((partition) => ({ partition, value: `p${partition}` })) },
        ],
      }),
  };
}

describe('kafkajs sendMessages (patched)', () => {
  it('is the patched file', () => {
    expect(() => assertKafkajsPatched()).not.toThrow();
  });

  it("re-sends a failed broker's partitions to a broker that already answered once leadership moved there", async () => {
    // Partition 0 on broker 1 (answers); partition 1 on broker 2, which has lost its leadership
    // to broker 1 (the client's metadata does not know yet).
    const result = await scriptedCluster({
      leaders: { 0: 1, 1: 2 },
      leadersAfterRefresh: { 0: 1, 1: 1 },
      failing: { 2: [1] },
    }).send([0, 1]);
    // Unpatched kafkajs resolved with partition 0 only: partition 1 was never written.
    expect(result.map((r) => r.partition).sort()).toEqual([0, 1]);
  });

  it('does not write an acknowledged partition twice, and retries the failed one with the same sequence', async () => {
    const cluster = scriptedCluster({
      leaders: { 0: 1, 1: 2 },
      leadersAfterRefresh: { 0: 1, 1: 1 },
      failing: { 2: [1] },
    });
    await cluster.send([0, 1]);
    const byPartition = (p: number) => cluster.calls.filter((c) => c.partitions.includes(p));
    expect(byPartition(0)).toHaveLength(1);
    expect(byPartition(1).map((c) => c.broker)).toEqual([2, 1]);
    // Rolled back after the failure, so the retry reuses it (the broker deduplicates by it).
    expect(byPartition(1).map((c) => c.sequences[c.partitions.indexOf(1)])).toEqual([0, 0]);
    expect(cluster.sequences.get(0)).toBe(1);
    expect(cluster.sequences.get(1)).toBe(1);
  });

  it('fails (retriably) instead of resolving when a partition has no leader in the metadata', async () => {
    const cluster = scriptedCluster({ leaders: { 0: 1 }, leadersAfterRefresh: { 0: 1 }, failing: {} });
    // Partition 1 exists for the partitioner but not in the leaders: unpatched kafkajs dropped it.
    await expect(cluster.send([0, 1])).rejects.toThrow(/No leader in the metadata for events partitions 1/);
  });
});
