/**
 * Micro-benchmark: heap one admitted delivery task holds while it waits in its endpoint's lane.
 *
 *   npx tsx test/bench/micro/waiting-task.ts [tasks=20000]
 *
 * At max rate every admitted task waits seconds in a lane, so all of it survives the young
 * generation and is promoted: the dispatcher's scavenges and old-generation marking cost what
 * waiting tasks retain (docs/performance.md, session 8). Records are encoded and decoded with
 * kafkajs' own record codec from one shared buffer, as a fetch response is; the scheduler is the
 * dispatcher's, with views that resolve at once and attempts that never finish (32 in flight per
 * endpoint, the rest waiting). Prints bytes of heap per waiting task after a full collection.
 */
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import type { KafkaMessage } from 'kafkajs';
import { Registry } from 'prom-client';
import { encodeDeliveryTask, type EndpointView } from '@webhooks/contracts';
import type { TopicNames } from '@webhooks/kafka';
import type { Logger } from '@webhooks/observability';
// eslint-disable-next-line @nx/enforce-module-boundaries -- measures the dispatcher's own scheduler
import type { DispatcherConfig } from '../../../apps/dispatcher/src/dispatcher.config';
// eslint-disable-next-line @nx/enforce-module-boundaries -- measures the dispatcher's own scheduler
import type { DeliverTaskUseCase } from '../../../apps/dispatcher/src/delivery/deliver-task.usecase';
// eslint-disable-next-line @nx/enforce-module-boundaries -- measures the dispatcher's own scheduler
import { DeliveryMetrics } from '../../../apps/dispatcher/src/delivery/delivery.metrics';
// eslint-disable-next-line @nx/enforce-module-boundaries -- measures the dispatcher's own scheduler
import { DeliveryScheduler } from '../../../apps/dispatcher/src/delivery/delivery-scheduler';
import { benchEndpointView } from './endpoint-view';
import { Decoder, PLAIN_BATCH, decodeRecord, encodeRecord } from './kafkajs-record-codec';

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

const tasks = Number(process.argv[2] ?? 20_000);
const ENDPOINTS = 10;
const PARTITIONS = 12;

/** N records in one buffer, as a fetch response carries them, decoded by kafkajs. */
function fetchedRecords(): KafkaMessage[] {
  const payload = Buffer.alloc(1024, 'a');
  const encoded: Buffer[] = [];
  for (let i = 0; i < tasks; i++) {
    const endpointId = `ep_${i % ENDPOINTS}_2Vb7nQ1sYkq3xJ9tF0aPz`;
    const message = encodeDeliveryTask({
      messageId: `msg_${i}_2Vb7nQ1sYkq3xJ9tF0aPzR8u`,
      eventId: `evt_${Math.floor(i / ENDPOINTS)}_2Vb7nQ1sYkq3xJ9tF0aPzR8u`,
      tenantId: 'tenant_bench_1',
      eventType: 'order.created',
      endpointId,
      endpointVersion: 1,
      attempts: 0,
      publishedAt: 1_764_400_000_000 + i,
      payload,
    });
    encoded.push(
      encodeRecord({
        offsetDelta: i,
        timestampDelta: 0,
        key: endpointId,
        value: payload,
        headers: message.headers as Record<string, string>,
      }).buffer,
    );
  }
  const decoder = new Decoder(Buffer.concat(encoded));
  const messages: KafkaMessage[] = [];
  for (let i = 0; i < tasks; i++) {
    decoder.readVarInt(); // the record's length
    messages.push(decodeRecord(decoder, PLAIN_BATCH));
  }
  return messages;
}

async function main(): Promise<void> {
  const views = new Map<string, EndpointView>();
  for (let e = 0; e < ENDPOINTS; e++)
    views.set(
      `ep_${e}_2Vb7nQ1sYkq3xJ9tF0aPz`,
      benchEndpointView(`ep_${e}_2Vb7nQ1sYkq3xJ9tF0aPz`, 'http://127.0.0.1:1/hook'),
    );
  const deliverTask = {
    resolveView: (task: { endpointId: string }) => Promise.resolve(views.get(task.endpointId)),
    attempt: () => new Promise(() => undefined),
  } as unknown as DeliverTaskUseCase;
  const config = {
    MAX_WINDOW_PER_PARTITION: 1_000_000,
    MAX_IN_FLIGHT_PER_ENDPOINT: 32,
    MAX_BACKLOG_PER_ENDPOINT: 1_000_000,
    RATE_LIMIT_HORIZON: 2_000,
  } as DispatcherConfig;
  const logger = { error: () => undefined, warn: () => undefined } as unknown as Logger;
  const scheduler = new DeliveryScheduler(
    deliverTask,
    {} as TopicNames,
    new DeliveryMetrics(new Registry()),
    logger,
    config,
  );

  gc();
  const before = process.memoryUsage().heapUsed;
  let messages: KafkaMessage[] | undefined = fetchedRecords();
  // Offsets per partition start at 0, as each partition's do.
  const byPartition: KafkaMessage[][] = Array.from({ length: PARTITIONS }, () => []);
  messages.forEach((message, i) => byPartition[i % PARTITIONS].push(message));
  for (let p = 0; p < PARTITIONS; p++) scheduler.admitBatch(scheduler.partition(p), p, byPartition[p]);
  messages = undefined;
  byPartition.length = 0;
  for (let i = 0; i < 5; i++) await new Promise((resolve) => setImmediate(resolve));
  gc();
  const after = process.memoryUsage().heapUsed;
  console.log(`${tasks} tasks waiting: ${((after - before) / tasks).toFixed(0)} bytes of heap each`);
  // Keep the scheduler (and its lanes) alive until after the measurement.
  if (scheduler.assignedStates().length !== PARTITIONS) throw new Error('unexpected partition count');
}

void main();
