// Original file: proto/webhooks/v1/management.proto

import type { TenantSettings as _webhooks_v1_TenantSettings, TenantSettings__Output as _webhooks_v1_TenantSettings__Output } from '../../webhooks/v1/TenantSettings';

export interface UpdateTenantRequest {
  'tenantId'?: (string);
  'name'?: (string);
  'settings'?: (_webhooks_v1_TenantSettings | null);
  '_name'?: "name";
}

export interface UpdateTenantRequest__Output {
  'tenantId': (string);
  'name'?: (string);
  'settings': (_webhooks_v1_TenantSettings__Output | null);
  '_name'?: "name";
}
