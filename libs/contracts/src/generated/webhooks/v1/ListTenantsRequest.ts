// Original file: proto/webhooks/v1/management.proto


export interface ListTenantsRequest {
  'limit'?: (number);
  'cursor'?: (string);
}

export interface ListTenantsRequest__Output {
  'limit': (number);
  'cursor': (string);
}
