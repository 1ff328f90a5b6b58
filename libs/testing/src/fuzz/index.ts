export * from './prng';
export * from './grpc-fuzzer';
