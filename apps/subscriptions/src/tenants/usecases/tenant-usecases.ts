import { Injectable } from '@nestjs/common';
import { generateApiKey, requireAdmin, tenantFor, type Principal } from '@webhooks/auth';
import type {
  CreateApiKeyResponse,
  ApiKey,
  ListApiKeysResponse,
  ListTenantsResponse,
  Tenant,
} from '@webhooks/contracts';
import { Logger } from '@webhooks/observability';
import { OutboxRelay } from '../../outbox/outbox-relay';
import { TenantException } from '../tenant.exception';
import { toApiKeyMessage, toTenantMessage } from '../tenant.mapper';
import { TenantRepository, type TenantSettingsChange } from '../tenant.repository';
import { validTenantId } from '../tenant.commands';

const MAX_PAGE = 100;

/** Tenants and their API keys: who may call the platform for which tenant, with which limits. */
@Injectable()
export class TenantUseCases {
  constructor(
    private readonly tenants: TenantRepository,
    private readonly relay: OutboxRelay,
    private readonly logger: Logger,
  ) {}

  async create(principal: Principal, id: string, settings: TenantSettingsChange): Promise<Tenant> {
    requireAdmin(principal, 'creating a tenant');
    if (!(await this.tenants.create({ id, ...settings }))) throw TenantException.exists(`tenant ${id}`);
    this.relay.kick();
    this.logger.info('tenant created', { tenant_id: id });
    return this.get(principal, id);
  }

  async get(principal: Principal, requested: string): Promise<Tenant> {
    const id = validTenantId(tenantFor(principal, requested));
    const tenant = await this.tenants.find(id);
    if (!tenant) throw TenantException.notFound(`tenant ${id}`);
    return toTenantMessage(tenant);
  }

  async list(principal: Principal, limit: number, cursor: string): Promise<ListTenantsResponse> {
    requireAdmin(principal, 'listing tenants');
    const size = Math.min(Math.max(limit || 50, 1), MAX_PAGE);
    const page = await this.tenants.list(size + 1, cursor || undefined);
    const tenants = page.slice(0, size);
    return { tenants: tenants.map(toTenantMessage), nextCursor: page.length > size ? tenants[size - 1].id : '' };
  }

  async update(principal: Principal, id: string, change: TenantSettingsChange): Promise<Tenant> {
    requireAdmin(principal, 'changing a tenant');
    const tenant = await this.tenants.update(id, change);
    if (!tenant) throw TenantException.notFound(`tenant ${id}`);
    this.relay.kick();
    return toTenantMessage(tenant);
  }

  /**
   * A new key. Admin keys only by admins; a tenant key may create further keys for its own
   * tenant (self-service rotation of its credentials).
   */
  async createKey(
    principal: Principal,
    requested: string,
    name: string,
    admin: boolean,
  ): Promise<CreateApiKeyResponse> {
    let tenantId: string | null = null;
    if (admin) {
      requireAdmin(principal, 'creating an admin key');
      if (requested) throw TenantException.invalid('tenant_id', 'must be empty for an admin key');
    } else {
      tenantId = validTenantId(tenantFor(principal, requested));
    }
    const fresh = generateApiKey();
    const saved = await this.tenants.createKey({ id: fresh.id, tenantId, name, admin, hash: fresh.hash });
    this.relay.kick();
    this.logger.info('api key created', { key_id: fresh.id, tenant_id: tenantId, admin });
    return { apiKey: toApiKeyMessage(saved), key: fresh.key };
  }

  async listKeys(principal: Principal, requested: string): Promise<ListApiKeysResponse> {
    const tenantId = principal.kind === 'admin' && !requested ? null : validTenantId(tenantFor(principal, requested));
    return { apiKeys: (await this.tenants.listKeys(tenantId)).map(toApiKeyMessage) };
  }

  async revokeKey(principal: Principal, id: string): Promise<ApiKey> {
    if (!id) throw TenantException.invalid('id', 'is required');
    const key = await this.tenants.findKey(id);
    // Another tenant's key is NOT_FOUND: its existence is not revealed.
    const visible = key && (principal.kind === 'admin' || (!key.admin && key.tenantId === principal.tenantId));
    if (!key || !visible) throw TenantException.notFound(`api key ${id}`);
    const revoked = await this.tenants.revokeKey(id);
    if (!revoked) throw TenantException.notFound(`api key ${id}`);
    this.relay.kick();
    this.logger.info('api key revoked', { key_id: id });
    return toApiKeyMessage(revoked);
  }
}
