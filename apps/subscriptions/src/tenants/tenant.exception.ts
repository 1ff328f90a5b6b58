import { status } from '@grpc/grpc-js';
import { RpcException } from '@nestjs/microservices';

export enum TenantErrorCode {
  InvalidField = 'INVALID_FIELD',
  NotFound = 'NOT_FOUND',
  AlreadyExists = 'ALREADY_EXISTS',
}

const GRPC_STATUS: Record<TenantErrorCode, status> = {
  [TenantErrorCode.InvalidField]: status.INVALID_ARGUMENT,
  [TenantErrorCode.NotFound]: status.NOT_FOUND,
  [TenantErrorCode.AlreadyExists]: status.ALREADY_EXISTS,
};

/** The one place tenant, API-key and event-type errors become gRPC status codes. */
export class TenantException extends RpcException {
  constructor(
    readonly code: TenantErrorCode,
    message: string,
  ) {
    super({ code: GRPC_STATUS[code], message });
  }

  static invalid(field: string, problem: string): TenantException {
    return new TenantException(TenantErrorCode.InvalidField, `${field}: ${problem}`);
  }

  static notFound(what: string): TenantException {
    return new TenantException(TenantErrorCode.NotFound, `${what} not found`);
  }

  static exists(what: string): TenantException {
    return new TenantException(TenantErrorCode.AlreadyExists, `${what} already exists`);
  }
}
