import type { Provider, Type } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { z } from 'zod';
import { variable } from '@webhooks/config';
import { API_KEY_STORE, ApiKeyGuard, AUTH_OPTIONS, type ApiKeyStore, type AuthOptions } from './api-key.guard';

/** Config of the services that authenticate callers (ingestion and subscriptions). */
export const authVariables = {
  ADMIN_API_KEY: variable(
    'Bootstrap admin API key (any string of 32+ characters, e.g. `whk_…` from `openssl rand -hex 32`): acts on every tenant and can create tenants and further keys. Empty = only keys created through the API.',
    z
      .string()
      .default('')
      .refine((key) => key === '' || key.length >= 32, 'must be at least 32 characters'),
    true,
  ),
};

/**
 * Providers that put API-key authentication in front of every gRPC handler of a service: the
 * guard (global, so no handler can forget it) and where it looks keys up.
 */
export function authProviders(options: AuthOptions, store: Type<ApiKeyStore>): Provider[] {
  return [
    { provide: AUTH_OPTIONS, useValue: options },
    store,
    { provide: API_KEY_STORE, useExisting: store },
    ApiKeyGuard,
    { provide: APP_GUARD, useExisting: ApiKeyGuard },
  ];
}
