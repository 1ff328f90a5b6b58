// Original file: proto/webhooks/v1/management.proto

import type * as grpc from '@grpc/grpc-js'
import type { MethodDefinition } from '@grpc/proto-loader'
import type { ApiKey as _webhooks_v1_ApiKey, ApiKey__Output as _webhooks_v1_ApiKey__Output } from '../../webhooks/v1/ApiKey';
import type { CreateApiKeyRequest as _webhooks_v1_CreateApiKeyRequest, CreateApiKeyRequest__Output as _webhooks_v1_CreateApiKeyRequest__Output } from '../../webhooks/v1/CreateApiKeyRequest';
import type { CreateApiKeyResponse as _webhooks_v1_CreateApiKeyResponse, CreateApiKeyResponse__Output as _webhooks_v1_CreateApiKeyResponse__Output } from '../../webhooks/v1/CreateApiKeyResponse';
import type { CreateTenantRequest as _webhooks_v1_CreateTenantRequest, CreateTenantRequest__Output as _webhooks_v1_CreateTenantRequest__Output } from '../../webhooks/v1/CreateTenantRequest';
import type { GetTenantRequest as _webhooks_v1_GetTenantRequest, GetTenantRequest__Output as _webhooks_v1_GetTenantRequest__Output } from '../../webhooks/v1/GetTenantRequest';
import type { ListApiKeysRequest as _webhooks_v1_ListApiKeysRequest, ListApiKeysRequest__Output as _webhooks_v1_ListApiKeysRequest__Output } from '../../webhooks/v1/ListApiKeysRequest';
import type { ListApiKeysResponse as _webhooks_v1_ListApiKeysResponse, ListApiKeysResponse__Output as _webhooks_v1_ListApiKeysResponse__Output } from '../../webhooks/v1/ListApiKeysResponse';
import type { ListTenantsRequest as _webhooks_v1_ListTenantsRequest, ListTenantsRequest__Output as _webhooks_v1_ListTenantsRequest__Output } from '../../webhooks/v1/ListTenantsRequest';
import type { ListTenantsResponse as _webhooks_v1_ListTenantsResponse, ListTenantsResponse__Output as _webhooks_v1_ListTenantsResponse__Output } from '../../webhooks/v1/ListTenantsResponse';
import type { RevokeApiKeyRequest as _webhooks_v1_RevokeApiKeyRequest, RevokeApiKeyRequest__Output as _webhooks_v1_RevokeApiKeyRequest__Output } from '../../webhooks/v1/RevokeApiKeyRequest';
import type { Tenant as _webhooks_v1_Tenant, Tenant__Output as _webhooks_v1_Tenant__Output } from '../../webhooks/v1/Tenant';
import type { UpdateTenantRequest as _webhooks_v1_UpdateTenantRequest, UpdateTenantRequest__Output as _webhooks_v1_UpdateTenantRequest__Output } from '../../webhooks/v1/UpdateTenantRequest';

export interface TenantManagementClient extends grpc.Client {
  CreateApiKey(argument: _webhooks_v1_CreateApiKeyRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_webhooks_v1_CreateApiKeyResponse__Output>): grpc.ClientUnaryCall;
  CreateApiKey(argument: _webhooks_v1_CreateApiKeyRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_webhooks_v1_CreateApiKeyResponse__Output>): grpc.ClientUnaryCall;
  CreateApiKey(argument: _webhooks_v1_CreateApiKeyRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_webhooks_v1_CreateApiKeyResponse__Output>): grpc.ClientUnaryCall;
  CreateApiKey(argument: _webhooks_v1_CreateApiKeyRequest, callback: grpc.requestCallback<_webhooks_v1_CreateApiKeyResponse__Output>): grpc.ClientUnaryCall;
  createApiKey(argument: _webhooks_v1_CreateApiKeyRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_webhooks_v1_CreateApiKeyResponse__Output>): grpc.ClientUnaryCall;
  createApiKey(argument: _webhooks_v1_CreateApiKeyRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_webhooks_v1_CreateApiKeyResponse__Output>): grpc.ClientUnaryCall;
  createApiKey(argument: _webhooks_v1_CreateApiKeyRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_webhooks_v1_CreateApiKeyResponse__Output>): grpc.ClientUnaryCall;
  createApiKey(argument: _webhooks_v1_CreateApiKeyRequest, callback: grpc.requestCallback<_webhooks_v1_CreateApiKeyResponse__Output>): grpc.ClientUnaryCall;
  
