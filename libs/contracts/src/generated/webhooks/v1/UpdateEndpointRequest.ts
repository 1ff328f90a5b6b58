// Original file: proto/webhooks/v1/management.proto

import type { StringList as _webhooks_v1_StringList, StringList__Output as _webhooks_v1_StringList__Output } from '../../webhooks/v1/StringList';

export interface UpdateEndpointRequest {
  'tenantId'?: (string);
  'id'?: (string);
  'url'?: (string);
  'eventTypes'?: (_webhooks_v1_StringList | null);
  'description'?: (string);
  'disabled'?: (boolean);
  '_url'?: "url";
  '_description'?: "description";
  '_disabled'?: "disabled";
}

export interface UpdateEndpointRequest__Output {
  'tenantId': (string);
  'id': (string);
  'url'?: (string);
  'eventTypes': (_webhooks_v1_StringList__Output | null);
  'description'?: (string);
  'disabled'?: (boolean);
  '_url'?: "url";
  '_description'?: "description";
  '_disabled'?: "disabled";
}
