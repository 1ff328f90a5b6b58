import { type DynamicModule, Module, type Provider } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { API_KEY_STORE, ApiKeyGuard, AUTH_OPTIONS, type AuthOptions } from './api-key.guard';

/** Puts API-key authentication in front of every gRPC handler of the service. */
@Module({})
export class AuthModule {
  static forRoot(options: AuthOptions, store: Omit<Provider, 'provide'> & { provide?: never }): DynamicModule {
    return {
      module: AuthModule,
      global: true,
      providers: [
        { provide: AUTH_OPTIONS, useValue: options },
        { ...(store as object), provide: API_KEY_STORE } as Provider,
        ApiKeyGuard,
        { provide: APP_GUARD, useExisting: ApiKeyGuard },
      ],
      exports: [ApiKeyGuard],
    };
  }
}
