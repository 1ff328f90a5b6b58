// Original file: proto/webhooks/v1/management.proto


export interface VerifyEndpointRequest {
  'tenantId'?: (string);
  'id'?: (string);
}

export interface VerifyEndpointRequest__Output {
  'tenantId': (string);
  'id': (string);
}
