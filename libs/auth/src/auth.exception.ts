import { status } from '@grpc/grpc-js';
import { RpcException } from '@nestjs/microservices';

export enum AuthErrorCode {
  Unauthenticated = 'UNAUTHENTICATED',
  Forbidden = 'FORBIDDEN',
  Unavailable = 'UNAVAILABLE',
}

const GRPC_STATUS: Record<AuthErrorCode, status> = {
  [AuthErrorCode.Unauthenticated]: status.UNAUTHENTICATED,
  [AuthErrorCode.Forbidden]: status.PERMISSION_DENIED,
  [AuthErrorCode.Unavailable]: status.UNAVAILABLE,
};

/** The one place authentication and authorization failures become gRPC status codes. */
export class AuthException extends RpcException {
  constructor(
    readonly code: AuthErrorCode,
    message: string,
  ) {
    super({ code: GRPC_STATUS[code], message });
  }

  static unauthenticated(why: string): AuthException {
    return new AuthException(AuthErrorCode.Unauthenticated, why);
  }

  static unavailable(why: string): AuthException {
    return new AuthException(AuthErrorCode.Unavailable, why);
  }

  static forbidden(why: string): AuthException {
    return new AuthException(AuthErrorCode.Forbidden, why);
  }
}
