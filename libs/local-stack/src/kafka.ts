/**
 * Runs Apache Kafka (combined broker+controller nodes, KRaft) straight from its Maven Central
 * jars: no Docker, no distribution tarball, no ZooKeeper. One node, or a cluster of N.
 *
 *   const kafka = await startLocalKafka({ dataDir: await mkdtemp(join(tmpdir(), 'kafka-')) });
 *   // ... use kafka.brokers with kafkajs ...
 *   await kafka.stop();   // and kafka.start() brings it back on the same ports and data
 *
 *   const cluster = await startLocalKafkaCluster({ dataDir, nodes: 3 });
 *   await cluster.nodes[1].kill();   // SIGKILL one node
 *
 * Needs `java` (17+; JAVA_HOME/bin/java is preferred when set) and `mvn` on the machine.
 * The jars are resolved once per version into a cache dir and reused afterwards.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { closeSync, existsSync, openSync, promises as fsp } from 'node:fs';
import { homedir } from 'node:os';
import * as path from 'node:path';
import { Kafka, logLevel } from 'kafkajs';
import { freePort } from './free-port';

/**
 * Newest Kafka release verified end-to-end with kafkajs 2.2.4 (topics incl. compacted,
 * idempotent producer, consumer groups, transactions incl. sendOffsets and abort
 * isolation, pause/resume, headers) by `kafka-compat.probe.ts` beside this file.
 * Runs on Java 17.
 */
export const PINNED_KAFKA_VERSION = '4.4.0';

export interface LocalKafkaOptions {
  /** Kafka version (Maven `org.apache.kafka:kafka_2.13`); default PINNED_KAFKA_VERSION. */
  version?: string;
  /** Holds server.properties, log4j config, the KRaft log dirs and the broker's logs. */
  dataDir: string;
  /**
   * Jar cache for this version. Default:
   * `${KAFKA_JARS_CACHE ?? XDG_CACHE_HOME ?? ~/.cache}/webhook-platform/kafka/<version>`.
   */
  cacheDir?: string;
  /** JVM heap (-Xms = -Xmx), default 512. */
  heapMb?: number;
  /** Progress messages; default writes to stderr. */
  log?: (line: string) => void;
}

export interface LocalKafka {
  /** `127.0.0.1:<port>` of the PLAINTEXT listener. */
  brokers: string[];
  /** The running JVM's pid (the latest one after a restart). */
  readonly pid: number;
  /** SIGTERM, then SIGKILL after 20 s; resolves once the process has exited. Data and ports are kept. */
  stop(): Promise<void>;
  /**
   * Starts the broker again after `stop()`: same data dir, same listener ports, same cluster id,
   * so clients that knew it reconnect to it. Resolves once it is ready again.
   */
  start(): Promise<void>;
}

/** One process of a local cluster: a combined broker+controller with its own ports and data. */
export interface LocalKafkaNode {
  readonly nodeId: number;
  /** `127.0.0.1:<port>` of this node's PLAINTEXT listener. */
  readonly broker: string;
  /** Its data dir (server.properties, KRaft log dirs, broker.log). */
  readonly dir: string;
  readonly pid: number;
  /** Started and not exited. */
  readonly running: boolean;
  /** SIGTERM, then SIGKILL after 20 s; resolves once the process has exited. */
  stop(): Promise<void>;
  /** Sends `signal` (default SIGKILL: a crash) and resolves once the process has exited. */
  kill(signal?: NodeJS.Signals): Promise<void>;
  /** Starts the node again on the same ports and data; resolves once it answers metadata. */
  start(): Promise<void>;
}

export interface LocalKafkaCluster {
  /** Every node's PLAINTEXT listener (bootstrap list). */
  brokers: string[];
  nodes: LocalKafkaNode[];
  /** Stops every running node. */
  stop(): Promise<void>;
}

export interface LocalKafkaClusterOptions extends LocalKafkaOptions {
  /** Nodes, each broker+controller (default 3). Internal topics get RF min(3, nodes), min ISR min(2, nodes). */
  nodes?: number;
}

