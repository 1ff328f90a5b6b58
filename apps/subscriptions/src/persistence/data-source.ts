import type { DataSourceOptions } from 'typeorm';
import { AttemptEntity } from '../attempt-log/attempt.entity';
import { EndpointEntity } from '../endpoints/endpoint.entity';
import { EventTypeEntity } from '../event-types/event-type.entity';
import { MessageEntity } from '../messages/message.entity';
import { OutboxEntity } from '../outbox/outbox.entity';
import { ApiKeyEntity } from '../tenants/api-key.entity';
import { TenantEntity } from '../tenants/tenant.entity';
import { Initial1764400000000 } from './migrations/1764400000000-initial';
import { EndpointDeliveryOptions1764500000000 } from './migrations/1764500000000-endpoint-delivery-options';
import { ReplayAndEndpointHealth1764600000000 } from './migrations/1764600000000-replay-and-endpoint-health';
import { TenantsKeysEventTypes1764700000000 } from './migrations/1764700000000-tenants-keys-event-types';
import { AttemptsByEvent1764800000000 } from './migrations/1764800000000-attempts-by-event';
import { AttemptsKeyedByTime1764900000000 } from './migrations/1764900000000-attempts-keyed-by-time';

export const ENTITIES = [
  TenantEntity,
  ApiKeyEntity,
  EventTypeEntity,
  EndpointEntity,
  OutboxEntity,
  AttemptEntity,
  MessageEntity,
];
export const MIGRATIONS = [
  Initial1764400000000,
  EndpointDeliveryOptions1764500000000,
  ReplayAndEndpointHealth1764600000000,
  TenantsKeysEventTypes1764700000000,
  AttemptsByEvent1764800000000,
  AttemptsKeyedByTime1764900000000,
];

/** The one description of the database: entities, committed migrations, no schema sync ever. */
export function dataSourceOptions(url: string, poolSize = 10): DataSourceOptions {
  return {
    type: 'postgres',
    url,
    entities: ENTITIES,
    migrations: MIGRATIONS,
    synchronize: false,
    migrationsTableName: 'typeorm_migrations',
    extra: { max: poolSize, connectionTimeoutMillis: 5_000 },
  };
}
