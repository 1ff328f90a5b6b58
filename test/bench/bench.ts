/**
 * `npm run bench`: end-to-end throughput and latency of the platform on this machine, with two
 * ceilings measured in the same run (raw HTTP and raw Kafka). See docs/performance.md.
 *
 *   local Kafka + PostgreSQL (or KAFKA_BROKERS / DATABASE_URL)
 *   receiver (own process; verifies every signature with `standardwebhooks`)
 *   ingestion, subscriptions, dispatcher (own processes, from dist/, via TestPlatform)
 *   → publish N events to F endpoints, wait for all N×F deliveries (or the --duration cap)
 *   → raw-HTTP ceiling (own process) → raw-Kafka ceiling → JSON, table, PNG chart
 *
 * Exit code 1 when a delivery is lost (not arrived by the cap) or anything errs: a publish,
 * a signature, an unexpected webhook-id, a ceiling. Never because of speed.
 */
import { fork, spawnSync, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { ConfigResourceTypes, Kafka, logLevel } from 'kafkajs';
import { PublisherClient } from '@webhooks/client';
import { startLocalKafka, startLocalPostgres, type LocalKafka, type LocalPostgres } from '@webhooks/local-stack';
import { webhookId } from '@webhooks/signing';
import { REPO_ROOT, TestPlatform, waitFor } from '@webhooks/testing';
import { measureKafkaCeiling } from './kafka-ceiling';
import { parseBenchOptions, type BenchOptions } from './options';
import { ProcessWatch, round, type HostCpu } from './process-stats';
import {
  benchPayload,
  type FromReceiver,
  type HttpCeilingJob,
  type HttpCeilingResult,
  type ToReceiver,
} from './protocol';
import { summarise, type BenchReport } from './report';

const EVENT_TYPE = 'bench.delivery';
/** Events per PublishBatch call when not paced (ingestion accepts up to 500). */
const MAX_CHUNK = 100;
/** Concurrent PublishBatch calls. */
const PUBLISHERS = 4;
/** Rate of the warm-up traffic when the run itself is unpaced (deliveries/s). */
const WARMUP_MAX_RATE = 2500;
/** Dispatcher defaults (apps/dispatcher/src/dispatcher.config.ts), used when not overridden. */
const DISPATCHER_DEFAULTS = { MAX_IN_FLIGHT_PER_ENDPOINT: '32', MAX_CONNECTIONS_PER_ORIGIN: '16' };

const say = (line: string): void => {
  process.stderr.write(`[bench] ${line}\n`);
};
const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));
const load = (): string =>
  loadavg()
    .map((l) => l.toFixed(2))
    .join(' ');

/** Everything started by this run, stopped in reverse on exit, error or signal. */
class Resources {
  kafka?: LocalKafka;
  postgres?: LocalPostgres;
  platform?: TestPlatform;
  children: ChildProcess[] = [];
  dataDir?: string;
  private stopped = false;

  async stop(): Promise<void> {
    if (this.stopped) return;
    this.stopped = true;
    for (const child of this.children) if (child.exitCode === null) child.kill('SIGTERM');
    await this.platform?.stop().catch(() => undefined);
    await Promise.allSettled([this.kafka?.stop(), this.postgres?.stop()]);
    if (this.dataDir) rmSync(this.dataDir, { recursive: true, force: true });
  }
}

/** Service environment: production partition counts, quiet logs, plus BENCH_SVC_* overrides. */
function serviceEnv(): Record<string, string> {
  const env: Record<string, string> = {
    KAFKA_EVENTS_PARTITIONS: '6',
    KAFKA_DELIVERIES_PARTITIONS: '12',
    LOG_LEVEL: 'warn',
  };
  for (const [name, value] of Object.entries(process.env))
    if (name.startsWith('BENCH_SVC_') && value !== undefined) env[name.slice('BENCH_SVC_'.length)] = value;
  return env;
}

class ReceiverProcess {
  readonly child: ChildProcess;
  ports: number[] = [];
  readonly ids: string[] = [];
  readonly at: number[] = [];
  private readonly phaseWaiters: ((stats: Extract<FromReceiver, { type: 'phase-stats' }>) => void)[] = [];

