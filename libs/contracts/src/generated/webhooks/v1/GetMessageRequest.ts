// Original file: proto/webhooks/v1/management.proto


export interface GetMessageRequest {
  'tenantId'?: (string);
  'eventId'?: (string);
}

export interface GetMessageRequest__Output {
  'tenantId': (string);
  'eventId': (string);
}
