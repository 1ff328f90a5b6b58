// Original file: proto/webhooks/v1/management.proto

import type * as grpc from '@grpc/grpc-js'
import type { MethodDefinition } from '@grpc/proto-loader'
import type { CreateEndpointRequest as _webhooks_v1_CreateEndpointRequest, CreateEndpointRequest__Output as _webhooks_v1_CreateEndpointRequest__Output } from '../../webhooks/v1/CreateEndpointRequest';
import type { CreateEndpointResponse as _webhooks_v1_CreateEndpointResponse, CreateEndpointResponse__Output as _webhooks_v1_CreateEndpointResponse__Output } from '../../webhooks/v1/CreateEndpointResponse';
import type { DeleteEndpointRequest as _webhooks_v1_DeleteEndpointRequest, DeleteEndpointRequest__Output as _webhooks_v1_DeleteEndpointRequest__Output } from '../../webhooks/v1/DeleteEndpointRequest';
import type { DeleteEndpointResponse as _webhooks_v1_DeleteEndpointResponse, DeleteEndpointResponse__Output as _webhooks_v1_DeleteEndpointResponse__Output } from '../../webhooks/v1/DeleteEndpointResponse';
import type { Endpoint as _webhooks_v1_Endpoint, Endpoint__Output as _webhooks_v1_Endpoint__Output } from '../../webhooks/v1/Endpoint';
import type { EndpointSecret as _webhooks_v1_EndpointSecret, EndpointSecret__Output as _webhooks_v1_EndpointSecret__Output } from '../../webhooks/v1/EndpointSecret';
import type { GetEndpointRequest as _webhooks_v1_GetEndpointRequest, GetEndpointRequest__Output as _webhooks_v1_GetEndpointRequest__Output } from '../../webhooks/v1/GetEndpointRequest';
import type { GetEndpointSecretRequest as _webhooks_v1_GetEndpointSecretRequest, GetEndpointSecretRequest__Output as _webhooks_v1_GetEndpointSecretRequest__Output } from '../../webhooks/v1/GetEndpointSecretRequest';
import type { ListEndpointsRequest as _webhooks_v1_ListEndpointsRequest, ListEndpointsRequest__Output as _webhooks_v1_ListEndpointsRequest__Output } from '../../webhooks/v1/ListEndpointsRequest';
import type { ListEndpointsResponse as _webhooks_v1_ListEndpointsResponse, ListEndpointsResponse__Output as _webhooks_v1_ListEndpointsResponse__Output } from '../../webhooks/v1/ListEndpointsResponse';
import type { RecoverFailedRequest as _webhooks_v1_RecoverFailedRequest, RecoverFailedRequest__Output as _webhooks_v1_RecoverFailedRequest__Output } from '../../webhooks/v1/RecoverFailedRequest';
import type { RedriveDeadLettersRequest as _webhooks_v1_RedriveDeadLettersRequest, RedriveDeadLettersRequest__Output as _webhooks_v1_RedriveDeadLettersRequest__Output } from '../../webhooks/v1/RedriveDeadLettersRequest';
import type { ReplayResponse as _webhooks_v1_ReplayResponse, ReplayResponse__Output as _webhooks_v1_ReplayResponse__Output } from '../../webhooks/v1/ReplayResponse';
import type { ResendMessageRequest as _webhooks_v1_ResendMessageRequest, ResendMessageRequest__Output as _webhooks_v1_ResendMessageRequest__Output } from '../../webhooks/v1/ResendMessageRequest';
import type { RotateEndpointSecretRequest as _webhooks_v1_RotateEndpointSecretRequest, RotateEndpointSecretRequest__Output as _webhooks_v1_RotateEndpointSecretRequest__Output } from '../../webhooks/v1/RotateEndpointSecretRequest';
import type { UpdateEndpointRequest as _webhooks_v1_UpdateEndpointRequest, UpdateEndpointRequest__Output as _webhooks_v1_UpdateEndpointRequest__Output } from '../../webhooks/v1/UpdateEndpointRequest';
import type { VerifyEndpointRequest as _webhooks_v1_VerifyEndpointRequest, VerifyEndpointRequest__Output as _webhooks_v1_VerifyEndpointRequest__Output } from '../../webhooks/v1/VerifyEndpointRequest';

