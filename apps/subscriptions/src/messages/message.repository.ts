import { Injectable } from '@nestjs/common';
import { DataSource, In } from 'typeorm';
import type { EventRecord } from '@webhooks/contracts';
import { MessageEntity } from './message.entity';

/** An event with where it was read from `webhooks.events`. */
export interface SourcedEvent {
  event: EventRecord;
  partition: number;
  offset: string;
}

/** The payload store, and the memory of which events were already fanned out (idempotent publish). */
@Injectable()
export class MessageRepository {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * Stores a fan-out batch's events in ONE statement, however many there are (the columns go
   * as arrays and `unnest` turns them into rows, so there is no bind-parameter limit), and
   * returns the ids of events that are repeats of an earlier publish: already stored from
   * ANOTHER offset of `webhooks.events`. Those must not be fanned out again (idempotent
   * publish: the same key within the retention window is delivered once). A row stored from the
   * SAME offset is this batch replayed after a crash before its transaction committed, and is
   * fanned out again. Rows from before source offsets were recorded (null) count as replays:
   * a possible duplicate delivery is better than a lost one.
   */
  async storeAll(events: readonly SourcedEvent[]): Promise<Set<string>> {
    if (events.length === 0) return new Set();
    const rows: { event_id: string }[] = await this.dataSource.query(
      `WITH input AS (
         SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::bytea[], $5::timestamptz[], $6::int[], $7::bigint[])
           AS i(event_id, tenant_id, event_type, payload, published_at, source_partition, source_offset)
       ), existing AS (
         SELECT m.event_id FROM messages m JOIN input i ON i.event_id = m.event_id
         WHERE m.source_partition IS NOT NULL
           AND (m.source_partition <> i.source_partition OR m.source_offset <> i.source_offset)
       ), inserted AS (
         INSERT INTO messages (event_id, tenant_id, event_type, payload, published_at, source_partition, source_offset)
         SELECT * FROM input ON CONFLICT (event_id) DO NOTHING
       )
       SELECT event_id FROM existing`,
      [
        events.map((e) => e.event.eventId),
        events.map((e) => e.event.tenantId),
        events.map((e) => e.event.eventType),
        events.map((e) => e.event.payload),
        events.map((e) => new Date(e.event.publishedAt)),
        events.map((e) => e.partition),
        events.map((e) => e.offset),
      ],
    );
    return new Set(rows.map((row) => row.event_id));
  }

  /** The message of this tenant with this event id, or null (another tenant's counts as none). */
  find(tenantId: string, eventId: string): Promise<MessageEntity | null> {
    return this.dataSource.getRepository(MessageEntity).findOneBy({ tenantId, eventId });
  }

  /** This tenant's messages among `eventIds` (unknown ids are simply absent). */
  findMany(tenantId: string, eventIds: readonly string[]): Promise<MessageEntity[]> {
    if (eventIds.length === 0) return Promise.resolve([]);
    return this.dataSource.getRepository(MessageEntity).findBy({ tenantId, eventId: In([...eventIds]) });
  }
}
