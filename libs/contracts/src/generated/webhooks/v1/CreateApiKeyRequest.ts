// Original file: proto/webhooks/v1/management.proto


export interface CreateApiKeyRequest {
  'tenantId'?: (string);
  'name'?: (string);
  'admin'?: (boolean);
}

export interface CreateApiKeyRequest__Output {
  'tenantId': (string);
  'name': (string);
  'admin': (boolean);
}
