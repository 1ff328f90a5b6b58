// Original file: proto/webhooks/v1/management.proto


export interface CreateEventTypeRequest {
  'tenantId'?: (string);
  'name'?: (string);
  'description'?: (string);
  'schema'?: (string);
}

export interface CreateEventTypeRequest__Output {
  'tenantId': (string);
  'name': (string);
  'description': (string);
  'schema': (string);
}
