// Original file: proto/webhooks/v1/management.proto


export interface RateLimit {
  'perSecond'?: (number);
  'burst'?: (number);
}

export interface RateLimit__Output {
  'perSecond': (number);
  'burst': (number);
}
