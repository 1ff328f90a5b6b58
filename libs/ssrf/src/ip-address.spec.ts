import { cidrContains, formatIp, parseCidr, parseIp } from './ip-address';

describe('parseIp', () => {
  it('reads IPv4 and IPv6, with brackets, zones and embedded dotted quads', () => {
    expect(parseIp('127.0.0.1')).toEqual({ family: 4, value: 0x7f000001n });
    expect(parseIp('[::1]')).toEqual({ family: 6, value: 1n });
    expect(parseIp('fe80::1%eth0')).toEqual({ family: 6, value: (0xfe80n << 112n) | 1n });
    expect(parseIp('::ffff:127.0.0.1')).toEqual(parseIp('::ffff:7f00:1'));
    expect(formatIp(parseIp('2001:db8::8:800:200c:417a')!)).toBe('2001:db8:0:0:8:800:200c:417a');
  });

  it('refuses non-canonical IPv4 spellings (URL hosts are normalised before they get here)', () => {
    for (const text of ['2130706433', '0x7f.1', '0177.0.0.1', '127.1', '256.0.0.1', 'localhost']) {
      expect(parseIp(text)).toBeNull();
    }
  });
});

describe('parseCidr', () => {
  it('parses blocks and single hosts', () => {
    expect(parseCidr('127.0.0.0/8')).toMatchObject({ family: 4, prefix: 8, text: '127.0.0.0/8' });
    expect(parseCidr(' ::1/128 ')).toMatchObject({ family: 6, prefix: 128, base: 1n });
    expect(parseCidr('10.1.2.3')).toMatchObject({ family: 4, prefix: 32, text: '10.1.2.3/32' });
    expect(parseCidr('0.0.0.0/0').prefix).toBe(0);
  });

  it.each([
    ['10.0.0.0/33', /prefix length must be 0-32/],
    ['fc00::/129', /prefix length must be 0-128/],
    ['10.0.0.0/', /prefix length/],
    ['10.0.0.0/8/8', /not a CIDR block/],
    ['10.0.0.0/x', /prefix length/],
    ['10.0.0.1/8', /host bits are set \(did you mean 10\.0\.0\.0\/8\?\)/],
    ['example.com/8', /not a CIDR block/],
    ['', /not a CIDR block/],
    ['[::1]/128', /not a CIDR block/],
  ])('fails clearly on %j', (text, message) => {
    expect(() => parseCidr(text)).toThrow(message);
  });

  it('contains addresses of its own family only', () => {
    const loopback = parseCidr('127.0.0.0/8');
    expect(cidrContains(loopback, parseIp('127.255.255.255')!)).toBe(true);
    expect(cidrContains(loopback, parseIp('128.0.0.0')!)).toBe(false);
    expect(cidrContains(loopback, parseIp('::ffff:127.0.0.1')!)).toBe(false);
    expect(cidrContains(parseCidr('fc00::/7'), parseIp('fdff::1')!)).toBe(true);
    expect(cidrContains(parseCidr('0.0.0.0/0'), parseIp('8.8.8.8')!)).toBe(true);
  });
});
