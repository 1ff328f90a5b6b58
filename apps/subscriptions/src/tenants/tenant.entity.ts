import { Column, CreateDateColumn, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';

/**
 * A tenant: the owner of endpoints, event types, API keys and events. Created by an admin
 * (CreateTenant) or implicitly by its first endpoint or admin-published event.
 */
@Entity('tenants')
export class TenantEntity {
  @PrimaryColumn({ type: 'text' })
  id!: string;

  @Column({ type: 'text', default: '' })
  name!: string;

  /** Events per second ingestion accepts; null = unlimited. */
  @Column({ name: 'ingest_quota_per_second', type: 'integer', nullable: true })
  ingestQuotaPerSecond!: number | null;

  @Column({ name: 'ingest_quota_burst', type: 'integer', nullable: true })
  ingestQuotaBurst!: number | null;

  /** New endpoints must echo a challenge first; null = the platform default. */
  @Column({ name: 'verify_endpoints', type: 'boolean', nullable: true })
  verifyEndpoints!: boolean | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
