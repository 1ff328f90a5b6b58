import { status } from '@grpc/grpc-js';
import { RpcException } from '@nestjs/microservices';

export enum EndpointErrorCode {
  InvalidField = 'INVALID_FIELD',
  NotFound = 'NOT_FOUND',
  Disabled = 'DISABLED',
  TimedOut = 'TIMED_OUT',
  Unprocessable = 'UNPROCESSABLE',
}

const GRPC_STATUS: Record<EndpointErrorCode, status> = {
  [EndpointErrorCode.InvalidField]: status.INVALID_ARGUMENT,
  // Another tenant's endpoint is NOT_FOUND too: existence is not disclosed across tenants.
  [EndpointErrorCode.NotFound]: status.NOT_FOUND,
  // The request is fine but the endpoint's state forbids it: re-enable it, then retry.
  [EndpointErrorCode.Disabled]: status.FAILED_PRECONDITION,
  [EndpointErrorCode.TimedOut]: status.DEADLINE_EXCEEDED,
  // e.g. the endpoint's transformation fails on this message.
  [EndpointErrorCode.Unprocessable]: status.FAILED_PRECONDITION,
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

  /** A payload rule refused by @webhooks/payload-rules: its message already names the field and place. */
  static invalidRule(message: string): EndpointException {
    return new EndpointException(EndpointErrorCode.InvalidField, message);
  }

  static notFound(id: string): EndpointException {
    return new EndpointException(EndpointErrorCode.NotFound, `endpoint ${id} not found`);
  }

  static messageNotFound(eventId: string): EndpointException {
    return new EndpointException(EndpointErrorCode.NotFound, `message ${eventId} not found`);
  }

  /** The request is valid but the endpoint's current configuration cannot serve it. */
  static failedPrecondition(why: string): EndpointException {
    return new EndpointException(EndpointErrorCode.Unprocessable, why);
  }

  static disabled(id: string): EndpointException {
    return new EndpointException(EndpointErrorCode.Disabled, `endpoint ${id} is disabled; enable it first`);
  }

  static timedOut(what: string): EndpointException {
    return new EndpointException(EndpointErrorCode.TimedOut, what);
  }
}
