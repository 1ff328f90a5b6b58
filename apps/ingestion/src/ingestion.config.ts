import { z } from 'zod';
import { commonVariables, duration, port, positiveInt, variable, type ConfigOf } from '@webhooks/config';
import { authVariables } from '@webhooks/auth';
import { topicVariables } from '@webhooks/kafka';
import { grpcTlsVariables } from '@webhooks/runtime';

/** Every environment variable the ingestion service reads. */
export const ingestionConfigSchema = {
  ...commonVariables,
  ...topicVariables,
  ...authVariables,
  ...grpcTlsVariables,
  GRPC_PORT: variable('Port of the gRPC Ingestion service.', port(50061)),
  GRPC_HOST: variable('Address the gRPC server binds.', z.string().default('0.0.0.0')),
  MAX_PAYLOAD_BYTES: variable('Largest accepted event payload, in bytes.', positiveInt(256 * 1024)),
  MAX_REQUEST_BYTES: variable(
    'Largest accepted gRPC request (a whole PublishBatch), in bytes, checked after decompression.',
    positiveInt(4 * 1024 * 1024),
  ),
  MAX_BATCH_EVENTS: variable('Largest accepted PublishBatch, in events.', positiveInt(500)),
  INGESTION_REPLICAS: variable(
    'Ingestion replicas sharing each tenant quota: each enforces quota / replicas (set it to the replica count).',
    positiveInt(1),
  ),
  PUBLISH_TIMEOUT: variable('How long a publish may wait for Kafka before answering UNAVAILABLE.', duration('10s')),
};

export type IngestionConfig = ConfigOf<typeof ingestionConfigSchema>;
export const INGESTION_CONFIG = Symbol('INGESTION_CONFIG');
