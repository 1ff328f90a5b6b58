// Original file: proto/webhooks/v1/management.proto


export interface RotateEndpointSecretRequest {
  'tenantId'?: (string);
  'id'?: (string);
  'secret'?: (string);
  'signatureScheme'?: (string);
  'gracePeriodMs'?: (number);
  '_signatureScheme'?: "signatureScheme";
  '_gracePeriodMs'?: "gracePeriodMs";
}

export interface RotateEndpointSecretRequest__Output {
  'tenantId': (string);
  'id': (string);
  'secret': (string);
  'signatureScheme'?: (string);
  'gracePeriodMs'?: (number);
  '_signatureScheme'?: "signatureScheme";
  '_gracePeriodMs'?: "gracePeriodMs";
}
