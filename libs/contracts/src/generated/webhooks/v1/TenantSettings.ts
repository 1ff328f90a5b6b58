// Original file: proto/webhooks/v1/management.proto

import type { RateLimit as _webhooks_v1_RateLimit, RateLimit__Output as _webhooks_v1_RateLimit__Output } from '../../webhooks/v1/RateLimit';

export interface TenantSettings {
  'ingestQuota'?: (_webhooks_v1_RateLimit | null);
  'verifyEndpoints'?: (boolean);
  '_verifyEndpoints'?: "verifyEndpoints";
}

export interface TenantSettings__Output {
  'ingestQuota': (_webhooks_v1_RateLimit__Output | null);
  'verifyEndpoints'?: (boolean);
  '_verifyEndpoints'?: "verifyEndpoints";
}
