// Original file: proto/webhooks/v1/management.proto


export interface DeleteEventTypeRequest {
  'tenantId'?: (string);
  'name'?: (string);
}

export interface DeleteEventTypeRequest__Output {
  'tenantId': (string);
  'name': (string);
}
