// Original file: proto/webhooks/v1/management.proto

import type { RetryPolicy as _webhooks_v1_RetryPolicy, RetryPolicy__Output as _webhooks_v1_RetryPolicy__Output } from '../../webhooks/v1/RetryPolicy';
import type { RateLimit as _webhooks_v1_RateLimit, RateLimit__Output as _webhooks_v1_RateLimit__Output } from '../../webhooks/v1/RateLimit';

export interface CreateEndpointRequest {
  'tenantId'?: (string);
  'url'?: (string);
  'eventTypes'?: (string)[];
  'description'?: (string);
  'secret'?: (string);
  'retryPolicy'?: (_webhooks_v1_RetryPolicy | null);
  'rateLimit'?: (_webhooks_v1_RateLimit | null);
  'ordered'?: (boolean);
  'filter'?: (string);
  'transformation'?: (string);
  'headers'?: ({[key: string]: string});
  'signatureScheme'?: (string);
}

export interface CreateEndpointRequest__Output {
  'tenantId': (string);
  'url': (string);
  'eventTypes': (string)[];
  'description': (string);
  'secret': (string);
  'retryPolicy': (_webhooks_v1_RetryPolicy__Output | null);
  'rateLimit': (_webhooks_v1_RateLimit__Output | null);
  'ordered': (boolean);
  'filter': (string);
  'transformation': (string);
  'headers': ({[key: string]: string});
  'signatureScheme': (string);
}
