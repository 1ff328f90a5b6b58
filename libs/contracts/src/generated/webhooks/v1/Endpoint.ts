// Original file: proto/webhooks/v1/management.proto

import type { RetryPolicy as _webhooks_v1_RetryPolicy, RetryPolicy__Output as _webhooks_v1_RetryPolicy__Output } from '../../webhooks/v1/RetryPolicy';
import type { RateLimit as _webhooks_v1_RateLimit, RateLimit__Output as _webhooks_v1_RateLimit__Output } from '../../webhooks/v1/RateLimit';
import type { Long } from '@grpc/proto-loader';

export interface Endpoint {
  'id'?: (string);
  'tenantId'?: (string);
  'url'?: (string);
  'eventTypes'?: (string)[];
  'description'?: (string);
  'disabled'?: (boolean);
  'version'?: (number | string | Long);
  'createdAt'?: (string);
  'updatedAt'?: (string);
  'retryPolicy'?: (_webhooks_v1_RetryPolicy | null);
  'rateLimit'?: (_webhooks_v1_RateLimit | null);
  'ordered'?: (boolean);
  'disabledReason'?: (string);
  'filter'?: (string);
  'transformation'?: (string);
  'headers'?: ({[key: string]: string});
  'signatureScheme'?: (string);
  'status'?: (string);
  'verificationError'?: (string);
}

export interface Endpoint__Output {
  'id': (string);
  'tenantId': (string);
  'url': (string);
  'eventTypes': (string)[];
  'description': (string);
  'disabled': (boolean);
  'version': (string);
  'createdAt': (string);
  'updatedAt': (string);
  'retryPolicy': (_webhooks_v1_RetryPolicy__Output | null);
  'rateLimit': (_webhooks_v1_RateLimit__Output | null);
  'ordered': (boolean);
  'disabledReason': (string);
  'filter': (string);
  'transformation': (string);
  'headers': ({[key: string]: string});
  'signatureScheme': (string);
  'status': (string);
  'verificationError': (string);
}
