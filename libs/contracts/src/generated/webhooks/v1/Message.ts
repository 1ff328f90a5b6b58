// Original file: proto/webhooks/v1/management.proto


export interface Message {
  'eventId'?: (string);
  'tenantId'?: (string);
  'eventType'?: (string);
  'publishedAt'?: (string);
  'payload'?: (Buffer | Uint8Array | string);
}

export interface Message__Output {
  'eventId': (string);
  'tenantId': (string);
  'eventType': (string);
  'publishedAt': (string);
  'payload': (Buffer);
}
