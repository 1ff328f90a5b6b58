import type {
  CreateEndpointRequest__Output,
  RateLimit,
  RetryPolicy,
  UpdateEndpointRequest__Output,
} from '@webhooks/contracts';
import { secretKey } from '@webhooks/signing';
import { EndpointException } from './endpoint.exception';
import { validRateLimit, validRetryPolicy } from './delivery-options.validation';
import { isValidEventTypeFilter } from './event-type-filter';

const TENANT_ID = /^[A-Za-z0-9_-]{1,64}$/;
const MAX_URL = 2048;
const MAX_DESCRIPTION = 1024;
const MAX_EVENT_TYPES = 100;

export interface UrlPolicy {
  allowHttp: boolean;
}

export function validTenantId(tenantId: string | undefined): string {
  if (!tenantId) throw EndpointException.invalid('tenant_id', 'is required');
  if (!TENANT_ID.test(tenantId)) throw EndpointException.invalid('tenant_id', 'must match [A-Za-z0-9_-]{1,64}');
  return tenantId;
}

export function validEndpointId(id: string | undefined): string {
  if (!id) throw EndpointException.invalid('id', 'is required');
  return id;
}

function validUrl(raw: string | undefined, policy: UrlPolicy): string {
  if (!raw) throw EndpointException.invalid('url', 'is required');
  if (raw.length > MAX_URL) throw EndpointException.invalid('url', `is longer than ${MAX_URL} characters`);
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw EndpointException.invalid('url', 'is not an absolute URL');
  }
  if (url.protocol !== 'https:' && !(policy.allowHttp && url.protocol === 'http:')) {
    throw EndpointException.invalid('url', policy.allowHttp ? 'must be http or https' : 'must be https');
  }
  if (url.username || url.password) throw EndpointException.invalid('url', 'must not contain credentials');
  return url.toString();
}

function validEventTypes(types: readonly string[] | undefined): string[] {
  const list = [...new Set(types ?? [])];
  if (list.length > MAX_EVENT_TYPES)
    throw EndpointException.invalid('event_types', `has more than ${MAX_EVENT_TYPES} entries`);
  list.forEach((type, i) => {
    if (!isValidEventTypeFilter(type)) {
      throw EndpointException.invalid(
        `event_types[${i}]`,
        `"${type}" is not an event type or prefix filter (e.g. invoice.paid, invoice.*)`,
      );
    }
  });
  return list;
}

function validDescription(description: string | undefined): string {
  const text = description ?? '';
  if (text.length > MAX_DESCRIPTION)
    throw EndpointException.invalid('description', `is longer than ${MAX_DESCRIPTION} characters`);
  return text;
}

/** A validated request to create an endpoint. */
export class CreateEndpointCommand {
  private constructor(
    readonly tenantId: string,
    readonly url: string,
    readonly eventTypes: string[],
    readonly description: string,
    readonly secret: string | undefined,
    readonly retryPolicy: RetryPolicy | null,
    readonly rateLimit: RateLimit | null,
    readonly ordered: boolean,
  ) {}

  static from(request: CreateEndpointRequest__Output, policy: UrlPolicy): CreateEndpointCommand {
    const secret = request.secret || undefined;
    if (secret) {
      try {
        secretKey(secret);
      } catch (error) {
        throw EndpointException.invalid('secret', (error as Error).message);
      }
    }
    return new CreateEndpointCommand(
      validTenantId(request.tenantId),
      validUrl(request.url, policy),
      validEventTypes(request.eventTypes),
      validDescription(request.description),
      secret,
      validRetryPolicy(request.retryPolicy),
      validRateLimit(request.rateLimit),
      request.ordered ?? false,
    );
  }
}

/** A validated partial update: only the present fields change. */
export class UpdateEndpointCommand {
  private constructor(
    readonly tenantId: string,
    readonly id: string,
    readonly changes: {
      url?: string;
      eventTypes?: string[];
      description?: string;
      disabled?: boolean;
      retryPolicy?: RetryPolicy | null;
      rateLimit?: RateLimit | null;
      ordered?: boolean;
    },
  ) {}

  static from(request: UpdateEndpointRequest__Output, policy: UrlPolicy): UpdateEndpointCommand {
    const changes: UpdateEndpointCommand['changes'] = {};
    if (request.url !== undefined) changes.url = validUrl(request.url, policy);
    if (request.eventTypes) changes.eventTypes = validEventTypes(request.eventTypes.values);
    if (request.description !== undefined) changes.description = validDescription(request.description);
    if (request.disabled !== undefined) changes.disabled = request.disabled;
    if (request.retryPolicy) changes.retryPolicy = validRetryPolicy(request.retryPolicy);
    if (request.rateLimit) changes.rateLimit = validRateLimit(request.rateLimit);
    if (request.ordered !== undefined) changes.ordered = request.ordered;
    return new UpdateEndpointCommand(validTenantId(request.tenantId), validEndpointId(request.id), changes);
  }
}
