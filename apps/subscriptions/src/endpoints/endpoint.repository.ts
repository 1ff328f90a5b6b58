import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { EndpointOutboxEntity } from '../outbox/endpoint-outbox.entity';
import { EndpointEntity } from './endpoint.entity';
import { TenantEntity } from './tenant.entity';

export interface NewEndpoint {
  id: string;
  tenantId: string;
  url: string;
  eventTypes: string[];
  description: string;
  secret: string;
  retryPolicy: EndpointEntity['retryPolicy'];
  rateLimitPerSecond: number | null;
  rateLimitBurst: number | null;
  ordered: boolean;
}

/**
 * Endpoint persistence. Every write bumps the version and enqueues an outbox row in the same
 * transaction, so the change reaches `webhooks.endpoints` even if the process dies right after.
 */
@Injectable()
export class EndpointRepository {
  constructor(private readonly dataSource: DataSource) {}

  create(endpoint: NewEndpoint): Promise<EndpointEntity> {
    return this.dataSource.transaction(async (tx) => {
      await tx.createQueryBuilder().insert().into(TenantEntity).values({ id: endpoint.tenantId }).orIgnore().execute();
      const saved = await tx
        .getRepository(EndpointEntity)
        .save(tx.getRepository(EndpointEntity).create({ ...endpoint, version: 1 }));
      await this.enqueue(tx, saved.id);
      return saved;
    });
  }

  findLive(tenantId: string, id: string): Promise<EndpointEntity | null> {
    return this.dataSource
      .getRepository(EndpointEntity)
      .createQueryBuilder('e')
      .where('e.id = :id AND e.tenant_id = :tenantId AND e.deleted_at IS NULL', { id, tenantId })
      .getOne();
  }

  /** One page ordered by id (ids are time-ordered); `after` is the last id of the previous page. */
  list(tenantId: string, limit: number, after?: string): Promise<EndpointEntity[]> {
    const query = this.dataSource
      .getRepository(EndpointEntity)
      .createQueryBuilder('e')
      .where('e.tenant_id = :tenantId AND e.deleted_at IS NULL', { tenantId })
      .orderBy('e.id', 'ASC')
      .limit(limit);
    if (after) query.andWhere('e.id > :after', { after });
    return query.getMany();
  }

  /** Applies `change` to the live endpoint under a row lock; null when it does not exist. */
  update(tenantId: string, id: string, change: (endpoint: EndpointEntity) => void): Promise<EndpointEntity | null> {
    return this.dataSource.transaction(async (tx) => {
      const repo = tx.getRepository(EndpointEntity);
      const endpoint = await repo
        .createQueryBuilder('e')
        .setLock('pessimistic_write')
        .where('e.id = :id AND e.tenant_id = :tenantId AND e.deleted_at IS NULL', { id, tenantId })
        .getOne();
      if (!endpoint) return null;
      change(endpoint);
      endpoint.version += 1;
      const saved = await repo.save(endpoint);
      await this.enqueue(tx, id);
      return saved;
    });
  }

  /** Live endpoints of these tenants (disabled ones included: the fan-out logs them as skipped). */
  liveForTenants(tenantIds: string[]): Promise<EndpointEntity[]> {
    return this.dataSource
      .getRepository(EndpointEntity)
      .createQueryBuilder('e')
      .select(['e.id', 'e.tenantId', 'e.eventTypes', 'e.disabled', 'e.version'])
      .where('e.tenant_id = ANY(:tenantIds) AND e.deleted_at IS NULL', { tenantIds })
      .getMany();
  }

  private async enqueue(tx: EntityManager, endpointId: string): Promise<void> {
    await tx.getRepository(EndpointOutboxEntity).insert({ endpointId });
  }
}
