import { status } from '@grpc/grpc-js';
import { RpcException } from '@nestjs/microservices';

export enum DeliveryLogErrorCode {
  InvalidField = 'INVALID_FIELD',
  NotFound = 'NOT_FOUND',
}

const GRPC_STATUS: Record<DeliveryLogErrorCode, status> = {
  [DeliveryLogErrorCode.InvalidField]: status.INVALID_ARGUMENT,
  // Another tenant's message is NOT_FOUND too: existence is not disclosed across tenants.
  [DeliveryLogErrorCode.NotFound]: status.NOT_FOUND,
};

/** The one place delivery-log errors become gRPC status codes. */
export class DeliveryLogException extends RpcException {
  constructor(
    readonly code: DeliveryLogErrorCode,
    message: string,
  ) {
    super({ code: GRPC_STATUS[code], message });
  }

  static invalid(field: string, problem: string): DeliveryLogException {
    return new DeliveryLogException(DeliveryLogErrorCode.InvalidField, `${field}: ${problem}`);
  }

  static messageNotFound(eventId: string): DeliveryLogException {
    return new DeliveryLogException(DeliveryLogErrorCode.NotFound, `message ${eventId} not found`);
  }
}
