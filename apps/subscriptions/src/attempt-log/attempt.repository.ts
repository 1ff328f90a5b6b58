import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { Injectable } from '@nestjs/common';
import type { PoolClient } from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { DataSource, type QueryRunner } from 'typeorm';
import type { AttemptRecord } from '@webhooks/contracts';
import { copyText, copyTimestamp, type CopyValue } from '../persistence/copy-text';

export interface FailedMessage {
  messageId: string;
  eventId: string;
}

/**
 * Text Postgres can store: `text` and `jsonb` refuse the NUL character, and one receiver answering
 * with a NUL in its body must not fail the insert of a whole batch (and stall the attempt log).
 * Replaced by U+FFFD, as a decoder shows an unreadable byte.
 */
export function storableText(text: string): string {
  return text.includes('\u0000') ? text.replaceAll('\u0000', '\uFFFD') : text;
}

/** Request headers as a `jsonb` value (NUL-free, see storableText), or null when none were logged. */
export function storableHeaders(headers: Record<string, string> | undefined): string | null {
  if (!headers) return null;
  const json = JSON.stringify(headers);
  // JSON writes a NUL as the escape \u0000, which jsonb refuses too: only then rebuild the object.
  if (!json.includes('\\u0000')) return json;
  return JSON.stringify(
    Object.fromEntries(Object.entries(headers).map(([k, v]) => [storableText(k), storableText(v)])),
  );
}

const ATTEMPT_COLUMNS = `message_id, attempt, outcome, event_id, tenant_id, event_type, endpoint_id, status_code,
  error, duration_ms, attempted_at, published_at, request_headers, response_body`;

/** A record's fields in ATTEMPT_COLUMNS order, as stored. */
function attemptFields(r: AttemptRecord): CopyValue[] {
  return [
    r.messageId,
    r.attempt,
    r.outcome,
    r.eventId,
    r.tenantId,
    r.eventType,
    r.endpointId,
    r.statusCode,
    r.error === null ? null : storableText(r.error),
    Math.round(r.durationMs),
    copyTimestamp(r.attemptedAt),
    copyTimestamp(r.publishedAt),
    storableHeaders(r.requestHeaders),
    r.responseBody === undefined ? null : storableText(r.responseBody),
  ];
}

/** Streams COPY text into `COPY … FROM STDIN` on the runner's connection. */
async function copyInto(runner: QueryRunner, sql: string, text: string): Promise<void> {
  const client = (await runner.connect()) as PoolClient;
  await pipeline(Readable.from([text]), client.query(copyFrom(sql)));
}

/** The delivery log's attempts: batch writes and the queries replay needs. */
@Injectable()
export class AttemptRepository {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * Stores a consumed batch of attempt records with one `COPY` (copy-text.ts): PostgreSQL's
   * cheapest way in for many rows. `COPY` cannot skip rows, so a batch holding records stored
   * before (re-consumed after a crash or a rebalance) fails on the primary key as a whole; only
   * then is it copied into a temporary table and inserted from there with
   * `ON CONFLICT DO NOTHING` — a check every row would otherwise pay (PostgreSQL per row:
   * `COPY` 11.8–11.9 µs, `INSERT … unnest` 15.9–18.7, with `ON CONFLICT` 20.0–20.6;
   * micro/attempt-insert.ts).
   */
  async storeAll(records: readonly AttemptRecord[]): Promise<void> {
    if (records.length === 0) return;
    const text = copyText(records, attemptFields);
    const runner = this.dataSource.createQueryRunner();
    try {
      try {
        await copyInto(runner, `COPY attempts (${ATTEMPT_COLUMNS}) FROM STDIN`, text);
      } catch (error) {
        if ((error as { code?: unknown }).code !== '23505') throw error; // unique_violation, from node-postgres
        await this.storeSkippingStored(runner, text);
      }
    } finally {
      await runner.release();
    }
  }

  /** The slow path of storeAll: through a temporary table, keeping only rows not stored yet. */
  private async storeSkippingStored(runner: QueryRunner, text: string): Promise<void> {
    await runner.startTransaction();
    try {
      await runner.query(
        'CREATE TEMPORARY TABLE IF NOT EXISTS attempts_incoming (LIKE attempts) ON COMMIT DELETE ROWS',
      );
      await copyInto(runner, `COPY attempts_incoming (${ATTEMPT_COLUMNS}) FROM STDIN`, text);
      await runner.query(
        `INSERT INTO attempts (${ATTEMPT_COLUMNS}) SELECT ${ATTEMPT_COLUMNS} FROM attempts_incoming ON CONFLICT DO NOTHING`,
      );
      await runner.commitTransaction();
    } catch (error) {
      await runner.rollbackTransaction();
      throw error;
    }
  }

  /**
   * One page (by message id) of the endpoint's messages that were dead-lettered at or after
   * `since` with no delivery after that dead-lettering: what is still failed, not what failed
   * once and was recovered since. A message's attempts share its event, so the later delivery
   * is looked up by event (attempts_event_time_idx; the key leads with the time).
   */
  async deadLetteredSince(
    tenantId: string,
    endpointId: string,
    since: Date,
    limit: number,
    after = '',
  ): Promise<FailedMessage[]> {
    const rows: { message_id: string; event_id: string }[] = await this.dataSource.query(
      `SELECT DISTINCT a.message_id, a.event_id FROM attempts a
       WHERE a.endpoint_id = $1 AND a.tenant_id = $2 AND a.outcome = 'dead_lettered' AND a.attempted_at >= $3
         AND a.message_id > $4
         AND NOT EXISTS (SELECT 1 FROM attempts d
                         WHERE d.event_id = a.event_id AND d.message_id = a.message_id AND d.outcome = 'delivered'
                           AND d.attempted_at > a.attempted_at)
       ORDER BY a.message_id LIMIT $5`,
      [endpointId, tenantId, since, after, limit],
    );
    return rows.map((row) => ({ messageId: row.message_id, eventId: row.event_id }));
  }
}
