import { cidrContains, parseCidr, parseIp, type Cidr, type IpAddress } from './ip-address';

/** Whether a webhook may be sent to an address, and if not, why. */
export type AddressClassification = { public: true } | { public: false; reason: string };

interface Block {
  cidr: Cidr;
  label: string;
}

const blocks = (entries: [string, string][]): Block[] =>
  entries.map(([cidr, label]) => ({ cidr: parseCidr(cidr), label }));

/**
 * IPv4 blocks that are not globally reachable: every entry of the IANA IPv4 Special-Purpose
 * Address Registry (RFC 6890 and successors) plus multicast (224.0.0.0/4, its own registry).
 * Whole blocks are refused even where the registry marks a few sub-blocks global (the anycast
 * services in 192.0.0.0/24): none of them is a webhook receiver. The first match names the reason.
 */
const IPV4_BLOCKS = blocks([
  ['0.0.0.0/8', '"this network"'],
  ['10.0.0.0/8', 'private'],
  ['100.64.0.0/10', 'CGNAT shared address space'],
  ['127.0.0.0/8', 'loopback'],
  ['169.254.0.0/16', 'link-local'],
  ['172.16.0.0/12', 'private'],
  ['192.0.0.0/24', 'IETF protocol assignments'],
  ['192.0.2.0/24', 'documentation (TEST-NET-1)'],
  ['192.88.99.0/24', 'deprecated 6to4 relay anycast'],
  ['192.168.0.0/16', 'private'],
  ['198.18.0.0/15', 'benchmarking'],
  ['198.51.100.0/24', 'documentation (TEST-NET-2)'],
  ['203.0.113.0/24', 'documentation (TEST-NET-3)'],
  ['224.0.0.0/4', 'multicast'],
  ['255.255.255.255/32', 'limited broadcast'],
  ['240.0.0.0/4', 'reserved'],
]);

/**
 * IPv6 forms that carry an IPv4 address the packet ends up at; they are judged by that address,
 * so `::ffff:127.0.0.1` is loopback and `64:ff9b::8.8.8.8` is public. The value is the bit
 * offset of the embedded address from the right.
 */
const EMBEDDING_FORMS: { cidr: Cidr; label: string; shift: bigint }[] = [
  { cidr: parseCidr('::ffff:0:0/96'), label: 'IPv4-mapped', shift: 0n },
  { cidr: parseCidr('64:ff9b::/96'), label: 'NAT64', shift: 0n },
  { cidr: parseCidr('2002::/16'), label: '6to4', shift: 80n },
];

/**
 * IPv6 blocks that are not globally reachable, from the IANA IPv6 Special-Purpose Address
 * Registry plus multicast and the deprecated site-local block. Teredo (2001::/32) is refused
 * outright rather than judged by its (obfuscated) client address: it tunnels through a relay
 * we do not control. The local-use NAT64 prefix 64:ff9b:1::/48 is refused outright too: its
 * embedding depends on the operator's prefix length, and it is local by definition.
 */
const IPV6_BLOCKS = blocks([
  ['::/128', 'unspecified'],
  ['::1/128', 'loopback'],
  ['::/96', 'deprecated IPv4-compatible'],
  ['64:ff9b:1::/48', 'local-use NAT64'],
  ['100::/64', 'discard-only'],
  ['2001::/32', 'Teredo'],
  ['2001:2::/48', 'benchmarking'],
  ['2001:db8::/32', 'documentation'],
  ['2001::/23', 'IETF protocol assignments'],
  ['3fff::/20', 'documentation'],
  ['5f00::/16', 'SRv6 segment identifiers'],
  ['fc00::/7', 'unique local (private)'],
  ['fe80::/10', 'link-local'],
  ['fec0::/10', 'deprecated site-local'],
  ['ff00::/8', 'multicast'],
]);

/** Everything routable on the IPv6 Internet is in 2000::/3; outside it nothing is public. */
const IPV6_GLOBAL_UNICAST = parseCidr('2000::/3');

/**
 * Classifies an IP address (as DNS returns it, or a URL host) as public or not. Default-deny
 * where it is cheap: anything that does not parse as an IP is not public, and IPv6 outside
 * 2000::/3 is not public even when no registry entry names it. Reasons read like
 * `private (10.0.0.0/8)` and are shown to API users and in the attempt log.
 */
export function classifyAddress(address: string): AddressClassification {
  const ip = parseIp(address);
  if (!ip) return { public: false, reason: 'not an IP address' };
  return classifyIp(ip);
}

export function classifyIp(ip: IpAddress): AddressClassification {
  if (ip.family === 4) {
    const block = IPV4_BLOCKS.find((b) => cidrContains(b.cidr, ip));
    return block ? { public: false, reason: `${block.label} (${block.cidr.text})` } : { public: true };
  }
  const embedding = embeddedIPv4(ip);
  if (embedding) {
    const inner = classifyIp(embedding.ipv4);
    return inner.public ? inner : { public: false, reason: `${inner.reason} via ${embedding.form}` };
  }
  const block = IPV6_BLOCKS.find((b) => cidrContains(b.cidr, ip));
  if (block) return { public: false, reason: `${block.label} (${block.cidr.text})` };
  if (!cidrContains(IPV6_GLOBAL_UNICAST, ip)) return { public: false, reason: 'reserved (outside 2000::/3)' };
  return { public: true };
}

/** The IPv4 address an IPv4-mapped, NAT64 (64:ff9b::/96) or 6to4 address leads to, if any. */
export function embeddedIPv4(ip: IpAddress): { ipv4: IpAddress; form: string } | null {
  if (ip.family !== 6) return null;
  const form = EMBEDDING_FORMS.find((f) => cidrContains(f.cidr, ip));
  if (!form) return null;
  return {
    ipv4: { family: 4, value: (ip.value >> form.shift) & 0xffffffffn },
    form: `${form.label} ${form.cidr.text}`,
  };
}
