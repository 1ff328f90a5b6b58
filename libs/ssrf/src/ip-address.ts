import { isIPv4, isIPv6 } from 'node:net';

/** An IP address as a number: 32 bits for IPv4, 128 bits for IPv6. */
export interface IpAddress {
  family: 4 | 6;
  value: bigint;
}

/** An address block such as `10.0.0.0/8` or `fc00::/7`. */
export interface Cidr {
  family: 4 | 6;
  base: bigint;
  prefix: number;
  /** Canonical text, for messages. */
  text: string;
}

const BITS = { 4: 32, 6: 128 } as const;

/** Removes the brackets of an IPv6 URL host (`[::1]` -> `::1`). */
export function unbracket(host: string): string {
  return host.startsWith('[') && host.endsWith(']') ? host.slice(1, -1) : host;
}

/**
 * Parses a canonical IPv4 dotted quad or an IPv6 address (brackets and a `%zone` suffix are
 * ignored) into a number; anything else — including a host name — gives null. Odd IPv4
 * spellings (`2130706433`, `0x7f.1`, `0177.0.0.1`) are not accepted here on purpose: URL hosts
 * are normalised by the WHATWG URL parser first, and DNS answers are always canonical.
 */
export function parseIp(text: string): IpAddress | null {
  const bare = unbracket(text);
  if (isIPv4(bare)) {
    const value = bare.split('.').reduce((sum, part) => (sum << 8n) | BigInt(Number(part)), 0n);
    return { family: 4, value };
  }
  const unzoned = bare.split('%')[0];
  if (!isIPv6(unzoned)) return null;
  return { family: 6, value: parseIPv6(unzoned) };
}

function parseIPv6(text: string): bigint {
  const groupsOf = (part: string): number[] => {
    if (part === '') return [];
    return part.split(':').flatMap((group) => {
      if (!group.includes('.')) return [parseInt(group, 16)];
      const [a, b, c, d] = group.split('.').map(Number);
      return [(a << 8) | b, (c << 8) | d];
    });
  };
  const [head, tail] = text.split('::');
  const left = groupsOf(head);
  const right = tail === undefined ? [] : groupsOf(tail);
  const groups = [...left, ...new Array<number>(8 - left.length - right.length).fill(0), ...right];
  return groups.reduce((sum, group) => (sum << 16n) | BigInt(group), 0n);
}

/** Formats an address back to text (IPv6 without zero compression; used in messages and tests). */
export function formatIp(ip: IpAddress): string {
  if (ip.family === 4) return [24n, 16n, 8n, 0n].map((shift) => String((ip.value >> shift) & 0xffn)).join('.');
  const groups = Array.from({ length: 8 }, (_, i) => ((ip.value >> BigInt(112 - i * 16)) & 0xffffn).toString(16));
  return groups.join(':');
}

/**
 * Parses `a.b.c.d/n` or `x:y::/n`; an address without `/n` is a single host. Fails with a
 * message naming the input when the address or prefix is invalid or host bits are set
 * (`10.0.0.1/8` is a typo far more often than an intent).
 */
export function parseCidr(text: string): Cidr {
  const trimmed = text.trim();
  const [address, prefixText, extra] = trimmed.split('/');
  const ip = extra === undefined ? parseIp(address) : null;
  if (!ip || address.includes('%') || address.startsWith('[')) {
    throw new Error(`"${text}" is not a CIDR block (expected e.g. 10.0.0.0/8 or fc00::/7)`);
  }
  const bits = BITS[ip.family];
  const prefix = prefixText === undefined ? bits : /^\d{1,3}$/.test(prefixText) ? Number(prefixText) : NaN;
  if (!(prefix >= 0 && prefix <= bits)) {
    throw new Error(`"${text}" is not a CIDR block: the prefix length must be 0-${bits}`);
  }
  const base = ip.value & mask(ip.family, prefix);
  if (base !== ip.value) {
    const canonical = `${formatIp({ family: ip.family, value: base })}/${prefix}`;
    throw new Error(`"${text}" is not a CIDR block: host bits are set (did you mean ${canonical}?)`);
  }
  return { family: ip.family, base, prefix, text: `${address}/${prefix}` };
}

/** Whether `cidr` contains `ip` (never across families; see `embeddedIPv4` for mapped forms). */
export function cidrContains(cidr: Cidr, ip: IpAddress): boolean {
  return cidr.family === ip.family && (ip.value & mask(ip.family, cidr.prefix)) === cidr.base;
}

function mask(family: 4 | 6, prefix: number): bigint {
  const bits = BigInt(BITS[family]);
  return ((1n << bits) - 1n) ^ ((1n << (bits - BigInt(prefix))) - 1n);
}
