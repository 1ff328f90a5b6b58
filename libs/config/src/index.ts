export * from './config';
export * from './duration';
export * from './common-variables';
