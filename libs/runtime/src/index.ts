export * from './bootstrap';
export * from './grpc-tls';
