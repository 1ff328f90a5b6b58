/**
 * Runs a single-node Apache Kafka (combined broker+controller, KRaft) straight from its
 * Maven Central jars: no Docker, no distribution tarball, no ZooKeeper.
 *
 *   const kafka = await startLocalKafka({ dataDir: await mkdtemp(join(tmpdir(), 'kafka-')) });
 *   // ... use kafka.brokers with kafkajs ...
 *   await kafka.stop();
 *
 * Needs `java` (17+; JAVA_HOME/bin/java is preferred when set) and `mvn` on the machine.
 * The jars are resolved once per version into a cache dir and reused afterwards.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { closeSync, existsSync, openSync, promises as fsp } from 'node:fs';
import { createServer, type AddressInfo, type Server } from 'node:net';
import { homedir } from 'node:os';
import * as path from 'node:path';
import { Kafka, logLevel } from 'kafkajs';

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
  pid: number;
  /** SIGTERM, then SIGKILL after 20 s; resolves once the process has exited. */
  stop(): Promise<void>;
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

/** Free loopback ports, all held open together so they are distinct. */
async function freePorts(count: number): Promise<number[]> {
  const servers: Server[] = [];
  try {
    for (let i = 0; i < count; i++) {
      const server = createServer();
      servers.push(server);
      await new Promise<void>((resolve, reject) => {
        server.once('error', reject);
        server.listen(0, '127.0.0.1', resolve);
      });
    }
    return servers.map((s) => (s.address() as AddressInfo).port);
  } finally {
    await Promise.all(servers.map((s) => new Promise<void>((resolve) => s.close(() => resolve()))));
  }
}

/** 16 random bytes, base64url without padding, as Kafka's Uuid; never starts with '-'. */
function newClusterId(): string {
  for (;;) {
    const id = randomBytes(16).toString('base64url');
    if (!id.startsWith('-')) return id;
  }
}

