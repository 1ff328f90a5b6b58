import type { Message } from 'kafkajs';
import type { RateLimit } from './delivery-options';

/**
 * What ingestion needs to know about tenants, published by subscriptions to the compacted
 * `webhooks.directory` topic after every committed change (through the outbox). Each entry is
 * the thing's current state; a null value deletes it. Ingestion keeps the whole topic in memory,
 * so it authenticates, applies quotas and checks schemas without calling subscriptions or
 * Postgres: ingest keeps working while either is down.
 */
export type DirectoryEntry =
  | { kind: 'tenant'; id: string; ingestQuota: RateLimit | null }
  | { kind: 'api_key'; id: string; tenantId: string | null; admin: boolean; hash: string; revoked: boolean }
  | { kind: 'event_type'; tenantId: string; name: string; schema: string | null };

/** Compaction keys: one live record per tenant, API key and (tenant, event type). */
export const directoryKeys = {
  tenant: (id: string) => `tenant/${id}`,
  apiKey: (id: string) => `api_key/${id}`,
  eventType: (tenantId: string, name: string) => `event_type/${tenantId}/${name}`,
};

export function directoryKeyOf(entry: DirectoryEntry): string {
  switch (entry.kind) {
    case 'tenant':
      return directoryKeys.tenant(entry.id);
    case 'api_key':
      return directoryKeys.apiKey(entry.id);
    case 'event_type':
      return directoryKeys.eventType(entry.tenantId, entry.name);
  }
}

export function encodeDirectoryEntry(key: string, entry: DirectoryEntry | null): Message {
  return { key, value: entry === null ? null : JSON.stringify(entry) };
}

export function decodeDirectoryEntry(value: Buffer | null): DirectoryEntry | null {
  return value === null ? null : (JSON.parse(value.toString('utf8')) as DirectoryEntry);
}
