import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

/**
 * Transactional outbox: a row is written in the same DB transaction as an endpoint change and
 * deleted once the endpoint's current view is on `webhooks.endpoints`. No change can be
 * committed to Postgres and lost on its way to the dispatchers.
 */
@Entity('endpoint_outbox')
export class EndpointOutboxEntity {
  @PrimaryGeneratedColumn({ type: 'bigint' })
  id!: string;

  @Column({ name: 'endpoint_id', type: 'text' })
  endpointId!: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
