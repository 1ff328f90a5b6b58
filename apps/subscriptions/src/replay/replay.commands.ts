import type {
  RecoverFailedRequest__Output,
  RedriveDeadLettersRequest__Output,
  ResendMessageRequest__Output,
} from '@webhooks/contracts';
import { validTenantId } from '../endpoints/endpoint.commands';
import { EndpointException } from '../endpoints/endpoint.exception';

const RFC3339 = /^\d{4}-\d{2}-\d{2}[Tt ]\d{2}:\d{2}:\d{2}(\.\d+)?([Zz]|[+-]\d{2}:\d{2})$/;
const MAX_ID = 256;

function requiredId(field: string, value: string | undefined): string {
  if (!value) throw EndpointException.invalid(field, 'is required');
  if (value.length > MAX_ID) throw EndpointException.invalid(field, `is longer than ${MAX_ID} characters`);
  return value;
}

/** An RFC 3339 instant (with its offset: a bare local time would mean a different instant per server), as epoch ms. */
export function validInstant(field: string, value: string): number {
  const ms = RFC3339.test(value) ? Date.parse(value) : NaN;
  if (Number.isNaN(ms)) throw EndpointException.invalid(field, `"${value}" is not an RFC 3339 timestamp`);
  return ms;
}

/** A validated request to send one message to one endpoint again. */
export class ResendMessageCommand {
  private constructor(
    readonly tenantId: string,
    readonly endpointId: string,
    readonly eventId: string,
  ) {}

  static from(request: ResendMessageRequest__Output): ResendMessageCommand {
    return new ResendMessageCommand(
      validTenantId(request.tenantId),
      requiredId('endpoint_id', request.endpointId),
      requiredId('event_id', request.eventId),
    );
  }
}

/** A validated DLQ redrive: a tenant's dead letters, optionally one endpoint's, within [since, until). */
export class RedriveDeadLettersCommand {
  private constructor(
    readonly tenantId: string,
    readonly endpointId: string | undefined,
    readonly sinceMs: number | undefined,
    readonly untilMs: number | undefined,
  ) {}

  static from(request: RedriveDeadLettersRequest__Output): RedriveDeadLettersCommand {
    const tenantId = validTenantId(request.tenantId);
    const endpointId = request.endpointId ? requiredId('endpoint_id', request.endpointId) : undefined;
    const since = request.since ? validInstant('since', request.since) : undefined;
    const until = request.until ? validInstant('until', request.until) : undefined;
    if (since !== undefined && until !== undefined && until <= since)
      throw EndpointException.invalid('until', 'must be after since');
    return new RedriveDeadLettersCommand(tenantId, endpointId, since, until);
  }
}

/** A validated recovery: an endpoint's messages dead-lettered at or after `since` and not delivered since. */
export class RecoverFailedCommand {
  private constructor(
    readonly tenantId: string,
    readonly endpointId: string,
    readonly since: Date,
  ) {}

  static from(request: RecoverFailedRequest__Output): RecoverFailedCommand {
    const tenantId = validTenantId(request.tenantId);
    const endpointId = requiredId('endpoint_id', request.endpointId);
    if (!request.since) throw EndpointException.invalid('since', 'is required');
    return new RecoverFailedCommand(tenantId, endpointId, new Date(validInstant('since', request.since)));
  }
}
