/**
 * Micro-benchmark: CPU to encode and decode one delivery-task record with kafkajs's own record
 * codec, metadata in eight headers (the first format) or in the one `task` header.
 *
 *   npx tsx test/bench/micro/task-record.ts [records=200000]
 *
 * Prints µs of CPU per record for each format; each in its own process (fresh JIT).
 */
import { fork } from 'node:child_process';
import { once } from 'node:events';
import { decodeDeliveryTask, encodeDeliveryTask, type DeliveryTask } from '@webhooks/contracts';
import { Decoder, PLAIN_BATCH, decodeRecord, encodeRecord } from './kafkajs-record-codec';

type Format = 'eight headers' | 'task header';

const taskNo = (i: number): DeliveryTask => ({
  messageId: `msg_2Vb7nQ1sYkq3xJ9tF0aPzR8u${i}`,
  eventId: `evt_2Vb7nQ1sYkq3xJ9tF0aPzR8u${i}`,
  tenantId: 'tenant_bench_1',
  eventType: 'order.created',
  endpointId: 'ep_2Vb7nQ1sYkq3xJ9tF0aPzR8u',
  endpointVersion: 3,
  attempts: 0,
  publishedAt: 1_764_400_000_000 + i,
  payload: Buffer.alloc(1024, 'a'),
});

function firstFormat(task: DeliveryTask): Record<string, string> {
  return {
    'message-id': task.messageId,
    'event-id': task.eventId,
    'tenant-id': task.tenantId,
    'event-type': task.eventType,
    'endpoint-id': task.endpointId,
    'endpoint-version': String(task.endpointVersion),
    attempts: String(task.attempts),
    'published-at': String(task.publishedAt),
  };
}

function measure(format: Format, records: number): void {
  const encode = (i: number): Buffer => {
    const task = taskNo(i);
    const headers =
      format === 'eight headers' ? firstFormat(task) : (encodeDeliveryTask(task).headers as Record<string, string>);
    return encodeRecord({ offsetDelta: i % 100, timestampDelta: 0, key: task.endpointId, value: task.payload, headers })
      .buffer;
  };
  const decode = (buffer: Buffer): DeliveryTask => {
    const decoder = new Decoder(buffer);
    decoder.readVarInt(); // the record's length
    return decodeDeliveryTask(decodeRecord(decoder, PLAIN_BATCH));
  };
  const sample: Buffer[] = [];
  for (let i = 0; i < 1000; i++) sample.push(encode(i));
  const perRecord = (work: (i: number) => unknown): string => {
    for (let i = 0; i < 20_000; i++) work(i); // warm-up
    const cpu = process.cpuUsage();
    for (let i = 0; i < records; i++) work(i);
    const used = process.cpuUsage(cpu);
    return ((used.user + used.system) / records).toFixed(2);
  };
  const encoded = perRecord(encode);
  const decoded = perRecord((i) => decode(sample[i % sample.length]));
  console.log(`${format.padEnd(14)} encode ${encoded.padStart(6)} µs  decode ${decoded.padStart(6)} µs per record`);
}

async function main(): Promise<void> {
  const [first, ...rest] = process.argv.slice(2);
  if (first === '--measure') return measure(rest[0] as Format, Number(rest[1]));
  const records = Number(first ?? 200_000);
  for (const format of ['eight headers', 'task header'] as Format[]) {
    const child = fork(__filename, ['--measure', format, String(records)], { execArgv: process.execArgv });
    const [code] = (await once(child, 'exit')) as [number];
    if (code !== 0) throw new Error(`${format}: exited with ${code}`);
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
