/**
 * Micro-benchmark: CPU to encode one Produce request the way kafkajs sends one (the request body,
 * then the framing in `protocol/request.js`), for a fan-out-sized batch: delivery-task records
 * (1 KB payload, key, one `task` header) spread over partitions.
 *
 *   npx tsx test/bench/micro/produce-request.ts [records=170] [partitions=10] [rounds=3000]
 *
 * Prints µs of CPU per record.
 */
import { encodeDeliveryTask } from '@webhooks/contracts';

/* eslint-disable @typescript-eslint/no-require-imports -- kafkajs internals are untyped CommonJS */
interface Message {
  key: Buffer | string | null;
  value: Buffer | string | null;
  headers?: Record<string, string | Buffer>;
  timestamp?: string;
}
const produceV3 = require('kafkajs/src/protocol/requests/produce/v3/request') as (options: object) => {
  encode(): Promise<unknown>;
};
const frame = require('kafkajs/src/protocol/request') as (options: object) => Promise<{ buffer: Buffer }>;
/* eslint-enable @typescript-eslint/no-require-imports */

const records = Number(process.argv[2] ?? 170);
const partitions = Number(process.argv[3] ?? 10);
const rounds = Number(process.argv[4] ?? 3000);

function taskMessage(i: number): Message {
  const message = encodeDeliveryTask({
    messageId: `msg_2Vb7nQ1sYkq3xJ9tF0aPzR8u${i}`,
    eventId: `evt_2Vb7nQ1sYkq3xJ9tF0aPzR8u${i}`,
    tenantId: 'tenant_bench_1',
    eventType: 'order.created',
    endpointId: `ep_2Vb7nQ1sYkq3xJ9tF0aPzR8u${i % partitions}`,
    endpointVersion: 3,
    attempts: 0,
    publishedAt: 1_764_400_000_000 + i,
    payload: Buffer.alloc(1024, 'a'),
  });
  return message as Message;
}

const topicData = [
  {
    topic: 'webhooks.deliveries',
    partitions: Array.from({ length: partitions }, (_, partition) => ({
      partition,
      firstSequence: 1000,
      messages: Array.from({ length: Math.ceil(records / partitions) }, (_, i) =>
        taskMessage(i * partitions + partition),
      ),
    })),
  },
];

async function encodeOnce(correlationId: number): Promise<number> {
  const request = produceV3({
    acks: -1,
    timeout: 30_000,
    transactionalId: 'fanout-0',
    producerId: 4711,
    producerEpoch: 0,
    topicData,
  });
  const framed = await frame({ correlationId, clientId: 'bench', request: { apiKey: 0, apiVersion: 3, ...request } });
  return framed.buffer.length;
}

async function main(): Promise<void> {
  let bytes = 0;
  for (let i = 0; i < 300; i++) bytes += await encodeOnce(i); // warm-up
  const sent = topicData[0].partitions.reduce((n, p) => n + p.messages.length, 0);
  for (let round = 0; round < 3; round++) {
    const cpu = process.cpuUsage();
    for (let i = 0; i < rounds; i++) bytes += await encodeOnce(i);
    const used = process.cpuUsage(cpu);
    console.log(
      `${sent} records in ${partitions} partitions: ${((used.user + used.system) / (rounds * sent)).toFixed(2)} µs per record`,
    );
  }
  if (bytes === 0) throw new Error('nothing encoded');
}

void main();