  CreateTenant(argument: _webhooks_v1_CreateTenantRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_webhooks_v1_Tenant__Output>): grpc.ClientUnaryCall;
  CreateTenant(argument: _webhooks_v1_CreateTenantRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_webhooks_v1_Tenant__Output>): grpc.ClientUnaryCall;
  CreateTenant(argument: _webhooks_v1_CreateTenantRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_webhooks_v1_Tenant__Output>): grpc.ClientUnaryCall;
  CreateTenant(argument: _webhooks_v1_CreateTenantRequest, callback: grpc.requestCallback<_webhooks_v1_Tenant__Output>): grpc.ClientUnaryCall;
  createTenant(argument: _webhooks_v1_CreateTenantRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_webhooks_v1_Tenant__Output>): grpc.ClientUnaryCall;
  createTenant(argument: _webhooks_v1_CreateTenantRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_webhooks_v1_Tenant__Output>): grpc.ClientUnaryCall;
  createTenant(argument: _webhooks_v1_CreateTenantRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_webhooks_v1_Tenant__Output>): grpc.ClientUnaryCall;
  createTenant(argument: _webhooks_v1_CreateTenantRequest, callback: grpc.requestCallback<_webhooks_v1_Tenant__Output>): grpc.ClientUnaryCall;
  
  GetTenant(argument: _webhooks_v1_GetTenantRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_webhooks_v1_Tenant__Output>): grpc.ClientUnaryCall;
  GetTenant(argument: _webhooks_v1_GetTenantRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_webhooks_v1_Tenant__Output>): grpc.ClientUnaryCall;
  GetTenant(argument: _webhooks_v1_GetTenantRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_webhooks_v1_Tenant__Output>): grpc.ClientUnaryCall;
  GetTenant(argument: _webhooks_v1_GetTenantRequest, callback: grpc.requestCallback<_webhooks_v1_Tenant__Output>): grpc.ClientUnaryCall;
  getTenant(argument: _webhooks_v1_GetTenantRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_webhooks_v1_Tenant__Output>): grpc.ClientUnaryCall;
  getTenant(argument: _webhooks_v1_GetTenantRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_webhooks_v1_Tenant__Output>): grpc.ClientUnaryCall;
  getTenant(argument: _webhooks_v1_GetTenantRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_webhooks_v1_Tenant__Output>): grpc.ClientUnaryCall;
  getTenant(argument: _webhooks_v1_GetTenantRequest, callback: grpc.requestCallback<_webhooks_v1_Tenant__Output>): grpc.ClientUnaryCall;
  
  ListApiKeys(argument: _webhooks_v1_ListApiKeysRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_webhooks_v1_ListApiKeysResponse__Output>): grpc.ClientUnaryCall;
  ListApiKeys(argument: _webhooks_v1_ListApiKeysRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_webhooks_v1_ListApiKeysResponse__Output>): grpc.ClientUnaryCall;
  ListApiKeys(argument: _webhooks_v1_ListApiKeysRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_webhooks_v1_ListApiKeysResponse__Output>): grpc.ClientUnaryCall;
  ListApiKeys(argument: _webhooks_v1_ListApiKeysRequest, callback: grpc.requestCallback<_webhooks_v1_ListApiKeysResponse__Output>): grpc.ClientUnaryCall;
  listApiKeys(argument: _webhooks_v1_ListApiKeysRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_webhooks_v1_ListApiKeysResponse__Output>): grpc.ClientUnaryCall;
  listApiKeys(argument: _webhooks_v1_ListApiKeysRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_webhooks_v1_ListApiKeysResponse__Output>): grpc.ClientUnaryCall;
  listApiKeys(argument: _webhooks_v1_ListApiKeysRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_webhooks_v1_ListApiKeysResponse__Output>): grpc.ClientUnaryCall;
  listApiKeys(argument: _webhooks_v1_ListApiKeysRequest, callback: grpc.requestCallback<_webhooks_v1_ListApiKeysResponse__Output>): grpc.ClientUnaryCall;
  
