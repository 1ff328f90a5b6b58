// Original file: proto/webhooks/v1/management.proto


export interface GetEndpointRequest {
  'tenantId'?: (string);
  'id'?: (string);
}

export interface GetEndpointRequest__Output {
  'tenantId': (string);
  'id': (string);
}
