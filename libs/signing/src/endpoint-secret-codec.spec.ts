import { EndpointSecretCodec } from './endpoint-secret-codec';
import { generateEncryptionKey } from './secret-box';

describe('EndpointSecretCodec', () => {
  const secret = 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw';

  it('seals per endpoint and opens only with the same endpoint id', () => {
    const codec = EndpointSecretCodec.fromKey(generateEncryptionKey());
    const sealed = codec.seal('ep_1', secret);
    expect(sealed).toMatch(/^enc:v1:/);
    expect(sealed).not.toContain(secret);
    expect(codec.open('ep_1', sealed)).toBe(secret);
    expect(() => codec.open('ep_2', sealed)).toThrow('does not open');
  });

  it('reads plaintext written before a key was set', () => {
    expect(EndpointSecretCodec.fromKey(generateEncryptionKey()).open('ep_1', secret)).toBe(secret);
  });

  it('without a key stores plaintext and refuses sealed values', () => {
    const plain = EndpointSecretCodec.fromKey('');
    expect(plain.encrypting).toBe(false);
    expect(plain.seal('ep_1', secret)).toBe(secret);
    const sealed = EndpointSecretCodec.fromKey(generateEncryptionKey()).seal('ep_1', secret);
    expect(() => plain.open('ep_1', sealed)).toThrow('SECRETS_ENCRYPTION_KEY is not set');
  });

  it('validates config values', () => {
    expect(EndpointSecretCodec.isValidKey('')).toBe(true);
    expect(EndpointSecretCodec.isValidKey(generateEncryptionKey())).toBe(true);
    expect(EndpointSecretCodec.isValidKey('c2hvcnQ=')).toBe(false);
  });
});
