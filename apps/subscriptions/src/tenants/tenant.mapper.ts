import type { ApiKey, Tenant } from '@webhooks/contracts';
import type { ApiKeyEntity } from './api-key.entity';
import type { TenantEntity } from './tenant.entity';

export function toTenantMessage(tenant: TenantEntity): Tenant {
  return {
    id: tenant.id,
    name: tenant.name,
    settings: {
      ingestQuota: tenant.ingestQuotaPerSecond
        ? { perSecond: tenant.ingestQuotaPerSecond, burst: tenant.ingestQuotaBurst ?? tenant.ingestQuotaPerSecond }
        : undefined,
      verifyEndpoints: tenant.verifyEndpoints ?? undefined,
    },
    createdAt: tenant.createdAt.toISOString(),
    updatedAt: tenant.updatedAt.toISOString(),
  };
}

/** The API shape of a key: never the key or its hash. */
export function toApiKeyMessage(key: ApiKeyEntity): ApiKey {
  return {
    id: key.id,
    tenantId: key.tenantId ?? '',
    name: key.name,
    admin: key.admin,
    createdAt: key.createdAt.toISOString(),
    revokedAt: key.revokedAt?.toISOString() ?? '',
  };
}