  ListTenants(argument: _webhooks_v1_ListTenantsRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_webhooks_v1_ListTenantsResponse__Output>): grpc.ClientUnaryCall;
  ListTenants(argument: _webhooks_v1_ListTenantsRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_webhooks_v1_ListTenantsResponse__Output>): grpc.ClientUnaryCall;
  ListTenants(argument: _webhooks_v1_ListTenantsRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_webhooks_v1_ListTenantsResponse__Output>): grpc.ClientUnaryCall;
  ListTenants(argument: _webhooks_v1_ListTenantsRequest, callback: grpc.requestCallback<_webhooks_v1_ListTenantsResponse__Output>): grpc.ClientUnaryCall;
  listTenants(argument: _webhooks_v1_ListTenantsRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_webhooks_v1_ListTenantsResponse__Output>): grpc.ClientUnaryCall;
  listTenants(argument: _webhooks_v1_ListTenantsRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_webhooks_v1_ListTenantsResponse__Output>): grpc.ClientUnaryCall;
  listTenants(argument: _webhooks_v1_ListTenantsRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_webhooks_v1_ListTenantsResponse__Output>): grpc.ClientUnaryCall;
  listTenants(argument: _webhooks_v1_ListTenantsRequest, callback: grpc.requestCallback<_webhooks_v1_ListTenantsResponse__Output>): grpc.ClientUnaryCall;
  
  RevokeApiKey(argument: _webhooks_v1_RevokeApiKeyRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_webhooks_v1_ApiKey__Output>): grpc.ClientUnaryCall;
  RevokeApiKey(argument: _webhooks_v1_RevokeApiKeyRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_webhooks_v1_ApiKey__Output>): grpc.ClientUnaryCall;
  RevokeApiKey(argument: _webhooks_v1_RevokeApiKeyRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_webhooks_v1_ApiKey__Output>): grpc.ClientUnaryCall;
  RevokeApiKey(argument: _webhooks_v1_RevokeApiKeyRequest, callback: grpc.requestCallback<_webhooks_v1_ApiKey__Output>): grpc.ClientUnaryCall;
  revokeApiKey(argument: _webhooks_v1_RevokeApiKeyRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_webhooks_v1_ApiKey__Output>): grpc.ClientUnaryCall;
  revokeApiKey(argument: _webhooks_v1_RevokeApiKeyRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_webhooks_v1_ApiKey__Output>): grpc.ClientUnaryCall;
  revokeApiKey(argument: _webhooks_v1_RevokeApiKeyRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_webhooks_v1_ApiKey__Output>): grpc.ClientUnaryCall;
  revokeApiKey(argument: _webhooks_v1_RevokeApiKeyRequest, callback: grpc.requestCallback<_webhooks_v1_ApiKey__Output>): grpc.ClientUnaryCall;
  
