import { generateEncryptionKey, SecretBox } from './secret-box';
import { generateSecret } from './secret';

describe('SecretBox', () => {
  const box = SecretBox.fromBase64Key(generateEncryptionKey());
  const secret = generateSecret();

  it('seals to enc:v1: and opens back to the plaintext, with a fresh IV each time', () => {
    const sealed = box.seal(secret);
    expect(sealed).toMatch(/^enc:v1:[A-Za-z0-9+/]+=*$/);
    expect(sealed).not.toContain(secret.slice(6));
    expect(box.seal(secret)).not.toBe(sealed);
    expect(box.open(sealed)).toBe(secret);
  });

  it('passes legacy plaintext values through unchanged', () => {
    expect(box.open(secret)).toBe(secret);
  });

  it('fails to open with another key, without echoing anything', () => {
    const other = SecretBox.fromBase64Key(generateEncryptionKey());
    expect(() => other.open(box.seal(secret))).toThrow('SECRETS_ENCRYPTION_KEY');
  });

  it('fails to open a tampered value', () => {
    const raw = Buffer.from(box.seal(secret).slice('enc:v1:'.length), 'base64');
    raw[raw.length - 1] ^= 0x01;
    expect(() => box.open('enc:v1:' + raw.toString('base64'))).toThrow('tampered');
    expect(() => box.open('enc:v1:AAAA')).toThrow('truncated');
    expect(() => box.open('enc:v2:' + raw.toString('base64'))).toThrow('unknown format version');
  });

  it('binds the optional context: a value moved to another row does not open', () => {
    const sealed = box.seal(secret, 'ep_1');
    expect(box.open(sealed, 'ep_1')).toBe(secret);
    expect(() => box.open(sealed, 'ep_2')).toThrow();
    expect(() => box.open(sealed)).toThrow();
  });

  it('rejects a key of the wrong length, naming the variable and not the key', () => {
    const short = Buffer.alloc(16, 7).toString('base64');
    expect(() => SecretBox.fromBase64Key(short)).toThrow('SECRETS_ENCRYPTION_KEY');
    expect(() => SecretBox.fromBase64Key('not base64!')).toThrow('exactly 32 bytes');
    try {
      SecretBox.fromBase64Key(short);
    } catch (error) {
      expect((error as Error).message).not.toContain(short);
    }
  });
});
