import { lookup as dnsLookup } from 'node:dns/promises';
import { classifyIp, embeddedIPv4 } from './address-classification';
import { cidrContains, parseCidr, parseIp, unbracket, type Cidr, type IpAddress } from './ip-address';

/** Where endpoints may point. Production: `{ allowHttp: false, allowCidrs: [] }`. */
export interface UrlPolicy {
  /** Accept plain http:// URLs (local development and tests only). */
  allowHttp: boolean;
  /**
   * Blocks that are reachable even though they are not public, e.g. `127.0.0.0/8` for a test
   * receiver. An IPv4 block also admits the IPv4-mapped, NAT64 and 6to4 forms of its addresses.
   */
  allowCidrs: readonly string[];
}

/** One answer of a DNS lookup, as `dns.lookup(host, { all: true })` gives it. */
export interface ResolvedAddress {
  address: string;
  family: number;
}

/** Resolves a host name to every address it has; injectable so tests can fake DNS. */
export type AddressLookup = (hostname: string) => Promise<readonly ResolvedAddress[]>;

/** The operating system's resolver (getaddrinfo: /etc/hosts, then DNS), every address. */
export const systemLookup: AddressLookup = (hostname) => dnsLookup(hostname, { all: true });

export const MAX_URL_LENGTH = 2048;

/**
 * An endpoint URL the policy refuses. `field` and `reason` map onto an INVALID_ARGUMENT field
 * violation; the message reads `url: 10.0.0.5 is private (10.0.0.0/8)`.
 */
export class UrlRejectedError extends Error {
  readonly field = 'url';

  constructor(readonly reason: string) {
    super(`url: ${reason}`);
    this.name = 'UrlRejectedError';
  }
}

/**
 * Parses a policy's allowlist; throws naming the bad entry, so a typo stops the process at boot
 * instead of silently blocking (or admitting) something.
 */
export function parseAllowlist(cidrs: readonly string[]): Cidr[] {
  return cidrs.map(parseCidr);
}

/** Why `ip` may not be contacted under `allow`, or null when it may. */
export function blockedReason(ip: IpAddress, allow: readonly Cidr[]): string | null {
  const embedded = embeddedIPv4(ip)?.ipv4;
  if (allow.some((cidr) => cidrContains(cidr, ip) || (embedded && cidrContains(cidr, embedded)))) return null;
  const verdict = classifyIp(ip);
  return verdict.public ? null : verdict.reason;
}

/**
 * The first of `addresses` that may not be contacted, with why. One bad address rejects the
 * whole host: a name that resolves to both a public and a private address is either
 * misconfigured or an attack (the client would pick either one).
 */
export function firstBlocked(
  addresses: readonly string[],
  allow: readonly Cidr[],
): { address: string; reason: string } | null {
  for (const address of addresses) {
    const ip = parseIp(address);
    const reason = ip ? blockedReason(ip, allow) : 'not an IP address';
    if (reason) return { address, reason };
  }
  return null;
}

/**
 * Checks what can be checked without the network and returns the normalised URL: http(s) only,
 * https unless the policy allows http, no credentials, a host, at most 2048 characters, and a
 * literal IP host must be public or allowlisted. Odd IPv4 spellings (`2130706433`, `0x7f.1`,
 * `0177.0.0.1`) are normalised by the WHATWG URL parser before the check, so they are judged
 * as the dotted quad they mean. Host names still need `resolveEndpointUrl`.
 */
export function checkEndpointUrl(raw: string, policy: UrlPolicy): string {
  return parseEndpointUrl(raw, policy, parseAllowlist(policy.allowCidrs)).href;
}

/**
 * `checkEndpointUrl`, then resolves the host and rejects the URL if any address is neither
 * public nor allowlisted, or if the name does not resolve. For endpoint creation and updates;
 * the dispatcher repeats the check on every connection (`createGuardedAgent`), because DNS
 * answers change after creation.
 */
export async function resolveEndpointUrl(
  raw: string,
  policy: UrlPolicy,
  lookup: AddressLookup = systemLookup,
): Promise<string> {
  const allow = parseAllowlist(policy.allowCidrs);
  const url = parseEndpointUrl(raw, policy, allow);
  const hostname = unbracket(url.hostname);
  if (parseIp(hostname)) return url.href;
  let addresses: readonly ResolvedAddress[];
  try {
    addresses = await lookup(hostname);
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    throw new UrlRejectedError(`host ${hostname} does not resolve${typeof code === 'string' ? ` (${code})` : ''}`);
  }
  if (addresses.length === 0) throw new UrlRejectedError(`host ${hostname} does not resolve`);
  const blocked = firstBlocked(
    addresses.map((a) => a.address),
    allow,
  );
  if (blocked) throw new UrlRejectedError(`${hostname} resolves to ${blocked.address}, which is ${blocked.reason}`);
  return url.href;
}

function parseEndpointUrl(raw: string, policy: UrlPolicy, allow: readonly Cidr[]): URL {
  if (!raw) throw new UrlRejectedError('is required');
  if (raw.length > MAX_URL_LENGTH) throw new UrlRejectedError(`is longer than ${MAX_URL_LENGTH} characters`);
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new UrlRejectedError('is not an absolute URL');
  }
  const schemes = policy.allowHttp ? ['https:', 'http:'] : ['https:'];
  if (!schemes.includes(url.protocol)) {
    throw new UrlRejectedError(policy.allowHttp ? 'must be http or https' : 'must be https');
  }
  if (url.username || url.password) throw new UrlRejectedError('must not contain credentials');
  const hostname = unbracket(url.hostname);
  if (!hostname) throw new UrlRejectedError('has no host');
  const ip = parseIp(hostname);
  const reason = ip && blockedReason(ip, allow);
  if (reason) throw new UrlRejectedError(`${hostname} is ${reason}`);
  return url;
}
