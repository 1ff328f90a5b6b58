// Original file: proto/webhooks/v1/ingestion.proto


export interface PublishRequest {
  'tenantId'?: (string);
  'eventType'?: (string);
  'payload'?: (Buffer | Uint8Array | string);
  'idempotencyKey'?: (string);
}

export interface PublishRequest__Output {
  'tenantId': (string);
  'eventType': (string);
  'payload': (Buffer);
  'idempotencyKey': (string);
}
