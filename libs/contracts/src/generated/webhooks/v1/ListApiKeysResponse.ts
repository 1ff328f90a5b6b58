// Original file: proto/webhooks/v1/management.proto

import type { ApiKey as _webhooks_v1_ApiKey, ApiKey__Output as _webhooks_v1_ApiKey__Output } from '../../webhooks/v1/ApiKey';

export interface ListApiKeysResponse {
  'apiKeys'?: (_webhooks_v1_ApiKey)[];
}

export interface ListApiKeysResponse__Output {
  'apiKeys': (_webhooks_v1_ApiKey__Output)[];
}