  constructor(endpoints: number) {
    this.child = fork(join(__dirname, 'receiver.ts'), [String(endpoints)], {
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    this.child.on('message', (message: FromReceiver) => {
      switch (message.type) {
        case 'ready':
          this.ports = message.ports;
          break;
        case 'arrivals':
          for (let i = 0; i < message.ids.length; i++) {
            this.ids.push(message.ids[i]);
            this.at.push(message.at[i]);
          }
          break;
        case 'phase-stats':
          this.phaseWaiters.shift()?.(message);
          break;
      }
    });
  }

  async ready(): Promise<void> {
    await waitFor('the receiver to listen', () => this.ports.length > 0, 30_000, 50);
  }

  send(message: ToReceiver): void {
    this.child.send(message);
  }

  /** Starts phase `name` and resolves with the stats of the phase it ended. */
  phase(name: string, stream: boolean): Promise<Extract<FromReceiver, { type: 'phase-stats' }>> {
    const stats = new Promise<Extract<FromReceiver, { type: 'phase-stats' }>>((r) => this.phaseWaiters.push(r));
    this.send({ type: 'phase', name, stream });
    return stats;
  }
}

async function startStack(resources: Resources): Promise<{ brokers: string; databaseUrl: string }> {
  const dir = mkdtempSync(join(tmpdir(), 'webhooks-bench-'));
  resources.dataDir = dir;
  const [brokers, databaseUrl] = await Promise.all([
    process.env.KAFKA_BROKERS ??
      startLocalKafka({ dataDir: join(dir, 'kafka'), log: say }).then((kafka) => {
        resources.kafka = kafka;
        return kafka.brokers.join(',');
      }),
    process.env.DATABASE_URL ??
      startLocalPostgres({ dataDir: join(dir, 'postgres') }).then((postgres) => {
        resources.postgres = postgres;
        return postgres.url;
      }),
  ]);
  return { brokers, databaseUrl };
}

/** Publishes `events` events in PublishBatch chunks from PUBLISHERS concurrent callers, paced when rate > 0. */
async function publishAll(
  publisher: PublisherClient,
  options: BenchOptions,
  tenantId: string,
  onPublished: (eventIds: string[], startedAt: number) => void,
  deadline: number,
): Promise<{ published: number; errors: string[]; startedAt: number; endedAt: number }> {
  const eventsPerSecond = options.rate > 0 ? options.rate / options.fanout : Infinity;
  // Paced: about 50 calls per second; unpaced: full chunks.
  const chunk = Number.isFinite(eventsPerSecond)
    ? Math.max(1, Math.min(MAX_CHUNK, Math.round(eventsPerSecond / 50)))
    : MAX_CHUNK;
  const payloads = Array.from({ length: chunk }, (_, i) => benchPayload(options.payloadBytes, i));
  let next = 0;
  let published = 0;
  const errors: string[] = [];
  const startedAt = Date.now();
  const worker = async (): Promise<void> => {
    while (next < options.events && Date.now() < deadline && errors.length === 0) {
      const from = next;
      const count = Math.min(chunk, options.events - from);
      next += count;
      if (Number.isFinite(eventsPerSecond)) {
        const due = startedAt + (from / eventsPerSecond) * 1000;
        if (due > Date.now()) await sleep(due - Date.now());
      }
      const callStartedAt = Date.now();
      try {
        const results = await publisher.publishBatch(
          payloads.slice(0, count).map((payload) => ({ tenantId, eventType: EVENT_TYPE, payload })),
        );
        onPublished(
          results.map((r) => r.eventId),
          callStartedAt,
        );
        published += results.length;
      } catch (error) {
        errors.push(`publishBatch: ${error instanceof Error ? error.message : String(error)}`);
      }
    }
  };
  await Promise.all(Array.from({ length: PUBLISHERS }, worker));
  return { published, errors, startedAt, endedAt: Date.now() };
}

async function runHttpCeiling(resources: Resources, job: HttpCeilingJob): Promise<HttpCeilingResult & { pid: number }> {
  const child = fork(join(__dirname, 'http-ceiling.ts'), [], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  resources.children.push(child);
  const result = new Promise<HttpCeilingResult>((resolveResult, reject) => {
    child.once('message', (message: HttpCeilingResult) => resolveResult(message));
    child.once('exit', (code) => reject(new Error(`http ceiling process exited with ${code}`)));
  });
  child.send(job);
  return { ...(await result), pid: child.pid ?? 0 };
}

/**
 * Workaround, off by default (see docs/performance.md): the fan-out (all tasks of a fetched batch)
 * and the dispatcher (tasks shed to a delay tier) each write in one produce request, and with a
 * backlog one partition's record batch can exceed the broker's 1 MB `message.max.bytes`: the
 * fan-out consumer then crashes for good and the dispatcher retries forever. A larger
 * topic-level `max.message.bytes` on every platform topic lets the bench measure past that point.
 */
async function raiseMaxMessageBytes(brokers: string, prefix: string, bytes: string): Promise<void> {
  const admin = new Kafka({ clientId: 'bench-admin', brokers: brokers.split(','), logLevel: logLevel.NOTHING }).admin();
  await admin.connect();
  try {
    const topics = (await admin.listTopics()).filter((topic) => topic.startsWith(prefix));
    await admin.alterConfigs({
      validateOnly: false,
      resources: topics.map((name) => ({
        type: ConfigResourceTypes.TOPIC,
        name,
        configEntries: [{ name: 'max.message.bytes', value: bytes }],
      })),
    });
    say(`workaround: max.message.bytes=${bytes} on ${topics.length} topics`);
  } finally {
    await admin.disconnect();
  }
}

/** Records written to each platform topic during the run (sum of partition high watermarks). */
async function countRecords(brokers: string, prefix: string): Promise<Record<string, number>> {
  const admin = new Kafka({ clientId: 'bench-admin', brokers: brokers.split(','), logLevel: logLevel.NOTHING }).admin();
  await admin.connect();
  try {
    const counts: Record<string, number> = {};
    for (const topic of (await admin.listTopics()).filter((t) => t.startsWith(prefix)).sort()) {
      const offsets = await admin.fetchTopicOffsets(topic);
      counts[topic.slice(prefix.length)] = offsets.reduce((n, o) => n + Number(o.high), 0);
    }
    return counts;
  } finally {
    await admin.disconnect();
  }
}

function writeChart(jsonFile: string, pngFile: string): void {
  const venv = join(REPO_ROOT, '.local/bench-venv');
  const python = join(venv, 'bin/python');
  if (!existsSync(python)) {
    say('creating .local/bench-venv with matplotlib for the chart (first run only)…');
    const made =
      spawnSync('python3', ['-m', 'venv', venv], { stdio: 'inherit' }).status === 0 &&
      spawnSync(join(venv, 'bin/pip'), ['install', '-q', 'matplotlib==3.11.2'], { stdio: 'inherit' }).status === 0;
    if (!made) {
      say('warning: could not set up matplotlib; no chart written');
      return;
    }
  }
  const result = spawnSync(python, [join(__dirname, 'chart.py'), jsonFile, pngFile], { stdio: 'inherit' });
  if (result.status === 0) say(`chart: ${pngFile}`);
  else say('warning: chart.py failed; no chart written');
}

async function main(): Promise<number> {
  const options = parseBenchOptions(process.argv.slice(2));
  const jsonFile = resolve(options.json);
  const resources = new Resources();
  const onSignal = (signal: NodeJS.Signals): void => {
    say(`${signal}: stopping everything…`);
    void resources.stop().finally(() => process.exit(130));
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  // Hard cap on the whole run: set-up, the measured phase, ceilings and tear-down.
  const watchdog = setTimeout(
    () => {
      say('watchdog: the run took far longer than --duration allows; stopping');
      void resources.stop().finally(() => process.exit(1));
    },
    (options.duration + 600) * 1000,
  );
  watchdog.unref();

  const loadAtStart = load();
  say(
    `options: events ${options.events}, fanout ${options.fanout}, payload ${options.payloadBytes} B, rate ${options.rate || 'max'}, duration cap ${options.duration} s; load ${loadAtStart}`,
  );
  try {
    const { brokers, databaseUrl } = await startStack(resources);
    const receiver = new ReceiverProcess(options.fanout);
    resources.children.push(receiver.child);
    await receiver.ready();

    const env = serviceEnv();
    const platform = new TestPlatform({ kafkaBrokers: brokers, databaseUrl, env });
    resources.platform = platform;
    await platform.start();
    const extraDispatchers: Awaited<ReturnType<TestPlatform['addDispatcher']>>[] = [];
    for (let i = 1; i < options.dispatchers; i++) extraDispatchers.push(await platform.addDispatcher());
    say(
      `platform up (prefix ${platform.prefix}, ${options.dispatchers} dispatcher process(es)); logs in dist/test-logs/${platform.prefix.slice(0, -1)}`,
    );
    const maxMessageBytes = process.env.BENCH_MAX_MESSAGE_BYTES;
    if (maxMessageBytes) await raiseMaxMessageBytes(brokers, platform.prefix, maxMessageBytes);

    const management = platform.management();
    const publisher = platform.publisher({ deadlineMs: 30_000 });
    const tenantId = `bench-${randomBytes(4).toString('hex')}`;
    const endpoints: { id: string; secret: string }[] = [];
    for (const port of receiver.ports) {
      const { endpoint, secret } = await management.createEndpoint({
        tenantId,
        url: `http://127.0.0.1:${port}/webhooks`,
        eventTypes: [EVENT_TYPE],
        description: 'bench',
      });
      endpoints.push({ id: endpoint!.id!, secret: secret! });
    }
    receiver.send({ type: 'secrets', secrets: endpoints.map((e) => e.secret) });

    // Warm-up: one event through every endpoint (consumer groups joined, endpoint views loaded).
    await receiver.phase('warmup', true);
    await publisher.publish({ tenantId, eventType: EVENT_TYPE, payload: benchPayload(options.payloadBytes, 0) });
    await waitFor('the warm-up event at every endpoint', () => receiver.ids.length >= options.fanout, 90_000, 50);
    // Then traffic, discarded: a freshly started broker spends most of its CPU in its JIT compiler
    // for the first minute (JFR: C2 compiler threads ~60 % of Kafka's CPU 45–75 s after start),
    // and a broker in production has long been warm. 20 s of it was not enough: Kafka's CPU per
    // delivery at max rate was 0.043 ms after 20 s, 0.032 after 40 s, 0.028 after 60 s (the default).
    if (options.warmup > 0) {
      const rate = Math.min(options.rate || WARMUP_MAX_RATE, WARMUP_MAX_RATE);
      const events = Math.max(1, Math.round((rate / options.fanout) * options.warmup));
      say(`warm-up: ${events} events at ${rate} deliveries/s…`);
      const before = receiver.ids.length;
      const warm = await publishAll(
        publisher,
        { ...options, events, rate },
        tenantId,
        () => undefined,
        Date.now() + 3 * options.warmup * 1000,
      );
      if (warm.errors.length > 0) throw new Error(`warm-up publish failed: ${warm.errors[0]}`);
      await waitFor(
        'the warm-up deliveries',
        () => receiver.ids.length >= before + warm.published * options.fanout,
        120_000 + 3 * options.warmup * 1000,
        50,
      );
    }
    const warmupCount = receiver.ids.length;

    const watchProcesses = (): ProcessWatch => {
      const watch = new ProcessWatch();
      for (const [name, service] of platform.services) watch.add(name, service.pid);
      for (const [i, extra] of extraDispatchers.entries()) watch.add(`dispatcher-${i + 2}`, extra.pid);
      watch.add('receiver', receiver.child.pid);
      watch.add('bench', process.pid);
      watch.add('kafka', resources.kafka?.pid);
      // A process per connection: its CPU is the postmaster's tree; its RSS the postmaster's own.
      watch.add('postgres', resources.postgres?.pid(), { withChildren: true });
      return watch;
    };

    // The measured phase.
    const watch = watchProcesses();
    const expected = new Map<string, number>();
    await receiver.phase('platform', true);
    receiver.ids.length = 0;
    receiver.at.length = 0;
    const loadBefore = load();
    watch.begin();
    const total = options.events * options.fanout;
    const deadline = Date.now() + options.duration * 1000;
    let lastCount = 0;
    let lastTick = Date.now();
    const tty = process.stderr.isTTY;
    const progress = setInterval(() => {
      const now = Date.now();
      const count = receiver.ids.length;
      const rate = ((count - lastCount) / (now - lastTick)) * 1000;
      [lastCount, lastTick] = [count, now];
      const line = `delivered ${count}/${total} (${((100 * count) / total).toFixed(0)}%) · ${rate.toFixed(0)}/s · published ${expected.size / options.fanout}/${options.events}`;
      process.stderr.write(tty ? `\r[bench] ${line}   ` : `[bench] ${line}\n`);
    }, 1000);
    const publishing = publishAll(
      publisher,
      options,
      tenantId,
      (eventIds, startedAt) => {
        for (const eventId of eventIds)
          for (const endpoint of endpoints) expected.set(webhookId(eventId, endpoint.id), startedAt);
      },
      deadline,
    );
    const publishResult = await publishing;
    try {
      await waitFor(
        'every delivery',
        () => receiver.ids.length >= publishResult.published * options.fanout,
        Math.max(0, deadline - Date.now()),
        50,
      );
    } catch {
      // The cap passed: what has not arrived counts as lost.
    }
    // Late duplicates and stragglers still in the receiver's buffer.
    await sleep(500);
    watch.end();
    clearInterval(progress);
    if (tty) process.stderr.write('\n');
    const loadAfter = load();
    // Deliveries still in flight when the services stop arrive in the 'drain' phase: not counted.
    const platformStats = await receiver.phase('drain', false);
    say(`platform phase done; load ${loadAfter}`);

    // Idle, after the measured phase (warm, everything delivered): what every process costs with no
    // traffic at all (polling, heartbeats, timers).
    let idleCpuPercent: Record<string, number> = {};
    if (options.idle > 0) {
      say(`idle for ${options.idle} s…`);
      const idle = watchProcesses();
      idle.begin();
      await sleep(options.idle * 1000);
      idle.end();
      idleCpuPercent = Object.fromEntries(
        Object.entries(idle.cpuSeconds()).map(([name, seconds]) => [name, round((100 * seconds) / options.idle, 1)]),
      );
    }

    const kafkaRecords = await countRecords(brokers, platform.prefix);
    const servicePids = Object.fromEntries([
      ...[...platform.services].map(([name, s]) => [name, s.pid ?? 0]),
      ...extraDispatchers.map((s, i) => [`dispatcher-${i + 2}`, s.pid ?? 0]),
    ]);
    // Stop the services before the ceilings so they do not compete for CPU (profiles are written now).
    await platform.stop();
    management.close();
    publisher.close();
    const drainStats = await receiver.phase('ceiling-http', false);

    const inFlight = Number(env.MAX_IN_FLIGHT_PER_ENDPOINT ?? DISPATCHER_DEFAULTS.MAX_IN_FLIGHT_PER_ENDPOINT);
    const connections = Number(env.MAX_CONNECTIONS_PER_ORIGIN ?? DISPATCHER_DEFAULTS.MAX_CONNECTIONS_PER_ORIGIN);
    say(`raw-HTTP ceiling: ${total} deliveries, ${connections} connections and ${inFlight} in flight per origin…`);
    const http = await runHttpCeiling(resources, {
      type: 'job',
      ports: receiver.ports,
      secrets: endpoints.map((e) => e.secret),
      deliveries: total,
      payloadBytes: options.payloadBytes,
      connectionsPerOrigin: connections,
      concurrencyPerOrigin: inFlight,
    });
    const httpStats = await receiver.phase('done', false);
    say(`raw-Kafka ceiling: ${total} task records…`);
    const kafkaCeiling = await measureKafkaCeiling({
      brokers: brokers.split(','),
      topic: `${platform.prefix}bench.kafka-ceiling`,
      records: total,
      payloadBytes: options.payloadBytes,
      partitions: Number(env.KAFKA_DELIVERIES_PARTITIONS),
      endpoints: options.fanout,
    });

    const errors = [...publishResult.errors];
    const verifyFailures = platformStats.verifyFailures + drainStats.verifyFailures;
    if (verifyFailures > 0) errors.push(`${verifyFailures} signatures failed to verify`);
    if (http.failed > 0 || httpStats.received !== http.sent)
      errors.push(`raw-HTTP ceiling: ${http.failed} failed, receiver counted ${httpStats.received}/${http.sent}`);

    const report: BenchReport = summarise({
      options,
      expected,
      arrivals: { ids: receiver.ids, at: receiver.at },
      publish: publishResult,
      ceilingHttpPerSecond: (http.sent / http.elapsedMs) * 1000,
      ceilingKafkaPerSecond: kafkaCeiling.perSecond,
      cpuSeconds: watch.cpuSeconds(),
      peakRssMb: watch.peakRssMb(),
      errors,
      extra: {
        warmup_deliveries: warmupCount,
        warmup_seconds: options.warmup,
        idle_cpu_percent: idleCpuPercent,
        idle_seconds: options.idle,
        load_average: { start: loadAtStart, before_measure: loadBefore, after_measure: loadAfter, end: load() },
        host_cpu: watch.hostCpu(),
        machine: { cpus: cpus().length, model: cpus()[0]?.model ?? '', node: process.version },
        service_env: env,
        topics_max_message_bytes: maxMessageBytes ?? 'broker default',
        service_pids: servicePids,
        kafka_records: kafkaRecords,
        http_ceiling: {
          connections_per_origin: connections,
          in_flight_per_origin: inFlight,
          origins: options.fanout,
          elapsed_ms: round(http.elapsedMs, 0),
          pid: http.pid,
        },
        kafka_ceiling: {
          elapsed_ms: round(kafkaCeiling.elapsedMs, 0),
          partitions: Number(env.KAFKA_DELIVERIES_PARTITIONS),
        },
      },
    });
    // The ceiling process ran after the watch ended; its CPU is its whole life.
    mkdirSync(dirname(jsonFile), { recursive: true });
    writeFileSync(jsonFile, `${JSON.stringify(report, null, 2)}\n`);
    process.stdout.write(`${formatTable(report)}\n`);
    say(`json: ${jsonFile}`);
    writeChart(jsonFile, jsonFile.replace(/\.json$/, '') + '.png');
    receiver.send({ type: 'stop' });
    for (const error of errors) say(`error: ${error}`);
    if (report.lost > 0) say(`LOST ${report.lost} deliveries (not arrived within --duration ${options.duration} s)`);
    return report.lost > 0 || errors.length > 0 ? 1 : 0;
  } finally {
    await resources.stop();
  }
}

function formatTable(r: BenchReport): string {
  const host = r.host_cpu as HostCpu | undefined;
  const rows: [string, string][] = [
    ['deliveries/s', `${r.deliveries_per_s} (steady ${r.deliveries_per_s_steady})`],
    ['events/s (ingested)', String(r.events_per_s)],
    ['publish→arrival p50/p95/p99/max', `${r.p50_ms} / ${r.p95_ms} / ${r.p99_ms} / ${r.max_ms} ms`],
    ['ceiling raw HTTP', `${r.ceiling_http_per_s}/s (ratio ${r.ratio_http})`],
    ['ceiling raw Kafka', `${r.ceiling_kafka_per_s}/s (ratio ${r.ratio_kafka})`],
    ['published / delivered', `${r.published} events / ${r.delivered} of ${r.expected}`],
    ['lost / duplicates / errors', `${r.lost} / ${r.duplicates} / ${r.errors.length}`],
    [
      'cpu s',
      Object.entries(r.cpu_seconds)
        .map(([k, v]) => `${k} ${v}`)
        .join(', '),
    ],
    [
      'cpu ms per delivery',
      Object.entries(r.cpu_ms_per_delivery)
        .map(([k, v]) => `${k} ${v}`)
        .join(', '),
    ],
    [
      `idle cpu % (${String(r.idle_seconds)} s)`,
      Object.entries(r.idle_cpu_percent as Record<string, number>)
        .map(([k, v]) => `${k} ${v}`)
        .join(', '),
    ],
    [
      'host cpu (measured phase)',
      host ? `${host.busy_percent}% busy (${host.busy_cores} cores), ${host.idle_percent}% idle` : 'not measured',
    ],
    [
      'peak RSS MB',
      Object.entries(r.peak_rss_mb)
        .map(([k, v]) => `${k} ${v}`)
        .join(', '),
    ],
  ];
  const width = Math.max(...rows.map(([k]) => k.length));
  return rows.map(([k, v]) => `${k.padEnd(width)}  ${v}`).join('\n');
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    say(`failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    process.exit(1);
  },
);
