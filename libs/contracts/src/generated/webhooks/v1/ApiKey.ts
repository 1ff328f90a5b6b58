// Original file: proto/webhooks/v1/management.proto


export interface ApiKey {
  'id'?: (string);
  'tenantId'?: (string);
  'name'?: (string);
  'admin'?: (boolean);
  'createdAt'?: (string);
  'revokedAt'?: (string);
}

export interface ApiKey__Output {
  'id': (string);
  'tenantId': (string);
  'name': (string);
  'admin': (boolean);
  'createdAt': (string);
  'revokedAt': (string);
}