export interface EndpointManagementClient extends grpc.Client {
  CreateEndpoint(argument: _webhooks_v1_CreateEndpointRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_webhooks_v1_CreateEndpointResponse__Output>): grpc.ClientUnaryCall;
  CreateEndpoint(argument: _webhooks_v1_CreateEndpointRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_webhooks_v1_CreateEndpointResponse__Output>): grpc.ClientUnaryCall;
  CreateEndpoint(argument: _webhooks_v1_CreateEndpointRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_webhooks_v1_CreateEndpointResponse__Output>): grpc.ClientUnaryCall;
  CreateEndpoint(argument: _webhooks_v1_CreateEndpointRequest, callback: grpc.requestCallback<_webhooks_v1_CreateEndpointResponse__Output>): grpc.ClientUnaryCall;
  createEndpoint(argument: _webhooks_v1_CreateEndpointRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_webhooks_v1_CreateEndpointResponse__Output>): grpc.ClientUnaryCall;
  createEndpoint(argument: _webhooks_v1_CreateEndpointRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_webhooks_v1_CreateEndpointResponse__Output>): grpc.ClientUnaryCall;
  createEndpoint(argument: _webhooks_v1_CreateEndpointRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_webhooks_v1_CreateEndpointResponse__Output>): grpc.ClientUnaryCall;
  createEndpoint(argument: _webhooks_v1_CreateEndpointRequest, callback: grpc.requestCallback<_webhooks_v1_CreateEndpointResponse__Output>): grpc.ClientUnaryCall;
  
  DeleteEndpoint(argument: _webhooks_v1_DeleteEndpointRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_webhooks_v1_DeleteEndpointResponse__Output>): grpc.ClientUnaryCall;
  DeleteEndpoint(argument: _webhooks_v1_DeleteEndpointRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_webhooks_v1_DeleteEndpointResponse__Output>): grpc.ClientUnaryCall;
  DeleteEndpoint(argument: _webhooks_v1_DeleteEndpointRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_webhooks_v1_DeleteEndpointResponse__Output>): grpc.ClientUnaryCall;
  DeleteEndpoint(argument: _webhooks_v1_DeleteEndpointRequest, callback: grpc.requestCallback<_webhooks_v1_DeleteEndpointResponse__Output>): grpc.ClientUnaryCall;
  deleteEndpoint(argument: _webhooks_v1_DeleteEndpointRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_webhooks_v1_DeleteEndpointResponse__Output>): grpc.ClientUnaryCall;
  deleteEndpoint(argument: _webhooks_v1_DeleteEndpointRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_webhooks_v1_DeleteEndpointResponse__Output>): grpc.ClientUnaryCall;
  deleteEndpoint(argument: _webhooks_v1_DeleteEndpointRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_webhooks_v1_DeleteEndpointResponse__Output>): grpc.ClientUnaryCall;
  deleteEndpoint(argument: _webhooks_v1_DeleteEndpointRequest, callback: grpc.requestCallback<_webhooks_v1_DeleteEndpointResponse__Output>): grpc.ClientUnaryCall;
  
  GetEndpoint(argument: _webhooks_v1_GetEndpointRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_webhooks_v1_Endpoint__Output>): grpc.ClientUnaryCall;
  GetEndpoint(argument: _webhooks_v1_GetEndpointRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_webhooks_v1_Endpoint__Output>): grpc.ClientUnaryCall;
  GetEndpoint(argument: _webhooks_v1_GetEndpointRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_webhooks_v1_Endpoint__Output>): grpc.ClientUnaryCall;
  GetEndpoint(argument: _webhooks_v1_GetEndpointRequest, callback: grpc.requestCallback<_webhooks_v1_Endpoint__Output>): grpc.ClientUnaryCall;
  getEndpoint(argument: _webhooks_v1_GetEndpointRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_webhooks_v1_Endpoint__Output>): grpc.ClientUnaryCall;
  getEndpoint(argument: _webhooks_v1_GetEndpointRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_webhooks_v1_Endpoint__Output>): grpc.ClientUnaryCall;
  getEndpoint(argument: _webhooks_v1_GetEndpointRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_webhooks_v1_Endpoint__Output>): grpc.ClientUnaryCall;
  getEndpoint(argument: _webhooks_v1_GetEndpointRequest, callback: grpc.requestCallback<_webhooks_v1_Endpoint__Output>): grpc.ClientUnaryCall;
  
