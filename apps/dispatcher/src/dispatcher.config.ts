import { z } from 'zod';
import { commonVariables, duration, list, positiveInt, variable, type ConfigOf } from '@webhooks/config';
import { topicVariables } from '@webhooks/kafka';
import { EndpointSecretCodec } from '@webhooks/signing';
import { parseCidr } from '@webhooks/ssrf';

const bool = (fallback: boolean) =>
  z
    .enum(['true', 'false', '1', '0'])
    .default(fallback ? 'true' : 'false')
    .transform((v) => v === 'true' || v === '1');

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

/** Every environment variable the dispatcher reads. */
export const dispatcherConfigSchema = {
  ...commonVariables,
  ...topicVariables,
  DISPATCH_GROUP: variable(
    'Consumer group of the deliverers (all dispatcher replicas share it).',
    z.string().default('dispatch'),
  ),
  DELAY_GROUP: variable('Consumer group of the delay-tier consumers.', z.string().default('delay')),
  REQUEST_TIMEOUT: variable('Time limit of one delivery attempt, connect to last body byte.', duration('15s')),
  MAX_RESPONSE_BODY_BYTES: variable('How much of a response body is read and logged.', positiveInt(4096)),
  MAX_WINDOW_PER_PARTITION: variable(
    'Records of one partition taken but not yet committed (in lanes, in flight, or finished above the low watermark); bounds memory. When full, the partition waits.',
    positiveInt(3_000),
  ),
  MAX_IN_FLIGHT_PER_ENDPOINT: variable('Concurrent requests to one endpoint (ordered endpoints: 1).', positiveInt(32)),
  MAX_BACKLOG_PER_ENDPOINT: variable(
    'Most tasks one unlimited endpoint may have waiting in memory. The actual limit follows the endpoint: what it drains within RATE_LIMIT_HORIZON at its observed speed. A fast endpoint whose lane is full pauses admission from its partition (back-pressure: the rest waits in Kafka) until the lane is half drained; a slow, hanging or paused endpoint sheds its surplus to a delay tier instead, so it cannot hold its partition.',
    positiveInt(2_000),
  ),
  RATE_LIMIT_HORIZON: variable(
    'How much work a rate-limited endpoint may queue in memory, in time at its rate; beyond it tasks wait in a delay tier (not counted as attempts).',
    duration('2s'),
  ),
  MAX_CONNECTIONS_PER_ORIGIN: variable('Keep-alive connections per endpoint origin.', positiveInt(16)),
  PARTITIONS_CONCURRENTLY: variable('Partitions of webhooks.deliveries processed at once per process.', positiveInt(8)),
  SECRETS_ENCRYPTION_KEY: variable(
    'Key that opens the sealed signing secrets in endpoint views: the same value as subscriptions’ SECRETS_ENCRYPTION_KEY (base64 of 32 bytes). Empty = views carry plaintext secrets (development only); a sealed secret then cannot be used and its deliveries fail.',
    z
      .string()
      .default('')
      .refine((key) => EndpointSecretCodec.isValidKey(key), 'must be base64 of exactly 32 bytes'),
    true,
  ),
  ENDPOINT_VIEW_WAIT: variable(
    'How long a task waits for the endpoint view to reach the version the fan-out saw before it is re-queued.',
    duration('5s'),
  ),
  SSRF_ALLOW_CIDRS: variable(
    'Development and tests only: comma-separated CIDR blocks deliveries may reach although they are not public (e.g. `127.0.0.0/8,::1/128` for a local receiver). Empty in production: every endpoint address must then be public.',
    cidrList,
  ),
  ALLOW_HTTP_ENDPOINTS: variable(
    'Deliver to plain http:// URLs (local development and tests only); otherwise only https.',
    bool(false),
  ),
};

export type DispatcherConfig = ConfigOf<typeof dispatcherConfigSchema>;
export const DISPATCHER_CONFIG = Symbol('DISPATCHER_CONFIG');