const READY_TIMEOUT_MS = 90_000;
const STOP_TIMEOUT_MS = 20_000;
/** Written last into a resolved cache dir; its presence means "complete, don't run mvn". */
const MARKER = '.complete';
/** log4j2 versions that still publish `log4j-slf4j-impl` (the slf4j 1.x binding Kafka 4.x needs). */
const LOG4J2_VERSION = '2.24.3';

const defaultLog = (line: string): void => {
  process.stderr.write(`[local-kafka] ${line}\n`);
};

function majorOf(version: string): number {
  return Number.parseInt(version.split('.')[0] ?? '0', 10);
}

export function defaultCacheDir(version: string): string {
  const base = process.env['KAFKA_JARS_CACHE'] ?? process.env['XDG_CACHE_HOME'] ?? path.join(homedir(), '.cache');
  return path.join(base, 'webhook-platform', 'kafka', version);
}

/**
 * The Kafka pom brings slf4j-api but no logging backend, and the broker loads a log4j
 * class at start-up, so the backend must be on the classpath:
 * 4.x logs through log4j2 (slf4j 1.7 binding), 3.x through reload4j.
 */
function pomXml(version: string): string {
  const dep = (g: string, a: string, v: string): string =>
    `    <dependency><groupId>${g}</groupId><artifactId>${a}</artifactId><version>${v}</version></dependency>`;
  const backend =
    majorOf(version) >= 4
      ? [
          dep('org.apache.logging.log4j', 'log4j-api', LOG4J2_VERSION),
          dep('org.apache.logging.log4j', 'log4j-core', LOG4J2_VERSION),
          dep('org.apache.logging.log4j', 'log4j-slf4j-impl', LOG4J2_VERSION),
        ]
      : [dep('ch.qos.reload4j', 'reload4j', '1.2.25'), dep('org.slf4j', 'slf4j-reload4j', '1.7.36')];
  return `<?xml version="1.0" encoding="UTF-8"?>
<project xmlns="http://maven.apache.org/POM/4.0.0">
  <modelVersion>4.0.0</modelVersion>
  <groupId>local</groupId>
  <artifactId>local-kafka-jars</artifactId>
  <version>${version}</version>
  <packaging>pom</packaging>
  <dependencies>
${[dep('org.apache.kafka', 'kafka_2.13', version), ...backend].join('\n')}
  </dependencies>
  <build>
    <plugins>
      <!-- Pinned: Maven 3.8's default dependency plugin (2.8) is old. -->
      <plugin>
        <groupId>org.apache.maven.plugins</groupId>
        <artifactId>maven-dependency-plugin</artifactId>
        <version>3.8.1</version>
      </plugin>
    </plugins>
  </build>
</project>
`;
}

/** Runs a command to completion; rejects with its (tail of) output if it exits non-zero. */
function run(cmd: string, args: string[], cwd?: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { cwd, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    const collect = (chunk: Buffer): void => {
      out = (out + chunk.toString()).slice(-16_000);
    };
    child.stdout.on('data', collect);
    child.stderr.on('data', collect);
    child.on('error', reject);
    child.on('close', (code, signal) => {
      if (code === 0) resolve();
      else reject(new Error(`${cmd} ${args.join(' ')} failed (${signal ?? `exit ${code}`}):\n${out.trim()}`));
    });
  });
}

/**
 * Resolves `kafka_2.13:<version>` and its runtime dependencies (plus a logging backend)
 * into `<cacheDir>/libs` and returns that directory (use it as `-cp '<dir>/*'`).
 *
 * A cache dir with the marker file is returned at once, without running mvn.
 * Otherwise everything is resolved into a sibling temp dir that is renamed onto cacheDir
 * only when complete, so concurrent callers never see (or leave) a half-filled cache:
 * the first rename wins and the loser discards its copy.
 */
