import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { OutboxEntity, type OutboxKind } from '../outbox/outbox.entity';
import { ApiKeyEntity } from './api-key.entity';
import { TenantEntity } from './tenant.entity';

export type TenantSettingsChange = Partial<
  Pick<TenantEntity, 'name' | 'ingestQuotaPerSecond' | 'ingestQuotaBurst' | 'verifyEndpoints'>
>;

/**
 * Tenants and API keys. Every change enqueues an outbox row in the same transaction, so it
 * reaches ingestion's directory view even if the process dies right after the commit.
 */
@Injectable()
export class TenantRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Inserts the tenant; false if it already exists. */
  create(tenant: { id: string } & TenantSettingsChange): Promise<boolean> {
    return this.dataSource
      .transaction(async (tx) => {
        await tx.getRepository(TenantEntity).insert(tenant);
        await enqueue(tx, 'tenant', tenant.id);
        return true;
      })
      .catch((error: unknown) => {
        if ((error as { code?: string }).code === '23505') return false; // unique_violation
        throw error;
      });
  }

  find(id: string): Promise<TenantEntity | null> {
    return this.dataSource.getRepository(TenantEntity).findOneBy({ id });
  }

  list(limit: number, after?: string): Promise<TenantEntity[]> {
    const query = this.dataSource
      .getRepository(TenantEntity)
      .createQueryBuilder('t')
      .orderBy('t.id', 'ASC')
      .limit(limit);
    if (after) query.where('t.id > :after', { after });
    return query.getMany();
  }

  update(id: string, change: TenantSettingsChange): Promise<TenantEntity | null> {
    return this.dataSource.transaction(async (tx) => {
      const repo = tx.getRepository(TenantEntity);
      const tenant = await repo
        .createQueryBuilder('t')
        .setLock('pessimistic_write')
        .where('t.id = :id', { id })
        .getOne();
      if (!tenant) return null;
      Object.assign(tenant, change);
      const saved = await repo.save(tenant);
      await enqueue(tx, 'tenant', id);
      return saved;
    });
  }

  createKey(key: Pick<ApiKeyEntity, 'id' | 'tenantId' | 'name' | 'admin' | 'hash'>): Promise<ApiKeyEntity> {
    return this.dataSource.transaction(async (tx) => {
      if (key.tenantId) {
        await tx.createQueryBuilder().insert().into(TenantEntity).values({ id: key.tenantId }).orIgnore().execute();
      }
      const saved = await tx.getRepository(ApiKeyEntity).save(tx.getRepository(ApiKeyEntity).create(key));
      await enqueue(tx, 'api_key', key.id);
      return saved;
    });
  }

  findKey(id: string): Promise<ApiKeyEntity | null> {
    return this.dataSource.getRepository(ApiKeyEntity).findOneBy({ id });
  }

  /** A tenant's keys, or the admin keys when `tenantId` is null; newest first. */
  listKeys(tenantId: string | null): Promise<ApiKeyEntity[]> {
    const query = this.dataSource.getRepository(ApiKeyEntity).createQueryBuilder('k').orderBy('k.created_at', 'DESC');
    if (tenantId === null) query.where('k.tenant_id IS NULL');
    else query.where('k.tenant_id = :tenantId', { tenantId });
    return query.limit(1_000).getMany();
  }

  revokeKey(id: string): Promise<ApiKeyEntity | null> {
    return this.dataSource.transaction(async (tx) => {
      const repo = tx.getRepository(ApiKeyEntity);
      const key = await repo.findOneBy({ id });
      if (!key) return null;
      if (!key.revokedAt) {
        key.revokedAt = new Date();
        await repo.save(key);
        await enqueue(tx, 'api_key', id);
      }
      return key;
    });
  }
}

export async function enqueue(tx: EntityManager, kind: OutboxKind, ref: string): Promise<void> {
  await tx.getRepository(OutboxEntity).insert({ kind, ref });
}
