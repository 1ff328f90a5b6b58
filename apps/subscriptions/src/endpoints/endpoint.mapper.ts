import type { EndpointMessage } from '@webhooks/contracts';
import type { EndpointEntity } from './endpoint.entity';

/** The API shape of an endpoint. Never includes the secret. */
export function toEndpointMessage(endpoint: EndpointEntity): EndpointMessage {
  return {
    id: endpoint.id,
    tenantId: endpoint.tenantId,
    url: endpoint.url,
    eventTypes: endpoint.eventTypes,
    description: endpoint.description,
    disabled: endpoint.disabled,
    version: String(endpoint.version),
    createdAt: endpoint.createdAt.toISOString(),
    updatedAt: endpoint.updatedAt.toISOString(),
  };
}
