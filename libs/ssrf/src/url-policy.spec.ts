import {
  checkEndpointUrl,
  parseAllowlist,
  resolveEndpointUrl,
  UrlRejectedError,
  type AddressLookup,
} from './url-policy';

const production = { allowHttp: false, allowCidrs: [] };
const dev = { allowHttp: true, allowCidrs: [] };
const loopbackAllowed = { allowHttp: true, allowCidrs: ['127.0.0.0/8', '::1/128'] };

/** A fake resolver: a fixed table, ENOTFOUND for anything else. */
const fakeDns =
  (table: Record<string, string[]>): AddressLookup =>
  (hostname) => {
    const addresses = table[hostname];
    if (!addresses)
      return Promise.reject(Object.assign(new Error(`getaddrinfo ENOTFOUND ${hostname}`), { code: 'ENOTFOUND' }));
    return Promise.resolve(addresses.map((address) => ({ address, family: address.includes(':') ? 6 : 4 })));
  };

function rejection(run: () => unknown): UrlRejectedError {
  try {
    run();
  } catch (error) {
    if (error instanceof UrlRejectedError) return error;
    throw error;
  }
  throw new Error('expected a UrlRejectedError');
}

describe('checkEndpointUrl', () => {
  it('returns the normalised URL', () => {
    expect(checkEndpointUrl('HTTPS://Example.COM:443/hook?a=1', production)).toBe('https://example.com/hook?a=1');
    expect(checkEndpointUrl('https://8.8.8.8/x', production)).toBe('https://8.8.8.8/x');
    expect(checkEndpointUrl('https://[2001:4860:4860::8888]/', production)).toBe('https://[2001:4860:4860::8888]/');
  });

  it.each([
    ['', production, 'url: is required'],
    ['/relative', production, 'url: is not an absolute URL'],
    ['http://example.com/', production, 'url: must be https'],
    ['ftp://example.com/', dev, 'url: must be http or https'],
    ['file:///etc/passwd', dev, 'url: must be http or https'],
    ['gopher://example.com/', dev, 'url: must be http or https'],
    ['https://user:pass@example.com/', production, 'url: must not contain credentials'],
    ['https://user@example.com/', production, 'url: must not contain credentials'],
    [`https://example.com/${'a'.repeat(2048)}`, production, 'url: is longer than 2048 characters'],
  ])('rejects %j', (url, policy, message) => {
    const error = rejection(() => checkEndpointUrl(url, policy));
    expect(error.message).toBe(message);
    expect(error.field).toBe('url');
  });

  it.each([
    ['https://10.0.0.5/', '10.0.0.5 is private (10.0.0.0/8)'],
    ['https://169.254.169.254/latest/meta-data/', '169.254.169.254 is link-local (169.254.0.0/16)'],
    ['https://[::1]/', '::1 is loopback (::1/128)'],
    ['https://[::]/', ':: is unspecified (::/128)'],
    ['https://[fd00::1]/', 'fd00::1 is unique local (private) (fc00::/7)'],
    ['https://[fe80::1]/', 'fe80::1 is link-local (fe80::/10)'],
    ['https://[::ffff:127.0.0.1]/', '::ffff:7f00:1 is loopback (127.0.0.0/8) via IPv4-mapped ::ffff:0:0/96'],
    [
      'https://[::ffff:169.254.169.254]/',
      '::ffff:a9fe:a9fe is link-local (169.254.0.0/16) via IPv4-mapped ::ffff:0:0/96',
    ],
    ['https://[64:ff9b::7f00:1]/', '64:ff9b::7f00:1 is loopback (127.0.0.0/8) via NAT64 64:ff9b::/96'],
    ['https://[2002:a00:1::]/', '2002:a00:1:: is private (10.0.0.0/8) via 6to4 2002::/16'],
    // Odd IPv4 spellings: the WHATWG URL parser normalises them to the dotted quad first.
    ['https://2130706433/', '127.0.0.1 is loopback (127.0.0.0/8)'],
    ['https://0x7f.1/', '127.0.0.1 is loopback (127.0.0.0/8)'],
    ['https://0x7f000001/', '127.0.0.1 is loopback (127.0.0.0/8)'],
    ['https://0177.0.0.1/', '127.0.0.1 is loopback (127.0.0.0/8)'],
    ['https://127.1/', '127.0.0.1 is loopback (127.0.0.0/8)'],
    ['https://0/', '0.0.0.0 is "this network" (0.0.0.0/8)'],
    ['https://012.0.0.1/', '10.0.0.1 is private (10.0.0.0/8)'],
    ['https://0xa9.0xfe.0xa9.0xfe/', '169.254.169.254 is link-local (169.254.0.0/16)'],
    ['https://%31%32%37.0.0.1/', '127.0.0.1 is loopback (127.0.0.0/8)'],
  ])('rejects the literal address in %s', (url, reason) => {
    expect(rejection(() => checkEndpointUrl(url, production)).message).toBe(`url: ${reason}`);
  });

  it('leaves host names to resolveEndpointUrl (no network in the sync check)', () => {
    expect(checkEndpointUrl('https://localhost/', production)).toBe('https://localhost/');
  });

  it('admits allowlisted addresses, including the mapped form of an allowlisted IPv4 block', () => {
    expect(checkEndpointUrl('http://127.0.0.1:8080/', loopbackAllowed)).toBe('http://127.0.0.1:8080/');
    expect(checkEndpointUrl('http://2130706433:8080/', loopbackAllowed)).toBe('http://127.0.0.1:8080/');
    expect(checkEndpointUrl('http://[::1]/', loopbackAllowed)).toBe('http://[::1]/');
    expect(checkEndpointUrl('http://[::ffff:127.0.0.1]/', loopbackAllowed)).toBe('http://[::ffff:7f00:1]/');
    expect(() => checkEndpointUrl('http://10.0.0.1/', loopbackAllowed)).toThrow('url: 10.0.0.1 is private');
  });

  it('fails clearly on a bad allowlist entry', () => {
    expect(() => checkEndpointUrl('https://example.com/', { allowHttp: false, allowCidrs: ['10.0.0.0/33'] })).toThrow(
      '"10.0.0.0/33" is not a CIDR block: the prefix length must be 0-32',
    );
    expect(() => parseAllowlist(['127.0.0.0/8', 'nope'])).toThrow('"nope" is not a CIDR block');
  });
});

