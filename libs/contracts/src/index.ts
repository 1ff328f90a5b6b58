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
