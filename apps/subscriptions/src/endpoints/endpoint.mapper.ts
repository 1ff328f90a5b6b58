import { DEFAULT_RETRY_POLICY, type DeliveryOptions, type EndpointMessage } from '@webhooks/contracts';
import type { EndpointEntity } from './endpoint.entity';

/** The delivery options of an endpoint row, defaults filled in. */
export function deliveryOptions(endpoint: EndpointEntity): DeliveryOptions {
  return {
    retry: endpoint.retryPolicy ?? DEFAULT_RETRY_POLICY,
    rateLimit: endpoint.rateLimitPerSecond
      ? { perSecond: endpoint.rateLimitPerSecond, burst: endpoint.rateLimitBurst ?? endpoint.rateLimitPerSecond }
      : null,
    ordered: endpoint.ordered,
  };
}

/** `disabled` wins over `pending_verification`: a disabled endpoint receives nothing either way. */
export function endpointStatus(endpoint: EndpointEntity): 'active' | 'pending_verification' | 'disabled' {
  if (endpoint.disabled) return 'disabled';
  return endpoint.pendingVerification ? 'pending_verification' : 'active';
}

/** The API shape of an endpoint. Never includes the secret. */
export function toEndpointMessage(endpoint: EndpointEntity): EndpointMessage {
  const delivery = deliveryOptions(endpoint);
  return {
    id: endpoint.id,
    tenantId: endpoint.tenantId,
    url: endpoint.url,
    eventTypes: endpoint.eventTypes,
    description: endpoint.description,
    disabled: endpoint.disabled,
    disabledReason: endpoint.disabledReason ?? '',
    version: String(endpoint.version),
    createdAt: endpoint.createdAt.toISOString(),
    updatedAt: endpoint.updatedAt.toISOString(),
    retryPolicy: delivery.retry,
    rateLimit: delivery.rateLimit ?? undefined,
    ordered: delivery.ordered,
    filter: endpoint.filter === null || endpoint.filter === undefined ? '' : JSON.stringify(endpoint.filter),
    transformation: endpoint.transformation ?? '',
    headers: endpoint.headers ?? {},
    signatureScheme: endpoint.signatureScheme,
    status: endpointStatus(endpoint),
    verificationError: endpoint.verificationError ?? '',
  };
}
