// Original file: proto/webhooks/v1/management.proto


export interface RetryPolicy {
  'kind'?: (string);
  'intervalMs'?: (number);
  'multiplier'?: (number | string);
  'maxIntervalMs'?: (number);
  'maxAttempts'?: (number);
  'maxAgeMs'?: (number);
  'jitter'?: (number | string);
  'giveUpOnClientErrors'?: (boolean);
}

export interface RetryPolicy__Output {
  'kind': (string);
  'intervalMs': (number);
  'multiplier': (number);
  'maxIntervalMs': (number);
  'maxAttempts': (number);
  'maxAgeMs': (number);
  'jitter': (number);
  'giveUpOnClientErrors': (boolean);
}
