// Original file: proto/webhooks/v1/management.proto

import type { TenantSettings as _webhooks_v1_TenantSettings, TenantSettings__Output as _webhooks_v1_TenantSettings__Output } from '../../webhooks/v1/TenantSettings';

export interface CreateTenantRequest {
  'tenantId'?: (string);
  'name'?: (string);
  'settings'?: (_webhooks_v1_TenantSettings | null);
}

export interface CreateTenantRequest__Output {
  'tenantId': (string);
  'name': (string);
  'settings': (_webhooks_v1_TenantSettings__Output | null);
}
