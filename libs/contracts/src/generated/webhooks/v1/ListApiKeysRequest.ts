// Original file: proto/webhooks/v1/management.proto


export interface ListApiKeysRequest {
  'tenantId'?: (string);
}

export interface ListApiKeysRequest__Output {
  'tenantId': (string);
}
