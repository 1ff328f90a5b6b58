export * from './ed25519-key';
export * from './endpoint-secret-codec';
export * from './secret';
export * from './secret-box';
export * from './sign-delivery';
export * from './signature-scheme';
export * from './standard-webhooks';
