export * from './publisher.client';
export * from './management.client';
export { status as GrpcStatus } from '@grpc/grpc-js';
export * from './tls-credentials';
export type { ClientOptions } from './grpc';
