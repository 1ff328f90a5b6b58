import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { AttemptOutcome } from '@webhooks/contracts';
import type { TimeRange } from './delivery-log.commands';
import { keyTimeSql, type AttemptKey, type MessageKey } from './log-cursor';

export interface MessageRow {
  eventId: string;
  tenantId: string;
  eventType: string;
  publishedAt: Date;
  /** The row's sort key time (see log-cursor.ts). */
  publishedKey: string;
}

export interface AttemptRow {
  messageId: string;
  eventId: string;
  tenantId: string;
  eventType: string;
  endpointId: string;
  attempt: number;
  outcome: string;
  statusCode: number | null;
  error: string | null;
  durationMs: number;
  attemptedAt: Date;
  requestHeaders: Record<string, string> | null;
  responseBody: string | null;
  /** The row's sort key time (see log-cursor.ts). */
  attemptedKey: string;
}

export interface MessageQuery {
  tenantId: string;
  eventType?: string;
  range: TimeRange;
  after?: MessageKey;
  limit: number;
}

export interface AttemptQuery {
  tenantId: string;
  endpointId?: string;
  eventId?: string;
  outcome?: AttemptOutcome;
  range: TimeRange;
  after?: AttemptKey;
  limit: number;
}

/** Collects WHERE conditions with numbered parameters. */
class Conditions {
  readonly params: unknown[] = [];
  private readonly clauses: string[] = [];

  /** Adds `clause`, in which each `?` becomes the next parameter number. */
  add(clause: string, ...values: unknown[]): this {
    this.clauses.push(clause.replace(/\?/g, () => `$${this.params.push(values.shift())}`));
    return this;
  }

  param(value: unknown): string {
    return `$${this.params.push(value)}`;
  }

  get sql(): string {
    return this.clauses.join(' AND ');
  }
}

/**
 * Reads of the delivery log, newest first with keyset pagination. Each query is shaped for an
 * index: the tenant's rows by time (`*_tenant_time_idx`), or, with an endpoint or event
 * filter, that endpoint's or event's attempts by time. The keyset condition repeats the time
 * bound on its own (`time <= key`) so it is an index condition, not a filter on the row tuple.
 */
@Injectable()
export class DeliveryLogRepository {
  constructor(private readonly dataSource: DataSource) {}

  async messages(query: MessageQuery): Promise<MessageRow[]> {
    const where = new Conditions().add('tenant_id = ?', query.tenantId);
    if (query.eventType) where.add('event_type = ?', query.eventType);
    if (query.range.since) where.add('published_at >= ?::timestamptz', query.range.since);
    if (query.range.until) where.add('published_at < ?::timestamptz', query.range.until);
    if (query.after)
      where.add(
        'published_at <= ?::timestamptz AND (published_at, event_id) < (?::timestamptz, ?)',
        query.after.publishedAt,
        query.after.publishedAt,
        query.after.eventId,
      );
    const rows: Record<string, unknown>[] = await this.dataSource.query(
      `SELECT event_id, tenant_id, event_type, published_at, ${keyTimeSql('published_at')} AS published_key
       FROM messages WHERE ${where.sql}
       ORDER BY published_at DESC, event_id DESC LIMIT ${where.param(query.limit)}`,
      where.params,
    );
    return rows.map((row) => ({
      eventId: row.event_id as string,
      tenantId: row.tenant_id as string,
      eventType: row.event_type as string,
      publishedAt: row.published_at as Date,
      publishedKey: row.published_key as string,
    }));
  }

  async attempts(query: AttemptQuery): Promise<AttemptRow[]> {
    const where = new Conditions().add('tenant_id = ?', query.tenantId);
    if (query.endpointId) where.add('endpoint_id = ?', query.endpointId);
    if (query.eventId) where.add('event_id = ?', query.eventId);
    if (query.outcome) where.add('outcome = ?', query.outcome);
    if (query.range.since) where.add('attempted_at >= ?::timestamptz', query.range.since);
    if (query.range.until) where.add('attempted_at < ?::timestamptz', query.range.until);
    if (query.after)
      where.add(
        `attempted_at <= ?::timestamptz
         AND (attempted_at, message_id, attempt, outcome) < (?::timestamptz, ?, ?::int, ?)`,
        query.after.attemptedAt,
        query.after.attemptedAt,
        query.after.messageId,
        query.after.attempt,
        query.after.outcome,
      );
    const rows: Record<string, unknown>[] = await this.dataSource.query(
      `SELECT message_id, event_id, tenant_id, event_type, endpoint_id, attempt, outcome, status_code, error,
              duration_ms, attempted_at, request_headers, response_body, ${keyTimeSql('attempted_at')} AS attempted_key
       FROM attempts WHERE ${where.sql}
       ORDER BY attempted_at DESC, message_id DESC, attempt DESC, outcome DESC LIMIT ${where.param(query.limit)}`,
      where.params,
    );
    return rows.map((row) => ({
      messageId: row.message_id as string,
      eventId: row.event_id as string,
      tenantId: row.tenant_id as string,
      eventType: row.event_type as string,
      endpointId: row.endpoint_id as string,
      attempt: row.attempt as number,
      outcome: row.outcome as string,
      statusCode: row.status_code as number | null,
      error: row.error as string | null,
      durationMs: row.duration_ms as number,
      attemptedAt: row.attempted_at as Date,
      requestHeaders: row.request_headers as Record<string, string> | null,
      responseBody: row.response_body as string | null,
      attemptedKey: row.attempted_key as string,
    }));
  }
}
