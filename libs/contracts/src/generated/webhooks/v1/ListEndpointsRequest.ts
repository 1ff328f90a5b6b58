// Original file: proto/webhooks/v1/management.proto


export interface ListEndpointsRequest {
  'tenantId'?: (string);
  'limit'?: (number);
  'cursor'?: (string);
}

export interface ListEndpointsRequest__Output {
  'tenantId': (string);
  'limit': (number);
  'cursor': (string);
}
