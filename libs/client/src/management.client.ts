import * as grpc from '@grpc/grpc-js';
import {
  PROTO_FILES,
  type ApiKeyMessage,
  type CreateApiKeyRequest,
  type CreateApiKeyResponse__Output,
  type CreateEventTypeRequest,
  type CreateTenantRequest,
  type DeliveryLogClient,
  type EventTypeMessage,
  type EventTypesClient,
  type ListApiKeysResponse__Output,
  type ListAttemptsRequest,
  type ListAttemptsResponse__Output,
  type ListEventTypesResponse__Output,
  type ListMessagesRequest,
  type ListMessagesResponse__Output,
  type ListTenantsResponse__Output,
  type LoggedMessage__Output,
  type TenantManagementClient,
  type TenantMessage,
  type UpdateEventTypeRequest,
  type UpdateTenantRequest,
  type CreateEndpointRequest,
  type CreateEndpointResponse,
  type EndpointManagementClient,
  type EndpointMessage,
  type EndpointSecret,
  type ListEndpointsResponse,
  type ManagementProto,
  type RecoverFailedRequest,
  type RedriveDeadLettersRequest,
  type ReplayResponse,
  type ResendMessageRequest,
  type RotateEndpointSecretRequest,
  type UpdateEndpointRequest,
} from '@webhooks/contracts';
import { loadProto, unary, type ClientOptions } from './grpc';

/**
 * Typed, promise-based client of the management API: `webhooks.v1.EndpointManagement`,
 * `TenantManagement`, `EventTypes` and `DeliveryLog`. Pass the API key as
 * `metadata: { authorization: 'Bearer <key>' }`.
 */
export class ManagementClient {
  private readonly client: EndpointManagementClient;
  private readonly tenants: TenantManagementClient;
  private readonly eventTypes: EventTypesClient;
  private readonly deliveryLog: DeliveryLogClient;

  constructor(private readonly options: ClientOptions) {
    const proto = loadProto<ManagementProto>(PROTO_FILES.management);
    const credentials = options.credentials ?? grpc.credentials.createInsecure();
    this.client = new proto.webhooks.v1.EndpointManagement(options.address, credentials);
    // One channel for all four services.
    const channelOverride = this.client.getChannel();
    this.tenants = new proto.webhooks.v1.TenantManagement(options.address, credentials, { channelOverride });
    this.eventTypes = new proto.webhooks.v1.EventTypes(options.address, credentials, { channelOverride });
    this.deliveryLog = new proto.webhooks.v1.DeliveryLog(options.address, credentials, { channelOverride });
  }

  createEndpoint(request: CreateEndpointRequest): Promise<CreateEndpointResponse> {
    return unary(this.client.createEndpoint.bind(this.client), request, this.options);
  }

  getEndpoint(tenantId: string, id: string): Promise<EndpointMessage> {
    return unary(this.client.getEndpoint.bind(this.client), { tenantId, id }, this.options);
  }

  listEndpoints(tenantId: string, limit = 0, cursor = ''): Promise<ListEndpointsResponse> {
    return unary(this.client.listEndpoints.bind(this.client), { tenantId, limit, cursor }, this.options);
  }

  updateEndpoint(request: UpdateEndpointRequest): Promise<EndpointMessage> {
    return unary(this.client.updateEndpoint.bind(this.client), request, this.options);
  }

  async deleteEndpoint(tenantId: string, id: string): Promise<void> {
    await unary(this.client.deleteEndpoint.bind(this.client), { tenantId, id }, this.options);
  }

  /** The current signing secret (HMAC schemes) or public key (ed25519), and the previous one's end. */
  getEndpointSecret(tenantId: string, id: string): Promise<EndpointSecret> {
    return unary(this.client.getEndpointSecret.bind(this.client), { tenantId, id }, this.options);
  }

  /** Replaces the signing secret; the old one keeps signing for the grace period (same scheme only). */
  rotateEndpointSecret(request: RotateEndpointSecretRequest): Promise<EndpointSecret> {
    return unary(this.client.rotateEndpointSecret.bind(this.client), request, this.options);
  }

  /**
   * Sends the ownership challenge again to a pending endpoint; resolves with the endpoint afterwards.
   * The receiver has 10 s to answer, so the deadline is at least 15 s.
   */
  verifyEndpoint(tenantId: string, id: string): Promise<EndpointMessage> {
    return unary(
      this.client.verifyEndpoint.bind(this.client),
      { tenantId, id },
      { ...this.options, deadlineMs: Math.max(this.options.deadlineMs ?? 0, 15_000) },
    );
  }

