import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

export interface FailedMessage {
  messageId: string;
  eventId: string;
}

/** Queries over the delivery log. */
@Injectable()
export class AttemptRepository {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * One page (by message id) of the endpoint's messages that were dead-lettered at or after
   * `since` with no delivery after that dead-lettering: what is still failed, not what failed
   * once and was recovered since.
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
                         WHERE d.message_id = a.message_id AND d.outcome = 'delivered' AND d.attempted_at > a.attempted_at)
       ORDER BY a.message_id LIMIT $5`,
      [endpointId, tenantId, since, after, limit],
    );
    return rows.map((row) => ({ messageId: row.message_id, eventId: row.event_id }));
  }
}
