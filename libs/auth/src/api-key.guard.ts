import type { Metadata } from '@grpc/grpc-js';
import { Inject, Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { apiKeyId, apiKeyMatches, hashApiKey } from './api-key';
import { AuthException } from './auth.exception';
import { tenantFor, type Principal } from './principal';

/** What the guard needs to know about a stored key. */
export interface StoredApiKey {
  tenantId: string | null;
  admin: boolean;
  hash: string;
  revoked: boolean;
}

/** Where a service looks keys up: Postgres in subscriptions, the directory view in ingestion. */
export interface ApiKeyStore {
  find(id: string): Promise<StoredApiKey | undefined> | StoredApiKey | undefined;
  /** False while the store is still loading: an unknown key is then UNAVAILABLE, not UNAUTHENTICATED. */
  ready?(): boolean;
}

export const API_KEY_STORE = Symbol('API_KEY_STORE');
export const AUTH_OPTIONS = Symbol('AUTH_OPTIONS');

export interface AuthOptions {
  /** ADMIN_API_KEY: the operator's bootstrap admin key (compared by hash); empty = none. */
  adminApiKey: string;
}

const principals = new WeakMap<Metadata, Principal>();

/**
 * The principal the guard established for this call. Throws if there is none, which would mean
 * a handler runs without the guard: failing closed.
 */
export function principalOf(metadata: Metadata): Principal {
  const principal = principals.get(metadata);
  if (!principal) throw AuthException.unauthenticated('no authenticated principal for this call');
  return principal;
}

/**
 * Authenticates every gRPC call from `authorization: Bearer <key>` metadata before any handler
 * runs (registered as a global guard). Wrong, unknown and revoked keys all get the same
 * UNAUTHENTICATED answer, so the answer says nothing about which keys exist.
 */
@Injectable()
export class ApiKeyGuard implements CanActivate {
  private readonly adminHash: string | null;

  constructor(
    @Inject(API_KEY_STORE) private readonly store: ApiKeyStore,
    @Inject(AUTH_OPTIONS) options: AuthOptions,
  ) {
    this.adminHash = options.adminApiKey ? hashApiKey(options.adminApiKey) : null;
  }

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (context.getType() !== 'rpc') return true;
    const metadata = context.switchToRpc().getContext<Metadata>();
    principals.set(metadata, await this.authenticate(metadata));
    return true;
  }

  async authenticate(metadata: Metadata): Promise<Principal> {
    const values = metadata.get('authorization');
    if (values.length === 0) throw AuthException.unauthenticated('missing authorization metadata (Bearer <api key>)');
    if (values.length > 1) throw AuthException.unauthenticated('more than one authorization value');
    const match = /^Bearer ([\x21-\x7e]{1,256})$/i.exec(String(values[0]));
    if (!match) throw AuthException.unauthenticated('authorization must be "Bearer <api key>"');
    const key = match[1];
    if (this.adminHash && apiKeyMatches(key, this.adminHash)) return { kind: 'admin', keyId: 'admin' };
    const id = apiKeyId(key);
    const stored = id ? await this.store.find(id) : undefined;
    if (id && !stored && this.store.ready?.() === false) {
      throw AuthException.unavailable('API keys are still loading; retry shortly');
    }
    if (!id || !stored || stored.revoked || !apiKeyMatches(key, stored.hash)) {
      throw AuthException.unauthenticated('invalid or revoked API key');
    }
    if (stored.admin) return { kind: 'admin', keyId: id };
    if (!stored.tenantId) throw AuthException.unauthenticated('invalid or revoked API key');
    return { kind: 'tenant', tenantId: stored.tenantId, keyId: id };
  }
}

/**
 * The request with its `tenantId` checked against the caller (see `tenantFor`): a tenant key's
 * empty tenant becomes its own, another tenant's is PERMISSION_DENIED.
 */
export function scopedToCaller<T extends { tenantId?: string | null }>(request: T, metadata: Metadata): T {
  return { ...request, tenantId: tenantFor(principalOf(metadata), request.tenantId) };
}
