import { classify } from './retry-policy';

describe('classify', () => {
  it.each([
    [200, 'delivered'],
    [204, 'delivered'],
    [299, 'delivered'],
    [301, 'retry'],
    [400, 'retry'],
    [408, 'retry'],
    [410, 'give_up'],
    [429, 'retry'],
    [500, 'retry'],
    [503, 'retry'],
    [null, 'retry'],
  ] as const)('status %s -> %s', (status, verdict) => {
    expect(classify(status)).toBe(verdict);
  });
});

describe('classify with giveUpOnClientErrors', () => {
  it.each([
    [400, 'give_up'],
    [404, 'give_up'],
    [408, 'retry'],
    [429, 'retry'],
    [500, 'retry'],
    [301, 'retry'],
    [200, 'delivered'],
  ] as const)('status %s -> %s', (status, verdict) => {
    expect(classify(status, { giveUpOnClientErrors: true })).toBe(verdict);
  });
});
