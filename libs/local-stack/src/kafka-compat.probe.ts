/**
 * Compatibility probe: kafkajs 2.2.4 against a local Kafka started by ./kafka.ts.
 * Exercises every feature the platform relies on and prints one line per check plus a
 * closing "N passed, N failed" line; exits non-zero on any failure.
 *
 *   npx tsx libs/local-stack/src/kafka-compat.probe.ts [kafka-version]
 *   (or KAFKA_VERSION=3.9.2 ...; default PINNED_KAFKA_VERSION)
 *
 * It also starts the broker a second time to time a warm (cached-jars) start.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { Kafka, logLevel, type EachBatchPayload, type KafkaMessage } from 'kafkajs';
import { defaultCacheDir, PINNED_KAFKA_VERSION, resolveKafkaJars, startLocalKafka } from './kafka';

const version = process.argv[2] ?? process.env['KAFKA_VERSION'] ?? PINNED_KAFKA_VERSION;
const results: { name: string; ok: boolean; detail: string }[] = [];
const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));
const secs = (since: number): string => `${((Date.now() - since) / 1000).toFixed(1)} s`;

async function check(name: string, fn: () => Promise<string | void>, timeoutMs = 60_000): Promise<void> {
  const t = Date.now();
  let timer: NodeJS.Timeout | undefined;
  try {
    const detail = await Promise.race([
      fn(),
      new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error(`timed out after ${timeoutMs / 1000} s`)), timeoutMs);
      }),
    ]);
    clearTimeout(timer);
    results.push({ name, ok: true, detail: `${detail ?? ''} (${secs(t)})`.trim() });
    console.log(`PASS ${name} ${detail ?? ''} (${secs(t)})`);
  } catch (err) {
    clearTimeout(timer);
    const detail = err instanceof Error ? `${err.name}: ${err.message}` : String(err);
    results.push({ name, ok: false, detail });
    console.log(`FAIL ${name}: ${detail}`);
  }
}

function assert(cond: unknown, msg: string): asserts cond {
  if (!cond) throw new Error(msg);
}

async function waitFor(pred: () => boolean, timeoutMs: number, what: string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!pred()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(50);
  }
}

const headerText = (m: KafkaMessage, key: string): string | undefined => {
  const v = m.headers?.[key];
  if (v === undefined) return undefined;
  return (Array.isArray(v) ? v[0] : v)?.toString();
};

async function main(): Promise<void> {
  const dataDir = await mkdtemp(path.join(tmpdir(), `kafka-probe-${version}-`));
  const t0 = Date.now();
  const local = await startLocalKafka({ version, dataDir });
  const firstStart = secs(t0);
  console.log(`first start: ${firstStart}, brokers ${local.brokers.join(',')}`);

  const kafka = new Kafka({ clientId: 'probe', brokers: local.brokers, logLevel: logLevel.WARN });
  const admin = kafka.admin();
  await admin.connect();

  try {
    await check('createTopics (incl. compacted)', async () => {
      const created = await admin.createTopics({
        waitForLeaders: true,
        topics: [
          { topic: 'events', numPartitions: 3, replicationFactor: 1 },
          { topic: 'compacted', numPartitions: 1, configEntries: [{ name: 'cleanup.policy', value: 'compact' }] },
          { topic: 'txn-in', numPartitions: 1 },
          { topic: 'txn-out', numPartitions: 2 },
        ],
      });
      assert(created, 'createTopics returned false');
      const cfg = await admin.describeConfigs({
        includeSynonyms: false,
        resources: [{ type: 2 /* TOPIC */, name: 'compacted', configNames: ['cleanup.policy'] }],
      });
      const policy = cfg.resources[0]?.configEntries.find((e) => e.configName === 'cleanup.policy')?.configValue;
      assert(policy === 'compact', `cleanup.policy is ${policy}`);
      const topics = await admin.listTopics();
      assert(
        ['events', 'compacted', 'txn-in', 'txn-out'].every((t) => topics.includes(t)),
        `topics ${topics.join()}`,
      );
      return 'cleanup.policy=compact confirmed';
    });

    await check('auto.create.topics.enable=false', async () => {
      const p = kafka.producer({ retry: { retries: 1 } });
      await p.connect();
      try {
        await p.send({ topic: 'no-such-topic', messages: [{ value: 'x' }] });
        throw new Error('send to a missing topic succeeded');
      } catch (err) {
        assert(!(err instanceof Error && err.message.includes('succeeded')), 'topic was auto-created');
        return `rejected: ${(err as Error).name}`;
      } finally {
        await p.disconnect();
      }
    });

    const producer = kafka.producer({ idempotent: true, maxInFlightRequests: 5 });
    await producer.connect();

    await check('idempotent producer acks=-1 + headers', async () => {
      const r = await producer.send({
        topic: 'events',
        acks: -1,
        messages: Array.from({ length: 10 }, (_, i) => ({
          key: `k${i % 4}`,
          value: JSON.stringify({ i }),
          headers: { 'x-seq': String(i), 'x-bin': Buffer.from([0, 1, 2, 255]) },
        })),
      });
      await producer.send({
        topic: 'compacted',
        acks: -1,
        messages: [
          { key: 'a', value: '1' },
          { key: 'a', value: '2' },
          { key: 'b', value: null },
        ],
      });
      return `${r.length} partition results`;
    });

    await check('consumer group join + eachBatch + headers round-trip + pause/resume', async () => {
      const consumer = kafka.consumer({ groupId: 'g-events', sessionTimeout: 10_000, heartbeatInterval: 1000 });
      const got: KafkaMessage[] = [];
      let joinedAt = 0;
      const tJoin = Date.now();
      consumer.on(consumer.events.GROUP_JOIN, () => {
        joinedAt = Date.now();
      });
      await consumer.connect();
      await consumer.subscribe({ topics: ['events'], fromBeginning: true });
      await consumer.run({
        // eslint-disable-next-line @typescript-eslint/unbound-method -- kafkajs payload functions are closures.
        eachBatch: async ({ batch, resolveOffset, heartbeat }: EachBatchPayload) => {
          for (const m of batch.messages) {
            got.push(m);
            resolveOffset(m.offset);
          }
          await heartbeat();
        },
      });
      try {
        await waitFor(() => got.length >= 10, 30_000, '10 messages');
        const joinSecs = ((joinedAt - tJoin) / 1000).toFixed(1);
        const seqs = got.map((m) => Number(headerText(m, 'x-seq'))).sort((a, b) => a - b);
        assert(seqs.join() === '0,1,2,3,4,5,6,7,8,9', `seqs ${seqs.join()}`);
        const bin = got[0]?.headers?.['x-bin'];
        assert(Buffer.isBuffer(bin) && bin.equals(Buffer.from([0, 1, 2, 255])), 'binary header mismatch');

        consumer.pause([{ topic: 'events' }]);
        await sleep(300);
        const before = got.length;
        await producer.send({ topic: 'events', acks: -1, messages: [{ value: 'p1' }, { value: 'p2' }] });
        await sleep(2500);
        assert(got.length === before, `received ${got.length - before} while paused`);
        assert(consumer.paused().length === 1, 'paused() empty');
        consumer.resume([{ topic: 'events' }]);
        await waitFor(() => got.length === before + 2, 15_000, 'messages after resume');
        return `first join ${joinSecs} s`;
      } finally {
        await consumer.disconnect();
      }
    });

    await check('committed offsets visible via admin.fetchOffsets', async () => {
      const offs = await admin.fetchOffsets({ groupId: 'g-events', topics: ['events'] });
      const total = offs[0]?.partitions.reduce((s, p) => s + Number(p.offset), 0);
      assert(total === 12, `committed sum ${total}, expected 12`);
      return 'sum of offsets 12';
    });

    // Consume-transform-produce: read txn-in as group g-txn, write txn-out, commit the
    // input offsets inside the transaction.
    await producer.send({
      topic: 'txn-in',
      acks: -1,
      messages: [{ value: 'in-0' }, { value: 'in-1' }, { value: 'in-2' }],
    });
    const txProducer = kafka.producer({ transactionalId: 'probe-tx-1', idempotent: true, maxInFlightRequests: 1 });
    await txProducer.connect();

    await check('transactional send + sendOffsets + commit', async () => {
      const tInit = Date.now();
      const tx = await txProducer.transaction();
      const initSecs = secs(tInit);
      await tx.send({ topic: 'txn-out', messages: [{ key: 'c', value: 'committed-1', headers: { h: 'v' } }] });
      await tx.send({ topic: 'txn-out', messages: [{ key: 'd', value: 'committed-2' }] });
      await tx.sendOffsets({
        consumerGroupId: 'g-txn',
        topics: [{ topic: 'txn-in', partitions: [{ partition: 0, offset: '3' }] }],
      });
      const tCommit = Date.now();
      await tx.commit();
      const commitSecs = secs(tCommit);
      // EndTxn returns before the commit markers are written, and kafkajs' OffsetFetch
      // (v4) cannot ask for stable offsets, so the committed offset shows up a bit later.
      const tVisible = Date.now();
      let off: string | undefined;
      while (off !== '3') {
        const offs = await admin.fetchOffsets({ groupId: 'g-txn', topics: ['txn-in'] });
        off = offs[0]?.partitions[0]?.offset;
        assert(Date.now() - tVisible < 10_000, `g-txn committed offset still ${off} after 10 s`);
        if (off !== '3') await sleep(50);
      }
      return `first transaction() ${initSecs}, commit ${commitSecs}, offset visible after ${secs(tVisible)}`;
    });

    await check('aborted transaction', async () => {
      const tx = await txProducer.transaction();
      await tx.send({
        topic: 'txn-out',
        messages: [
          { key: 'x', value: 'aborted-1' },
          { key: 'y', value: 'aborted-2' },
        ],
      });
      await tx.sendOffsets({
        consumerGroupId: 'g-txn',
        topics: [{ topic: 'txn-in', partitions: [{ partition: 0, offset: '99' }] }],
      });
      await tx.abort();
      const offs = await admin.fetchOffsets({ groupId: 'g-txn', topics: ['txn-in'] });
      assert(offs[0]?.partitions[0]?.offset === '3', 'aborted sendOffsets leaked');
      const tx2 = await txProducer.transaction();
      await tx2.send({ topic: 'txn-out', messages: [{ key: 'c', value: 'committed-3' }] });
      await tx2.commit();
      return 'abort ok, offsets unchanged';
    });

    await check('read_committed consumer sees committed, not aborted', async () => {
      const consumer = kafka.consumer({ groupId: 'g-verify' }); // readUncommitted: false by default
      const values: string[] = [];
      await consumer.connect();
      await consumer.subscribe({ topics: ['txn-out'], fromBeginning: true });
      await consumer.run({
        eachMessage: async ({ message }) => {
          values.push(message.value?.toString() ?? '');
        },
      });
      try {
        await waitFor(() => values.length >= 3, 30_000, '3 committed records');
        await sleep(1500); // anything aborted would show up by now
        const sorted = [...values].sort();
        assert(sorted.join() === 'committed-1,committed-2,committed-3', `saw ${sorted.join()}`);
        return 'saw exactly committed-1..3';
      } finally {
        await consumer.disconnect();
      }
    });

    await check('read_uncommitted consumer does see the aborted records (control)', async () => {
      const consumer = kafka.consumer({ groupId: 'g-verify-uncommitted', readUncommitted: true });
      const values: string[] = [];
      await consumer.connect();
      await consumer.subscribe({ topics: ['txn-out'], fromBeginning: true });
      await consumer.run({
        eachMessage: async ({ message }) => {
          values.push(message.value?.toString() ?? '');
        },
      });
      try {
        await waitFor(() => values.length >= 5, 30_000, '5 records');
        assert(values.includes('aborted-1'), `saw ${values.join()}`);
        return 'aborted records present uncommitted';
      } finally {
        await consumer.disconnect();
      }
    });

    await check('compacted topic consume', async () => {
      const consumer = kafka.consumer({ groupId: 'g-compacted' });
      const seen: string[] = [];
      await consumer.connect();
      await consumer.subscribe({ topics: ['compacted'], fromBeginning: true });
      await consumer.run({
        eachMessage: async ({ message }) => {
          seen.push(`${message.key?.toString()}=${message.value?.toString() ?? 'null'}`);
        },
      });
      try {
        await waitFor(() => seen.length >= 3, 30_000, '3 records');
        return seen.join(' ');
      } finally {
        await consumer.disconnect();
      }
    });

    await check('deleteTopics', async () => {
      await admin.deleteTopics({ topics: ['compacted'] });
      const topics = await admin.listTopics();
      assert(!topics.includes('compacted'), 'still listed');
      return 'ok';
    });

    await txProducer.disconnect();
    await producer.disconnect();
  } finally {
    await admin.disconnect();
    const tStop = Date.now();
    await local.stop();
    console.log(`stop: ${secs(tStop)}`);
  }

  // Warm start: jars cached (resolveKafkaJars must not run mvn), fresh data dir.
  const tResolve = Date.now();
  await resolveKafkaJars(version, defaultCacheDir(version), () => {
    throw new Error('cached resolve tried to run mvn');
  });
  console.log(`cached resolveKafkaJars: ${Date.now() - tResolve} ms`);
  const dataDir2 = await mkdtemp(path.join(tmpdir(), `kafka-probe-${version}-`));
  const t1 = Date.now();
  const again = await startLocalKafka({ version, dataDir: dataDir2 });
  const warmStart = secs(t1);
  await again.stop();
  console.log(`timing: first start ${firstStart}, warm start ${warmStart}`);
  await rm(dataDir, { recursive: true, force: true });
  await rm(dataDir2, { recursive: true, force: true });

  const failed = results.filter((r) => !r.ok).length;
  console.log(`Kafka ${version} with kafkajs 2.2.4`);
  console.log(`kafka-compat: ${results.length - failed} passed, ${failed} failed`);
  process.exitCode = failed === 0 ? 0 : 1;
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(2);
});
