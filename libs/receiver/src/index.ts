export * from './dedupe-store';
export * from './express-webhook.middleware';
export * from './webhook-verification.exception';
export * from './webhook-verifier';
