import { randomBytes } from 'node:crypto';
import type { ICustomPartitioner } from 'kafkajs';

const SEED = 0x9747b28c;
const M = 0x5bd1e995;

/**
 * Kafka's murmur2 (the Java client's `Utils.murmur2`, as kafkajs' DefaultPartitioner computes
 * it) in 32-bit integer arithmetic. kafkajs computes it with its BigInt-backed `Long`: every
 * multiply allocates, 2.5 % of the fan-out's CPU at max rate. Only the low 32 bits of each step
 * ever reach the result, so `Math.imul` gives the same hash; `partitioner.spec.ts` compares the
 * two on random keys.
 */
export function murmur2(data: Buffer): number {
  const length = data.length;
  let h = (SEED ^ length) | 0;
  const length4 = length >>> 2;
  for (let i = 0; i < length4; i++) {
    const i4 = i * 4;
    let k = data[i4] | (data[i4 + 1] << 8) | (data[i4 + 2] << 16) | (data[i4 + 3] << 24);
    k = Math.imul(k, M);
    k ^= k >>> 24;
    k = Math.imul(k, M);
    h = Math.imul(h, M) ^ k;
  }
  const tail = length & ~3;
  const rest = length & 3;
  if (rest > 0) {
    if (rest === 3) h ^= data[tail + 2] << 16;
    if (rest >= 2) h ^= data[tail + 1] << 8;
    h ^= data[tail];
    h = Math.imul(h, M);
  }
  h ^= h >>> 13;
  h = Math.imul(h, M);
  h ^= h >>> 15;
  return h | 0;
}

const toPositive = (x: number): number => x & 0x7fffffff;

/**
 * kafkajs' DefaultPartitioner (Java-compatible: a keyed record goes to
 * `murmur2(key) & 0x7fffffff % partitions`, so every producer of the platform, in any version,
 * puts one key on one partition), with the hash above. Unkeyed records go round-robin over the
 * partitions that have a leader, from a random start, as kafkajs does.
 */
export const platformPartitioner: ICustomPartitioner = () => {
  const counters = new Map<string, number>();
  return ({ topic, partitionMetadata, message }) => {
    if (message.partition !== null && message.partition !== undefined) return message.partition;
    const numPartitions = partitionMetadata.length;
    const { key } = message;
    if (key !== null && key !== undefined) {
      return toPositive(murmur2(Buffer.isBuffer(key) ? key : Buffer.from(String(key)))) % numPartitions;
    }
    const counter = (counters.get(topic) ?? randomBytes(4).readUInt32BE(0)) + 1;
    counters.set(topic, counter);
    const available = partitionMetadata.filter((p) => p.leader >= 0);
    if (available.length > 0) return available[toPositive(counter) % available.length].partitionId;
    return toPositive(counter) % numPartitions;
  };
};
