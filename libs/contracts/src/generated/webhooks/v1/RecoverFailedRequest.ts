// Original file: proto/webhooks/v1/management.proto


export interface RecoverFailedRequest {
  'tenantId'?: (string);
  'endpointId'?: (string);
  'since'?: (string);
}

export interface RecoverFailedRequest__Output {
  'tenantId': (string);
  'endpointId': (string);
  'since': (string);
}
