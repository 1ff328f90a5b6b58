// Original file: proto/webhooks/v1/management.proto


export interface EndpointSecret {
  'signatureScheme'?: (string);
  'secret'?: (string);
  'publicKey'?: (string);
  'previousValidUntil'?: (string);
}

export interface EndpointSecret__Output {
  'signatureScheme': (string);
  'secret': (string);
  'publicKey': (string);
  'previousValidUntil': (string);
}
