import { readFileSync } from 'node:fs';
import {
  Kafka,
  logLevel,
  type Consumer,
  type ConsumerConfig,
  type KafkaConfig,
  type LogEntry,
  type Producer,
  type ProducerConfig,
} from 'kafkajs';
import type { Logger } from '@webhooks/observability';
import { platformPartitioner } from './partitioner';

const LEVEL_NAMES: Record<number, 'debug' | 'info' | 'warn' | 'error'> = {
  [logLevel.ERROR]: 'error',
  [logLevel.WARN]: 'warn',
  [logLevel.INFO]: 'info',
  [logLevel.DEBUG]: 'debug',
  [logLevel.NOTHING]: 'debug',
};

/** Session timeout of every consumer group member unless the service sets KAFKA_SESSION_TIMEOUT. */
export const DEFAULT_SESSION_TIMEOUT_MS = 10_000;

/**
 * The group-membership timings every consumer of the platform uses. The session timeout is also
 * how long a group stalls when a member vanishes without leaving: a crashed consumer whose
 * coordinator died with a broker cannot send LeaveGroup, and kafkajs rejoins under a new member
 * id, so its partitions wait for the old member's session to expire (kafkajs' 30 s default made
 * deliveries stop for ~30 s after a broker loss; docs/reliability.md). Handlers heartbeat while
 * they wait, so a short session costs nothing while the process is alive.
 */
export function groupTimings(sessionTimeoutMs: number): Pick<ConsumerConfig, 'sessionTimeout' | 'heartbeatInterval'> {
  return {
    sessionTimeout: sessionTimeoutMs,
    heartbeatInterval: Math.max(500, Math.min(3_000, Math.floor(sessionTimeoutMs / 3))),
  };
}

/**
 * A kafkajs client whose consumers default to the platform's group timings and whose producers
 * to the platform's partitioner (kafkajs' default partitioning, a cheaper hash).
 */
class PlatformKafka extends Kafka {
  constructor(
    config: KafkaConfig,
    private readonly sessionTimeoutMs: number,
  ) {
    super(config);
  }

  override consumer(config: ConsumerConfig): Consumer {
    return super.consumer({ ...groupTimings(this.sessionTimeoutMs), ...config });
  }

  override producer(config?: ProducerConfig): Producer {
    return super.producer({ createPartitioner: platformPartitioner, ...config });
  }
}

let patchChecked = false;

/**
 * Refuses to run on a kafkajs whose producer can lose records on a leader move (patches/README.md;
 * `npm ci` applies the patch). Checked once per process.
 */
export function assertKafkajsPatched(): void {
  if (patchChecked) return;
  const file = require.resolve('kafkajs/src/producer/sendMessages.js');
  if (!readFileSync(file, 'utf8').startsWith('// PATCHED by webhook-platform')) {
    throw new Error(`${file} is not patched (run \`node scripts/patch-dependencies.mjs\`; see patches/README.md)`);
  }
  patchChecked = true;
}

/**
 * A kafkajs client whose own logs go through the service's JSON logger. Retries are bounded
 * so a call on the request path (ingestion's produce) fails within seconds when the cluster
 * is unreachable instead of hanging: callers turn that failure into UNAVAILABLE.
 */
export function createKafka(options: {
  brokers: string[];
  clientId: string;
  logger: Logger;
  retry?: KafkaConfig['retry'];
  /** Session timeout of its consumers (default DEFAULT_SESSION_TIMEOUT_MS). */
  sessionTimeoutMs?: number;
}): Kafka {
  assertKafkajsPatched();
  const log = options.logger.child({ component: 'kafkajs' });
  return new PlatformKafka(
    {
      clientId: options.clientId,
      brokers: options.brokers,
      connectionTimeout: 3_000,
      requestTimeout: 30_000,
      retry: options.retry ?? { initialRetryTime: 100, maxRetryTime: 2_000, retries: 5 },
      logLevel: logLevel.WARN,
      logCreator:
        () =>
        ({ level, log: entry }: LogEntry) => {
          const { message, ...fields } = entry;
          const method = LEVEL_NAMES[level] ?? 'info';
          log[method](message, fields);
        },
    },
    options.sessionTimeoutMs ?? DEFAULT_SESSION_TIMEOUT_MS,
  );
}
