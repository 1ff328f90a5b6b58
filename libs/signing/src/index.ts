export * from './secret';
export * from './standard-webhooks';
