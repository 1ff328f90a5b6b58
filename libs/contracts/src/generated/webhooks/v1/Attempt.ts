// Original file: proto/webhooks/v1/management.proto


export interface Attempt {
  'messageId'?: (string);
  'eventId'?: (string);
  'tenantId'?: (string);
  'eventType'?: (string);
  'endpointId'?: (string);
  'attempt'?: (number);
  'outcome'?: (string);
  'statusCode'?: (number);
  'error'?: (string);
  'durationMs'?: (number);
  'attemptedAt'?: (string);
  'requestHeaders'?: ({[key: string]: string});
  'responseBody'?: (string);
}

export interface Attempt__Output {
  'messageId': (string);
  'eventId': (string);
  'tenantId': (string);
  'eventType': (string);
  'endpointId': (string);
  'attempt': (number);
  'outcome': (string);
  'statusCode': (number);
  'error': (string);
  'durationMs': (number);
  'attemptedAt': (string);
  'requestHeaders': ({[key: string]: string});
  'responseBody': (string);
}
