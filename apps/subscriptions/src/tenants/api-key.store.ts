import { Injectable } from '@nestjs/common';
import type { ApiKeyStore, StoredApiKey } from '@webhooks/auth';
import { TenantRepository } from './tenant.repository';

/**
 * Keys for the management API come straight from Postgres (no cache): a revocation is
 * effective on the very next call. Management traffic is light enough for one indexed lookup.
 */
@Injectable()
export class DatabaseApiKeyStore implements ApiKeyStore {
  constructor(private readonly tenants: TenantRepository) {}

  async find(id: string): Promise<StoredApiKey | undefined> {
    const key = await this.tenants.findKey(id);
    return key
      ? { tenantId: key.tenantId, admin: key.admin, hash: key.hash, revoked: key.revokedAt !== null }
      : undefined;
  }
}
