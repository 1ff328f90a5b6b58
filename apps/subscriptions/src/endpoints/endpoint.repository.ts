import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { OutboxEntity } from '../outbox/outbox.entity';
import { EndpointEntity } from './endpoint.entity';
import { TenantEntity } from '../tenants/tenant.entity';

export interface NewEndpoint {
  id: string;
  tenantId: string;
  url: string;
  eventTypes: string[];
  description: string;
  /** Sealed (EndpointSecretCodec) by the caller: the repository never sees a plaintext secret. */
  secret: string;
  signatureScheme: string;
  filter: unknown;
  transformation: string | null;
  headers: Record<string, string>;
  pendingVerification: boolean;
  retryPolicy: EndpointEntity['retryPolicy'];
  rateLimitPerSecond: number | null;
  rateLimitBurst: number | null;
  ordered: boolean;
}

/** What one batch of attempt records says about an endpoint's health. */
export interface EndpointFailureObservation {
  endpointId: string;
  /** A success was seen: the previous run of failures is over. */
  reset: boolean;
  /** First failure after the last success in the batch (or of the batch), null if none. */
  failingFrom: Date | null;
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

  /**
   * Whether this tenant's new endpoints must pass the ownership challenge: its `verify_endpoints`,
   * or `platformDefault` when it has not chosen (or does not exist yet).
   */
  async requiresVerification(tenantId: string, platformDefault: boolean): Promise<boolean> {
    const tenant = await this.dataSource
      .getRepository(TenantEntity)
      .findOne({ where: { id: tenantId }, select: { id: true, verifyEndpoints: true } });
    return tenant?.verifyEndpoints ?? platformDefault;
  }

  findLive(tenantId: string, id: string): Promise<EndpointEntity | null> {
    return this.dataSource
      .getRepository(EndpointEntity)
      .createQueryBuilder('e')
      .where('e.id = :id AND e.tenant_id = :tenantId AND e.deleted_at IS NULL', { id, tenantId })
      .getOne();
  }

  /** Live endpoints waiting for their first verification outcome (oldest first). */
  unchallenged(limit: number): Promise<Pick<EndpointEntity, 'id' | 'tenantId'>[]> {
    return this.dataSource
      .getRepository(EndpointEntity)
      .createQueryBuilder('e')
      .select(['e.id', 'e.tenantId'])
      .where('e.pending_verification AND e.verification_error IS NULL AND e.deleted_at IS NULL')
      .orderBy('e.updated_at', 'ASC')
      .limit(limit)
      .getMany();
  }

  /** This tenant's live endpoints among `ids`. */
  findLiveMany(tenantId: string, ids: readonly string[]): Promise<EndpointEntity[]> {
    if (ids.length === 0) return Promise.resolve([]);
    return this.dataSource
      .getRepository(EndpointEntity)
      .createQueryBuilder('e')
      .where('e.id = ANY(:ids) AND e.tenant_id = :tenantId AND e.deleted_at IS NULL', { ids, tenantId })
      .getMany();
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

  /**
   * Applies `change` to the live endpoint under a row lock; null when it does not exist. A
   * `change` that returns false leaves the row (and its version) as it is.
   */
  update(
    tenantId: string,
    id: string,
    change: (endpoint: EndpointEntity) => boolean | void,
  ): Promise<EndpointEntity | null> {
    return this.dataSource.transaction(async (tx) => {
      const repo = tx.getRepository(EndpointEntity);
      const endpoint = await repo
        .createQueryBuilder('e')
        .setLock('pessimistic_write')
        .where('e.id = :id AND e.tenant_id = :tenantId AND e.deleted_at IS NULL', { id, tenantId })
        .getOne();
      if (!endpoint) return null;
      if (change(endpoint) === false) return endpoint;
      endpoint.version += 1;
      const saved = await repo.save(endpoint);
      await this.enqueue(tx, id);
      return saved;
    });
  }

  /**
   * Live endpoints of these tenants with what the fan-out needs (disabled and pending ones
   * included: the fan-out logs them as skipped).
   */
  liveForTenants(tenantIds: string[]): Promise<EndpointEntity[]> {
    return this.dataSource
      .getRepository(EndpointEntity)
      .createQueryBuilder('e')
      .select([
        'e.id',
        'e.tenantId',
        'e.eventTypes',
        'e.disabled',
        'e.pendingVerification',
        'e.filter',
        'e.transformation',
        'e.version',
      ])
      .where('e.tenant_id = ANY(:tenantIds) AND e.deleted_at IS NULL', { tenantIds })
      .getMany();
  }

  /**
   * Applies a batch's health observations in one statement: `reset` (a success was seen)
   * restarts the run of failures at `failingFrom` (null: none since); otherwise a failure
   * starts a run only if none is running. Rows whose value would not change are not written.
   */
  async trackFailures(observations: readonly EndpointFailureObservation[]): Promise<void> {
    if (observations.length === 0) return;
    await this.dataSource.query(
      `UPDATE endpoints e SET failing_since = s.next
       FROM (SELECT o.id, CASE WHEN o.reset THEN o.failing_from ELSE coalesce(x.failing_since, o.failing_from) END AS next
             FROM unnest($1::text[], $2::boolean[], $3::timestamptz[]) AS o(id, reset, failing_from)
             JOIN endpoints x ON x.id = o.id) s
       WHERE e.id = s.id AND e.deleted_at IS NULL AND NOT e.disabled AND e.failing_since IS DISTINCT FROM s.next`,
      [observations.map((o) => o.endpointId), observations.map((o) => o.reset), observations.map((o) => o.failingFrom)],
    );
  }

  /** Enabled live endpoints among `ids` failing since at or before `cutoff`. */
  failingSince(
    ids: readonly string[],
    cutoff: Date,
  ): Promise<Pick<EndpointEntity, 'id' | 'tenantId' | 'failingSince'>[]> {
    if (ids.length === 0) return Promise.resolve([]);
    return this.dataSource
      .getRepository(EndpointEntity)
      .createQueryBuilder('e')
      .select(['e.id', 'e.tenantId', 'e.failingSince'])
      .where('e.id = ANY(:ids) AND e.failing_since <= :cutoff AND NOT e.disabled AND e.deleted_at IS NULL', {
        ids,
        cutoff,
      })
      .getMany();
  }

  private async enqueue(tx: EntityManager, endpointId: string): Promise<void> {
    await tx.getRepository(OutboxEntity).insert({ kind: 'endpoint', ref: endpointId });
  }
}
