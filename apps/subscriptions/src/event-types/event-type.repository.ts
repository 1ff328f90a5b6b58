import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { enqueue } from '../tenants/tenant.repository';
import { TenantEntity } from '../tenants/tenant.entity';
import { EventTypeEntity } from './event-type.entity';

/** The event-type registry. Changes go through the outbox to ingestion's directory view. */
@Injectable()
export class EventTypeRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** false when the (tenant, name) already exists. */
  create(eventType: Pick<EventTypeEntity, 'tenantId' | 'name' | 'description' | 'schema'>): Promise<boolean> {
    return this.dataSource
      .transaction(async (tx) => {
        await tx
          .createQueryBuilder()
          .insert()
          .into(TenantEntity)
          .values({ id: eventType.tenantId })
          .orIgnore()
          .execute();
        await tx.getRepository(EventTypeEntity).insert(eventType);
        await enqueue(tx, 'event_type', `${eventType.tenantId}/${eventType.name}`);
        return true;
      })
      .catch((error: unknown) => {
        if ((error as { code?: string }).code === '23505') return false; // unique_violation
        throw error;
      });
  }

  find(tenantId: string, name: string): Promise<EventTypeEntity | null> {
    return this.dataSource.getRepository(EventTypeEntity).findOneBy({ tenantId, name });
  }

  list(tenantId: string, limit: number, after?: string): Promise<EventTypeEntity[]> {
    const query = this.dataSource
      .getRepository(EventTypeEntity)
      .createQueryBuilder('t')
      .where('t.tenant_id = :tenantId', { tenantId })
      .orderBy('t.name', 'ASC')
      .limit(limit);
    if (after) query.andWhere('t.name > :after', { after });
    return query.getMany();
  }

  update(
    tenantId: string,
    name: string,
    change: Partial<Pick<EventTypeEntity, 'description' | 'schema'>>,
  ): Promise<EventTypeEntity | null> {
    return this.dataSource.transaction(async (tx) => {
      const repo = tx.getRepository(EventTypeEntity);
      const found = await repo
        .createQueryBuilder('t')
        .setLock('pessimistic_write')
        .where('t.tenant_id = :tenantId AND t.name = :name', { tenantId, name })
        .getOne();
      if (!found) return null;
      Object.assign(found, change);
      const saved = await repo.save(found);
      await enqueue(tx, 'event_type', `${tenantId}/${name}`);
      return saved;
    });
  }

  delete(tenantId: string, name: string): Promise<boolean> {
    return this.dataSource.transaction(async (tx) => {
      const result = await tx.getRepository(EventTypeEntity).delete({ tenantId, name });
      if (!result.affected) return false;
      await enqueue(tx, 'event_type', `${tenantId}/${name}`);
      return true;
    });
  }
}