function serverProperties(p: { version: string; port: number; controllerPort: number; logDirs: string }): string {
  const lines = [
    '# Generated by libs/local-stack/src/kafka.ts: single-node combined-mode KRaft.',
    'process.roles=broker,controller',
    'node.id=1',
    // Static quorum: format then needs neither --standalone nor --initial-controllers.
    `controller.quorum.voters=1@127.0.0.1:${p.controllerPort}`,
    `listeners=PLAINTEXT://127.0.0.1:${p.port},CONTROLLER://127.0.0.1:${p.controllerPort}`,
    `advertised.listeners=PLAINTEXT://127.0.0.1:${p.port}`,
    'listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT',
    'controller.listener.names=CONTROLLER',
    'inter.broker.listener.name=PLAINTEXT',
    `log.dirs=${p.logDirs}`,
    // Tests create their topics explicitly; a typo must fail, not silently create a topic.
    'auto.create.topics.enable=false',
    'num.partitions=1',
    'default.replication.factor=1',
    'min.insync.replicas=1',
    // Internal topics default to RF 3, which can never be satisfied by one node; the
    // group coordinator would then answer COORDINATOR_NOT_AVAILABLE forever.
    // One partition each keeps their creation/loading (on first use) fast.
    'offsets.topic.replication.factor=1',
    'offsets.topic.num.partitions=1',
    'transaction.state.log.replication.factor=1',
    'transaction.state.log.min.isr=1',
    'transaction.state.log.num.partitions=1',
    // The default 3 s delay makes every first consumer-group join in a test wait 3 s.
    'group.initial.rebalance.delay.ms=0',
  ];
  if (majorOf(p.version) >= 4) {
    lines.push(
      // 4.x share groups (KIP-932) have their own internal topic, also RF 3 by default.
      'share.coordinator.state.topic.replication.factor=1',
      'share.coordinator.state.topic.min.isr=1',
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
 * Ready means: metadata answers (describeCluster) AND the group coordinator answers.
 * On a fresh broker `__consumer_offsets` is only created by the first FindCoordinator,
 * and until it is created and loaded consumers loop on "group coordinator is not
 * available"; describing a dummy group drives exactly that path once, here.
 */
async function waitReady(brokers: string[], exited: () => boolean, deadline: number): Promise<void> {
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
      await admin.describeCluster();
      const { groups } = await admin.describeGroups(['__local-kafka-readiness']);
      const errorCode = (groups[0] as { errorCode?: number } | undefined)?.errorCode ?? 0;
      if (errorCode !== 0) throw new Error(`describeGroups errorCode ${errorCode}`);
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
 * Starts a fresh single-node Kafka (combined broker+controller, KRaft) on free loopback
 * ports, and resolves once producers and consumer groups can use it.
 */
export async function startLocalKafka(opts: LocalKafkaOptions): Promise<LocalKafka> {
  const version = opts.version ?? PINNED_KAFKA_VERSION;
  const log = opts.log ?? defaultLog;
  const heapMb = opts.heapMb ?? 512;
  const dataDir = path.resolve(opts.dataDir);
  const cp = `${await resolveKafkaJars(version, opts.cacheDir ?? defaultCacheDir(version), log)}/*`;
  const java = process.env['JAVA_HOME'] ? path.join(process.env['JAVA_HOME'], 'bin', 'java') : 'java';

  const started = Date.now();
  await fsp.mkdir(dataDir, { recursive: true });
  const [port, controllerPort] = (await freePorts(2)) as [number, number];
  const brokerLog = path.join(dataDir, 'broker.log');
  const outFile = path.join(dataDir, 'kafka.out');
  const logging = loggingConfig(version, brokerLog);
  await fsp.writeFile(path.join(dataDir, logging.file), logging.text);
  await fsp.writeFile(
    path.join(dataDir, 'server.properties'),
    serverProperties({ version, port, controllerPort, logDirs: path.join(dataDir, 'kraft-logs') }),
  );

  const jvmBase = ['-cp', cp, logging.jvmFlag, `-Dkafka.logs.dir=${dataDir}`, '-Djava.awt.headless=true'];
  // --ignore-formatted: a dataDir that was formatted before is simply reused.
  await run(
    java,
    [
      ...jvmBase,
      'kafka.tools.StorageTool',
      'format',
      '-t',
      newClusterId(),
      '-c',
      'server.properties',
      '--ignore-formatted',
    ],
    dataDir,
  );

  const out = openSync(outFile, 'a');
  let child: ChildProcess;
  try {
    child = spawn(
      java,
      [
        `-Xms${heapMb}m`,
        `-Xmx${heapMb}m`,
        '-XX:+ExitOnOutOfMemoryError',
        ...jvmBase,
        'kafka.Kafka',
        'server.properties',
      ],
      { cwd: dataDir, detached: false, stdio: ['ignore', out, out] },
    );
  } finally {
    closeSync(out); // the child holds its own copy
  }
  const pid = child.pid;
  if (pid === undefined) {
    await new Promise((resolve) => child.once('error', resolve));
    throw new Error(`could not start ${java}: see ${outFile}`);
  }

  let exitedFlag = false;
  const exited = new Promise<void>((resolve) => {
    child.once('exit', () => {
      exitedFlag = true;
      resolve();
    });
  });

  // The broker must not outlive this Node process. 'exit' covers normal exits and
  // process.exit(); a default SIGINT/SIGTERM/SIGHUP skips 'exit', so for those we kill the
  // broker and re-raise the signal unless some other handler has taken over the signal.
  const killNow = (): void => {
    if (!exitedFlag) child.kill('SIGKILL');
  };
  const signals: NodeJS.Signals[] = ['SIGINT', 'SIGTERM', 'SIGHUP'];
  const onSignal = (sig: NodeJS.Signals): void => {
    killNow();
    if (process.listenerCount(sig) === 0) process.kill(process.pid, sig);
  };
  process.on('exit', killNow);
  for (const sig of signals) process.once(sig, onSignal);
  const unregister = (): void => {
    process.off('exit', killNow);
    for (const sig of signals) process.off(sig, onSignal);
  };
  void exited.then(unregister);

  const stop = async (): Promise<void> => {
    if (!exitedFlag) {
      child.kill('SIGTERM');
      const timer = setTimeout(() => {
        log(`Kafka (pid ${pid}) ignored SIGTERM for ${STOP_TIMEOUT_MS / 1000} s; killing it`);
        child.kill('SIGKILL');
      }, STOP_TIMEOUT_MS);
      await exited;
      clearTimeout(timer);
    }
    await exited;
  };

  const brokers = [`127.0.0.1:${port}`];
  log(`starting Kafka ${version} (pid ${pid}) on ${brokers[0]}, data in ${dataDir}`);
  try {
    await waitReady(brokers, () => exitedFlag, started + READY_TIMEOUT_MS);
  } catch (err) {
    const logs = [await tail(outFile), await tail(brokerLog)].filter(Boolean).join('\n---\n');
    const why = exitedFlag ? `exited early (code ${child.exitCode}, signal ${child.signalCode})` : String(err);
    await stop();
    throw new Error(`Kafka ${version} failed to start: ${why}\n${logs}`);
  }
  log(`Kafka ${version} ready in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  return { brokers, pid, stop };
}
