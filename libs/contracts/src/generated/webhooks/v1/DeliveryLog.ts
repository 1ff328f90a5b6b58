// Original file: proto/webhooks/v1/management.proto

import type * as grpc from '@grpc/grpc-js'
import type { MethodDefinition } from '@grpc/proto-loader'
import type { GetMessageRequest as _webhooks_v1_GetMessageRequest, GetMessageRequest__Output as _webhooks_v1_GetMessageRequest__Output } from '../../webhooks/v1/GetMessageRequest';
import type { ListAttemptsRequest as _webhooks_v1_ListAttemptsRequest, ListAttemptsRequest__Output as _webhooks_v1_ListAttemptsRequest__Output } from '../../webhooks/v1/ListAttemptsRequest';
import type { ListAttemptsResponse as _webhooks_v1_ListAttemptsResponse, ListAttemptsResponse__Output as _webhooks_v1_ListAttemptsResponse__Output } from '../../webhooks/v1/ListAttemptsResponse';
import type { ListMessagesRequest as _webhooks_v1_ListMessagesRequest, ListMessagesRequest__Output as _webhooks_v1_ListMessagesRequest__Output } from '../../webhooks/v1/ListMessagesRequest';
import type { ListMessagesResponse as _webhooks_v1_ListMessagesResponse, ListMessagesResponse__Output as _webhooks_v1_ListMessagesResponse__Output } from '../../webhooks/v1/ListMessagesResponse';
import type { Message as _webhooks_v1_Message, Message__Output as _webhooks_v1_Message__Output } from '../../webhooks/v1/Message';

export interface DeliveryLogClient extends grpc.Client {
  GetMessage(argument: _webhooks_v1_GetMessageRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_webhooks_v1_Message__Output>): grpc.ClientUnaryCall;
  GetMessage(argument: _webhooks_v1_GetMessageRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_webhooks_v1_Message__Output>): grpc.ClientUnaryCall;
  GetMessage(argument: _webhooks_v1_GetMessageRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_webhooks_v1_Message__Output>): grpc.ClientUnaryCall;
  GetMessage(argument: _webhooks_v1_GetMessageRequest, callback: grpc.requestCallback<_webhooks_v1_Message__Output>): grpc.ClientUnaryCall;
  getMessage(argument: _webhooks_v1_GetMessageRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_webhooks_v1_Message__Output>): grpc.ClientUnaryCall;
  getMessage(argument: _webhooks_v1_GetMessageRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_webhooks_v1_Message__Output>): grpc.ClientUnaryCall;
  getMessage(argument: _webhooks_v1_GetMessageRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_webhooks_v1_Message__Output>): grpc.ClientUnaryCall;
  getMessage(argument: _webhooks_v1_GetMessageRequest, callback: grpc.requestCallback<_webhooks_v1_Message__Output>): grpc.ClientUnaryCall;
  
  ListAttempts(argument: _webhooks_v1_ListAttemptsRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_webhooks_v1_ListAttemptsResponse__Output>): grpc.ClientUnaryCall;
  ListAttempts(argument: _webhooks_v1_ListAttemptsRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_webhooks_v1_ListAttemptsResponse__Output>): grpc.ClientUnaryCall;
  ListAttempts(argument: _webhooks_v1_ListAttemptsRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_webhooks_v1_ListAttemptsResponse__Output>): grpc.ClientUnaryCall;
  ListAttempts(argument: _webhooks_v1_ListAttemptsRequest, callback: grpc.requestCallback<_webhooks_v1_ListAttemptsResponse__Output>): grpc.ClientUnaryCall;
  listAttempts(argument: _webhooks_v1_ListAttemptsRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_webhooks_v1_ListAttemptsResponse__Output>): grpc.ClientUnaryCall;
  listAttempts(argument: _webhooks_v1_ListAttemptsRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_webhooks_v1_ListAttemptsResponse__Output>): grpc.ClientUnaryCall;
  listAttempts(argument: _webhooks_v1_ListAttemptsRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_webhooks_v1_ListAttemptsResponse__Output>): grpc.ClientUnaryCall;
  listAttempts(argument: _webhooks_v1_ListAttemptsRequest, callback: grpc.requestCallback<_webhooks_v1_ListAttemptsResponse__Output>): grpc.ClientUnaryCall;
  
  ListMessages(argument: _webhooks_v1_ListMessagesRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_webhooks_v1_ListMessagesResponse__Output>): grpc.ClientUnaryCall;
  ListMessages(argument: _webhooks_v1_ListMessagesRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_webhooks_v1_ListMessagesResponse__Output>): grpc.ClientUnaryCall;
  ListMessages(argument: _webhooks_v1_ListMessagesRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_webhooks_v1_ListMessagesResponse__Output>): grpc.ClientUnaryCall;
  ListMessages(argument: _webhooks_v1_ListMessagesRequest, callback: grpc.requestCallback<_webhooks_v1_ListMessagesResponse__Output>): grpc.ClientUnaryCall;
  listMessages(argument: _webhooks_v1_ListMessagesRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_webhooks_v1_ListMessagesResponse__Output>): grpc.ClientUnaryCall;
  listMessages(argument: _webhooks_v1_ListMessagesRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_webhooks_v1_ListMessagesResponse__Output>): grpc.ClientUnaryCall;
  listMessages(argument: _webhooks_v1_ListMessagesRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_webhooks_v1_ListMessagesResponse__Output>): grpc.ClientUnaryCall;
  listMessages(argument: _webhooks_v1_ListMessagesRequest, callback: grpc.requestCallback<_webhooks_v1_ListMessagesResponse__Output>): grpc.ClientUnaryCall;
  
}

export interface DeliveryLogHandlers extends grpc.UntypedServiceImplementation {
  GetMessage: grpc.handleUnaryCall<_webhooks_v1_GetMessageRequest__Output, _webhooks_v1_Message>;
  
  ListAttempts: grpc.handleUnaryCall<_webhooks_v1_ListAttemptsRequest__Output, _webhooks_v1_ListAttemptsResponse>;
  
  ListMessages: grpc.handleUnaryCall<_webhooks_v1_ListMessagesRequest__Output, _webhooks_v1_ListMessagesResponse>;
  
}

export interface DeliveryLogDefinition extends grpc.ServiceDefinition {
  GetMessage: MethodDefinition<_webhooks_v1_GetMessageRequest, _webhooks_v1_Message, _webhooks_v1_GetMessageRequest__Output, _webhooks_v1_Message__Output>
  ListAttempts: MethodDefinition<_webhooks_v1_ListAttemptsRequest, _webhooks_v1_ListAttemptsResponse, _webhooks_v1_ListAttemptsRequest__Output, _webhooks_v1_ListAttemptsResponse__Output>
  ListMessages: MethodDefinition<_webhooks_v1_ListMessagesRequest, _webhooks_v1_ListMessagesResponse, _webhooks_v1_ListMessagesRequest__Output, _webhooks_v1_ListMessagesResponse__Output>
}
