import * as grpc from '@grpc/grpc-js';
import {
  PROTO_FILES,
  type CreateEndpointRequest,
  type CreateEndpointResponse,
  type EndpointManagementClient,
  type EndpointMessage,
  type EndpointSecret,
  type ListEndpointsResponse,
  type ManagementProto,
  type RecoverFailedRequest,
  type RedriveDeadLettersRequest,
  type ReplayResponse,
  type ResendMessageRequest,
  type RotateEndpointSecretRequest,
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

  /** The current signing secret (HMAC schemes) or public key (ed25519), and the previous one's end. */
  getEndpointSecret(tenantId: string, id: string): Promise<EndpointSecret> {
    return unary(this.client.getEndpointSecret.bind(this.client), { tenantId, id }, this.options);
  }

  /** Replaces the signing secret; the old one keeps signing for the grace period (same scheme only). */
  rotateEndpointSecret(request: RotateEndpointSecretRequest): Promise<EndpointSecret> {
    return unary(this.client.rotateEndpointSecret.bind(this.client), request, this.options);
  }

  /**
   * Sends the ownership challenge again to a pending endpoint; resolves with the endpoint afterwards.
   * The receiver has 10 s to answer, so the deadline is at least 15 s.
   */
  verifyEndpoint(tenantId: string, id: string): Promise<EndpointMessage> {
    return unary(
      this.client.verifyEndpoint.bind(this.client),
      { tenantId, id },
      { ...this.options, deadlineMs: Math.max(this.options.deadlineMs ?? 0, 15_000) },
    );
  }

  /** Sends one message to one endpoint again, with its original `webhook-id`. */
  resendMessage(request: ResendMessageRequest): Promise<ReplayResponse> {
    return unary(this.client.resendMessage.bind(this.client), request, this.options);
  }

  /**
   * Re-queues dead letters (of one endpoint and a time range, if given). It reads the DLQ
   * topic, which takes longer than a lookup: the deadline is at least 90 s.
   */
  redriveDeadLetters(request: RedriveDeadLettersRequest): Promise<ReplayResponse> {
    return unary(this.client.redriveDeadLetters.bind(this.client), request, {
      ...this.options,
      deadlineMs: Math.max(this.options.deadlineMs ?? 0, 90_000),
    });
  }

  /** Re-queues every message dead-lettered for the endpoint since a time and not delivered since. */
  recoverFailed(request: RecoverFailedRequest): Promise<ReplayResponse> {
    return unary(this.client.recoverFailed.bind(this.client), request, {
      ...this.options,
      deadlineMs: Math.max(this.options.deadlineMs ?? 0, 60_000),
    });
  }

  close(): void {
    this.client.close();
  }
}
