export * from './test-receiver';
export * from './service-process';
export * from './platform';
export * from './wait-for';
export * from './consumer-lag';
export * from './traffic';
export * from './accounting';
export * from './fuzz';
