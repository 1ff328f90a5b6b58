import { Column, CreateDateColumn, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * An API key. Only the SHA-256 of the full key is stored (keys carry 256 random bits, so a
 * fast hash is enough: there is nothing to brute-force); the key itself is shown once.
 */
@Entity('api_keys')
@Index('api_keys_tenant_idx', ['tenantId'])
export class ApiKeyEntity {
  /** `key_…`, also embedded in the key so it can be looked up without scanning. */
  @PrimaryColumn({ type: 'text' })
  id!: string;

  /** null for an admin key. */
  @Column({ name: 'tenant_id', type: 'text', nullable: true })
  tenantId!: string | null;

  @Column({ type: 'text', default: '' })
  name!: string;

  @Column({ type: 'boolean', default: false })
  admin!: boolean;

  /** Hex SHA-256 of the whole key. */
  @Column({ type: 'text' })
  hash!: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @Column({ name: 'revoked_at', type: 'timestamptz', nullable: true })
  revokedAt!: Date | null;
}