  GetEndpointSecret(argument: _webhooks_v1_GetEndpointSecretRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_webhooks_v1_EndpointSecret__Output>): grpc.ClientUnaryCall;
  GetEndpointSecret(argument: _webhooks_v1_GetEndpointSecretRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_webhooks_v1_EndpointSecret__Output>): grpc.ClientUnaryCall;
  GetEndpointSecret(argument: _webhooks_v1_GetEndpointSecretRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_webhooks_v1_EndpointSecret__Output>): grpc.ClientUnaryCall;
  GetEndpointSecret(argument: _webhooks_v1_GetEndpointSecretRequest, callback: grpc.requestCallback<_webhooks_v1_EndpointSecret__Output>): grpc.ClientUnaryCall;
  getEndpointSecret(argument: _webhooks_v1_GetEndpointSecretRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_webhooks_v1_EndpointSecret__Output>): grpc.ClientUnaryCall;
  getEndpointSecret(argument: _webhooks_v1_GetEndpointSecretRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_webhooks_v1_EndpointSecret__Output>): grpc.ClientUnaryCall;
  getEndpointSecret(argument: _webhooks_v1_GetEndpointSecretRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_webhooks_v1_EndpointSecret__Output>): grpc.ClientUnaryCall;
  getEndpointSecret(argument: _webhooks_v1_GetEndpointSecretRequest, callback: grpc.requestCallback<_webhooks_v1_EndpointSecret__Output>): grpc.ClientUnaryCall;
  
  ListEndpoints(argument: _webhooks_v1_ListEndpointsRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_webhooks_v1_ListEndpointsResponse__Output>): grpc.ClientUnaryCall;
  ListEndpoints(argument: _webhooks_v1_ListEndpointsRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_webhooks_v1_ListEndpointsResponse__Output>): grpc.ClientUnaryCall;
  ListEndpoints(argument: _webhooks_v1_ListEndpointsRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_webhooks_v1_ListEndpointsResponse__Output>): grpc.ClientUnaryCall;
  ListEndpoints(argument: _webhooks_v1_ListEndpointsRequest, callback: grpc.requestCallback<_webhooks_v1_ListEndpointsResponse__Output>): grpc.ClientUnaryCall;
  listEndpoints(argument: _webhooks_v1_ListEndpointsRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_webhooks_v1_ListEndpointsResponse__Output>): grpc.ClientUnaryCall;
  listEndpoints(argument: _webhooks_v1_ListEndpointsRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_webhooks_v1_ListEndpointsResponse__Output>): grpc.ClientUnaryCall;
  listEndpoints(argument: _webhooks_v1_ListEndpointsRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_webhooks_v1_ListEndpointsResponse__Output>): grpc.ClientUnaryCall;
  listEndpoints(argument: _webhooks_v1_ListEndpointsRequest, callback: grpc.requestCallback<_webhooks_v1_ListEndpointsResponse__Output>): grpc.ClientUnaryCall;
  
  RecoverFailed(argument: _webhooks_v1_RecoverFailedRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_webhooks_v1_ReplayResponse__Output>): grpc.ClientUnaryCall;
  RecoverFailed(argument: _webhooks_v1_RecoverFailedRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_webhooks_v1_ReplayResponse__Output>): grpc.ClientUnaryCall;
  RecoverFailed(argument: _webhooks_v1_RecoverFailedRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_webhooks_v1_ReplayResponse__Output>): grpc.ClientUnaryCall;
  RecoverFailed(argument: _webhooks_v1_RecoverFailedRequest, callback: grpc.requestCallback<_webhooks_v1_ReplayResponse__Output>): grpc.ClientUnaryCall;
  recoverFailed(argument: _webhooks_v1_RecoverFailedRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_webhooks_v1_ReplayResponse__Output>): grpc.ClientUnaryCall;
  recoverFailed(argument: _webhooks_v1_RecoverFailedRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_webhooks_v1_ReplayResponse__Output>): grpc.ClientUnaryCall;
  recoverFailed(argument: _webhooks_v1_RecoverFailedRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_webhooks_v1_ReplayResponse__Output>): grpc.ClientUnaryCall;
  recoverFailed(argument: _webhooks_v1_RecoverFailedRequest, callback: grpc.requestCallback<_webhooks_v1_ReplayResponse__Output>): grpc.ClientUnaryCall;
  
