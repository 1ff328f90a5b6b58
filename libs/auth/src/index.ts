export * from './api-key';
export * from './api-key.guard';
export * from './auth.exception';
export * from './auth.module';
export * from './principal';
