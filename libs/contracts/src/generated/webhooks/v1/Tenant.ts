// Original file: proto/webhooks/v1/management.proto

import type { TenantSettings as _webhooks_v1_TenantSettings, TenantSettings__Output as _webhooks_v1_TenantSettings__Output } from '../../webhooks/v1/TenantSettings';

export interface Tenant {
  'id'?: (string);
  'name'?: (string);
  'settings'?: (_webhooks_v1_TenantSettings | null);
  'createdAt'?: (string);
  'updatedAt'?: (string);
}

export interface Tenant__Output {
  'id': (string);
  'name': (string);
  'settings': (_webhooks_v1_TenantSettings__Output | null);
  'createdAt': (string);
  'updatedAt': (string);
}
