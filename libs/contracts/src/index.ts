export * from './proto-path';
export * from './records/headers';
export * from './records/event-record';
export * from './records/delivery-task';
export * from './records/attempt-record';
export * from './records/endpoint-view';
export * from './records/directory-entry';
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
export type { ApiKey, ApiKey__Output } from './generated/webhooks/v1/ApiKey';
export type { Attempt, Attempt__Output } from './generated/webhooks/v1/Attempt';
export type { CreateApiKeyRequest, CreateApiKeyRequest__Output } from './generated/webhooks/v1/CreateApiKeyRequest';
export type { CreateApiKeyResponse, CreateApiKeyResponse__Output } from './generated/webhooks/v1/CreateApiKeyResponse';
export type {
  CreateEventTypeRequest,
  CreateEventTypeRequest__Output,
} from './generated/webhooks/v1/CreateEventTypeRequest';
export type { CreateTenantRequest, CreateTenantRequest__Output } from './generated/webhooks/v1/CreateTenantRequest';
export type {
  DeleteEndpointResponse,
  DeleteEndpointResponse__Output,
} from './generated/webhooks/v1/DeleteEndpointResponse';
export type {
  DeleteEventTypeRequest,
  DeleteEventTypeRequest__Output,
} from './generated/webhooks/v1/DeleteEventTypeRequest';
export type {
  DeleteEventTypeResponse,
  DeleteEventTypeResponse__Output,
} from './generated/webhooks/v1/DeleteEventTypeResponse';
export type { DeliveryLogClient } from './generated/webhooks/v1/DeliveryLog';
export type { EndpointSecret, EndpointSecret__Output } from './generated/webhooks/v1/EndpointSecret';
export type { EventType, EventType__Output } from './generated/webhooks/v1/EventType';
export type { EventTypesClient } from './generated/webhooks/v1/EventTypes';
export type {
  GetEndpointSecretRequest,
  GetEndpointSecretRequest__Output,
} from './generated/webhooks/v1/GetEndpointSecretRequest';
export type { GetEventTypeRequest, GetEventTypeRequest__Output } from './generated/webhooks/v1/GetEventTypeRequest';
export type { GetMessageRequest, GetMessageRequest__Output } from './generated/webhooks/v1/GetMessageRequest';
export type { GetTenantRequest, GetTenantRequest__Output } from './generated/webhooks/v1/GetTenantRequest';
export type { HeaderMap, HeaderMap__Output } from './generated/webhooks/v1/HeaderMap';
export type { ListApiKeysRequest, ListApiKeysRequest__Output } from './generated/webhooks/v1/ListApiKeysRequest';
export type { ListApiKeysResponse, ListApiKeysResponse__Output } from './generated/webhooks/v1/ListApiKeysResponse';
export type { ListAttemptsRequest, ListAttemptsRequest__Output } from './generated/webhooks/v1/ListAttemptsRequest';
export type { ListAttemptsResponse, ListAttemptsResponse__Output } from './generated/webhooks/v1/ListAttemptsResponse';
export type {
  ListEventTypesRequest,
  ListEventTypesRequest__Output,
} from './generated/webhooks/v1/ListEventTypesRequest';
export type {
  ListEventTypesResponse,
  ListEventTypesResponse__Output,
} from './generated/webhooks/v1/ListEventTypesResponse';
export type { ListMessagesRequest, ListMessagesRequest__Output } from './generated/webhooks/v1/ListMessagesRequest';
export type { ListMessagesResponse, ListMessagesResponse__Output } from './generated/webhooks/v1/ListMessagesResponse';
export type { ListTenantsRequest, ListTenantsRequest__Output } from './generated/webhooks/v1/ListTenantsRequest';
export type { ListTenantsResponse, ListTenantsResponse__Output } from './generated/webhooks/v1/ListTenantsResponse';
export type { RevokeApiKeyRequest, RevokeApiKeyRequest__Output } from './generated/webhooks/v1/RevokeApiKeyRequest';
export type {
  RotateEndpointSecretRequest,
  RotateEndpointSecretRequest__Output,
} from './generated/webhooks/v1/RotateEndpointSecretRequest';
export type { StringList, StringList__Output } from './generated/webhooks/v1/StringList';
export type { Tenant, Tenant__Output } from './generated/webhooks/v1/Tenant';
export type { TenantManagementClient } from './generated/webhooks/v1/TenantManagement';
export type { TenantSettings, TenantSettings__Output } from './generated/webhooks/v1/TenantSettings';
export type {
  UpdateEventTypeRequest,
  UpdateEventTypeRequest__Output,
} from './generated/webhooks/v1/UpdateEventTypeRequest';
export type { UpdateTenantRequest, UpdateTenantRequest__Output } from './generated/webhooks/v1/UpdateTenantRequest';
export type {
  VerifyEndpointRequest,
  VerifyEndpointRequest__Output,
} from './generated/webhooks/v1/VerifyEndpointRequest';
// Tenants and API keys, event types and the delivery log (management.proto).
export type { Tenant__Output as TenantMessage } from './generated/webhooks/v1/Tenant';
export type { ApiKey__Output as ApiKeyMessage } from './generated/webhooks/v1/ApiKey';
export type { EventType__Output as EventTypeMessage } from './generated/webhooks/v1/EventType';
export type { Message__Output as LoggedMessage } from './generated/webhooks/v1/Message';
export type { Attempt__Output as AttemptMessage } from './generated/webhooks/v1/Attempt';
