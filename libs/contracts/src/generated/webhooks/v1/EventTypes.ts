// Original file: proto/webhooks/v1/management.proto

import type * as grpc from '@grpc/grpc-js'
import type { MethodDefinition } from '@grpc/proto-loader'
import type { CreateEventTypeRequest as _webhooks_v1_CreateEventTypeRequest, CreateEventTypeRequest__Output as _webhooks_v1_CreateEventTypeRequest__Output } from '../../webhooks/v1/CreateEventTypeRequest';
import type { DeleteEventTypeRequest as _webhooks_v1_DeleteEventTypeRequest, DeleteEventTypeRequest__Output as _webhooks_v1_DeleteEventTypeRequest__Output } from '../../webhooks/v1/DeleteEventTypeRequest';
import type { DeleteEventTypeResponse as _webhooks_v1_DeleteEventTypeResponse, DeleteEventTypeResponse__Output as _webhooks_v1_DeleteEventTypeResponse__Output } from '../../webhooks/v1/DeleteEventTypeResponse';
import type { EventType as _webhooks_v1_EventType, EventType__Output as _webhooks_v1_EventType__Output } from '../../webhooks/v1/EventType';
import type { GetEventTypeRequest as _webhooks_v1_GetEventTypeRequest, GetEventTypeRequest__Output as _webhooks_v1_GetEventTypeRequest__Output } from '../../webhooks/v1/GetEventTypeRequest';
import type { ListEventTypesRequest as _webhooks_v1_ListEventTypesRequest, ListEventTypesRequest__Output as _webhooks_v1_ListEventTypesRequest__Output } from '../../webhooks/v1/ListEventTypesRequest';
import type { ListEventTypesResponse as _webhooks_v1_ListEventTypesResponse, ListEventTypesResponse__Output as _webhooks_v1_ListEventTypesResponse__Output } from '../../webhooks/v1/ListEventTypesResponse';
import type { UpdateEventTypeRequest as _webhooks_v1_UpdateEventTypeRequest, UpdateEventTypeRequest__Output as _webhooks_v1_UpdateEventTypeRequest__Output } from '../../webhooks/v1/UpdateEventTypeRequest';

export interface EventTypesClient extends grpc.Client {
  CreateEventType(argument: _webhooks_v1_CreateEventTypeRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_webhooks_v1_EventType__Output>): grpc.ClientUnaryCall;
  CreateEventType(argument: _webhooks_v1_CreateEventTypeRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_webhooks_v1_EventType__Output>): grpc.ClientUnaryCall;
  CreateEventType(argument: _webhooks_v1_CreateEventTypeRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_webhooks_v1_EventType__Output>): grpc.ClientUnaryCall;
  CreateEventType(argument: _webhooks_v1_CreateEventTypeRequest, callback: grpc.requestCallback<_webhooks_v1_EventType__Output>): grpc.ClientUnaryCall;
  createEventType(argument: _webhooks_v1_CreateEventTypeRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_webhooks_v1_EventType__Output>): grpc.ClientUnaryCall;
  createEventType(argument: _webhooks_v1_CreateEventTypeRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_webhooks_v1_EventType__Output>): grpc.ClientUnaryCall;
  createEventType(argument: _webhooks_v1_CreateEventTypeRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_webhooks_v1_EventType__Output>): grpc.ClientUnaryCall;
  createEventType(argument: _webhooks_v1_CreateEventTypeRequest, callback: grpc.requestCallback<_webhooks_v1_EventType__Output>): grpc.ClientUnaryCall;
  
  DeleteEventType(argument: _webhooks_v1_DeleteEventTypeRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_webhooks_v1_DeleteEventTypeResponse__Output>): grpc.ClientUnaryCall;
  DeleteEventType(argument: _webhooks_v1_DeleteEventTypeRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_webhooks_v1_DeleteEventTypeResponse__Output>): grpc.ClientUnaryCall;
  DeleteEventType(argument: _webhooks_v1_DeleteEventTypeRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_webhooks_v1_DeleteEventTypeResponse__Output>): grpc.ClientUnaryCall;
  DeleteEventType(argument: _webhooks_v1_DeleteEventTypeRequest, callback: grpc.requestCallback<_webhooks_v1_DeleteEventTypeResponse__Output>): grpc.ClientUnaryCall;
  deleteEventType(argument: _webhooks_v1_DeleteEventTypeRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_webhooks_v1_DeleteEventTypeResponse__Output>): grpc.ClientUnaryCall;
  deleteEventType(argument: _webhooks_v1_DeleteEventTypeRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_webhooks_v1_DeleteEventTypeResponse__Output>): grpc.ClientUnaryCall;
  deleteEventType(argument: _webhooks_v1_DeleteEventTypeRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_webhooks_v1_DeleteEventTypeResponse__Output>): grpc.ClientUnaryCall;
  deleteEventType(argument: _webhooks_v1_DeleteEventTypeRequest, callback: grpc.requestCallback<_webhooks_v1_DeleteEventTypeResponse__Output>): grpc.ClientUnaryCall;
  
