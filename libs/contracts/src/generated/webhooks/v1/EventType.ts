// Original file: proto/webhooks/v1/management.proto


export interface EventType {
  'tenantId'?: (string);
  'name'?: (string);
  'description'?: (string);
  'schema'?: (string);
  'createdAt'?: (string);
  'updatedAt'?: (string);
}

export interface EventType__Output {
  'tenantId': (string);
  'name': (string);
  'description': (string);
  'schema': (string);
  'createdAt': (string);
  'updatedAt': (string);
}
