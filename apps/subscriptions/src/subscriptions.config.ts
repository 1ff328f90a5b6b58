import { z } from 'zod';
import { commonVariables, duration, port, positiveInt, variable, type ConfigOf } from '@webhooks/config';
import { authVariables } from '@webhooks/auth';
import { topicVariables } from '@webhooks/kafka';
import { grpcTlsVariables } from '@webhooks/runtime';

const bool = (fallback: boolean) =>
  z
    .enum(['true', 'false', '1', '0'])
    .default(fallback ? 'true' : 'false')
    .transform((v) => v === 'true' || v === '1');

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
  OUTBOX_POLL_INTERVAL: variable('How often the outbox relay looks for unpublished endpoint changes.', duration('1s')),
  ENDPOINT_DISABLE_AFTER: variable(
    'An endpoint whose attempts have failed without a single success for this long is disabled (its pending tasks are then logged as skipped). A 410 Gone disables it at once.',
    duration('5d'),
  ),
  REDRIVE_TIMEOUT: variable(
    'Upper bound of one RedriveDeadLetters call (reading the DLQ up to its end at call time).',
    duration('60s'),
  ),
};

export type SubscriptionsConfig = ConfigOf<typeof subscriptionsConfigSchema>;
export const SUBSCRIPTIONS_CONFIG = Symbol('SUBSCRIPTIONS_CONFIG');