  GetEventType(argument: _webhooks_v1_GetEventTypeRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_webhooks_v1_EventType__Output>): grpc.ClientUnaryCall;
  GetEventType(argument: _webhooks_v1_GetEventTypeRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_webhooks_v1_EventType__Output>): grpc.ClientUnaryCall;
  GetEventType(argument: _webhooks_v1_GetEventTypeRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_webhooks_v1_EventType__Output>): grpc.ClientUnaryCall;
  GetEventType(argument: _webhooks_v1_GetEventTypeRequest, callback: grpc.requestCallback<_webhooks_v1_EventType__Output>): grpc.ClientUnaryCall;
  getEventType(argument: _webhooks_v1_GetEventTypeRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_webhooks_v1_EventType__Output>): grpc.ClientUnaryCall;
  getEventType(argument: _webhooks_v1_GetEventTypeRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_webhooks_v1_EventType__Output>): grpc.ClientUnaryCall;
  getEventType(argument: _webhooks_v1_GetEventTypeRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_webhooks_v1_EventType__Output>): grpc.ClientUnaryCall;
  getEventType(argument: _webhooks_v1_GetEventTypeRequest, callback: grpc.requestCallback<_webhooks_v1_EventType__Output>): grpc.ClientUnaryCall;
  
  ListEventTypes(argument: _webhooks_v1_ListEventTypesRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_webhooks_v1_ListEventTypesResponse__Output>): grpc.ClientUnaryCall;
  ListEventTypes(argument: _webhooks_v1_ListEventTypesRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_webhooks_v1_ListEventTypesResponse__Output>): grpc.ClientUnaryCall;
  ListEventTypes(argument: _webhooks_v1_ListEventTypesRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_webhooks_v1_ListEventTypesResponse__Output>): grpc.ClientUnaryCall;
  ListEventTypes(argument: _webhooks_v1_ListEventTypesRequest, callback: grpc.requestCallback<_webhooks_v1_ListEventTypesResponse__Output>): grpc.ClientUnaryCall;
  listEventTypes(argument: _webhooks_v1_ListEventTypesRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_webhooks_v1_ListEventTypesResponse__Output>): grpc.ClientUnaryCall;
  listEventTypes(argument: _webhooks_v1_ListEventTypesRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_webhooks_v1_ListEventTypesResponse__Output>): grpc.ClientUnaryCall;
  listEventTypes(argument: _webhooks_v1_ListEventTypesRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_webhooks_v1_ListEventTypesResponse__Output>): grpc.ClientUnaryCall;
  listEventTypes(argument: _webhooks_v1_ListEventTypesRequest, callback: grpc.requestCallback<_webhooks_v1_ListEventTypesResponse__Output>): grpc.ClientUnaryCall;
  
  UpdateEventType(argument: _webhooks_v1_UpdateEventTypeRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_webhooks_v1_EventType__Output>): grpc.ClientUnaryCall;
  UpdateEventType(argument: _webhooks_v1_UpdateEventTypeRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_webhooks_v1_EventType__Output>): grpc.ClientUnaryCall;
  UpdateEventType(argument: _webhooks_v1_UpdateEventTypeRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_webhooks_v1_EventType__Output>): grpc.ClientUnaryCall;
  UpdateEventType(argument: _webhooks_v1_UpdateEventTypeRequest, callback: grpc.requestCallback<_webhooks_v1_EventType__Output>): grpc.ClientUnaryCall;
  updateEventType(argument: _webhooks_v1_UpdateEventTypeRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_webhooks_v1_EventType__Output>): grpc.ClientUnaryCall;
  updateEventType(argument: _webhooks_v1_UpdateEventTypeRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_webhooks_v1_EventType__Output>): grpc.ClientUnaryCall;
  updateEventType(argument: _webhooks_v1_UpdateEventTypeRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_webhooks_v1_EventType__Output>): grpc.ClientUnaryCall;
  updateEventType(argument: _webhooks_v1_UpdateEventTypeRequest, callback: grpc.requestCallback<_webhooks_v1_EventType__Output>): grpc.ClientUnaryCall;
  
}

export interface EventTypesHandlers extends grpc.UntypedServiceImplementation {
  CreateEventType: grpc.handleUnaryCall<_webhooks_v1_CreateEventTypeRequest__Output, _webhooks_v1_EventType>;
  
  DeleteEventType: grpc.handleUnaryCall<_webhooks_v1_DeleteEventTypeRequest__Output, _webhooks_v1_DeleteEventTypeResponse>;
  
  GetEventType: grpc.handleUnaryCall<_webhooks_v1_GetEventTypeRequest__Output, _webhooks_v1_EventType>;
  
  ListEventTypes: grpc.handleUnaryCall<_webhooks_v1_ListEventTypesRequest__Output, _webhooks_v1_ListEventTypesResponse>;
  
  UpdateEventType: grpc.handleUnaryCall<_webhooks_v1_UpdateEventTypeRequest__Output, _webhooks_v1_EventType>;
  
}

export interface EventTypesDefinition extends grpc.ServiceDefinition {
  CreateEventType: MethodDefinition<_webhooks_v1_CreateEventTypeRequest, _webhooks_v1_EventType, _webhooks_v1_CreateEventTypeRequest__Output, _webhooks_v1_EventType__Output>
  DeleteEventType: MethodDefinition<_webhooks_v1_DeleteEventTypeRequest, _webhooks_v1_DeleteEventTypeResponse, _webhooks_v1_DeleteEventTypeRequest__Output, _webhooks_v1_DeleteEventTypeResponse__Output>
  GetEventType: MethodDefinition<_webhooks_v1_GetEventTypeRequest, _webhooks_v1_EventType, _webhooks_v1_GetEventTypeRequest__Output, _webhooks_v1_EventType__Output>
  ListEventTypes: MethodDefinition<_webhooks_v1_ListEventTypesRequest, _webhooks_v1_ListEventTypesResponse, _webhooks_v1_ListEventTypesRequest__Output, _webhooks_v1_ListEventTypesResponse__Output>
  UpdateEventType: MethodDefinition<_webhooks_v1_UpdateEventTypeRequest, _webhooks_v1_EventType, _webhooks_v1_UpdateEventTypeRequest__Output, _webhooks_v1_EventType__Output>
}
