import type * as grpc from '@grpc/grpc-js';
import type { MessageTypeDefinition } from '@grpc/proto-loader';

import type { CreateEndpointRequest as _webhooks_v1_CreateEndpointRequest, CreateEndpointRequest__Output as _webhooks_v1_CreateEndpointRequest__Output } from './webhooks/v1/CreateEndpointRequest';
import type { CreateEndpointResponse as _webhooks_v1_CreateEndpointResponse, CreateEndpointResponse__Output as _webhooks_v1_CreateEndpointResponse__Output } from './webhooks/v1/CreateEndpointResponse';
import type { DeleteEndpointRequest as _webhooks_v1_DeleteEndpointRequest, DeleteEndpointRequest__Output as _webhooks_v1_DeleteEndpointRequest__Output } from './webhooks/v1/DeleteEndpointRequest';
import type { DeleteEndpointResponse as _webhooks_v1_DeleteEndpointResponse, DeleteEndpointResponse__Output as _webhooks_v1_DeleteEndpointResponse__Output } from './webhooks/v1/DeleteEndpointResponse';
import type { Endpoint as _webhooks_v1_Endpoint, Endpoint__Output as _webhooks_v1_Endpoint__Output } from './webhooks/v1/Endpoint';
import type { EndpointManagementClient as _webhooks_v1_EndpointManagementClient, EndpointManagementDefinition as _webhooks_v1_EndpointManagementDefinition } from './webhooks/v1/EndpointManagement';
import type { GetEndpointRequest as _webhooks_v1_GetEndpointRequest, GetEndpointRequest__Output as _webhooks_v1_GetEndpointRequest__Output } from './webhooks/v1/GetEndpointRequest';
import type { ListEndpointsRequest as _webhooks_v1_ListEndpointsRequest, ListEndpointsRequest__Output as _webhooks_v1_ListEndpointsRequest__Output } from './webhooks/v1/ListEndpointsRequest';
import type { ListEndpointsResponse as _webhooks_v1_ListEndpointsResponse, ListEndpointsResponse__Output as _webhooks_v1_ListEndpointsResponse__Output } from './webhooks/v1/ListEndpointsResponse';
import type { RateLimit as _webhooks_v1_RateLimit, RateLimit__Output as _webhooks_v1_RateLimit__Output } from './webhooks/v1/RateLimit';
import type { RecoverFailedRequest as _webhooks_v1_RecoverFailedRequest, RecoverFailedRequest__Output as _webhooks_v1_RecoverFailedRequest__Output } from './webhooks/v1/RecoverFailedRequest';
import type { RedriveDeadLettersRequest as _webhooks_v1_RedriveDeadLettersRequest, RedriveDeadLettersRequest__Output as _webhooks_v1_RedriveDeadLettersRequest__Output } from './webhooks/v1/RedriveDeadLettersRequest';
import type { ReplayResponse as _webhooks_v1_ReplayResponse, ReplayResponse__Output as _webhooks_v1_ReplayResponse__Output } from './webhooks/v1/ReplayResponse';
import type { ResendMessageRequest as _webhooks_v1_ResendMessageRequest, ResendMessageRequest__Output as _webhooks_v1_ResendMessageRequest__Output } from './webhooks/v1/ResendMessageRequest';
import type { RetryPolicy as _webhooks_v1_RetryPolicy, RetryPolicy__Output as _webhooks_v1_RetryPolicy__Output } from './webhooks/v1/RetryPolicy';
import type { StringList as _webhooks_v1_StringList, StringList__Output as _webhooks_v1_StringList__Output } from './webhooks/v1/StringList';
import type { UpdateEndpointRequest as _webhooks_v1_UpdateEndpointRequest, UpdateEndpointRequest__Output as _webhooks_v1_UpdateEndpointRequest__Output } from './webhooks/v1/UpdateEndpointRequest';

type SubtypeConstructor<Constructor extends new (...args: any) => any, Subtype> = {
  new(...args: ConstructorParameters<Constructor>): Subtype;
};

export interface ProtoGrpcType {
  webhooks: {
    v1: {
      CreateEndpointRequest: MessageTypeDefinition<_webhooks_v1_CreateEndpointRequest, _webhooks_v1_CreateEndpointRequest__Output>
      CreateEndpointResponse: MessageTypeDefinition<_webhooks_v1_CreateEndpointResponse, _webhooks_v1_CreateEndpointResponse__Output>
      DeleteEndpointRequest: MessageTypeDefinition<_webhooks_v1_DeleteEndpointRequest, _webhooks_v1_DeleteEndpointRequest__Output>
      DeleteEndpointResponse: MessageTypeDefinition<_webhooks_v1_DeleteEndpointResponse, _webhooks_v1_DeleteEndpointResponse__Output>
      Endpoint: MessageTypeDefinition<_webhooks_v1_Endpoint, _webhooks_v1_Endpoint__Output>
      EndpointManagement: SubtypeConstructor<typeof grpc.Client, _webhooks_v1_EndpointManagementClient> & { service: _webhooks_v1_EndpointManagementDefinition }
      GetEndpointRequest: MessageTypeDefinition<_webhooks_v1_GetEndpointRequest, _webhooks_v1_GetEndpointRequest__Output>
      ListEndpointsRequest: MessageTypeDefinition<_webhooks_v1_ListEndpointsRequest, _webhooks_v1_ListEndpointsRequest__Output>
      ListEndpointsResponse: MessageTypeDefinition<_webhooks_v1_ListEndpointsResponse, _webhooks_v1_ListEndpointsResponse__Output>
      RateLimit: MessageTypeDefinition<_webhooks_v1_RateLimit, _webhooks_v1_RateLimit__Output>
      RecoverFailedRequest: MessageTypeDefinition<_webhooks_v1_RecoverFailedRequest, _webhooks_v1_RecoverFailedRequest__Output>
      RedriveDeadLettersRequest: MessageTypeDefinition<_webhooks_v1_RedriveDeadLettersRequest, _webhooks_v1_RedriveDeadLettersRequest__Output>
      ReplayResponse: MessageTypeDefinition<_webhooks_v1_ReplayResponse, _webhooks_v1_ReplayResponse__Output>
      ResendMessageRequest: MessageTypeDefinition<_webhooks_v1_ResendMessageRequest, _webhooks_v1_ResendMessageRequest__Output>
      RetryPolicy: MessageTypeDefinition<_webhooks_v1_RetryPolicy, _webhooks_v1_RetryPolicy__Output>
      StringList: MessageTypeDefinition<_webhooks_v1_StringList, _webhooks_v1_StringList__Output>
      UpdateEndpointRequest: MessageTypeDefinition<_webhooks_v1_UpdateEndpointRequest, _webhooks_v1_UpdateEndpointRequest__Output>
    }
  }
}

