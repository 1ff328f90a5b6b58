import type { RateLimitMessage, TenantSettings__Output } from '@webhooks/contracts';
import { TenantException } from './tenant.exception';
import type { TenantSettingsChange } from './tenant.repository';

const TENANT_ID = /^[A-Za-z0-9_-]{1,64}$/;
const MAX_NAME = 256;
const MAX_QUOTA = 1_000_000;

export function validTenantId(tenantId: string | undefined, field = 'tenant_id'): string {
  if (!tenantId) throw TenantException.invalid(field, 'is required');
  if (!TENANT_ID.test(tenantId)) throw TenantException.invalid(field, 'must match [A-Za-z0-9_-]{1,64}');
  return tenantId;
}

export function validName(name: string | undefined | null, field = 'name'): string {
  const value = name ?? '';
  if (value.length > MAX_NAME) throw TenantException.invalid(field, `is longer than ${MAX_NAME} characters`);
  return value;
}

function validQuota(
  quota: RateLimitMessage | null | undefined,
): Pick<TenantSettingsChange, 'ingestQuotaPerSecond' | 'ingestQuotaBurst'> {
  if (!quota) return {};
  const perSecond = quota.perSecond ?? 0;
  const burst = quota.burst ?? 0;
  if (perSecond > MAX_QUOTA) throw TenantException.invalid('settings.ingest_quota.per_second', `is above ${MAX_QUOTA}`);
  if (burst > MAX_QUOTA) throw TenantException.invalid('settings.ingest_quota.burst', `is above ${MAX_QUOTA}`);
  if (perSecond === 0) return { ingestQuotaPerSecond: null, ingestQuotaBurst: null };
  return { ingestQuotaPerSecond: perSecond, ingestQuotaBurst: burst || perSecond };
}

/** The settings fields a request sets (unset ones are absent, so they stay as they are). */
export function settingsChange(settings: TenantSettings__Output | null | undefined): TenantSettingsChange {
  if (!settings) return {};
  const change: TenantSettingsChange = validQuota(settings.ingestQuota);
  if (settings.verifyEndpoints !== undefined && settings.verifyEndpoints !== null) {
    change.verifyEndpoints = settings.verifyEndpoints;
  }
  return change;
}
