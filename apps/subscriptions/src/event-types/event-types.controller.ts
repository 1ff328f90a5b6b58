import type { Metadata } from '@grpc/grpc-js';
import { Controller } from '@nestjs/common';
import { GrpcMethod } from '@nestjs/microservices';
import { principalOf, tenantFor } from '@webhooks/auth';
import type {
  CreateEventTypeRequest__Output,
  DeleteEventTypeRequest__Output,
  EventType,
  GetEventTypeRequest__Output,
  ListEventTypesRequest__Output,
  ListEventTypesResponse,
  UpdateEventTypeRequest__Output,
} from '@webhooks/contracts';
import { validTenantId } from '../tenants/tenant.commands';
import { EventTypeUseCases } from './usecases/event-type-usecases';

/** gRPC `webhooks.v1.EventTypes`. */
@Controller()
export class EventTypesController {
  constructor(private readonly eventTypes: EventTypeUseCases) {}

  private tenant(metadata: Metadata, requested: string | undefined): string {
    return validTenantId(tenantFor(principalOf(metadata), requested));
  }

  @GrpcMethod('EventTypes', 'CreateEventType')
  create(request: CreateEventTypeRequest__Output, metadata: Metadata): Promise<EventType> {
    return this.eventTypes.create(this.tenant(metadata, request.tenantId), request);
  }

  @GrpcMethod('EventTypes', 'GetEventType')
  get(request: GetEventTypeRequest__Output, metadata: Metadata): Promise<EventType> {
    return this.eventTypes.get(this.tenant(metadata, request.tenantId), request.name ?? '');
  }

  @GrpcMethod('EventTypes', 'ListEventTypes')
  list(request: ListEventTypesRequest__Output, metadata: Metadata): Promise<ListEventTypesResponse> {
    return this.eventTypes.list(this.tenant(metadata, request.tenantId), request.limit ?? 0, request.cursor ?? '');
  }

  @GrpcMethod('EventTypes', 'UpdateEventType')
  update(request: UpdateEventTypeRequest__Output, metadata: Metadata): Promise<EventType> {
    return this.eventTypes.update(this.tenant(metadata, request.tenantId), request);
  }

  @GrpcMethod('EventTypes', 'DeleteEventType')
  async delete(request: DeleteEventTypeRequest__Output, metadata: Metadata): Promise<Record<string, never>> {
    await this.eventTypes.delete(this.tenant(metadata, request.tenantId), request.name ?? '');
    return {};
  }
}
