import { z } from 'zod';
import { commonVariables, duration, positiveInt, variable, type ConfigOf } from '@webhooks/config';
import { topicVariables } from '@webhooks/kafka';

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
  MAX_IN_FLIGHT: variable('Deliveries in flight per dispatcher process.', positiveInt(256)),
  MAX_CONNECTIONS_PER_ORIGIN: variable('Keep-alive connections per endpoint origin.', positiveInt(16)),
  PARTITIONS_CONCURRENTLY: variable('Partitions of webhooks.deliveries processed at once per process.', positiveInt(8)),
  ENDPOINT_VIEW_WAIT: variable(
    'How long a task waits for the endpoint view to reach the version the fan-out saw before it is re-queued.',
    duration('5s'),
  ),
};

export type DispatcherConfig = ConfigOf<typeof dispatcherConfigSchema>;
export const DISPATCHER_CONFIG = Symbol('DISPATCHER_CONFIG');
