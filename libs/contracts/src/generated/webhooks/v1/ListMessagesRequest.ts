// Original file: proto/webhooks/v1/management.proto


export interface ListMessagesRequest {
  'tenantId'?: (string);
  'eventType'?: (string);
  'since'?: (string);
  'until'?: (string);
  'limit'?: (number);
  'cursor'?: (string);
  '_eventType'?: "eventType";
  '_since'?: "since";
  '_until'?: "until";
}

export interface ListMessagesRequest__Output {
  'tenantId': (string);
  'eventType'?: (string);
  'since'?: (string);
  'until'?: (string);
  'limit': (number);
  'cursor': (string);
  '_eventType'?: "eventType";
  '_since'?: "since";
  '_until'?: "until";
}
