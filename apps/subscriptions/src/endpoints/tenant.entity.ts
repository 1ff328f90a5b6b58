import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

/** A tenant: the owner of endpoints and events. Created implicitly by its first endpoint. */
@Entity('tenants')
export class TenantEntity {
  @PrimaryColumn({ type: 'text' })
  id!: string;

  @Column({ type: 'text', default: '' })
  name!: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
