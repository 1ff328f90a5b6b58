import { classifyAddress } from './address-classification';

const notPublic = (reason: string) => ({ public: false, reason });

describe('classifyAddress', () => {
  it.each([
    ['0.0.0.0', '"this network" (0.0.0.0/8)'],
    ['0.1.2.3', '"this network" (0.0.0.0/8)'],
    ['10.0.0.5', 'private (10.0.0.0/8)'],
    ['10.255.255.255', 'private (10.0.0.0/8)'],
    ['100.64.0.1', 'CGNAT shared address space (100.64.0.0/10)'],
    ['100.127.255.254', 'CGNAT shared address space (100.64.0.0/10)'],
    ['127.0.0.1', 'loopback (127.0.0.0/8)'],
    ['127.255.0.9', 'loopback (127.0.0.0/8)'],
    ['169.254.169.254', 'link-local (169.254.0.0/16)'],
    ['172.16.0.1', 'private (172.16.0.0/12)'],
    ['172.31.255.255', 'private (172.16.0.0/12)'],
    ['192.0.0.8', 'IETF protocol assignments (192.0.0.0/24)'],
    ['192.0.2.10', 'documentation (TEST-NET-1) (192.0.2.0/24)'],
    ['192.88.99.1', 'deprecated 6to4 relay anycast (192.88.99.0/24)'],
    ['192.168.1.1', 'private (192.168.0.0/16)'],
    ['198.18.0.1', 'benchmarking (198.18.0.0/15)'],
    ['198.19.255.255', 'benchmarking (198.18.0.0/15)'],
    ['198.51.100.7', 'documentation (TEST-NET-2) (198.51.100.0/24)'],
    ['203.0.113.7', 'documentation (TEST-NET-3) (203.0.113.0/24)'],
    ['224.0.0.1', 'multicast (224.0.0.0/4)'],
    ['239.255.255.250', 'multicast (224.0.0.0/4)'],
    ['240.0.0.1', 'reserved (240.0.0.0/4)'],
    ['255.255.255.255', 'limited broadcast (255.255.255.255/32)'],
  ])('IPv4 %s is %s', (address, reason) => {
    expect(classifyAddress(address)).toEqual(notPublic(reason));
  });

  it.each(['8.8.8.8', '1.1.1.1', '9.255.255.255', '11.0.0.0', '100.63.255.255', '100.128.0.0', '126.255.255.255'])(
    'IPv4 %s is public',
    (address) => expect(classifyAddress(address)).toEqual({ public: true }),
  );

  it.each(['172.15.255.255', '172.32.0.0', '169.253.255.255', '192.167.255.255', '198.17.255.255', '223.255.255.255'])(
    'IPv4 %s, just outside a block, is public',
    (address) => expect(classifyAddress(address)).toEqual({ public: true }),
  );

  it.each([
    ['::1', 'loopback (::1/128)'],
    ['0:0:0:0:0:0:0:1', 'loopback (::1/128)'],
    ['::', 'unspecified (::/128)'],
    ['::127.0.0.1', 'deprecated IPv4-compatible (::/96)'],
    ['fc00::1', 'unique local (private) (fc00::/7)'],
    ['fd12:3456:789a::1', 'unique local (private) (fc00::/7)'],
    ['fe80::1', 'link-local (fe80::/10)'],
    ['fe80::1%eth0', 'link-local (fe80::/10)'],
    ['febf::1', 'link-local (fe80::/10)'],
    ['fec0::1', 'deprecated site-local (fec0::/10)'],
    ['ff02::1', 'multicast (ff00::/8)'],
    ['ff0e::1', 'multicast (ff00::/8)'],
    ['100::1', 'discard-only (100::/64)'],
    ['2001:db8::1', 'documentation (2001:db8::/32)'],
    ['3fff::1', 'documentation (3fff::/20)'],
    ['2001:2::1', 'benchmarking (2001:2::/48)'],
    ['2001:0:4136:e378:8000:63bf:3fff:fdd2', 'Teredo (2001::/32)'],
    ['2001:10::1', 'IETF protocol assignments (2001::/23)'],
    ['64:ff9b:1::a00:1', 'local-use NAT64 (64:ff9b:1::/48)'],
    ['5f00::1', 'SRv6 segment identifiers (5f00::/16)'],
    ['4000::1', 'reserved (outside 2000::/3)'],
    ['1::1', 'reserved (outside 2000::/3)'],
  ])('IPv6 %s is %s', (address, reason) => {
    expect(classifyAddress(address)).toEqual(notPublic(reason));
  });

  it.each(['2001:4860:4860::8888', '2606:4700:4700::1111', '2a00:1450:4001:81b::200e', '[2001:4860:4860::8888]'])(
    'IPv6 %s is public',
    (address) => expect(classifyAddress(address)).toEqual({ public: true }),
  );

  describe('IPv4 embedded in IPv6 is judged by the IPv4 address', () => {
    it.each([
      ['::ffff:127.0.0.1', 'loopback (127.0.0.0/8) via IPv4-mapped ::ffff:0:0/96'],
      ['::ffff:7f00:1', 'loopback (127.0.0.0/8) via IPv4-mapped ::ffff:0:0/96'],
      ['0:0:0:0:0:ffff:a9fe:a9fe', 'link-local (169.254.0.0/16) via IPv4-mapped ::ffff:0:0/96'],
      ['::ffff:10.1.2.3', 'private (10.0.0.0/8) via IPv4-mapped ::ffff:0:0/96'],
      ['64:ff9b::10.0.0.1', 'private (10.0.0.0/8) via NAT64 64:ff9b::/96'],
      ['64:ff9b::a9fe:a9fe', 'link-local (169.254.0.0/16) via NAT64 64:ff9b::/96'],
      ['2002:7f00:1::', 'loopback (127.0.0.0/8) via 6to4 2002::/16'],
      ['2002:c0a8:101::1', 'private (192.168.0.0/16) via 6to4 2002::/16'],
    ])('%s is %s', (address, reason) => {
      expect(classifyAddress(address)).toEqual(notPublic(reason));
    });

    it.each(['::ffff:8.8.8.8', '64:ff9b::8.8.8.8', '64:ff9b::808:808', '2002:808:808::1'])('%s is public', (address) =>
      expect(classifyAddress(address)).toEqual({ public: true }),
    );
  });

  it.each(['localhost', 'example.com', '', '2130706433', '0x7f.0.0.1', '0177.0.0.1', '127.1', '1.2.3.4.5', '::g'])(
    'fails closed on %j, which is not a canonical IP address',
    (text) => expect(classifyAddress(text)).toEqual(notPublic('not an IP address')),
  );
});
