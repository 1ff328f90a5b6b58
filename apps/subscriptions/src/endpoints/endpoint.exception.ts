import { status } from '@grpc/grpc-js';
import { RpcException } from '@nestjs/microservices';

export enum EndpointErrorCode {
  InvalidField = 'INVALID_FIELD',
  NotFound = 'NOT_FOUND',
}

const GRPC_STATUS: Record<EndpointErrorCode, status> = {
  [EndpointErrorCode.InvalidField]: status.INVALID_ARGUMENT,
  // Another tenant's endpoint is NOT_FOUND too: existence is not disclosed across tenants.
  [EndpointErrorCode.NotFound]: status.NOT_FOUND,
};

/** The one place endpoint-management errors become gRPC status codes. */
export class EndpointException extends RpcException {
  constructor(
    readonly code: EndpointErrorCode,
    message: string,
  ) {
    super({ code: GRPC_STATUS[code], message });
  }

  static invalid(field: string, problem: string): EndpointException {
    return new EndpointException(EndpointErrorCode.InvalidField, `${field}: ${problem}`);
  }

  static notFound(id: string): EndpointException {
    return new EndpointException(EndpointErrorCode.NotFound, `endpoint ${id} not found`);
  }
}
