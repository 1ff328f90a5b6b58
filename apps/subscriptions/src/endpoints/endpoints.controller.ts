import type { Metadata } from '@grpc/grpc-js';
import { Controller, Inject } from '@nestjs/common';
import { GrpcMethod } from '@nestjs/microservices';
import { scopedToCaller } from '@webhooks/auth';
import type {
  CreateEndpointRequest__Output,
  CreateEndpointResponse,
  DeleteEndpointRequest__Output,
  EndpointMessage,
  EndpointSecret,
  GetEndpointRequest__Output,
  GetEndpointSecretRequest__Output,
  ListEndpointsRequest__Output,
  ListEndpointsResponse,
  RotateEndpointSecretRequest__Output,
  UpdateEndpointRequest__Output,
  VerifyEndpointRequest__Output,
} from '@webhooks/contracts';
import { SUBSCRIPTIONS_CONFIG, type SubscriptionsConfig } from '../subscriptions.config';
import {
  CreateEndpointCommand,
  RotateEndpointSecretCommand,
  UpdateEndpointCommand,
  validEndpointId,
  validTenantId,
  type UrlPolicy,
} from './endpoint.commands';
import {
  CreateEndpointUseCase,
  DeleteEndpointUseCase,
  GetEndpointSecretUseCase,
  GetEndpointUseCase,
  ListEndpointsUseCase,
  RotateEndpointSecretUseCase,
  UpdateEndpointUseCase,
  VerifyEndpointUseCase,
} from './usecases/endpoint-usecases';

/** gRPC `webhooks.v1.EndpointManagement`: maps requests to commands and use cases. */
@Controller()
export class EndpointsController {
  private readonly urlPolicy: UrlPolicy;

  constructor(
    private readonly createEndpoint: CreateEndpointUseCase,
    private readonly getEndpoint: GetEndpointUseCase,
    private readonly listEndpoints: ListEndpointsUseCase,
    private readonly updateEndpoint: UpdateEndpointUseCase,
    private readonly deleteEndpoint: DeleteEndpointUseCase,
    private readonly getEndpointSecret: GetEndpointSecretUseCase,
    private readonly rotateEndpointSecret: RotateEndpointSecretUseCase,
    private readonly verifyEndpoint: VerifyEndpointUseCase,
    @Inject(SUBSCRIPTIONS_CONFIG) config: SubscriptionsConfig,
  ) {
    this.urlPolicy = { allowHttp: config.ALLOW_HTTP_ENDPOINTS, allowCidrs: config.SSRF_ALLOW_CIDRS };
  }

  @GrpcMethod('EndpointManagement', 'CreateEndpoint')
  create(request: CreateEndpointRequest__Output, metadata: Metadata): Promise<CreateEndpointResponse> {
    request = scopedToCaller(request, metadata);
    return this.createEndpoint.execute(CreateEndpointCommand.from(request, this.urlPolicy));
  }

  @GrpcMethod('EndpointManagement', 'GetEndpoint')
  get(request: GetEndpointRequest__Output, metadata: Metadata): Promise<EndpointMessage> {
    request = scopedToCaller(request, metadata);
    return this.getEndpoint.execute(validTenantId(request.tenantId), validEndpointId(request.id));
  }

  @GrpcMethod('EndpointManagement', 'ListEndpoints')
  list(request: ListEndpointsRequest__Output, metadata: Metadata): Promise<ListEndpointsResponse> {
    request = scopedToCaller(request, metadata);
    return this.listEndpoints.execute(validTenantId(request.tenantId), request.limit ?? 0, request.cursor ?? '');
  }

  @GrpcMethod('EndpointManagement', 'UpdateEndpoint')
  update(request: UpdateEndpointRequest__Output, metadata: Metadata): Promise<EndpointMessage> {
    request = scopedToCaller(request, metadata);
    return this.updateEndpoint.execute(UpdateEndpointCommand.from(request, this.urlPolicy));
  }

  @GrpcMethod('EndpointManagement', 'DeleteEndpoint')
  async delete(request: DeleteEndpointRequest__Output, metadata: Metadata): Promise<Record<string, never>> {
    request = scopedToCaller(request, metadata);
    await this.deleteEndpoint.execute(validTenantId(request.tenantId), validEndpointId(request.id));
    return {};
  }

  @GrpcMethod('EndpointManagement', 'GetEndpointSecret')
  getSecret(request: GetEndpointSecretRequest__Output, metadata: Metadata): Promise<EndpointSecret> {
    request = scopedToCaller(request, metadata);
    return this.getEndpointSecret.execute(validTenantId(request.tenantId), validEndpointId(request.id));
  }

  @GrpcMethod('EndpointManagement', 'RotateEndpointSecret')
  rotateSecret(request: RotateEndpointSecretRequest__Output, metadata: Metadata): Promise<EndpointSecret> {
    request = scopedToCaller(request, metadata);
    return this.rotateEndpointSecret.execute(RotateEndpointSecretCommand.from(request));
  }

  @GrpcMethod('EndpointManagement', 'VerifyEndpoint')
  verify(request: VerifyEndpointRequest__Output, metadata: Metadata): Promise<EndpointMessage> {
    request = scopedToCaller(request, metadata);
    return this.verifyEndpoint.execute(validTenantId(request.tenantId), validEndpointId(request.id));
  }
}