  RedriveDeadLetters(argument: _webhooks_v1_RedriveDeadLettersRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_webhooks_v1_ReplayResponse__Output>): grpc.ClientUnaryCall;
  RedriveDeadLetters(argument: _webhooks_v1_RedriveDeadLettersRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_webhooks_v1_ReplayResponse__Output>): grpc.ClientUnaryCall;
  RedriveDeadLetters(argument: _webhooks_v1_RedriveDeadLettersRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_webhooks_v1_ReplayResponse__Output>): grpc.ClientUnaryCall;
  RedriveDeadLetters(argument: _webhooks_v1_RedriveDeadLettersRequest, callback: grpc.requestCallback<_webhooks_v1_ReplayResponse__Output>): grpc.ClientUnaryCall;
  redriveDeadLetters(argument: _webhooks_v1_RedriveDeadLettersRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_webhooks_v1_ReplayResponse__Output>): grpc.ClientUnaryCall;
  redriveDeadLetters(argument: _webhooks_v1_RedriveDeadLettersRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_webhooks_v1_ReplayResponse__Output>): grpc.ClientUnaryCall;
  redriveDeadLetters(argument: _webhooks_v1_RedriveDeadLettersRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_webhooks_v1_ReplayResponse__Output>): grpc.ClientUnaryCall;
  redriveDeadLetters(argument: _webhooks_v1_RedriveDeadLettersRequest, callback: grpc.requestCallback<_webhooks_v1_ReplayResponse__Output>): grpc.ClientUnaryCall;
  
  ResendMessage(argument: _webhooks_v1_ResendMessageRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_webhooks_v1_ReplayResponse__Output>): grpc.ClientUnaryCall;
  ResendMessage(argument: _webhooks_v1_ResendMessageRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_webhooks_v1_ReplayResponse__Output>): grpc.ClientUnaryCall;
  ResendMessage(argument: _webhooks_v1_ResendMessageRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_webhooks_v1_ReplayResponse__Output>): grpc.ClientUnaryCall;
  ResendMessage(argument: _webhooks_v1_ResendMessageRequest, callback: grpc.requestCallback<_webhooks_v1_ReplayResponse__Output>): grpc.ClientUnaryCall;
  resendMessage(argument: _webhooks_v1_ResendMessageRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_webhooks_v1_ReplayResponse__Output>): grpc.ClientUnaryCall;
  resendMessage(argument: _webhooks_v1_ResendMessageRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_webhooks_v1_ReplayResponse__Output>): grpc.ClientUnaryCall;
  resendMessage(argument: _webhooks_v1_ResendMessageRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_webhooks_v1_ReplayResponse__Output>): grpc.ClientUnaryCall;
  resendMessage(argument: _webhooks_v1_ResendMessageRequest, callback: grpc.requestCallback<_webhooks_v1_ReplayResponse__Output>): grpc.ClientUnaryCall;
  
  RotateEndpointSecret(argument: _webhooks_v1_RotateEndpointSecretRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_webhooks_v1_EndpointSecret__Output>): grpc.ClientUnaryCall;
  RotateEndpointSecret(argument: _webhooks_v1_RotateEndpointSecretRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_webhooks_v1_EndpointSecret__Output>): grpc.ClientUnaryCall;
  RotateEndpointSecret(argument: _webhooks_v1_RotateEndpointSecretRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_webhooks_v1_EndpointSecret__Output>): grpc.ClientUnaryCall;
  RotateEndpointSecret(argument: _webhooks_v1_RotateEndpointSecretRequest, callback: grpc.requestCallback<_webhooks_v1_EndpointSecret__Output>): grpc.ClientUnaryCall;
  rotateEndpointSecret(argument: _webhooks_v1_RotateEndpointSecretRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_webhooks_v1_EndpointSecret__Output>): grpc.ClientUnaryCall;
  rotateEndpointSecret(argument: _webhooks_v1_RotateEndpointSecretRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_webhooks_v1_EndpointSecret__Output>): grpc.ClientUnaryCall;
  rotateEndpointSecret(argument: _webhooks_v1_RotateEndpointSecretRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_webhooks_v1_EndpointSecret__Output>): grpc.ClientUnaryCall;
  rotateEndpointSecret(argument: _webhooks_v1_RotateEndpointSecretRequest, callback: grpc.requestCallback<_webhooks_v1_EndpointSecret__Output>): grpc.ClientUnaryCall;
  
