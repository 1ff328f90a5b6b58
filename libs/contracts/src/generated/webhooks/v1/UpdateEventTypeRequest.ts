// Original file: proto/webhooks/v1/management.proto


export interface UpdateEventTypeRequest {
  'tenantId'?: (string);
  'name'?: (string);
  'description'?: (string);
  'schema'?: (string);
  '_description'?: "description";
  '_schema'?: "schema";
}

export interface UpdateEventTypeRequest__Output {
  'tenantId': (string);
  'name': (string);
  'description'?: (string);
  'schema'?: (string);
  '_description'?: "description";
  '_schema'?: "schema";
}
