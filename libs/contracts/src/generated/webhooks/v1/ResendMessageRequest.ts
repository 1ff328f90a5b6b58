// Original file: proto/webhooks/v1/management.proto


export interface ResendMessageRequest {
  'tenantId'?: (string);
  'endpointId'?: (string);
  'eventId'?: (string);
}

export interface ResendMessageRequest__Output {
  'tenantId': (string);
  'endpointId': (string);
  'eventId': (string);
}
