import type { Attempt, LoggedMessage } from '@webhooks/contracts';
import type { MessageEntity } from '../messages/message.entity';
import type { AttemptRow, MessageRow } from './delivery-log.repository';

/** A listed message: no payload (GetMessage has it), so a page stays small whatever was published. */
export function toMessageSummary(row: MessageRow): LoggedMessage {
  return {
    eventId: row.eventId,
    tenantId: row.tenantId,
    eventType: row.eventType,
    publishedAt: row.publishedAt.toISOString(),
  };
}

export function toMessage(entity: MessageEntity): LoggedMessage {
  return {
    eventId: entity.eventId,
    tenantId: entity.tenantId,
    eventType: entity.eventType,
    publishedAt: entity.publishedAt.toISOString(),
    payload: entity.payload,
  };
}

/** An attempt as the API shows it: absent values become the proto defaults (0, empty). */
export function toAttempt(row: AttemptRow): Attempt {
  return {
    messageId: row.messageId,
    eventId: row.eventId,
    tenantId: row.tenantId,
    eventType: row.eventType,
    endpointId: row.endpointId,
    attempt: row.attempt,
    outcome: row.outcome,
    statusCode: row.statusCode ?? 0,
    error: row.error ?? '',
    durationMs: row.durationMs,
    attemptedAt: row.attemptedAt.toISOString(),
    requestHeaders: row.requestHeaders ?? {},
    responseBody: row.responseBody ?? '',
  };
}
