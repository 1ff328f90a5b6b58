// Original file: proto/webhooks/v1/management.proto

import type { Tenant as _webhooks_v1_Tenant, Tenant__Output as _webhooks_v1_Tenant__Output } from '../../webhooks/v1/Tenant';

export interface ListTenantsResponse {
  'tenants'?: (_webhooks_v1_Tenant)[];
  'nextCursor'?: (string);
}

export interface ListTenantsResponse__Output {
  'tenants': (_webhooks_v1_Tenant__Output)[];
  'nextCursor': (string);
}