describe('resolveEndpointUrl', () => {
  const dns = fakeDns({
    'hooks.example.com': ['93.184.215.14', '2606:2800:21f:cb07:6820:80da:af6b:8b2c'],
    'internal.example.com': ['10.0.0.5'],
    'mixed.example.com': ['93.184.215.14', '127.0.0.1'],
    'metadata.example.com': ['::ffff:169.254.169.254'],
    localhost: ['127.0.0.1', '::1'],
    'empty.example.com': [],
  });

  it('accepts a name whose every address is public', async () => {
    await expect(resolveEndpointUrl('https://hooks.example.com/in', production, dns)).resolves.toBe(
      'https://hooks.example.com/in',
    );
  });

  it.each([
    ['https://internal.example.com/', 'url: internal.example.com resolves to 10.0.0.5, which is private (10.0.0.0/8)'],
    ['https://mixed.example.com/', 'url: mixed.example.com resolves to 127.0.0.1, which is loopback (127.0.0.0/8)'],
    [
      'https://metadata.example.com/',
      'url: metadata.example.com resolves to ::ffff:169.254.169.254, which is link-local (169.254.0.0/16) via IPv4-mapped ::ffff:0:0/96',
    ],
    ['https://localhost/', 'url: localhost resolves to 127.0.0.1, which is loopback (127.0.0.0/8)'],
    ['https://nowhere.example.com/', 'url: host nowhere.example.com does not resolve (ENOTFOUND)'],
    ['https://empty.example.com/', 'url: host empty.example.com does not resolve'],
    ['https://10.0.0.5/', 'url: 10.0.0.5 is private (10.0.0.0/8)'],
    ['http://hooks.example.com/', 'url: must be https'],
  ])('rejects %s', async (url, message) => {
    const error = await resolveEndpointUrl(url, production, dns).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UrlRejectedError);
    expect((error as Error).message).toBe(message);
  });

  it('admits loopback names when loopback is allowlisted (every address must be allowed)', async () => {
    await expect(resolveEndpointUrl('http://localhost:9/', loopbackAllowed, dns)).resolves.toBe('http://localhost:9/');
    await expect(
      resolveEndpointUrl('http://localhost:9/', { allowHttp: true, allowCidrs: ['127.0.0.0/8'] }, dns),
    ).rejects.toThrow('url: localhost resolves to ::1, which is loopback (::1/128)');
  });

  it('does not look up literal addresses', async () => {
    const lookup = jest.fn<ReturnType<AddressLookup>, Parameters<AddressLookup>>();
    await expect(resolveEndpointUrl('https://8.8.8.8/', production, lookup)).resolves.toBe('https://8.8.8.8/');
    expect(lookup).not.toHaveBeenCalled();
  });

  it('uses the system resolver by default (localhost is loopback)', async () => {
    await expect(resolveEndpointUrl('https://localhost/', production)).rejects.toThrow(
      /^url: localhost resolves to (127\.0\.0\.1|::1), which is loopback/,
    );
  });
});
