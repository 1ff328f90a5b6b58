// Original file: proto/webhooks/v1/management.proto

import type { ApiKey as _webhooks_v1_ApiKey, ApiKey__Output as _webhooks_v1_ApiKey__Output } from '../../webhooks/v1/ApiKey';

export interface CreateApiKeyResponse {
  'apiKey'?: (_webhooks_v1_ApiKey | null);
  'key'?: (string);
}

export interface CreateApiKeyResponse__Output {
  'apiKey': (_webhooks_v1_ApiKey__Output | null);
  'key': (string);
}
