import { Injectable } from '@nestjs/common';
import { DataSource, In } from 'typeorm';
import type { EventRecord } from '@webhooks/contracts';
import { MessageEntity } from './message.entity';

/** The payload store. */
@Injectable()
export class MessageRepository {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * Stores a fan-out batch's events in ONE statement, however many there are: the columns go
   * as arrays (five parameters, so no bind-parameter limit) and `unnest` turns them into rows.
   * A replayed batch conflicts on the event id and inserts nothing.
   */
  async storeAll(events: readonly EventRecord[]): Promise<void> {
    if (events.length === 0) return;
    await this.dataSource.query(
      `INSERT INTO messages (event_id, tenant_id, event_type, payload, published_at)
       SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::bytea[], $5::timestamptz[])
       ON CONFLICT (event_id) DO NOTHING`,
      [
        events.map((e) => e.eventId),
        events.map((e) => e.tenantId),
        events.map((e) => e.eventType),
        events.map((e) => e.payload),
        events.map((e) => new Date(e.publishedAt)),
      ],
    );
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
