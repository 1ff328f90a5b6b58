import { z } from 'zod';
import { variable } from './config';
import { parseDuration } from './duration';

/** Zod schema for a port number; 0 means "pick a free one" (tests and local runs). */
export const port = (fallback: number) => z.coerce.number().int().min(0).max(65_535).default(fallback);

/** Zod schema for a duration string such as `5s`, yielding milliseconds. */
export const duration = (fallback: string) =>
  z
    .string()
    .default(fallback)
    .transform((text, ctx) => {
      try {
        return parseDuration(text);
      } catch (error) {
        ctx.addIssue({ code: z.ZodIssueCode.custom, message: (error as Error).message });
        return z.NEVER;
      }
    });

/** Zod schema for a comma-separated list. */
export const list = (fallback: string) =>
  z
    .string()
    .default(fallback)
    .transform((text) =>
      text
        .split(',')
        .map((item) => item.trim())
        .filter(Boolean),
    );

export const positiveInt = (fallback: number) => z.coerce.number().int().positive().default(fallback);

/** Variables every service shares: Kafka connection, HTTP port for health and metrics, log level. */
export const commonVariables = {
  KAFKA_BROKERS: variable(
    'Comma-separated Kafka bootstrap servers (host:port).',
    list('127.0.0.1:9092').refine((brokers) => brokers.length > 0, 'at least one broker'),
  ),
  KAFKA_CLIENT_ID: variable('Kafka client id prefix; the service name is appended.', z.string().default('webhooks')),
  KAFKA_TOPIC_PREFIX: variable(
    'Prefix for every topic name (e.g. `staging.`); empty in production by default.',
    z.string().default(''),
  ),
  KAFKA_SESSION_TIMEOUT: variable(
    'Session timeout of every Kafka consumer group member. Also how long a group waits for a member that vanished without leaving (e.g. its coordinator died with a broker) before handing its partitions on; handlers heartbeat while they wait, so it does not bound processing time.',
    duration('10s'),
  ),
  HTTP_PORT: variable('Port of the HTTP server that serves /healthz, /readyz and /metrics.', port(8080)),
  HTTP_HOST: variable('Address the HTTP server binds.', z.string().default('0.0.0.0')),
  LOG_LEVEL: variable('Minimum log level.', z.enum(['debug', 'info', 'warn', 'error']).default('info')),
  SHUTDOWN_TIMEOUT: variable('How long SIGTERM waits for in-flight work before exiting.', duration('25s')),
  HEAP_GROWTH_PERCENT: variable(
    "How far the JavaScript heap may grow past the objects live after a full garbage collection, in percent (V8's --heap-growing-percent). Lower keeps resident memory closer to what is live at some CPU cost; 0 leaves V8's adaptive factor (up to 300 %). 100 kept every service under 300 MB at max rate (docs/performance.md).",
    z.coerce.number().int().min(0).max(1_000).default(100),
  ),
};
