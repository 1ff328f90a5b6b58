// Original file: proto/webhooks/v1/management.proto


export interface GetEndpointSecretRequest {
  'tenantId'?: (string);
  'id'?: (string);
}

export interface GetEndpointSecretRequest__Output {
  'tenantId': (string);
  'id': (string);
}
