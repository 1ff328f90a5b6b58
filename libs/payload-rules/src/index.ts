export * from './payload-rule.exception';
export * from './payload-filter';
export * from './transformation';
export * from './payload-schema';
