import { AuthException } from './auth.exception';

/** Who is calling, as established from the API key. */
export type Principal = { kind: 'admin'; keyId: string } | { kind: 'tenant'; tenantId: string; keyId: string };

/**
 * The tenant a call acts on. A tenant key acts only on its own tenant: an empty `requested`
 * means its own, another tenant is PERMISSION_DENIED (the resource's existence is not
 * revealed either way). An admin key acts on the tenant it names (empty stays empty: the
 * caller's validation then reports the missing field).
 */
export function tenantFor(principal: Principal, requested: string | null | undefined): string {
  const tenantId = requested ?? '';
  if (principal.kind === 'admin') return tenantId;
  if (tenantId === '' || tenantId === principal.tenantId) return principal.tenantId;
  throw AuthException.forbidden(`this API key cannot act for tenant ${JSON.stringify(tenantId.slice(0, 64))}`);
}

/** Admin-only operations (tenants, admin keys, quotas). */
export function requireAdmin(principal: Principal, what: string): void {
  if (principal.kind !== 'admin') throw AuthException.forbidden(`${what} needs an admin API key`);
}
