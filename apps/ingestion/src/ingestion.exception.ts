import { status } from '@grpc/grpc-js';
import { RpcException } from '@nestjs/microservices';

/** Why ingestion refused a call. */
export enum IngestionErrorCode {
  InvalidField = 'INVALID_FIELD',
  KafkaUnavailable = 'KAFKA_UNAVAILABLE',
  QuotaExceeded = 'QUOTA_EXCEEDED',
}

const GRPC_STATUS: Record<IngestionErrorCode, status> = {
  [IngestionErrorCode.InvalidField]: status.INVALID_ARGUMENT,
  // Nothing was acknowledged: the caller may retry with the same idempotency key.
  [IngestionErrorCode.KafkaUnavailable]: status.UNAVAILABLE,
  // Nothing was written; retry after a while (the tenant's quota refills continuously).
  [IngestionErrorCode.QuotaExceeded]: status.RESOURCE_EXHAUSTED,
};

/** The one place ingestion errors become gRPC status codes. */
export class IngestionException extends RpcException {
  /**
   * Bounded metric label: `kafka_unavailable` or `invalid_<field>` with the field's base name
   * (`events[3].payload` -> `invalid_payload`).
   */
  readonly reason: string;

  constructor(
    readonly code: IngestionErrorCode,
    message: string,
    field?: string,
  ) {
    super({ code: GRPC_STATUS[code], message });
    this.reason = field ? `invalid_${field.replace(/^events\[\d+\]\./, '')}` : code.toLowerCase();
  }

  static invalid(field: string, problem: string): IngestionException {
    return new IngestionException(IngestionErrorCode.InvalidField, `${field}: ${problem}`, field);
  }
}
