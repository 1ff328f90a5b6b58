import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * One delivery attempt (or skip) in the delivery log. The key (time, message, attempt, outcome)
 * makes re-consumed attempt records idempotent, while a replay — which numbers its attempts
 * from 1 again — still gets rows of its own. It leads with the time so new rows go to the
 * key's right edge (message ids are hashes), and retention's purge reads it by time.
 */
@Entity('attempts')
@Index('attempts_endpoint_time_idx', ['endpointId', 'attemptedAt'])
@Index('attempts_tenant_time_idx', ['tenantId', 'attemptedAt'])
@Index('attempts_event_time_idx', ['eventId', 'attemptedAt'])
export class AttemptEntity {
  @PrimaryColumn({ name: 'attempted_at', type: 'timestamptz' })
  attemptedAt!: Date;

  @PrimaryColumn({ name: 'message_id', type: 'text' })
  messageId!: string;

  @PrimaryColumn({ type: 'integer' })
  attempt!: number;

  @PrimaryColumn({ type: 'text' })
  outcome!: string;

  @Column({ name: 'event_id', type: 'text' })
  eventId!: string;

  @Column({ name: 'tenant_id', type: 'text' })
  tenantId!: string;

  @Column({ name: 'event_type', type: 'text' })
  eventType!: string;

  @Column({ name: 'endpoint_id', type: 'text' })
  endpointId!: string;

  @Column({ name: 'status_code', type: 'integer', nullable: true })
  statusCode!: number | null;

  @Column({ type: 'text', nullable: true })
  error!: string | null;

  @Column({ name: 'duration_ms', type: 'integer' })
  durationMs!: number;

  /** Request headers sent (signatures included, never secrets); null for skips. */
  @Column({ name: 'request_headers', type: 'jsonb', nullable: true })
  requestHeaders!: Record<string, string> | null;

  /** The first bytes of the response body, as capped by the dispatcher. */
  @Column({ name: 'response_body', type: 'text', nullable: true })
  responseBody!: string | null;

  @Column({ name: 'published_at', type: 'timestamptz' })
  publishedAt!: Date;
}
