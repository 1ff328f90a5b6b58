export * from './topics';
export * from './client';
export * from './delay-tiers';
export * from './batching-producer';
export * from './readiness';
export * from './kafka.module';
export * from './consumer-lag.exporter';