  UpdateEndpoint(argument: _webhooks_v1_UpdateEndpointRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_webhooks_v1_Endpoint__Output>): grpc.ClientUnaryCall;
  UpdateEndpoint(argument: _webhooks_v1_UpdateEndpointRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_webhooks_v1_Endpoint__Output>): grpc.ClientUnaryCall;
  UpdateEndpoint(argument: _webhooks_v1_UpdateEndpointRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_webhooks_v1_Endpoint__Output>): grpc.ClientUnaryCall;
  UpdateEndpoint(argument: _webhooks_v1_UpdateEndpointRequest, callback: grpc.requestCallback<_webhooks_v1_Endpoint__Output>): grpc.ClientUnaryCall;
  updateEndpoint(argument: _webhooks_v1_UpdateEndpointRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_webhooks_v1_Endpoint__Output>): grpc.ClientUnaryCall;
  updateEndpoint(argument: _webhooks_v1_UpdateEndpointRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_webhooks_v1_Endpoint__Output>): grpc.ClientUnaryCall;
  updateEndpoint(argument: _webhooks_v1_UpdateEndpointRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_webhooks_v1_Endpoint__Output>): grpc.ClientUnaryCall;
  updateEndpoint(argument: _webhooks_v1_UpdateEndpointRequest, callback: grpc.requestCallback<_webhooks_v1_Endpoint__Output>): grpc.ClientUnaryCall;
  
  VerifyEndpoint(argument: _webhooks_v1_VerifyEndpointRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_webhooks_v1_Endpoint__Output>): grpc.ClientUnaryCall;
  VerifyEndpoint(argument: _webhooks_v1_VerifyEndpointRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_webhooks_v1_Endpoint__Output>): grpc.ClientUnaryCall;
  VerifyEndpoint(argument: _webhooks_v1_VerifyEndpointRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_webhooks_v1_Endpoint__Output>): grpc.ClientUnaryCall;
  VerifyEndpoint(argument: _webhooks_v1_VerifyEndpointRequest, callback: grpc.requestCallback<_webhooks_v1_Endpoint__Output>): grpc.ClientUnaryCall;
  verifyEndpoint(argument: _webhooks_v1_VerifyEndpointRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_webhooks_v1_Endpoint__Output>): grpc.ClientUnaryCall;
  verifyEndpoint(argument: _webhooks_v1_VerifyEndpointRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_webhooks_v1_Endpoint__Output>): grpc.ClientUnaryCall;
  verifyEndpoint(argument: _webhooks_v1_VerifyEndpointRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_webhooks_v1_Endpoint__Output>): grpc.ClientUnaryCall;
  verifyEndpoint(argument: _webhooks_v1_VerifyEndpointRequest, callback: grpc.requestCallback<_webhooks_v1_Endpoint__Output>): grpc.ClientUnaryCall;
  
}

export interface EndpointManagementHandlers extends grpc.UntypedServiceImplementation {
  CreateEndpoint: grpc.handleUnaryCall<_webhooks_v1_CreateEndpointRequest__Output, _webhooks_v1_CreateEndpointResponse>;
  
  DeleteEndpoint: grpc.handleUnaryCall<_webhooks_v1_DeleteEndpointRequest__Output, _webhooks_v1_DeleteEndpointResponse>;
  
  GetEndpoint: grpc.handleUnaryCall<_webhooks_v1_GetEndpointRequest__Output, _webhooks_v1_Endpoint>;
  
