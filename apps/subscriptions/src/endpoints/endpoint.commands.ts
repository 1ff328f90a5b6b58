import { checkEndpointUrl, UrlRejectedError, type UrlPolicy } from '@webhooks/ssrf';
import type {
  CreateEndpointRequest__Output,
  RateLimit,
  RetryPolicy,
  RotateEndpointSecretRequest__Output,
  UpdateEndpointRequest__Output,
} from '@webhooks/contracts';
import { compileTransformation, parseFilter, PayloadRuleError } from '@webhooks/payload-rules';
import { isSignatureScheme, SIGNATURE_SCHEMES, validateSecret, type SignatureScheme } from '@webhooks/signing';
import { EndpointException } from './endpoint.exception';
import { validRateLimit, validRetryPolicy } from './delivery-options.validation';
import { validHeaders } from './endpoint-headers.validation';
import { isValidEventTypeFilter } from './event-type-filter';

const TENANT_ID = /^[A-Za-z0-9_-]{1,64}$/;
const MAX_DESCRIPTION = 1024;
const MAX_EVENT_TYPES = 100;

export type { UrlPolicy };

export function validTenantId(tenantId: string | undefined): string {
  if (!tenantId) throw EndpointException.invalid('tenant_id', 'is required');
  if (!TENANT_ID.test(tenantId)) throw EndpointException.invalid('tenant_id', 'must match [A-Za-z0-9_-]{1,64}');
  return tenantId;
}

export function validEndpointId(id: string | undefined): string {
  if (!id) throw EndpointException.invalid('id', 'is required');
  return id;
}

/**
 * The URL's syntax and literal address, checked by the SSRF policy (https outside dev, no
 * credentials, odd IPv4 spellings normalised, literal non-public addresses refused). Host names
 * are resolved by the use case (`EndpointUrlResolver`), which is async.
 */
function validUrl(raw: string | undefined, policy: UrlPolicy): string {
  try {
    return checkEndpointUrl(raw ?? '', policy);
  } catch (error) {
    if (error instanceof UrlRejectedError) throw EndpointException.invalid('url', error.reason);
    throw error;
  }
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

/** Empty = `standard`, the default; otherwise one of SIGNATURE_SCHEMES. */
export function validSignatureScheme(raw: string | undefined): SignatureScheme {
  const scheme = raw || SIGNATURE_SCHEMES[0];
  if (!isSignatureScheme(scheme)) {
    throw EndpointException.invalid('signature_scheme', `must be one of ${SIGNATURE_SCHEMES.join(', ')}`);
  }
  return scheme;
}

/** A caller-supplied secret must be able to sign with `scheme`; empty = generate one. */
export function validSecret(scheme: SignatureScheme, raw: string | undefined): string | undefined {
  if (!raw) return undefined;
  try {
    validateSecret(scheme, raw);
  } catch (error) {
    throw EndpointException.invalid('secret', (error as Error).message);
  }
  return raw;
}

/**
 * A payload filter as JSON text; empty = none. Returned parsed, as stored (jsonb). The library's
 * message already names the place (`filter.data.amount.$gte: …`), so it is passed on unchanged.
 */
function validFilter(text: string): unknown {
  if (text.trim() === '') return null;
  try {
    parseFilter(text);
  } catch (error) {
    if (error instanceof PayloadRuleError) throw EndpointException.invalidRule(error.message);
    throw error;
  }
  return JSON.parse(text) as unknown;
}

/** A JSONata transformation; empty = none. Compiled once here so a broken one is refused, not stored. */
function validTransformation(text: string): string | null {
  if (text.trim() === '') return null;
  try {
    compileTransformation(text);
  } catch (error) {
    if (error instanceof PayloadRuleError) throw EndpointException.invalidRule(error.message);
    throw error;
  }
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
    readonly signatureScheme: SignatureScheme,
    readonly filter: unknown,
    readonly transformation: string | null,
    readonly headers: Record<string, string>,
  ) {}

  static from(request: CreateEndpointRequest__Output, policy: UrlPolicy): CreateEndpointCommand {
    const scheme = validSignatureScheme(request.signatureScheme);
    const secret = validSecret(scheme, request.secret);
    return new CreateEndpointCommand(
      validTenantId(request.tenantId),
      validUrl(request.url, policy),
      validEventTypes(request.eventTypes),
      validDescription(request.description),
      secret,
      validRetryPolicy(request.retryPolicy),
      validRateLimit(request.rateLimit),
      request.ordered ?? false,
      scheme,
      validFilter(request.filter ?? ''),
      validTransformation(request.transformation ?? ''),
      validHeaders(request.headers),
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
      filter?: unknown;
      transformation?: string | null;
      headers?: Record<string, string>;
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
    if (request.filter !== undefined) changes.filter = validFilter(request.filter);
    if (request.transformation !== undefined) changes.transformation = validTransformation(request.transformation);
    if (request.headers) changes.headers = validHeaders(request.headers.values);
    return new UpdateEndpointCommand(validTenantId(request.tenantId), validEndpointId(request.id), changes);
  }
}

const DEFAULT_GRACE_MS = 24 * 3_600_000;
const MAX_GRACE_MS = 7 * 24 * 3_600_000;

/**
 * A validated secret rotation. The new secret is checked against the scheme it will sign with,
 * which may be the endpoint's current one: that check happens when the endpoint is loaded
 * (`secretFor`).
 */
export class RotateEndpointSecretCommand {
  private constructor(
    readonly tenantId: string,
    readonly id: string,
    readonly secret: string | undefined,
    readonly signatureScheme: SignatureScheme | undefined,
    readonly gracePeriodMs: number,
  ) {}

  static from(request: RotateEndpointSecretRequest__Output): RotateEndpointSecretCommand {
    const scheme = request.signatureScheme === undefined ? undefined : validSignatureScheme(request.signatureScheme);
    const grace = request.gracePeriodMs ?? DEFAULT_GRACE_MS;
    if (grace > MAX_GRACE_MS) {
      throw EndpointException.invalid('grace_period_ms', `must be at most ${MAX_GRACE_MS} (7 days)`);
    }
    if (scheme) validSecret(scheme, request.secret);
    return new RotateEndpointSecretCommand(
      validTenantId(request.tenantId),
      validEndpointId(request.id),
      request.secret || undefined,
      scheme,
      grace,
    );
  }

  /** The supplied secret, validated for the scheme it will sign with (undefined = generate one). */
  secretFor(scheme: SignatureScheme): string | undefined {
    return validSecret(scheme, this.secret);
  }
}
