import { Injectable } from '@nestjs/common';
import type { ListAttemptsResponse, ListMessagesResponse, LoggedMessage } from '@webhooks/contracts';
import { MessageRepository } from '../../messages/message.repository';
import type { GetMessageCommand, ListAttemptsCommand, ListMessagesCommand } from '../delivery-log.commands';
import { DeliveryLogException } from '../delivery-log.exception';
import { toAttempt, toMessage, toMessageSummary } from '../delivery-log.mapper';
import { DeliveryLogRepository } from '../delivery-log.repository';
import { encodeAttemptCursor, encodeMessageCursor } from '../log-cursor';

/**
 * Reads one row more than the page: the extra row proves a next page exists, so the last page
 * carries no cursor and a caller never fetches an empty page to learn that it is done.
 */
function page<T>(rows: T[], limit: number): { rows: T[]; last: T | undefined } {
  const more = rows.length > limit;
  const kept = more ? rows.slice(0, limit) : rows;
  return { rows: kept, last: more ? kept[kept.length - 1] : undefined };
}

@Injectable()
export class ListMessagesUseCase {
  constructor(private readonly log: DeliveryLogRepository) {}

  /** One page of the tenant's messages, newest first, without payloads. */
  async execute(command: ListMessagesCommand): Promise<ListMessagesResponse> {
    const { rows, last } = page(
      await this.log.messages({
        tenantId: command.tenantId,
        eventType: command.eventType,
        range: command.range,
        after: command.after,
        limit: command.limit + 1,
      }),
      command.limit,
    );
    return {
      messages: rows.map(toMessageSummary),
      nextCursor: last ? encodeMessageCursor({ publishedAt: last.publishedKey, eventId: last.eventId }) : '',
    };
  }
}

@Injectable()
export class GetMessageUseCase {
  constructor(private readonly messages: MessageRepository) {}

  /** The message with its payload; another tenant's is NOT_FOUND like an unknown one. */
  async execute(command: GetMessageCommand): Promise<LoggedMessage> {
    const message = await this.messages.find(command.tenantId, command.eventId);
    if (!message) throw DeliveryLogException.messageNotFound(command.eventId);
    return toMessage(message);
  }
}

@Injectable()
export class ListAttemptsUseCase {
  constructor(private readonly log: DeliveryLogRepository) {}

  /** One page of the tenant's attempts (and skips), newest first, with request headers and response bodies. */
  async execute(command: ListAttemptsCommand): Promise<ListAttemptsResponse> {
    const { rows, last } = page(
      await this.log.attempts({
        tenantId: command.tenantId,
        endpointId: command.endpointId,
        eventId: command.eventId,
        outcome: command.outcome,
        range: command.range,
        after: command.after,
        limit: command.limit + 1,
      }),
      command.limit,
    );
    return {
      attempts: rows.map(toAttempt),
      nextCursor: last
        ? encodeAttemptCursor({
            attemptedAt: last.attemptedKey,
            messageId: last.messageId,
            attempt: last.attempt,
            outcome: last.outcome,
          })
        : '',
    };
  }
}
