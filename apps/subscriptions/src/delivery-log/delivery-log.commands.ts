import type {
  AttemptOutcome,
  GetMessageRequest__Output,
  ListAttemptsRequest__Output,
  ListMessagesRequest__Output,
} from '@webhooks/contracts';
import { DeliveryLogException } from './delivery-log.exception';
import { decodeAttemptCursor, decodeMessageCursor, type AttemptKey, type MessageKey } from './log-cursor';

const TENANT_ID = /^[A-Za-z0-9_-]{1,64}$/;
const RFC3339 = /^\d{4}-\d{2}-\d{2}[Tt ]\d{2}:\d{2}:\d{2}(\.\d+)?([Zz]|[+-]\d{2}:\d{2})$/;
const MAX_ID = 256;
const DEFAULT_PAGE = 50;
const MAX_PAGE = 100;

/** The outcomes the dispatcher logs; `satisfies` keeps this list in step with the record type. */
const OUTCOMES = {
  delivered: true,
  retrying: true,
  dead_lettered: true,
  skipped: true,
} as const satisfies Record<AttemptOutcome, true>;

function validTenantId(tenantId: string | undefined): string {
  if (!tenantId) throw DeliveryLogException.invalid('tenant_id', 'is required');
  if (!TENANT_ID.test(tenantId)) throw DeliveryLogException.invalid('tenant_id', 'must match [A-Za-z0-9_-]{1,64}');
  return tenantId;
}

function requiredId(field: string, value: string | undefined): string {
  if (!value) throw DeliveryLogException.invalid(field, 'is required');
  if (value.length > MAX_ID) throw DeliveryLogException.invalid(field, `is longer than ${MAX_ID} characters`);
  return value;
}

/** An optional filter: unset and empty both mean "no filter" (proto3 clients may send either). */
function optionalId(field: string, value: string | null | undefined): string | undefined {
  return value ? requiredId(field, value) : undefined;
}

/**
 * An RFC 3339 instant with its offset (a bare local time would mean a different instant per
 * server), kept as text so Postgres compares it at full microsecond precision.
 */
function optionalInstant(field: string, value: string | null | undefined): string | undefined {
  if (!value) return undefined;
  if (!RFC3339.test(value) || Number.isNaN(Date.parse(value)))
    throw DeliveryLogException.invalid(field, `"${value}" is not an RFC 3339 timestamp`);
  return value.toUpperCase().replace(' ', 'T');
}

/** since inclusive, until exclusive; an empty range is a caller's mistake, not an empty page. */
function timeRange(since: string | null | undefined, until: string | null | undefined): TimeRange {
  const range = { since: optionalInstant('since', since), until: optionalInstant('until', until) };
  if (range.since && range.until && Date.parse(range.until) <= Date.parse(range.since))
    throw DeliveryLogException.invalid('until', 'must be after since');
  return range;
}

/** Page size 1..100; 0 (unset) takes the default of 50. */
function pageSize(limit: number): number {
  if (!Number.isInteger(limit) || limit < 0 || limit > MAX_PAGE)
    throw DeliveryLogException.invalid('limit', `must be between 1 and ${MAX_PAGE}`);
  return limit || DEFAULT_PAGE;
}

function cursorOf<K>(cursor: string, decode: (cursor: string) => K | undefined): K | undefined {
  if (!cursor) return undefined;
  const key = decode(cursor);
  if (!key) throw DeliveryLogException.invalid('cursor', 'is not a next_cursor of this listing');
  return key;
}

export interface TimeRange {
  /** RFC 3339, inclusive. */
  since?: string;
  /** RFC 3339, exclusive. */
  until?: string;
}

/** A validated page of a tenant's messages, newest first. */
export class ListMessagesCommand {
  private constructor(
    readonly tenantId: string,
    readonly eventType: string | undefined,
    readonly range: TimeRange,
    readonly limit: number,
    readonly after: MessageKey | undefined,
  ) {}

  static from(request: ListMessagesRequest__Output): ListMessagesCommand {
    return new ListMessagesCommand(
      validTenantId(request.tenantId),
      optionalId('event_type', request.eventType),
      timeRange(request.since, request.until),
      pageSize(request.limit),
      cursorOf(request.cursor, decodeMessageCursor),
    );
  }
}

/** A validated lookup of one of the tenant's messages. */
export class GetMessageCommand {
  private constructor(
    readonly tenantId: string,
    readonly eventId: string,
  ) {}

  static from(request: GetMessageRequest__Output): GetMessageCommand {
    return new GetMessageCommand(validTenantId(request.tenantId), requiredId('event_id', request.eventId));
  }
}

/** A validated page of a tenant's delivery attempts, newest first. */
export class ListAttemptsCommand {
  private constructor(
    readonly tenantId: string,
    readonly endpointId: string | undefined,
    readonly eventId: string | undefined,
    readonly outcome: AttemptOutcome | undefined,
    readonly range: TimeRange,
    readonly limit: number,
    readonly after: AttemptKey | undefined,
  ) {}

  static from(request: ListAttemptsRequest__Output): ListAttemptsCommand {
    const outcome = request.outcome || undefined;
    if (outcome !== undefined && !Object.hasOwn(OUTCOMES, outcome))
      throw DeliveryLogException.invalid('outcome', `must be one of ${Object.keys(OUTCOMES).join(', ')}`);
    return new ListAttemptsCommand(
      validTenantId(request.tenantId),
      optionalId('endpoint_id', request.endpointId),
      optionalId('event_id', request.eventId),
      outcome as AttemptOutcome | undefined,
      timeRange(request.since, request.until),
      pageSize(request.limit),
      cursorOf(request.cursor, decodeAttemptCursor),
    );
  }
}
