import { randomBytes } from 'node:crypto';
import { Kafka, logLevel, type Message } from 'kafkajs';
import { encodeDeliveryTask } from '@webhooks/contracts';
import { BatchingProducer } from '@webhooks/kafka';
import { benchPayload } from './protocol';

export interface KafkaCeilingOptions {
  brokers: string[];
  /** Fresh topic name (created here, deleted afterwards). */
  topic: string;
  records: number;
  payloadBytes: number;
  partitions: number;
  /** Endpoints the records are keyed by (spreads them over partitions as the fan-out does). */
  endpoints: number;
}

/**
 * Raw-Kafka ceiling: kafkajs producing (idempotent, acks=all, sendBatch chunks) and consuming
 * (eachBatch, read_committed, the dispatcher's fetch size and partition concurrency) the same
 * number of task-sized records — same payload, same headers as a delivery task — through a fresh
 * topic on the same broker. Returns records per second from the first send to the last record
 * consumed.
 */
export async function measureKafkaCeiling(o: KafkaCeilingOptions): Promise<{ perSecond: number; elapsedMs: number }> {
  const kafka = new Kafka({ clientId: 'bench-ceiling', brokers: o.brokers, logLevel: logLevel.NOTHING });
  const admin = kafka.admin();
  const producer = new BatchingProducer(kafka, { acks: -1 });
  const consumer = kafka.consumer({
    groupId: `${o.topic}.group`,
    maxBytesPerPartition: 2 * 1024 * 1024,
    maxWaitTimeInMs: 500,
  });
  await admin.connect();
  try {
    await admin.createTopics({ topics: [{ topic: o.topic, numPartitions: o.partitions }], waitForLeaders: true });
    await Promise.all([producer.connect(), consumer.connect()]);
    await consumer.subscribe({ topic: o.topic, fromBeginning: true });
    // Measure from a joined group: the join is not throughput.
    const joined = new Promise<void>((resolve) => consumer.on(consumer.events.GROUP_JOIN, () => resolve()));
    let consumed = 0;
    let lastConsumedAt = 0;
    let done: () => void = () => undefined;
    const allConsumed = new Promise<void>((resolve) => (done = resolve));
    await consumer.run({
      autoCommit: true,
      partitionsConsumedConcurrently: 8,
      eachBatch: async ({ batch }) => {
        consumed += batch.messages.length;
        lastConsumedAt = performance.now();
        if (consumed >= o.records) done();
      },
    });

    await withTimeout(joined, 60_000, 'kafka ceiling: consumer group join');
    const payload = benchPayload(o.payloadBytes, 0);
    const run = randomBytes(4).toString('hex');
    const task = (i: number): Message =>
      encodeDeliveryTask({
        messageId: `msg_${run}_${i}`.padEnd(31, '0'),
        eventId: `evt_${run}_${i}`,
        tenantId: 'bench',
        eventType: 'bench.delivery',
        endpointId: `ep_${run}_${i % o.endpoints}`.padEnd(29, '0'),
        endpointVersion: 1,
        attempts: 0,
        publishedAt: Date.now(),
        payload,
      });
    const chunk = 500;
    const started = performance.now();
    // Several concurrent senders, coalesced into one request per round trip, like the fan-out.
    let next = 0;
    const sender = async (): Promise<void> => {
      while (next < o.records) {
        const from = next;
        next = Math.min(o.records, next + chunk);
        const messages: Message[] = [];
        for (let i = from; i < next; i++) messages.push(task(i));
        await producer.send(o.topic, messages);
      }
    };
    await Promise.all([sender(), sender(), sender(), sender()]);
    await withTimeout(allConsumed, 120_000, 'kafka ceiling: consuming every record');
    const elapsedMs = lastConsumedAt - started;
    return { perSecond: (o.records / elapsedMs) * 1000, elapsedMs };
  } finally {
    await Promise.allSettled([consumer.disconnect(), producer.disconnect()]);
    await admin.deleteTopics({ topics: [o.topic] }).catch(() => undefined);
    await admin.disconnect();
  }
}

async function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  try {
    return await Promise.race([
      promise,
      new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(`${what} timed out`)), ms))),
    ]);
  } finally {
    clearTimeout(timer);
  }
}
