import { Column, CreateDateColumn, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * A published event's payload, kept so a message can be sent again after its Kafka records
 * (events, deliveries, DLQ) have expired: resend and recover read it from here.
 */
@Entity('messages')
@Index('messages_tenant_time_idx', ['tenantId', 'publishedAt'])
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

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