export async function resolveKafkaJars(
  version: string,
  cacheDir: string,
  log: (line: string) => void = defaultLog,
): Promise<string> {
  const libs = path.join(cacheDir, 'libs');
  if (existsSync(path.join(cacheDir, MARKER))) return libs;

  await fsp.mkdir(path.dirname(cacheDir), { recursive: true });
  const tmp = `${cacheDir}.tmp-${process.pid}-${randomBytes(4).toString('hex')}`;
  await fsp.mkdir(tmp);
  try {
    log(`resolving Kafka ${version} jars with Maven into ${cacheDir} (first run only)...`);
    const started = Date.now();
    await fsp.writeFile(path.join(tmp, 'pom.xml'), pomXml(version));
    await run(
      'mvn',
      [
        '-q',
        '-B',
        '-Dstyle.color=never',
        '-f',
        path.join(tmp, 'pom.xml'),
        'dependency:copy-dependencies',
        `-DoutputDirectory=${path.join(tmp, 'libs')}`,
        '-DincludeScope=runtime',
      ],
      tmp,
    );
    await fsp.writeFile(path.join(tmp, MARKER), `${new Date().toISOString()}\n`);
    try {
      await fsp.rename(tmp, cacheDir);
      log(`resolved Kafka ${version} jars in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    } catch (err) {
      // Someone else finished first (rename onto a non-empty dir fails): use theirs.
      if (!existsSync(path.join(cacheDir, MARKER))) {
        throw new Error(
          `cannot install jars into ${cacheDir}: it exists without ${MARKER} (delete it): ${String(err)}`,
        );
      }
      log(`another process resolved Kafka ${version} jars first; using those`);
    }
    return libs;
  } finally {
    await fsp.rm(tmp, { recursive: true, force: true });
  }
}

/** Distinct free loopback ports (outside the ephemeral range, see `freePort`). */
async function freePorts(count: number): Promise<number[]> {
  const ports = new Set<number>();
  while (ports.size < count) ports.add(await freePort());
  return [...ports];
}

/** 16 random bytes, base64url without padding, as Kafka's Uuid; never starts with '-'. */
function newClusterId(): string {
  for (;;) {
    const id = randomBytes(16).toString('base64url');
    if (!id.startsWith('-')) return id;
  }
}

interface NodeSpec {
  version: string;
  nodeId: number;
  port: number;
  controllerPort: number;
  logDirs: string;
  /** `id@127.0.0.1:controllerPort` of every node (a static quorum). */
  voters: string;
  /** Nodes in the cluster: sets the internal topics' replication. */
  clusterSize: number;
}

function serverProperties(p: NodeSpec): string {
  // Internal topics default to RF 3, which can never be satisfied by fewer nodes; the group
  // coordinator would then answer COORDINATOR_NOT_AVAILABLE forever. With 3+ nodes they get
  // RF 3 and min ISR 2, so losing one node loses nothing and blocks nothing.
  const rf = Math.min(3, p.clusterSize);
  const minIsr = Math.min(2, p.clusterSize);
  const lines = [
    `# Generated by libs/local-stack/src/kafka.ts: combined-mode KRaft node ${p.nodeId} of ${p.clusterSize}.`,
    'process.roles=broker,controller',
    `node.id=${p.nodeId}`,
    // Static quorum: format then needs neither --standalone nor --initial-controllers.
    `controller.quorum.voters=${p.voters}`,
    `listeners=PLAINTEXT://127.0.0.1:${p.port},CONTROLLER://127.0.0.1:${p.controllerPort}`,
    `advertised.listeners=PLAINTEXT://127.0.0.1:${p.port}`,
    'listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT',
    'controller.listener.names=CONTROLLER',
    'inter.broker.listener.name=PLAINTEXT',
    `log.dirs=${p.logDirs}`,
    // Tests create their topics explicitly; a typo must fail, not silently create a topic.
    'auto.create.topics.enable=false',
    'num.partitions=1',
    `default.replication.factor=${rf}`,
    `min.insync.replicas=${minIsr}`,
    // One partition each keeps their creation/loading (on first use) fast.
    `offsets.topic.replication.factor=${rf}`,
    'offsets.topic.num.partitions=1',
    `transaction.state.log.replication.factor=${rf}`,
    `transaction.state.log.min.isr=${minIsr}`,
    'transaction.state.log.num.partitions=1',
    // The default 3 s delay makes every first consumer-group join in a test wait 3 s.
    'group.initial.rebalance.delay.ms=0',
  ];
  if (majorOf(p.version) >= 4) {
    lines.push(
      // 4.x share groups (KIP-932) have their own internal topic, also RF 3 by default.
      `share.coordinator.state.topic.replication.factor=${rf}`,
      `share.coordinator.state.topic.min.isr=${minIsr}`,
      'share.coordinator.state.topic.num.partitions=1',
    );
  }
  return `${lines.join('\n')}\n`;
}

function loggingConfig(version: string, logFile: string): { file: string; text: string; jvmFlag: string } {
  if (majorOf(version) >= 4) {
    const file = 'log4j2.properties';
    const text = [
      'status = warn',
      'appender.file.type = File',
      'appender.file.name = FILE',
      `appender.file.fileName = ${logFile}`,
      'appender.file.layout.type = PatternLayout',
      'appender.file.layout.pattern = [%d] %p %m (%c)%n',
      'rootLogger.level = WARN',
      'rootLogger.appenderRef.file.ref = FILE',
      '',
    ].join('\n');
    return { file, text, jvmFlag: `-Dlog4j2.configurationFile=${file}` };
  }
  const file = 'log4j.properties';
  const text = [
    'log4j.rootLogger=WARN, file',
    'log4j.appender.file=org.apache.log4j.FileAppender',
    `log4j.appender.file.File=${logFile}`,
    'log4j.appender.file.layout=org.apache.log4j.PatternLayout',
    'log4j.appender.file.layout.ConversionPattern=[%d] %p %m (%c)%n',
    '',
  ].join('\n');
  return { file, text, jvmFlag: `-Dlog4j.configuration=file:${file}` };
}

async function tail(file: string, bytes = 4000): Promise<string> {
  try {
    const text = await fsp.readFile(file, 'utf8');
    return text.slice(-bytes).trim();
  } catch {
    return '';
  }
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Ready means: metadata answers with `expectBrokers` brokers (describeCluster) AND, when
 * `coordinator` is set, the group coordinator answers. On a fresh cluster `__consumer_offsets`
 * is only created by the first FindCoordinator, and until it is created and loaded consumers
 * loop on "group coordinator is not available"; describing a dummy group drives exactly that
 * path once, here.
 */
async function waitReady(
  brokers: string[],
  opts: { expectBrokers: number; coordinator: boolean },
  exited: () => boolean,
  deadline: number,
): Promise<void> {
  const kafka = new Kafka({
    clientId: 'local-kafka-readiness',
    brokers,
    logLevel: logLevel.NOTHING,
    connectionTimeout: 1000,
    retry: { retries: 0 },
  });
  let lastError: unknown;
  while (Date.now() < deadline && !exited()) {
    const admin = kafka.admin();
    try {
      await admin.connect();
      const cluster = await admin.describeCluster();
      if (cluster.brokers.length < opts.expectBrokers) {
        throw new Error(`${cluster.brokers.length} of ${opts.expectBrokers} brokers registered`);
      }
      if (opts.coordinator) {
        const { groups } = await admin.describeGroups(['__local-kafka-readiness']);
        const errorCode = (groups[0] as { errorCode?: number } | undefined)?.errorCode ?? 0;
        if (errorCode !== 0) throw new Error(`describeGroups errorCode ${errorCode}`);
      }
      return;
    } catch (err) {
      lastError = err;
    } finally {
      await admin.disconnect().catch(() => undefined);
    }
    await sleep(250);
  }
  if (exited()) throw new Error('exited');
  throw new Error(`not ready within ${READY_TIMEOUT_MS / 1000} s: ${String(lastError)}`);
}

/**
 * One JVM of a local cluster. `launch()` can be called again after the process exited: the
 * properties file, ports and data dir are fixed at construction, so a restart is the same node.
 */
class KafkaNodeProcess implements LocalKafkaNode {
  private child?: ChildProcess;
  private exited: Promise<void> = Promise.resolve();
  private exitedFlag = true;

  constructor(
    readonly nodeId: number,
    readonly broker: string,
    readonly dir: string,
    private readonly java: string,
    private readonly jvmArgs: string[],
    private readonly log: (line: string) => void,
  ) {}

  get pid(): number {
    return this.child?.pid ?? 0;
  }

  get running(): boolean {
    return !this.exitedFlag;
  }

  get outFile(): string {
    return path.join(this.dir, 'kafka.out');
  }

  get brokerLog(): string {
    return path.join(this.dir, 'broker.log');
  }

  /** Spawns the JVM; does not wait for readiness. */
  async launch(): Promise<void> {
    if (this.running) return;
    const out = openSync(this.outFile, 'a');
    let child: ChildProcess;
    try {
      child = spawn(this.java, this.jvmArgs, { cwd: this.dir, detached: false, stdio: ['ignore', out, out] });
    } finally {
      closeSync(out); // the child holds its own copy
    }
    if (child.pid === undefined) {
      await new Promise((resolve) => child.once('error', resolve));
      throw new Error(`could not start ${this.java}: see ${this.outFile}`);
    }
    this.child = child;
    this.exitedFlag = false;
    this.exited = new Promise<void>((resolve) => {
      child.once('exit', () => {
        this.exitedFlag = true;
        resolve();
      });
    });

    // The broker must not outlive this Node process. 'exit' covers normal exits and
    // process.exit(); a default SIGINT/SIGTERM/SIGHUP skips 'exit', so for those we kill the
    // broker and re-raise the signal unless some other handler has taken over the signal.
    const killNow = (): void => {
      if (this.child === child && !this.exitedFlag) child.kill('SIGKILL');
    };
    const signals: NodeJS.Signals[] = ['SIGINT', 'SIGTERM', 'SIGHUP'];
    const onSignal = (sig: NodeJS.Signals): void => {
      killNow();
      if (process.listenerCount(sig) === 0) process.kill(process.pid, sig);
    };
    process.on('exit', killNow);
    for (const sig of signals) process.once(sig, onSignal);
    void this.exited.then(() => {
      process.off('exit', killNow);
      for (const sig of signals) process.off(sig, onSignal);
    });
  }

  async start(): Promise<void> {
    const started = Date.now();
    await this.launch();
    await this.ready([this.broker], { expectBrokers: 1, coordinator: false }, started);
    this.log(
      `Kafka node ${this.nodeId} (pid ${this.pid}) ready again in ${((Date.now() - started) / 1000).toFixed(1)} s`,
    );
  }

  /** Waits for readiness through `brokers`; on failure stops this node and throws with its log tail. */
  async ready(brokers: string[], opts: { expectBrokers: number; coordinator: boolean }, since: number): Promise<void> {
    try {
      await waitReady(brokers, opts, () => this.exitedFlag, since + READY_TIMEOUT_MS);
    } catch (err) {
      const logs = [await tail(this.outFile), await tail(this.brokerLog)].filter(Boolean).join('\n---\n');
      const why = this.exitedFlag
        ? `exited early (code ${this.child?.exitCode}, signal ${this.child?.signalCode})`
        : String(err);
      await this.stop();
      throw new Error(`Kafka node ${this.nodeId} failed to start: ${why}\n${logs}`);
    }
  }

  async stop(): Promise<void> {
    if (this.running) {
      this.child?.kill('SIGTERM');
      const timer = setTimeout(() => {
        this.log(`Kafka (pid ${this.pid}) ignored SIGTERM for ${STOP_TIMEOUT_MS / 1000} s; killing it`);
        this.child?.kill('SIGKILL');
      }, STOP_TIMEOUT_MS);
      await this.exited;
      clearTimeout(timer);
    }
    await this.exited;
  }

  async kill(signal: NodeJS.Signals = 'SIGKILL'): Promise<void> {
    if (this.running) this.child?.kill(signal);
    await this.exited;
  }
}

/**
 * Prepares (properties, logging config, storage format) and launches `count` combined-mode
 * nodes sharing one cluster id and a static quorum, then waits until all of them are
 * registered and consumer groups work. A single node keeps its files directly in `dataDir`;
 * several get `dataDir/node-<id>`.
 */
async function startNodes(opts: LocalKafkaOptions, count: number): Promise<KafkaNodeProcess[]> {
  const version = opts.version ?? PINNED_KAFKA_VERSION;
  const log = opts.log ?? defaultLog;
  const heapMb = opts.heapMb ?? 512;
  const dataDir = path.resolve(opts.dataDir);
  const cp = `${await resolveKafkaJars(version, opts.cacheDir ?? defaultCacheDir(version), log)}/*`;
  const java = process.env['JAVA_HOME'] ? path.join(process.env['JAVA_HOME'], 'bin', 'java') : 'java';

  const started = Date.now();
  const ports = await freePorts(2 * count);
  const specs = Array.from({ length: count }, (_, i) => ({
    nodeId: i + 1,
    port: ports[2 * i],
    controllerPort: ports[2 * i + 1],
    dir: count === 1 ? dataDir : path.join(dataDir, `node-${i + 1}`),
  }));
  const voters = specs.map((s) => `${s.nodeId}@127.0.0.1:${s.controllerPort}`).join(',');
  const clusterId = newClusterId();

  const nodes = await Promise.all(
    specs.map(async (s) => {
      await fsp.mkdir(s.dir, { recursive: true });
      const logging = loggingConfig(version, path.join(s.dir, 'broker.log'));
      await fsp.writeFile(path.join(s.dir, logging.file), logging.text);
      await fsp.writeFile(
        path.join(s.dir, 'server.properties'),
        serverProperties({
          version,
          nodeId: s.nodeId,
          port: s.port,
          controllerPort: s.controllerPort,
          logDirs: path.join(s.dir, 'kraft-logs'),
          voters,
          clusterSize: count,
        }),
      );
      const jvmBase = ['-cp', cp, logging.jvmFlag, `-Dkafka.logs.dir=${s.dir}`, '-Djava.awt.headless=true'];
      // --ignore-formatted: a dir that was formatted before is simply reused.
      await run(
        java,
        [
          ...jvmBase,
          'kafka.tools.StorageTool',
          'format',
          '-t',
          clusterId,
          '-c',
          'server.properties',
          '--ignore-formatted',
        ],
        s.dir,
      );
      const jvmArgs = [
        `-Xms${heapMb}m`,
        `-Xmx${heapMb}m`,
        '-XX:+ExitOnOutOfMemoryError',
        ...jvmBase,
        'kafka.Kafka',
        'server.properties',
      ];
      return new KafkaNodeProcess(s.nodeId, `127.0.0.1:${s.port}`, s.dir, java, jvmArgs, log);
    }),
  );

  try {
    for (const node of nodes) await node.launch();
  } catch (err) {
    await Promise.all(nodes.map((n) => n.stop()));
    throw err;
  }
  const brokers = nodes.map((n) => n.broker);
  log(`starting Kafka ${version}: ${nodes.map((n) => `node ${n.nodeId} pid ${n.pid} on ${n.broker}`).join(', ')}`);
  try {
    // Each node fails fast (with its log) if it exits; the first one also waits for all to register.
    await Promise.all(
      nodes.map((n, i) =>
        n.ready(i === 0 ? brokers : [n.broker], { expectBrokers: i === 0 ? count : 1, coordinator: i === 0 }, started),
      ),
    );
  } catch (err) {
    await Promise.all(nodes.map((n) => n.stop()));
    throw new Error(`Kafka ${version} failed to start (data in ${dataDir}): ${String(err)}`);
  }
  log(
    `Kafka ${version} (${count} node${count > 1 ? 's' : ''}) ready in ${((Date.now() - started) / 1000).toFixed(1)} s`,
  );
  return nodes;
}

/**
 * Starts a fresh single-node Kafka (combined broker+controller, KRaft) on free loopback
 * ports, and resolves once producers and consumer groups can use it. `stop()` then `start()`
 * restarts it on the same ports with the same data (broker-restart tests).
 */
export async function startLocalKafka(opts: LocalKafkaOptions): Promise<LocalKafka> {
  const [node] = (await startNodes(opts, 1)) as [KafkaNodeProcess];
  return {
    brokers: [node.broker],
    get pid() {
      return node.pid;
    },
    stop: () => node.stop(),
    start: () => node.start(),
  };
}

/**
 * Starts a fresh N-node KRaft cluster (default 3), every node a combined broker+controller on
 * its own loopback ports and data dir (`dataDir/node-<id>`). Topics default to RF min(3, N)
 * and min.insync.replicas min(2, N), as do the internal topics; losing one of three nodes
 * keeps both the controller quorum and every partition writable with acks=all.
 */
export async function startLocalKafkaCluster(opts: LocalKafkaClusterOptions): Promise<LocalKafkaCluster> {
  const nodes = await startNodes(opts, opts.nodes ?? 3);
  return {
    brokers: nodes.map((n) => n.broker),
    nodes,
    stop: async () => {
      await Promise.all(nodes.map((n) => n.stop()));
    },
  };
}
