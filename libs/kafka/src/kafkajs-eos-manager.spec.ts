/**
 * The patched kafkajs transaction manager (patches/README.md): coordinators are found once and
 * kept until a request to them fails, instead of a FindCoordinator round trip before each of
 * the four requests of a transaction. Driven through a scripted cluster (pure bookkeeping).
 */
/* eslint-disable @typescript-eslint/no-require-imports -- kafkajs internals are untyped CommonJS */
const createEosManager = require('kafkajs/src/producer/eosManager');
const { createErrorFromCode } = require('kafkajs/src/protocol/error');

const NOT_COORDINATOR = 16;
const TRANSACTION = 1;
const GROUP = 0;

interface EosManager {
  initProducerId(): Promise<void>;
  beginTransaction(): void;
  addPartitionsToTransaction(topicData: { topic: string; partitions: { partition: number }[] }[]): Promise<void>;
  sendOffsets(args: { consumerGroupId: string; topics: unknown[] }): Promise<void>;
  commit(): Promise<void>;
  abort(): Promise<void>;
}

function scriptedCluster() {
  const lookups: { groupId: string; coordinatorType: number }[] = [];
  const requests: string[] = [];
  const failNext = new Set<string>();
  const request = (name: string) => (): Promise<Record<string, unknown>> => {
    requests.push(name);
    if (failNext.delete(name)) return Promise.reject(createErrorFromCode(NOT_COORDINATOR) as Error);
    return Promise.resolve(name === 'initProducerId' ? { producerId: 7, producerEpoch: 0 } : {});
  };
  const broker = {
    nodeId: 1,
    initProducerId: request('initProducerId'),
    addPartitionsToTxn: request('addPartitionsToTxn'),
    addOffsetsToTxn: request('addOffsetsToTxn'),
    txnOffsetCommit: request('txnOffsetCommit'),
    endTxn: request('endTxn'),
  };
  const cluster = {
    retry: { retries: 0 },
    refreshMetadataIfNecessary: () => Promise.resolve(),
    refreshMetadata: () => Promise.resolve(),
    findBroker: () => Promise.resolve(broker),
    findGroupCoordinator: (lookup: { groupId: string; coordinatorType: number }) => {
      lookups.push(lookup);
      return Promise.resolve(broker);
    },
  };
  const logger = { debug: () => undefined, info: () => undefined, warn: () => undefined, error: () => undefined };
  const eos = createEosManager({
    logger: { ...logger, namespace: () => logger },
    cluster,
    transactional: true,
    transactionalId: 'fanout-tx',
    transactionTimeout: 30_000,
  }) as EosManager;
  return { eos, lookups, requests, failNext };
}

async function transaction(eos: EosManager, partition: number): Promise<void> {
  eos.beginTransaction();
  await eos.addPartitionsToTransaction([{ topic: 'deliveries', partitions: [{ partition }] }]);
  await eos.sendOffsets({
    consumerGroupId: 'fanout',
    topics: [{ topic: 'events', partitions: [{ partition: 0, offset: '1' }] }],
  });
  await eos.commit();
}

describe('patched kafkajs eosManager', () => {
  it('looks each coordinator up once for any number of transactions', async () => {
    const { eos, lookups, requests } = scriptedCluster();
    await eos.initProducerId();
    for (let i = 0; i < 5; i++) await transaction(eos, i);
    expect(requests.filter((r) => r === 'endTxn')).toHaveLength(5);
    // Unpatched: 1 at init + 4 per transaction = 21.
    expect(lookups).toEqual([
      { groupId: 'fanout-tx', coordinatorType: TRANSACTION },
      { groupId: 'fanout', coordinatorType: GROUP },
    ]);
  });

  it('looks the coordinator up again after a request to it failed, and on every initProducerId', async () => {
    const { eos, lookups, failNext } = scriptedCluster();
    await eos.initProducerId();
    await transaction(eos, 0);
    expect(lookups).toHaveLength(2);

    failNext.add('addPartitionsToTxn');
    await expect(transaction(eos, 1)).rejects.toThrow();
    await eos.abort(); // as the fan-out does after a failed transaction
    await transaction(eos, 2);
    expect(lookups.filter((l) => l.coordinatorType === TRANSACTION)).toHaveLength(2);
    await eos.initProducerId();
    expect(lookups.filter((l) => l.coordinatorType === TRANSACTION)).toHaveLength(3);

    failNext.add('txnOffsetCommit');
    await expect(transaction(eos, 2)).rejects.toThrow();
    await eos.abort();
    await transaction(eos, 3);
    // Once, then once more after its TxnOffsetCommit failed (not for every transaction).
    expect(lookups.filter((l) => l.coordinatorType === GROUP)).toHaveLength(2);
  });
});