  UpdateTenant(argument: _webhooks_v1_UpdateTenantRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_webhooks_v1_Tenant__Output>): grpc.ClientUnaryCall;
  UpdateTenant(argument: _webhooks_v1_UpdateTenantRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_webhooks_v1_Tenant__Output>): grpc.ClientUnaryCall;
  UpdateTenant(argument: _webhooks_v1_UpdateTenantRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_webhooks_v1_Tenant__Output>): grpc.ClientUnaryCall;
  UpdateTenant(argument: _webhooks_v1_UpdateTenantRequest, callback: grpc.requestCallback<_webhooks_v1_Tenant__Output>): grpc.ClientUnaryCall;
  updateTenant(argument: _webhooks_v1_UpdateTenantRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_webhooks_v1_Tenant__Output>): grpc.ClientUnaryCall;
  updateTenant(argument: _webhooks_v1_UpdateTenantRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_webhooks_v1_Tenant__Output>): grpc.ClientUnaryCall;
  updateTenant(argument: _webhooks_v1_UpdateTenantRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_webhooks_v1_Tenant__Output>): grpc.ClientUnaryCall;
  updateTenant(argument: _webhooks_v1_UpdateTenantRequest, callback: grpc.requestCallback<_webhooks_v1_Tenant__Output>): grpc.ClientUnaryCall;
  
}

export interface TenantManagementHandlers extends grpc.UntypedServiceImplementation {
  CreateApiKey: grpc.handleUnaryCall<_webhooks_v1_CreateApiKeyRequest__Output, _webhooks_v1_CreateApiKeyResponse>;
  
  CreateTenant: grpc.handleUnaryCall<_webhooks_v1_CreateTenantRequest__Output, _webhooks_v1_Tenant>;
  
  GetTenant: grpc.handleUnaryCall<_webhooks_v1_GetTenantRequest__Output, _webhooks_v1_Tenant>;
  
  ListApiKeys: grpc.handleUnaryCall<_webhooks_v1_ListApiKeysRequest__Output, _webhooks_v1_ListApiKeysResponse>;
  
  ListTenants: grpc.handleUnaryCall<_webhooks_v1_ListTenantsRequest__Output, _webhooks_v1_ListTenantsResponse>;
  
  RevokeApiKey: grpc.handleUnaryCall<_webhooks_v1_RevokeApiKeyRequest__Output, _webhooks_v1_ApiKey>;
  
  UpdateTenant: grpc.handleUnaryCall<_webhooks_v1_UpdateTenantRequest__Output, _webhooks_v1_Tenant>;
  
}

export interface TenantManagementDefinition extends grpc.ServiceDefinition {
  CreateApiKey: MethodDefinition<_webhooks_v1_CreateApiKeyRequest, _webhooks_v1_CreateApiKeyResponse, _webhooks_v1_CreateApiKeyRequest__Output, _webhooks_v1_CreateApiKeyResponse__Output>
  CreateTenant: MethodDefinition<_webhooks_v1_CreateTenantRequest, _webhooks_v1_Tenant, _webhooks_v1_CreateTenantRequest__Output, _webhooks_v1_Tenant__Output>
  GetTenant: MethodDefinition<_webhooks_v1_GetTenantRequest, _webhooks_v1_Tenant, _webhooks_v1_GetTenantRequest__Output, _webhooks_v1_Tenant__Output>
  ListApiKeys: MethodDefinition<_webhooks_v1_ListApiKeysRequest, _webhooks_v1_ListApiKeysResponse, _webhooks_v1_ListApiKeysRequest__Output, _webhooks_v1_ListApiKeysResponse__Output>
  ListTenants: MethodDefinition<_webhooks_v1_ListTenantsRequest, _webhooks_v1_ListTenantsResponse, _webhooks_v1_ListTenantsRequest__Output, _webhooks_v1_ListTenantsResponse__Output>
  RevokeApiKey: MethodDefinition<_webhooks_v1_RevokeApiKeyRequest, _webhooks_v1_ApiKey, _webhooks_v1_RevokeApiKeyRequest__Output, _webhooks_v1_ApiKey__Output>
  UpdateTenant: MethodDefinition<_webhooks_v1_UpdateTenantRequest, _webhooks_v1_Tenant, _webhooks_v1_UpdateTenantRequest__Output, _webhooks_v1_Tenant__Output>
}