  GetEndpointSecret: grpc.handleUnaryCall<_webhooks_v1_GetEndpointSecretRequest__Output, _webhooks_v1_EndpointSecret>;
  
  ListEndpoints: grpc.handleUnaryCall<_webhooks_v1_ListEndpointsRequest__Output, _webhooks_v1_ListEndpointsResponse>;
  
  RecoverFailed: grpc.handleUnaryCall<_webhooks_v1_RecoverFailedRequest__Output, _webhooks_v1_ReplayResponse>;
  
  RedriveDeadLetters: grpc.handleUnaryCall<_webhooks_v1_RedriveDeadLettersRequest__Output, _webhooks_v1_ReplayResponse>;
  
  ResendMessage: grpc.handleUnaryCall<_webhooks_v1_ResendMessageRequest__Output, _webhooks_v1_ReplayResponse>;
  
  RotateEndpointSecret: grpc.handleUnaryCall<_webhooks_v1_RotateEndpointSecretRequest__Output, _webhooks_v1_EndpointSecret>;
  
  UpdateEndpoint: grpc.handleUnaryCall<_webhooks_v1_UpdateEndpointRequest__Output, _webhooks_v1_Endpoint>;
  
  VerifyEndpoint: grpc.handleUnaryCall<_webhooks_v1_VerifyEndpointRequest__Output, _webhooks_v1_Endpoint>;
  
}

export interface EndpointManagementDefinition extends grpc.ServiceDefinition {
  CreateEndpoint: MethodDefinition<_webhooks_v1_CreateEndpointRequest, _webhooks_v1_CreateEndpointResponse, _webhooks_v1_CreateEndpointRequest__Output, _webhooks_v1_CreateEndpointResponse__Output>
  DeleteEndpoint: MethodDefinition<_webhooks_v1_DeleteEndpointRequest, _webhooks_v1_DeleteEndpointResponse, _webhooks_v1_DeleteEndpointRequest__Output, _webhooks_v1_DeleteEndpointResponse__Output>
  GetEndpoint: MethodDefinition<_webhooks_v1_GetEndpointRequest, _webhooks_v1_Endpoint, _webhooks_v1_GetEndpointRequest__Output, _webhooks_v1_Endpoint__Output>
  GetEndpointSecret: MethodDefinition<_webhooks_v1_GetEndpointSecretRequest, _webhooks_v1_EndpointSecret, _webhooks_v1_GetEndpointSecretRequest__Output, _webhooks_v1_EndpointSecret__Output>
  ListEndpoints: MethodDefinition<_webhooks_v1_ListEndpointsRequest, _webhooks_v1_ListEndpointsResponse, _webhooks_v1_ListEndpointsRequest__Output, _webhooks_v1_ListEndpointsResponse__Output>
  RecoverFailed: MethodDefinition<_webhooks_v1_RecoverFailedRequest, _webhooks_v1_ReplayResponse, _webhooks_v1_RecoverFailedRequest__Output, _webhooks_v1_ReplayResponse__Output>
  RedriveDeadLetters: MethodDefinition<_webhooks_v1_RedriveDeadLettersRequest, _webhooks_v1_ReplayResponse, _webhooks_v1_RedriveDeadLettersRequest__Output, _webhooks_v1_ReplayResponse__Output>
  ResendMessage: MethodDefinition<_webhooks_v1_ResendMessageRequest, _webhooks_v1_ReplayResponse, _webhooks_v1_ResendMessageRequest__Output, _webhooks_v1_ReplayResponse__Output>
  RotateEndpointSecret: MethodDefinition<_webhooks_v1_RotateEndpointSecretRequest, _webhooks_v1_EndpointSecret, _webhooks_v1_RotateEndpointSecretRequest__Output, _webhooks_v1_EndpointSecret__Output>
  UpdateEndpoint: MethodDefinition<_webhooks_v1_UpdateEndpointRequest, _webhooks_v1_Endpoint, _webhooks_v1_UpdateEndpointRequest__Output, _webhooks_v1_Endpoint__Output>
  VerifyEndpoint: MethodDefinition<_webhooks_v1_VerifyEndpointRequest, _webhooks_v1_Endpoint, _webhooks_v1_VerifyEndpointRequest__Output, _webhooks_v1_Endpoint__Output>
}
