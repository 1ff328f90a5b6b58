import { createPrivateKey, createPublicKey } from 'node:crypto';
import { ed25519PrivateKey, publicKeyOf } from './ed25519-key';
import { generateSigningSecret, isSignatureScheme, SIGNATURE_SCHEMES, validateSecret } from './signature-scheme';

describe('signing secrets', () => {
  it('generates a secret each scheme accepts, and a public key only for ed25519', () => {
    for (const scheme of SIGNATURE_SCHEMES) {
      const generated = generateSigningSecret(scheme);
      expect(() => validateSecret(scheme, generated.secret)).not.toThrow();
      expect(generated.publicKey !== undefined).toBe(scheme === 'standard-ed25519');
    }
  });

  it('encodes whsk_ as base64 of seed|public key and whpk_ as base64 of the raw public key', () => {
    const { secret, publicKey } = generateSigningSecret('standard-ed25519');
    const bytes = Buffer.from(secret.slice('whsk_'.length), 'base64');
    expect(bytes).toHaveLength(64);
    expect(publicKey).toBe('whpk_' + bytes.subarray(32).toString('base64'));
    expect(publicKeyOf(secret)).toBe(publicKey);
    // The seed alone is a valid secret too (independently derived through a JWK import).
    const seedOnly = createPrivateKey({
      key: { kty: 'OKP', crv: 'Ed25519', d: bytes.subarray(0, 32).toString('base64url'), x: '' },
      format: 'jwk',
    });
    const jwk = createPublicKey(seedOnly).export({ format: 'jwk' });
    expect(Buffer.from(jwk.x ?? '', 'base64url').toString('base64')).toBe(publicKey?.slice('whpk_'.length));
    expect(publicKeyOf('whsk_' + bytes.subarray(0, 32).toString('base64'))).toBe(publicKey);
  });

  it('rejects a whsk_ whose public half does not belong to its seed', () => {
    const a = Buffer.from(generateSigningSecret('standard-ed25519').secret.slice(5), 'base64');
    const b = Buffer.from(generateSigningSecret('standard-ed25519').secret.slice(5), 'base64');
    const mixed = 'whsk_' + Buffer.concat([a.subarray(0, 32), b.subarray(32)]).toString('base64');
    expect(() => ed25519PrivateKey(mixed)).toThrow('consistent');
  });

  it.each([
    ['standard', 'nope-secretvalue', 'whsec_'],
    ['standard', 'whsec_c2hvcnQ=', '24..64 bytes'],
    ['github', 'whsec_!!!', 'base64'],
    ['x-signature', 'whsk_' + Buffer.alloc(32, 1).toString('base64'), 'whsec_'],
    ['standard-ed25519', 'whsec_' + Buffer.alloc(32, 1).toString('base64'), 'whsk_'],
    ['standard-ed25519', 'whsk_' + Buffer.alloc(40, 1).toString('base64'), '32 or 64 bytes'],
  ] as const)('validateSecret(%s) rejects a bad secret with a message that does not echo it', (scheme, bad, rule) => {
    let message = '';
    try {
      validateSecret(scheme, bad);
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toContain(rule);
    expect(message).not.toContain(bad.slice(6, 14));
  });

  it('knows its schemes', () => {
    expect(SIGNATURE_SCHEMES.every(isSignatureScheme)).toBe(true);
    expect(isSignatureScheme('hmac')).toBe(false);
    expect(isSignatureScheme(undefined)).toBe(false);
  });
});
