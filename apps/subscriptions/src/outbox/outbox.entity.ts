import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** What an outbox row points at: an endpoint (→ webhooks.endpoints) or a directory entry (→ webhooks.directory). */
export type OutboxKind = 'endpoint' | 'tenant' | 'api_key' | 'event_type';

/**
 * Transactional outbox: a row is written in the same DB transaction as a change and deleted
 * once the changed thing's current view is on its compacted topic. No change can be committed
 * to Postgres and lost on its way to the dispatchers or to ingestion.
 */
@Entity('outbox')
export class OutboxEntity {
  @PrimaryGeneratedColumn({ type: 'bigint' })
  id!: string;

  @Column({ type: 'text', default: 'endpoint' })
  kind!: OutboxKind;

  /** The changed row's id (`tenant_id/name` for an event type). */
  @Column({ type: 'text' })
  ref!: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
