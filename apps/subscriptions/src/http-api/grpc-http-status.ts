import { status } from '@grpc/grpc-js';

/**
 * gRPC status → HTTP status, the google.rpc.Code mapping (google/rpc/code.proto, also what
 * grpc-gateway and Google's ESP use). FAILED_PRECONDITION is 400, as there: the request is valid
 * but the resource's state forbids it (a disabled endpoint); 412 is reserved in HTTP for
 * conditional requests (If-Match), which this API does not have.
 */
export const HTTP_STATUS_OF: Readonly<Record<status, number>> = {
  [status.OK]: 200,
  [status.CANCELLED]: 499,
  [status.UNKNOWN]: 500,
  [status.INVALID_ARGUMENT]: 400,
  [status.DEADLINE_EXCEEDED]: 504,
  [status.NOT_FOUND]: 404,
  [status.ALREADY_EXISTS]: 409,
  [status.PERMISSION_DENIED]: 403,
  [status.RESOURCE_EXHAUSTED]: 429,
  [status.FAILED_PRECONDITION]: 400,
  [status.ABORTED]: 409,
  [status.OUT_OF_RANGE]: 400,
  [status.UNIMPLEMENTED]: 501,
  [status.INTERNAL]: 500,
  [status.UNAVAILABLE]: 503,
  [status.DATA_LOSS]: 500,
  [status.UNAUTHENTICATED]: 401,
};

/** `INVALID_ARGUMENT` for 3; `UNKNOWN` for anything that is not a gRPC status. */
export function statusName(code: number): string {
  return (status as unknown as Record<number, string | undefined>)[code] ?? 'UNKNOWN';
}

export function httpStatusOf(code: number): number {
  return HTTP_STATUS_OF[code as status] ?? 500;
}

/** The JSON error body of every non-2xx answer of the HTTP API. */
export interface ApiErrorBody {
  /** The gRPC status name, e.g. `INVALID_ARGUMENT`. */
  code: string;
  message: string;
}

/** A refusal by the gateway itself (before or instead of a gRPC call): an HTTP status and its body. */
export class GatewayError extends Error {
  constructor(
    readonly httpStatus: number,
    readonly code: status,
    message: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
  }

  get body(): ApiErrorBody {
    return { code: statusName(this.code), message: this.message };
  }
}
