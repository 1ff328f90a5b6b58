import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { generateApiKey } from '@webhooks/auth';
import { ManagementClient, PublisherClient, type ClientOptions, type PublisherOptions } from '@webhooks/client';
import { generateEncryptionKey } from '@webhooks/signing';
import { freePort } from '@webhooks/local-stack';
import { REPO_ROOT, ServiceProcess, type ServiceName } from './service-process';

export interface PlatformOptions {
  kafkaBrokers: string;
  databaseUrl: string;
  /** Extra environment for every service (e.g. DELAY_TIERS). */
  env?: Record<string, string>;
  /** Environment for one service, applied last (e.g. a dispatcher without the loopback allowlist). */
  serviceEnv?: Partial<Record<ServiceName, Record<string, string>>>;
  /** Where the services' logs go (default dist/test-logs/<prefix>). */
  logDir?: string;
}

/**
 * Test receivers listen on loopback, which the SSRF guard blocks by default; tests allow it
 * (and plain http) explicitly. A test of the guard itself overrides this per service.
 */
export const LOOPBACK_CIDRS = '127.0.0.0/8,::1/128';

/**
 * The three services as separate processes, isolated from other tests by a unique topic prefix
 * and consumer-group names, so many platforms can share one broker and one database.
 */
export class TestPlatform {
  readonly prefix = `t${randomBytes(4).toString('hex')}.`;
  readonly services = new Map<ServiceName, ServiceProcess>();
  private readonly extras: ServiceProcess[] = [];
  private readonly clients: { close(): void }[] = [];
  private logDir = '';
  ingestionAddress = '';
  managementAddress = '';
  /** The services' bootstrap ADMIN_API_KEY: clients of tests act as the operator with it. */
  readonly adminApiKey = generateApiKey().key;
  /** SECRETS_ENCRYPTION_KEY of subscriptions and the dispatcher: secrets are sealed, as in production. */
  readonly encryptionKey = generateEncryptionKey();

  constructor(private readonly options: PlatformOptions) {}

  async start(): Promise<this> {
    const [ingestionGrpc, managementGrpc] = [await freePort(), await freePort()];
    this.ingestionAddress = `127.0.0.1:${ingestionGrpc}`;
    this.managementAddress = `127.0.0.1:${managementGrpc}`;
    const logDir = this.options.logDir ?? join(REPO_ROOT, 'dist/test-logs', this.prefix.slice(0, -1));
    this.logDir = logDir;
    const common: Record<string, string> = {
      KAFKA_BROKERS: this.options.kafkaBrokers,
      KAFKA_TOPIC_PREFIX: this.prefix,
      KAFKA_EVENTS_PARTITIONS: '3',
      KAFKA_DELIVERIES_PARTITIONS: '4',
      LOG_LEVEL: 'info',
      FANOUT_GROUP: `${this.prefix}fanout`,
      ATTEMPT_LOG_GROUP: `${this.prefix}attempt-log`,
      DISPATCH_GROUP: `${this.prefix}dispatch`,
      DELAY_GROUP: `${this.prefix}delay`,
      FANOUT_TRANSACTIONAL_ID: `${this.prefix}fanout-0`,
      ADMIN_API_KEY: this.adminApiKey,
      SECRETS_ENCRYPTION_KEY: this.encryptionKey,
      // Tests opt in per tenant (verify_endpoints) so the others need no challenge answer.
      ENDPOINT_VERIFICATION_DEFAULT: 'false',
      ...this.options.env,
    };
    const define = async (name: ServiceName, env: Record<string, string>) => {
      const own = this.options.serviceEnv?.[name];
      const service = new ServiceProcess(name, { ...common, ...env, ...own }, await freePort(), logDir);
      this.services.set(name, service);
      return service;
    };
    const subscriptions = await define('subscriptions', {
      DATABASE_URL: this.options.databaseUrl,
      GRPC_PORT: String(managementGrpc),
      GRPC_HOST: '127.0.0.1',
      ALLOW_HTTP_ENDPOINTS: 'true',
      SSRF_ALLOW_CIDRS: LOOPBACK_CIDRS,
    });
    const ingestion = await define('ingestion', { GRPC_PORT: String(ingestionGrpc), GRPC_HOST: '127.0.0.1' });
    const dispatcher = await define('dispatcher', { ALLOW_HTTP_ENDPOINTS: 'true', SSRF_ALLOW_CIDRS: LOOPBACK_CIDRS });
    // Subscriptions first: it runs the migrations; the others only need Kafka.
    await subscriptions.start();
    await Promise.all([ingestion.start(), dispatcher.start()]);
    return this;
  }

  /** Starts one more dispatcher process in the same consumer group (scaling, rebalances). */
  async addDispatcher(): Promise<ServiceProcess> {
    const first = this.service('dispatcher');
    const extra = new ServiceProcess('dispatcher', first.env, await freePort(), this.logDir);
    this.extras.push(extra);
    await extra.start();
    return extra;
  }

  /** Every live process of one service (the original and any added ones). */
  running(name: ServiceName): ServiceProcess[] {
    return [...this.services.values(), ...this.extras].filter((s) => s.name === name && s.alive);
  }

  service(name: ServiceName): ServiceProcess {
    const service = this.services.get(name);
    if (!service) throw new Error(`${name} not started`);
    return service;
  }

  topic(name: string): string {
    return this.prefix + name;
  }

  /** A publisher of this platform's ingestion, as the operator (admin key); closed by `stop()`. */
  publisher(options: Partial<PublisherOptions> = {}): PublisherClient {
    const client = new PublisherClient({ address: this.ingestionAddress, apiKey: this.adminApiKey, ...options });
    this.clients.push(client);
    return client;
  }

  /** A management client of this platform, as the operator (admin key); closed by `stop()`. */
  management(options: Partial<ClientOptions> = {}): ManagementClient {
    const client = new ManagementClient({ address: this.managementAddress, apiKey: this.adminApiKey, ...options });
    this.clients.push(client);
    return client;
  }

  async stop(): Promise<void> {
    for (const client of this.clients.splice(0)) client.close();
    await Promise.all([...this.services.values(), ...this.extras].map((s) => s.stop()));
  }
}
