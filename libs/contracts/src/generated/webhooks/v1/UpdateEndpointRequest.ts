// Original file: proto/webhooks/v1/management.proto

import type { StringList as _webhooks_v1_StringList, StringList__Output as _webhooks_v1_StringList__Output } from '../../webhooks/v1/StringList';
import type { RetryPolicy as _webhooks_v1_RetryPolicy, RetryPolicy__Output as _webhooks_v1_RetryPolicy__Output } from '../../webhooks/v1/RetryPolicy';
import type { RateLimit as _webhooks_v1_RateLimit, RateLimit__Output as _webhooks_v1_RateLimit__Output } from '../../webhooks/v1/RateLimit';
import type { HeaderMap as _webhooks_v1_HeaderMap, HeaderMap__Output as _webhooks_v1_HeaderMap__Output } from '../../webhooks/v1/HeaderMap';

export interface UpdateEndpointRequest {
  'tenantId'?: (string);
  'id'?: (string);
  'url'?: (string);
  'eventTypes'?: (_webhooks_v1_StringList | null);
  'description'?: (string);
  'disabled'?: (boolean);
  'retryPolicy'?: (_webhooks_v1_RetryPolicy | null);
  'rateLimit'?: (_webhooks_v1_RateLimit | null);
  'ordered'?: (boolean);
  'filter'?: (string);
  'transformation'?: (string);
  'headers'?: (_webhooks_v1_HeaderMap | null);
  '_url'?: "url";
  '_description'?: "description";
  '_disabled'?: "disabled";
  '_ordered'?: "ordered";
  '_filter'?: "filter";
  '_transformation'?: "transformation";
}

export interface UpdateEndpointRequest__Output {
  'tenantId': (string);
  'id': (string);
  'url'?: (string);
  'eventTypes': (_webhooks_v1_StringList__Output | null);
  'description'?: (string);
  'disabled'?: (boolean);
  'retryPolicy': (_webhooks_v1_RetryPolicy__Output | null);
  'rateLimit': (_webhooks_v1_RateLimit__Output | null);
  'ordered'?: (boolean);
  'filter'?: (string);
  'transformation'?: (string);
  'headers': (_webhooks_v1_HeaderMap__Output | null);
  '_url'?: "url";
  '_description'?: "description";
  '_disabled'?: "disabled";
  '_ordered'?: "ordered";
  '_filter'?: "filter";
  '_transformation'?: "transformation";
}
