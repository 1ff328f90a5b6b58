export * from './proto-path';
export * from './records/headers';
export * from './records/event-record';
export * from './records/delivery-task';
export * from './records/attempt-record';
export * from './records/endpoint-view';
export type { ProtoGrpcType as IngestionProto } from './generated/ingestion';
export type { ProtoGrpcType as ManagementProto } from './generated/management';
export type { PublishRequest, PublishRequest__Output } from './generated/webhooks/v1/PublishRequest';
export type { PublishResponse, PublishResponse__Output } from './generated/webhooks/v1/PublishResponse';
export type { PublishBatchRequest__Output } from './generated/webhooks/v1/PublishBatchRequest';
export type { PublishBatchResponse, PublishBatchResponse__Output } from './generated/webhooks/v1/PublishBatchResponse';
export type { IngestionClient } from './generated/webhooks/v1/Ingestion';
export type { EndpointManagementClient } from './generated/webhooks/v1/EndpointManagement';
export type { Endpoint as EndpointMessage } from './generated/webhooks/v1/Endpoint';
export type {
  CreateEndpointRequest,
  CreateEndpointRequest__Output,
} from './generated/webhooks/v1/CreateEndpointRequest';
export type { CreateEndpointResponse } from './generated/webhooks/v1/CreateEndpointResponse';
export type { GetEndpointRequest__Output } from './generated/webhooks/v1/GetEndpointRequest';
export type { ListEndpointsRequest__Output } from './generated/webhooks/v1/ListEndpointsRequest';
export type { ListEndpointsResponse } from './generated/webhooks/v1/ListEndpointsResponse';
export type {
  UpdateEndpointRequest,
  UpdateEndpointRequest__Output,
} from './generated/webhooks/v1/UpdateEndpointRequest';
export type { DeleteEndpointRequest__Output } from './generated/webhooks/v1/DeleteEndpointRequest';
export * from './records/delivery-options';
export type { RetryPolicy__Output as RetryPolicyMessage } from './generated/webhooks/v1/RetryPolicy';
export type { RateLimit__Output as RateLimitMessage } from './generated/webhooks/v1/RateLimit';
export type { ResendMessageRequest, ResendMessageRequest__Output } from './generated/webhooks/v1/ResendMessageRequest';
export type {
  RedriveDeadLettersRequest,
  RedriveDeadLettersRequest__Output,
} from './generated/webhooks/v1/RedriveDeadLettersRequest';
export type { RecoverFailedRequest, RecoverFailedRequest__Output } from './generated/webhooks/v1/RecoverFailedRequest';
export type { ReplayResponse, ReplayResponse__Output } from './generated/webhooks/v1/ReplayResponse';
// Tenants and API keys, event types and the delivery log (management.proto).
export type { TenantManagementClient } from './generated/webhooks/v1/TenantManagement';
export type { EventTypesClient } from './generated/webhooks/v1/EventTypes';
export type { DeliveryLogClient } from './generated/webhooks/v1/DeliveryLog';
export type { Tenant__Output as TenantMessage } from './generated/webhooks/v1/Tenant';
export type { CreateTenantRequest } from './generated/webhooks/v1/CreateTenantRequest';
export type { UpdateTenantRequest } from './generated/webhooks/v1/UpdateTenantRequest';
export type { ListTenantsResponse__Output } from './generated/webhooks/v1/ListTenantsResponse';
export type { ApiKey__Output as ApiKeyMessage } from './generated/webhooks/v1/ApiKey';
export type { CreateApiKeyRequest } from './generated/webhooks/v1/CreateApiKeyRequest';
export type { CreateApiKeyResponse__Output } from './generated/webhooks/v1/CreateApiKeyResponse';
export type { ListApiKeysResponse__Output } from './generated/webhooks/v1/ListApiKeysResponse';
export type { EventType__Output as EventTypeMessage } from './generated/webhooks/v1/EventType';
export type { CreateEventTypeRequest } from './generated/webhooks/v1/CreateEventTypeRequest';
export type { UpdateEventTypeRequest } from './generated/webhooks/v1/UpdateEventTypeRequest';
export type { ListEventTypesResponse__Output } from './generated/webhooks/v1/ListEventTypesResponse';
export type { Message__Output as LoggedMessage } from './generated/webhooks/v1/Message';
export type { ListMessagesRequest } from './generated/webhooks/v1/ListMessagesRequest';
export type { ListMessagesResponse__Output } from './generated/webhooks/v1/ListMessagesResponse';
export type { Attempt__Output as AttemptMessage } from './generated/webhooks/v1/Attempt';
export type { ListAttemptsRequest } from './generated/webhooks/v1/ListAttemptsRequest';
export type { ListAttemptsResponse__Output } from './generated/webhooks/v1/ListAttemptsResponse';
