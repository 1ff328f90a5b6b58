// Original file: proto/webhooks/v1/management.proto


export interface ListEventTypesRequest {
  'tenantId'?: (string);
  'limit'?: (number);
  'cursor'?: (string);
}

export interface ListEventTypesRequest__Output {
  'tenantId': (string);
  'limit': (number);
  'cursor': (string);
}
