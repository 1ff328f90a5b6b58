// Original file: proto/webhooks/v1/management.proto


export interface DeleteEndpointRequest {
  'tenantId'?: (string);
  'id'?: (string);
}

export interface DeleteEndpointRequest__Output {
  'tenantId': (string);
  'id': (string);
}
