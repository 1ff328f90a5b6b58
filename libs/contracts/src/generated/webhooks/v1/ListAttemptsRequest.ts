// Original file: proto/webhooks/v1/management.proto


export interface ListAttemptsRequest {
  'tenantId'?: (string);
  'endpointId'?: (string);
  'eventId'?: (string);
  'outcome'?: (string);
  'since'?: (string);
  'until'?: (string);
  'limit'?: (number);
  'cursor'?: (string);
  '_endpointId'?: "endpointId";
  '_eventId'?: "eventId";
  '_outcome'?: "outcome";
  '_since'?: "since";
  '_until'?: "until";
}

export interface ListAttemptsRequest__Output {
  'tenantId': (string);
  'endpointId'?: (string);
  'eventId'?: (string);
  'outcome'?: (string);
  'since'?: (string);
  'until'?: (string);
  'limit': (number);
  'cursor': (string);
  '_endpointId'?: "endpointId";
  '_eventId'?: "eventId";
  '_outcome'?: "outcome";
  '_since'?: "since";
  '_until'?: "until";
}
