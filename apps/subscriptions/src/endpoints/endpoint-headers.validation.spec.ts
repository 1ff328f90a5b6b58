import { status } from '@grpc/grpc-js';
import { validHeaders } from './endpoint-headers.validation';
import { EndpointException } from './endpoint.exception';

function problem(headers: Record<string, string>): string {
  try {
    validHeaders(headers);
  } catch (error) {
    expect(error).toBeInstanceOf(EndpointException);
    expect((error as EndpointException).getError()).toMatchObject({ code: status.INVALID_ARGUMENT });
    return (error as Error).message;
  }
  throw new Error('accepted');
}

describe('validHeaders', () => {
  it('accepts tokens, stores names lower-case and trims values', () => {
    expect(
      validHeaders({ 'X-Tenant': ' acme ', 'X-Api-Version': '2024-01-01', "x-odd!#$%&'*+.^_`|~": 'a\tb' }),
    ).toEqual({ 'x-tenant': 'acme', 'x-api-version': '2024-01-01', "x-odd!#$%&'*+.^_`|~": 'a\tb' });
    expect(validHeaders(undefined)).toEqual({});
  });

  it('refuses reserved, hop-by-hop and credential names', () => {
    for (const name of [
      'Webhook-Signature',
      'webhook-id',
      'webhook-anything',
      'Content-Type',
      'content-length',
      'Host',
      'user-agent',
      'Connection',
      'transfer-encoding',
      'upgrade',
      'X-Signature',
      'x-hub-signature-256',
      'Authorization',
      'cookie',
    ]) {
      expect(problem({ [name]: 'v' })).toBe(`headers.${name.toLowerCase()}: is reserved and cannot be set`);
    }
  });

  it('refuses names that are not tokens and duplicates across case', () => {
    expect(problem({ 'x bad': 'v' })).toContain('is not a valid header name');
    expect(problem({ 'x:bad': 'v' })).toContain('is not a valid header name');
    expect(problem({ '': 'v' })).toContain('is not a valid header name');
    expect(problem({ 'X-A': '1', 'x-a': '2' })).toBe('headers.x-a: is given more than once');
  });

  it('refuses line breaks and control characters in values (header injection)', () => {
    expect(problem({ 'x-a': 'ok\r\nx-injected: 1' })).toContain('without line breaks');
    expect(problem({ 'x-a': 'nul\u0000' })).toContain('without line breaks');
    expect(problem({ 'x-a': 'café' })).toContain('printable ASCII');
  });

  it('bounds the count and the total size', () => {
    const many = Object.fromEntries(Array.from({ length: 21 }, (_, i) => [`x-h${i}`, 'v']));
    expect(problem(many)).toBe('headers: has more than 20 headers');
    expect(Object.keys(validHeaders(Object.fromEntries(Object.entries(many).slice(0, 20))))).toHaveLength(20);
    expect(problem({ 'x-a': 'a'.repeat(5000), 'x-b': 'b'.repeat(4000) })).toBe(
      'headers: are larger than 8192 bytes in all',
    );
  });
});
