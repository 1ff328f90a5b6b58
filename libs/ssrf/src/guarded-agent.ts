import { isIP } from 'node:net';
import { Agent, buildConnector } from 'undici';
import { unbracket } from './ip-address';
import { firstBlocked, parseAllowlist, systemLookup, type AddressLookup, type UrlPolicy } from './url-policy';

export const SSRF_BLOCKED = 'ERR_SSRF_BLOCKED';

/**
 * A connection the guard refused before opening it. Recognisable by `code` (undici hands
 * connector errors to the request unchanged); the message reads
 * `blocked: 127.0.0.1 is loopback (127.0.0.0/8)`, ready for the attempt log.
 */
export class SsrfBlockedError extends Error {
  readonly code = SSRF_BLOCKED;

  constructor(readonly detail: string) {
    super(`blocked: ${detail}`);
    this.name = 'SsrfBlockedError';
  }
}

export function isSsrfBlocked(error: unknown): error is SsrfBlockedError {
  return (error as { code?: unknown } | null)?.code === SSRF_BLOCKED;
}

/**
 * An undici Agent that can only reach public (or allowlisted) addresses. Each new connection
 * resolves its host once, refuses it if ANY address is not allowed, and then connects to the
 * checked address itself — never to the name — so a DNS answer that changes between check and
 * connect (DNS rebinding) cannot redirect it. TLS keeps the host name as `servername`, so SNI
 * and certificate verification still use the name. Keep-alive connections were checked when
 * they opened; redirects are never followed (undici's `request` does not follow them).
 *
 * `options.connect` must be connect options (timeout, TLS settings), not a connector function.
 */
export function createGuardedAgent(
  options: Agent.Options,
  policy: UrlPolicy,
  lookup: AddressLookup = systemLookup,
): Agent {
  const { connect, ...agentOptions } = options;
  if (typeof connect === 'function') throw new TypeError('createGuardedAgent: pass connect options, not a connector');
  const allow = parseAllowlist(policy.allowCidrs);
  const connectTo = buildConnector(connect ?? {});

  const guarded: buildConnector.connector = (target, callback) => {
    const hostname = unbracket(target.hostname);
    if (target.protocol === 'http:' && !policy.allowHttp) {
      callback(new SsrfBlockedError(`plain http to ${hostname} is not allowed`), null);
      return;
    }
    checkedAddress(hostname, allow, lookup).then(
      (address) =>
        connectTo(
          {
            ...target,
            hostname: address,
            // An IP literal has no SNI; a name keeps it (also pins TLS session reuse to the name).
            servername: target.servername || (isIP(hostname) ? undefined : hostname),
          },
          callback,
        ),
      (error: unknown) => callback(error instanceof Error ? error : new Error(String(error)), null),
    );
  };
  return new Agent({ ...agentOptions, connect: guarded });
}

/** Resolves `hostname` once and returns the address to connect to, or throws SsrfBlockedError. */
async function checkedAddress(
  hostname: string,
  allow: ReturnType<typeof parseAllowlist>,
  lookup: AddressLookup,
): Promise<string> {
  const literal = isIP(hostname) !== 0;
  const addresses = literal ? [hostname] : (await lookup(hostname)).map((a) => a.address);
  if (addresses.length === 0) throw Object.assign(new Error(`${hostname} has no address`), { code: 'ENOTFOUND' });
  const blocked = firstBlocked(addresses, allow);
  if (blocked) {
    const where = literal ? blocked.address : `${hostname} resolves to ${blocked.address}, which`;
    throw new SsrfBlockedError(`${where} is ${blocked.reason}`);
  }
  return addresses[0];
}
