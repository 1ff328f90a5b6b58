// Original file: proto/webhooks/v1/management.proto


export interface GetEventTypeRequest {
  'tenantId'?: (string);
  'name'?: (string);
}

export interface GetEventTypeRequest__Output {
  'tenantId': (string);
  'name': (string);
}
