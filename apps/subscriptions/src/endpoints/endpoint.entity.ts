import type { RetryPolicy } from '@webhooks/contracts';
import { Column, CreateDateColumn, Entity, Index, PrimaryColumn, UpdateDateColumn } from 'typeorm';

/** A webhook endpoint of a tenant. Soft-deleted so its last version can still be published. */
@Entity('endpoints')
@Index('endpoints_tenant_live_idx', ['tenantId', 'id'], { where: 'deleted_at IS NULL' })
export class EndpointEntity {
  @PrimaryColumn({ type: 'text' })
  id!: string;

  @Column({ name: 'tenant_id', type: 'text' })
  tenantId!: string;

  @Column({ type: 'text' })
  url!: string;

  /** Subscribed event types; empty = all. `invoice.*` matches every `invoice.` type. */
  @Column({ name: 'event_types', type: 'text', array: true, default: () => "'{}'" })
  eventTypes!: string[];

  @Column({ type: 'text', default: '' })
  description!: string;

  /** Signing secret (`whsec_…`, or `whsk_…` for ed25519), sealed with SECRETS_ENCRYPTION_KEY when set. */
  @Column({ type: 'text' })
  secret!: string;

  /** The secret before the last rotation; it keeps signing until `previousSecretExpiresAt`. Sealed likewise. */
  @Column({ name: 'previous_secret', type: 'text', nullable: true })
  previousSecret!: string | null;

  @Column({ name: 'previous_secret_expires_at', type: 'timestamptz', nullable: true })
  previousSecretExpiresAt!: Date | null;

  /** `standard`, `standard-ed25519`, `x-signature` or `github` (see docs/signatures.md). */
  @Column({ name: 'signature_scheme', type: 'text', default: 'standard' })
  signatureScheme!: string;

  /** Payload filter (see @webhooks/payload-rules); null = every event. */
  @Column({ type: 'jsonb', nullable: true })
  filter!: unknown;

  /** JSONata expression producing the delivered body; null = the payload as published. */
  @Column({ type: 'text', nullable: true })
  transformation!: string | null;

  /** Extra request headers. */
  @Column({ type: 'jsonb', default: () => "'{}'" })
  headers!: Record<string, string>;

  /** Waiting for the ownership challenge to be echoed: receives nothing meanwhile. */
  @Column({ name: 'pending_verification', type: 'boolean', default: false })
  pendingVerification!: boolean;

  /** Why the last challenge failed; null when none failed. */
  @Column({ name: 'verification_error', type: 'text', nullable: true })
  verificationError!: string | null;

  @Column({ type: 'boolean', default: false })
  disabled!: boolean;

  /** Why the platform disabled it ('gone (410)', 'failing since …'); null when enabled or disabled by the API. */
  @Column({ name: 'disabled_reason', type: 'text', nullable: true })
  disabledReason!: string | null;

  /**
   * Start of the current run of failed attempts (null after any success). Health state only:
   * it is not part of the endpoint view, so changing it bumps no version.
   */
  @Column({ name: 'failing_since', type: 'timestamptz', nullable: true })
  failingSince!: Date | null;

  /** Bumped on every change; dispatchers apply a view only if it is newer than theirs. */
  @Column({ type: 'integer', default: 1 })
  version!: number;

  /** Retry policy; null = the platform default (DEFAULT_RETRY_POLICY). */
  @Column({ name: 'retry_policy', type: 'jsonb', nullable: true })
  retryPolicy!: RetryPolicy | null;

  /** Requests per second across all dispatchers; null = unlimited. */
  @Column({ name: 'rate_limit_per_second', type: 'integer', nullable: true })
  rateLimitPerSecond!: number | null;

  @Column({ name: 'rate_limit_burst', type: 'integer', nullable: true })
  rateLimitBurst!: number | null;

  /** Deliver in publish order (one at a time; retries block the endpoint's later tasks). */
  @Column({ type: 'boolean', default: false })
  ordered!: boolean;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;

  @Column({ name: 'deleted_at', type: 'timestamptz', nullable: true })
  deletedAt!: Date | null;
}
