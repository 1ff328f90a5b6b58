import type { Metadata } from '@grpc/grpc-js';
import { Controller } from '@nestjs/common';
import { GrpcMethod } from '@nestjs/microservices';
import { principalOf } from '@webhooks/auth';
import type {
  ApiKey,
  CreateApiKeyRequest__Output,
  CreateApiKeyResponse,
  CreateTenantRequest__Output,
  GetTenantRequest__Output,
  ListApiKeysRequest__Output,
  ListApiKeysResponse,
  ListTenantsRequest__Output,
  ListTenantsResponse,
  RevokeApiKeyRequest__Output,
  Tenant,
  UpdateTenantRequest__Output,
} from '@webhooks/contracts';
import { settingsChange, validName, validTenantId } from './tenant.commands';
import { TenantUseCases } from './usecases/tenant-usecases';

/** gRPC `webhooks.v1.TenantManagement`: maps requests to use cases. */
@Controller()
export class TenantsController {
  constructor(private readonly tenants: TenantUseCases) {}

  @GrpcMethod('TenantManagement', 'CreateTenant')
  create(request: CreateTenantRequest__Output, metadata: Metadata): Promise<Tenant> {
    return this.tenants.create(principalOf(metadata), validTenantId(request.tenantId), {
      name: validName(request.name),
      ...settingsChange(request.settings),
    });
  }

  @GrpcMethod('TenantManagement', 'GetTenant')
  get(request: GetTenantRequest__Output, metadata: Metadata): Promise<Tenant> {
    return this.tenants.get(principalOf(metadata), request.tenantId ?? '');
  }

  @GrpcMethod('TenantManagement', 'ListTenants')
  list(request: ListTenantsRequest__Output, metadata: Metadata): Promise<ListTenantsResponse> {
    return this.tenants.list(principalOf(metadata), request.limit ?? 0, request.cursor ?? '');
  }

  @GrpcMethod('TenantManagement', 'UpdateTenant')
  update(request: UpdateTenantRequest__Output, metadata: Metadata): Promise<Tenant> {
    const change = settingsChange(request.settings);
    if (request.name !== undefined) change.name = validName(request.name);
    return this.tenants.update(principalOf(metadata), validTenantId(request.tenantId), change);
  }

  @GrpcMethod('TenantManagement', 'CreateApiKey')
  createKey(request: CreateApiKeyRequest__Output, metadata: Metadata): Promise<CreateApiKeyResponse> {
    return this.tenants.createKey(
      principalOf(metadata),
      request.tenantId ?? '',
      validName(request.name),
      !!request.admin,
    );
  }

  @GrpcMethod('TenantManagement', 'ListApiKeys')
  listKeys(request: ListApiKeysRequest__Output, metadata: Metadata): Promise<ListApiKeysResponse> {
    return this.tenants.listKeys(principalOf(metadata), request.tenantId ?? '');
  }

  @GrpcMethod('TenantManagement', 'RevokeApiKey')
  revokeKey(request: RevokeApiKeyRequest__Output, metadata: Metadata): Promise<ApiKey> {
    return this.tenants.revokeKey(principalOf(metadata), request.id ?? '');
  }
}
