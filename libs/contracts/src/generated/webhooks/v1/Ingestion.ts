// Original file: proto/webhooks/v1/ingestion.proto

import type * as grpc from '@grpc/grpc-js'
import type { MethodDefinition } from '@grpc/proto-loader'
import type { PublishBatchRequest as _webhooks_v1_PublishBatchRequest, PublishBatchRequest__Output as _webhooks_v1_PublishBatchRequest__Output } from '../../webhooks/v1/PublishBatchRequest';
import type { PublishBatchResponse as _webhooks_v1_PublishBatchResponse, PublishBatchResponse__Output as _webhooks_v1_PublishBatchResponse__Output } from '../../webhooks/v1/PublishBatchResponse';
import type { PublishRequest as _webhooks_v1_PublishRequest, PublishRequest__Output as _webhooks_v1_PublishRequest__Output } from '../../webhooks/v1/PublishRequest';
import type { PublishResponse as _webhooks_v1_PublishResponse, PublishResponse__Output as _webhooks_v1_PublishResponse__Output } from '../../webhooks/v1/PublishResponse';

export interface IngestionClient extends grpc.Client {
  Publish(argument: _webhooks_v1_PublishRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_webhooks_v1_PublishResponse__Output>): grpc.ClientUnaryCall;
  Publish(argument: _webhooks_v1_PublishRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_webhooks_v1_PublishResponse__Output>): grpc.ClientUnaryCall;
  Publish(argument: _webhooks_v1_PublishRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_webhooks_v1_PublishResponse__Output>): grpc.ClientUnaryCall;
  Publish(argument: _webhooks_v1_PublishRequest, callback: grpc.requestCallback<_webhooks_v1_PublishResponse__Output>): grpc.ClientUnaryCall;
  publish(argument: _webhooks_v1_PublishRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_webhooks_v1_PublishResponse__Output>): grpc.ClientUnaryCall;
  publish(argument: _webhooks_v1_PublishRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_webhooks_v1_PublishResponse__Output>): grpc.ClientUnaryCall;
  publish(argument: _webhooks_v1_PublishRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_webhooks_v1_PublishResponse__Output>): grpc.ClientUnaryCall;
  publish(argument: _webhooks_v1_PublishRequest, callback: grpc.requestCallback<_webhooks_v1_PublishResponse__Output>): grpc.ClientUnaryCall;
  
  PublishBatch(argument: _webhooks_v1_PublishBatchRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_webhooks_v1_PublishBatchResponse__Output>): grpc.ClientUnaryCall;
  PublishBatch(argument: _webhooks_v1_PublishBatchRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_webhooks_v1_PublishBatchResponse__Output>): grpc.ClientUnaryCall;
  PublishBatch(argument: _webhooks_v1_PublishBatchRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_webhooks_v1_PublishBatchResponse__Output>): grpc.ClientUnaryCall;
  PublishBatch(argument: _webhooks_v1_PublishBatchRequest, callback: grpc.requestCallback<_webhooks_v1_PublishBatchResponse__Output>): grpc.ClientUnaryCall;
  publishBatch(argument: _webhooks_v1_PublishBatchRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_webhooks_v1_PublishBatchResponse__Output>): grpc.ClientUnaryCall;
  publishBatch(argument: _webhooks_v1_PublishBatchRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_webhooks_v1_PublishBatchResponse__Output>): grpc.ClientUnaryCall;
  publishBatch(argument: _webhooks_v1_PublishBatchRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_webhooks_v1_PublishBatchResponse__Output>): grpc.ClientUnaryCall;
  publishBatch(argument: _webhooks_v1_PublishBatchRequest, callback: grpc.requestCallback<_webhooks_v1_PublishBatchResponse__Output>): grpc.ClientUnaryCall;
  
}

export interface IngestionHandlers extends grpc.UntypedServiceImplementation {
  Publish: grpc.handleUnaryCall<_webhooks_v1_PublishRequest__Output, _webhooks_v1_PublishResponse>;
  
  PublishBatch: grpc.handleUnaryCall<_webhooks_v1_PublishBatchRequest__Output, _webhooks_v1_PublishBatchResponse>;
  
}

export interface IngestionDefinition extends grpc.ServiceDefinition {
  Publish: MethodDefinition<_webhooks_v1_PublishRequest, _webhooks_v1_PublishResponse, _webhooks_v1_PublishRequest__Output, _webhooks_v1_PublishResponse__Output>
  PublishBatch: MethodDefinition<_webhooks_v1_PublishBatchRequest, _webhooks_v1_PublishBatchResponse, _webhooks_v1_PublishBatchRequest__Output, _webhooks_v1_PublishBatchResponse__Output>
}
