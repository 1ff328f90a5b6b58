import { z } from 'zod';
import { commonVariables, duration, list, port, positiveInt, variable, type ConfigOf } from '@webhooks/config';
import { authVariables } from '@webhooks/auth';
import { topicVariables } from '@webhooks/kafka';
import { EndpointSecretCodec } from '@webhooks/signing';
import { parseCidr } from '@webhooks/ssrf';
import { grpcTlsVariables } from '@webhooks/runtime';

const bool = (fallback: boolean) =>
  z
    .enum(['true', 'false', '1', '0'])
    .default(fallback ? 'true' : 'false')
    .transform((v) => v === 'true' || v === '1');

const DAY_MS = 86_400_000;

/** A comma-separated list of CIDR blocks; a bad entry stops the process at boot, named. */
const cidrList = list('').superRefine((cidrs, ctx) => {
  for (const cidr of cidrs) {
    try {
      parseCidr(cidr);
    } catch (error) {
      ctx.addIssue({ code: z.ZodIssueCode.custom, message: (error as Error).message });
    }
  }
});

/** Every environment variable the subscriptions service reads. */
export const subscriptionsConfigSchema = {
  ...commonVariables,
  ...topicVariables,
  ...authVariables,
  ...grpcTlsVariables,
  DATABASE_URL: variable('PostgreSQL connection URL (postgres://user:pass@host:port/db).', z.string().url(), true),
  DATABASE_POOL_SIZE: variable('Maximum PostgreSQL connections.', positiveInt(10)),
  RUN_MIGRATIONS: variable('Apply pending migrations at start-up (off when a Helm job runs them).', bool(true)),
  GRPC_PORT: variable('Port of the gRPC management service.', port(50062)),
  GRPC_HOST: variable('Address the gRPC server binds.', z.string().default('0.0.0.0')),
  ALLOW_HTTP_ENDPOINTS: variable('Accept plain http:// endpoint URLs (local development only).', bool(false)),
  FANOUT_GROUP: variable('Consumer group of the fan-out.', z.string().default('fanout')),
  ATTEMPT_LOG_GROUP: variable('Consumer group of the attempt log writer.', z.string().default('attempt-log')),
  FANOUT_TRANSACTIONAL_ID: variable(
    'Kafka transactional.id of this instance’s fan-out producer; must be stable per replica (e.g. the pod name) so a restarted replica fences its zombie.',
    z.string().default(`fanout-${process.env.HOSTNAME ?? 'local'}`),
  ),
  FANOUT_LINGER: variable(
    'Least time between the starts of two fan-out transactions. Each transaction costs the broker a fixed handful of requests and markers whatever it carries, so a linger trades up to its length in publish-to-delivery latency for fewer, larger transactions (less Kafka CPU at moderate rates); 0 = the next transaction starts as soon as the previous one commits.',
    duration('0ms'),
  ),
  OUTBOX_POLL_INTERVAL: variable('How often the outbox relay looks for unpublished endpoint changes.', duration('1s')),
  ENDPOINT_DISABLE_AFTER: variable(
    'An endpoint whose attempts have failed without a single success for this long is disabled (its pending tasks are then logged as skipped). A 410 Gone disables it at once.',
    duration('5d'),
  ),
  SECRETS_ENCRYPTION_KEY: variable(
    'AES-256-GCM key that seals endpoint signing secrets in Postgres and in the endpoint views on webhooks.endpoints: base64 of 32 bytes (`openssl rand -base64 32`), the same value as the dispatcher’s. Empty = secrets are stored in plaintext, with a warning at start-up (development only).',
    z
      .string()
      .default('')
      .refine((key) => EndpointSecretCodec.isValidKey(key), 'must be base64 of exactly 32 bytes'),
    true,
  ),
  ENDPOINT_VERIFICATION_DEFAULT: variable(
    'Whether a new endpoint (or one whose URL changes) must echo a challenge before it receives events, for tenants that did not choose (verify_endpoints unset). On by default; turn it off only in development.',
    bool(true),
  ),
  SSRF_ALLOW_CIDRS: variable(
    'Development and tests only: comma-separated CIDR blocks the endpoint verification challenge may reach although they are not public (e.g. `127.0.0.0/8,::1/128`). Empty in production: every endpoint address must then be public.',
    cidrList,
  ),
  REDRIVE_TIMEOUT: variable(
    'Upper bound of one RedriveDeadLetters call (reading the DLQ up to its end at call time).',
    duration('60s'),
  ),
  RETENTION_PERIOD: variable(
    'How long published messages (payloads) and delivery attempts are kept; older ones are purged. It is also the idempotency window of ingestion: an event id published again is recognised (and not delivered twice) only while its first message is kept. At least 1d.',
    duration('30d').refine((ms) => ms >= DAY_MS, 'must be at least 1d (it is also the idempotency window)'),
  ),
  RETENTION_PURGE_INTERVAL: variable(
    'How often the retention purge runs (one replica at a time, by a Postgres advisory lock).',
    duration('10m'),
  ),
  RETENTION_PURGE_BATCH: variable(
    'Rows the retention purge deletes per statement (short transactions, with a pause between batches).',
    positiveInt(5_000),
  ),
};

export type SubscriptionsConfig = ConfigOf<typeof subscriptionsConfigSchema>;
export const SUBSCRIPTIONS_CONFIG = Symbol('SUBSCRIPTIONS_CONFIG');
