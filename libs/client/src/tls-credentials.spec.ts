import { tlsCredentials } from './tls-credentials';

describe('tlsCredentials', () => {
  const files: Record<string, Buffer> = { 'ca.pem': Buffer.from('ca') };
  const read = (path: string) => {
    const content = files[path];
    if (!content) throw Object.assign(new Error('absent'), { code: 'ENOENT' });
    return content;
  };

  it('builds secure channel credentials', () => {
    expect(tlsCredentials({ caFile: 'ca.pem' }, read)._isSecure()).toBe(true);
  });

  it('names an unreadable file and a certificate without its key', () => {
    expect(() => tlsCredentials({ caFile: 'nope.pem' }, read)).toThrow(
      'TLS: cannot read the CA certificate "nope.pem" (ENOENT)',
    );
    expect(() => tlsCredentials({ certFile: 'c.pem' }, read)).toThrow(/needs its key/);
  });
});
