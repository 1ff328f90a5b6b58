import { randomBytes } from 'node:crypto';
import type { PartitionMetadata } from 'kafkajs';
// eslint-disable-next-line @typescript-eslint/no-require-imports -- kafkajs' own hash, the reference
const kafkajsMurmur2 = require('kafkajs/src/producer/partitioners/default/murmur2') as (key: Buffer | string) => number;
import { Partitioners } from 'kafkajs';
import { murmur2, platformPartitioner } from './partitioner';

const metadata = (n: number, leaderless: number[] = []): PartitionMetadata[] =>
  Array.from({ length: n }, (_, partitionId) => ({
    partitionId,
    leader: leaderless.includes(partitionId) ? -1 : 0,
    partitionErrorCode: 0,
    replicas: [0],
    isr: [0],
  }));

describe('murmur2', () => {
  it('hashes exactly as kafkajs (and the Java client) do, for every key length', () => {
    for (let length = 0; length < 70; length++) {
      for (let i = 0; i < 40; i++) {
        const key = randomBytes(length);
        expect(murmur2(key)).toBe(kafkajsMurmur2(key));
      }
    }
  });

  it('matches known Java values', () => {
    // Apache Kafka's UtilsTest.testMurmur2 vectors
    expect(murmur2(Buffer.from('21'))).toBe(-973932308);
    expect(murmur2(Buffer.from('foobar'))).toBe(-790332482);
    expect(murmur2(Buffer.from('a-little-bit-long-string'))).toBe(-985981536);
    expect(murmur2(Buffer.from('lkjh234lh9fiuh90y23oiuhsafujhadof229phr9h19h89h8'))).toBe(-58897971);
    expect(murmur2(Buffer.from('abc'))).toBe(479470107);
  });
});

describe('platformPartitioner', () => {
  it('puts every keyed record where kafkajs DefaultPartitioner does', () => {
    const ours = platformPartitioner();
    const theirs = Partitioners.DefaultPartitioner();
    for (const partitions of [1, 6, 12, 7]) {
      for (let i = 0; i < 500; i++) {
        const key = i % 2 ? `ep_${randomBytes(8).toString('hex')}` : randomBytes(i % 40);
        const args = { topic: 't', partitionMetadata: metadata(partitions), message: { key, value: null } };
        expect(ours(args)).toBe(theirs(args));
      }
    }
  });

  it('honours an explicit partition and spreads unkeyed records over partitions with a leader', () => {
    const ours = platformPartitioner();
    expect(ours({ topic: 't', partitionMetadata: metadata(6), message: { key: 'k', value: null, partition: 4 } })).toBe(
      4,
    );
    const seen = new Set<number>();
    for (let i = 0; i < 30; i++)
      seen.add(ours({ topic: 't', partitionMetadata: metadata(6, [1, 3]), message: { value: null } }));
    expect([...seen].sort()).toEqual([0, 2, 4, 5]);
  });
});
