export * from './publisher.client';
export * from './management.client';
export { status as GrpcStatus } from '@grpc/grpc-js';
