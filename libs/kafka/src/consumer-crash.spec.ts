import { KafkaJSConnectionError, KafkaJSNonRetriableError } from 'kafkajs';
import { isUnreachableCluster } from './consumer-crash';

describe('isUnreachableCluster', () => {
  it('recognises kafkajs giving up because no broker answered', () => {
    // kafkajs' own class (its typings omit the message argument it needs).
    const notFound = Object.assign(new KafkaJSNonRetriableError('Failed to find group coordinator'), {
      name: 'KafkaJSGroupCoordinatorNotFound',
    });
    expect(isUnreachableCluster(notFound)).toBe(true);
    const wrapped = Object.assign(new Error('Connection error: ECONNREFUSED'), {
      name: 'KafkaJSNumberOfRetriesExceeded',
      cause: new KafkaJSConnectionError('Connection error: ECONNREFUSED'),
    });
    expect(isUnreachableCluster(wrapped)).toBe(true);
  });

  it('leaves every other fatal error fatal', () => {
    expect(isUnreachableCluster(new KafkaJSNonRetriableError('Cannot continue to use transaction once ended'))).toBe(
      false,
    );
    expect(isUnreachableCluster(new TypeError('x is undefined'))).toBe(false);
    expect(isUnreachableCluster(undefined)).toBe(false);
  });
});
