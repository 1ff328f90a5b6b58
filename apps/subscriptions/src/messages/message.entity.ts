import { Column, CreateDateColumn, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * A published event's payload, kept so a message can be sent again after its Kafka records
 * (events, deliveries, DLQ) have expired: resend and recover read it from here.
 */
@Entity('messages')
@Index('messages_tenant_time_idx', ['tenantId', 'publishedAt'])
@Index('messages_published_idx', ['publishedAt'])
export class MessageEntity {
  @PrimaryColumn({ name: 'event_id', type: 'text' })
  eventId!: string;

  @Column({ name: 'tenant_id', type: 'text' })
  tenantId!: string;

  @Column({ name: 'event_type', type: 'text' })
  eventType!: string;

  /** The published bytes, unchanged: a resend delivers exactly what the first delivery did. */
  @Column({ type: 'bytea' })
  payload!: Buffer;

  @Column({ name: 'published_at', type: 'timestamptz' })
  publishedAt!: Date;

  /**
   * Where the event was read from `webhooks.events` (partition and offset). A second record with
   * the same event id (an idempotent publish repeated) comes from another offset and is not
   * fanned out again; the same offset read again (a fan-out batch replayed after a crash) is.
   */
  @Column({ name: 'source_partition', type: 'integer', nullable: true })
  sourcePartition!: number | null;

  @Column({ name: 'source_offset', type: 'bigint', nullable: true })
  sourceOffset!: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
