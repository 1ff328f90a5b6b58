export * from './bootstrap';
export * from './grpc-tls';
export type { UnexpectedErrorClassifier } from './well-formed-errors.filter';
