import * as grpc from '@grpc/grpc-js';
import {
  PROTO_FILES,
  type CreateEndpointRequest,
  type CreateEndpointResponse,
  type EndpointManagementClient,
  type EndpointMessage,
  type ListEndpointsResponse,
  type ManagementProto,
  type UpdateEndpointRequest,
} from '@webhooks/contracts';
import { loadProto, unary, type ClientOptions } from './grpc';

/** Typed, promise-based client of `webhooks.v1.EndpointManagement`. */
export class ManagementClient {
  private readonly client: EndpointManagementClient;

  constructor(private readonly options: ClientOptions) {
    const proto = loadProto<ManagementProto>(PROTO_FILES.management);
    this.client = new proto.webhooks.v1.EndpointManagement(
      options.address,
      options.credentials ?? grpc.credentials.createInsecure(),
    );
  }

  createEndpoint(request: CreateEndpointRequest): Promise<CreateEndpointResponse> {
    return unary(this.client.createEndpoint.bind(this.client), request, this.options);
  }

  getEndpoint(tenantId: string, id: string): Promise<EndpointMessage> {
    return unary(this.client.getEndpoint.bind(this.client), { tenantId, id }, this.options);
  }

  listEndpoints(tenantId: string, limit = 0, cursor = ''): Promise<ListEndpointsResponse> {
    return unary(this.client.listEndpoints.bind(this.client), { tenantId, limit, cursor }, this.options);
  }

  updateEndpoint(request: UpdateEndpointRequest): Promise<EndpointMessage> {
    return unary(this.client.updateEndpoint.bind(this.client), request, this.options);
  }

  async deleteEndpoint(tenantId: string, id: string): Promise<void> {
    await unary(this.client.deleteEndpoint.bind(this.client), { tenantId, id }, this.options);
  }

  close(): void {
    this.client.close();
  }
}
