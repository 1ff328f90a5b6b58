// Original file: proto/webhooks/v1/management.proto


export interface RedriveDeadLettersRequest {
  'tenantId'?: (string);
  'endpointId'?: (string);
  'since'?: (string);
  'until'?: (string);
  '_endpointId'?: "endpointId";
  '_since'?: "since";
  '_until'?: "until";
}

export interface RedriveDeadLettersRequest__Output {
  'tenantId': (string);
  'endpointId'?: (string);
  'since'?: (string);
  'until'?: (string);
  '_endpointId'?: "endpointId";
  '_since'?: "since";
  '_until'?: "until";
}