  /** Sends one message to one endpoint again, with its original `webhook-id`. */
  resendMessage(request: ResendMessageRequest): Promise<ReplayResponse> {
    return unary(this.client.resendMessage.bind(this.client), request, this.options);
  }

  /**
   * Re-queues dead letters (of one endpoint and a time range, if given). It reads the DLQ
   * topic, which takes longer than a lookup: the deadline is at least 90 s.
   */
  redriveDeadLetters(request: RedriveDeadLettersRequest): Promise<ReplayResponse> {
    return unary(this.client.redriveDeadLetters.bind(this.client), request, {
      ...this.options,
      deadlineMs: Math.max(this.options.deadlineMs ?? 0, 90_000),
    });
  }

  /** Re-queues every message dead-lettered for the endpoint since a time and not delivered since. */
  recoverFailed(request: RecoverFailedRequest): Promise<ReplayResponse> {
    return unary(this.client.recoverFailed.bind(this.client), request, {
      ...this.options,
      deadlineMs: Math.max(this.options.deadlineMs ?? 0, 60_000),
    });
  }

  createTenant(request: CreateTenantRequest): Promise<TenantMessage> {
    return unary(this.tenants.createTenant.bind(this.tenants), request, this.options);
  }

  getTenant(tenantId: string): Promise<TenantMessage> {
    return unary(this.tenants.getTenant.bind(this.tenants), { tenantId }, this.options);
  }

  listTenants(limit = 0, cursor = ''): Promise<ListTenantsResponse__Output> {
    return unary(this.tenants.listTenants.bind(this.tenants), { limit, cursor }, this.options);
  }

  updateTenant(request: UpdateTenantRequest): Promise<TenantMessage> {
    return unary(this.tenants.updateTenant.bind(this.tenants), request, this.options);
  }

  /** The key itself is in the response only; the platform keeps a hash. */
  createApiKey(request: CreateApiKeyRequest): Promise<CreateApiKeyResponse__Output> {
    return unary(this.tenants.createApiKey.bind(this.tenants), request, this.options);
  }

  listApiKeys(tenantId = ''): Promise<ListApiKeysResponse__Output> {
    return unary(this.tenants.listApiKeys.bind(this.tenants), { tenantId }, this.options);
  }

  revokeApiKey(id: string): Promise<ApiKeyMessage> {
    return unary(this.tenants.revokeApiKey.bind(this.tenants), { id }, this.options);
  }

  createEventType(request: CreateEventTypeRequest): Promise<EventTypeMessage> {
    return unary(this.eventTypes.createEventType.bind(this.eventTypes), request, this.options);
  }

  getEventType(tenantId: string, name: string): Promise<EventTypeMessage> {
    return unary(this.eventTypes.getEventType.bind(this.eventTypes), { tenantId, name }, this.options);
  }

  listEventTypes(tenantId: string, limit = 0, cursor = ''): Promise<ListEventTypesResponse__Output> {
    return unary(this.eventTypes.listEventTypes.bind(this.eventTypes), { tenantId, limit, cursor }, this.options);
  }

  updateEventType(request: UpdateEventTypeRequest): Promise<EventTypeMessage> {
    return unary(this.eventTypes.updateEventType.bind(this.eventTypes), request, this.options);
  }

  async deleteEventType(tenantId: string, name: string): Promise<void> {
    await unary(this.eventTypes.deleteEventType.bind(this.eventTypes), { tenantId, name }, this.options);
  }

  listMessages(request: ListMessagesRequest): Promise<ListMessagesResponse__Output> {
    return unary(this.deliveryLog.listMessages.bind(this.deliveryLog), request, this.options);
  }

  getMessage(tenantId: string, eventId: string): Promise<LoggedMessage__Output> {
    return unary(this.deliveryLog.getMessage.bind(this.deliveryLog), { tenantId, eventId }, this.options);
  }

  /** Newest first. */
  listAttempts(request: ListAttemptsRequest): Promise<ListAttemptsResponse__Output> {
    return unary(this.deliveryLog.listAttempts.bind(this.deliveryLog), request, this.options);
  }

  close(): void {
    this.client.close();
    this.tenants.close();
    this.eventTypes.close();
    this.deliveryLog.close();
  }
}
