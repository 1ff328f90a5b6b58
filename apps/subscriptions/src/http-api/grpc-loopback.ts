import type { X509Certificate } from 'node:crypto';
import { createSecureContext } from 'node:tls';
import * as grpc from '@grpc/grpc-js';
import type * as protobuf from 'protobufjs';
import { ConfigError } from '@webhooks/config';
import { leafCertificate, pemCertificates, type GrpcTls } from '@webhooks/runtime';
import type { HttpRoute } from './http-route';

/**
 * Upper bound of one gateway call. Above the longest server-side operation (RedriveDeadLetters,
 * REDRIVE_TIMEOUT 60 s by default) so the server's own timeout answers first, with its message.
 */
const CALL_DEADLINE_MS = 120_000;

/**
 * The gateway's channel to this process's own gRPC server. Transcoded requests go through the
 * real server, so authentication, validation and error mapping live in the gRPC handlers only.
 * The port is learned when the server has bound (GRPC_PORT may be 0); a wildcard bind address
 * is dialled on loopback. Under TLS it speaks TLS, see loopbackCredentials for whom it trusts and
 * which certificate it presents.
 */
export class GrpcLoopback {
  private port?: number;
  private client?: grpc.Client;
  private readonly credentials: grpc.ChannelCredentials;
  private readonly channelOptions: grpc.ChannelOptions;

  /** Throws a ConfigError when mutual TLS is on and the gateway could not authenticate (see loopbackCredentials). */
  constructor(
    private readonly bindHost: string,
    tls?: GrpcTls,
  ) {
    if (tls?.clientCa) assertGatewayCanAuthenticate(tls);
    this.credentials = loopbackCredentials(tls);
    // TLS SNI must be a name, not the IP dialled (RFC 6066; Node warns). The server ignores it.
    this.channelOptions = tls ? { 'grpc.ssl_target_name_override': 'localhost' } : {};
  }

  /** Called by runService once the gRPC server listens. */
  bound(port: number): void {
    this.port = port;
  }

  get address(): string {
    if (this.port === undefined) throw new Error('gRPC server has not bound yet');
    return `${dialHost(this.bindHost)}:${this.port}`;
  }

  /**
   * One unary call with an already-transcoded request (proto field names). `authorization` is
   * passed through as call metadata; aborting `signal` (the HTTP client went away) cancels it.
   */
  call(
    route: HttpRoute,
    fields: Record<string, unknown>,
    authorization: string | undefined,
    signal: AbortSignal,
  ): Promise<protobuf.Message> {
    this.client ??= new grpc.Client(this.address, this.credentials, this.channelOptions);
    const metadata = new grpc.Metadata();
    if (authorization) metadata.set('authorization', authorization);
    const { requestType, responseType } = route;
    return new Promise((resolve, reject) => {
      const call = this.client!.makeUnaryRequest(
        route.grpcPath,
        (value: Record<string, unknown>) => Buffer.from(requestType.encode(requestType.fromObject(value)).finish()),
        (bytes: Buffer) => responseType.decode(bytes),
        fields,
        metadata,
        { deadline: Date.now() + CALL_DEADLINE_MS },
        (error, response) => (error ? reject(error) : resolve(response!)),
      );
      signal.addEventListener('abort', () => call.cancel(), { once: true });
    });
  }

  close(): void {
    this.client?.close();
  }
}

/** A wildcard bind address is not dialable: `0.0.0.0` → `127.0.0.1`, `::` → `[::1]`. */
export function dialHost(bindHost: string): string {
  if (bindHost === '0.0.0.0' || bindHost === '') return '127.0.0.1';
  if (bindHost === '::' || bindHost === '[::]') return '[::1]';
  return bindHost.includes(':') && !bindHost.startsWith('[') ? `[${bindHost}]` : bindHost;
}

/**
 * The gateway's channel credentials. The rule, chosen so TLS needs no further configuration:
 * - it trusts exactly the certificate its own server presents (the leaf of GRPC_TLS_CERT_FILE,
 *   pinned as the only trust anchor) and skips the host-name check: it dials 127.0.0.1, which a
 *   certificate made for a Service name rarely lists, and a pinned certificate already is the
 *   identity. No CA variable is needed for this direction.
 * - under mutual TLS it presents that same certificate and key as its client certificate, so
 *   GRPC_TLS_CERT_FILE must be issued by GRPC_TLS_CLIENT_CA_FILE and be usable for client auth
 *   (true when one issuer signs both, e.g. a cert-manager Certificate whose ca.crt is its issuer).
 * Pinning a leaf needs Node's `allowPartialTrustChain` (Node >= 20.18).
 */
export function loopbackCredentials(tls: GrpcTls | undefined): grpc.ChannelCredentials {
  if (!tls) return grpc.credentials.createInsecure();
  const context = createSecureContext({
    ca: leafCertificate(tls.certChain).toString(),
    allowPartialTrustChain: true,
    cert: tls.certChain,
    key: tls.privateKey,
  });
  return grpc.credentials.createFromSecureContext(context, { checkServerIdentity: () => undefined });
}

/** TLS Web Client Authentication, the extended key usage a client certificate needs when it lists any. */
const CLIENT_AUTH_OID = '1.3.6.1.5.5.7.3.2';

/**
 * Under mutual TLS the gateway authenticates with the server's own certificate (see
 * loopbackCredentials). Checked at start so a certificate the server would refuse stops the
 * process with the variables named, rather than every HTTP call failing. The chain is followed
 * through the intermediates GRPC_TLS_CERT_FILE carries up to a certificate of the client CA file.
 */
export function assertGatewayCanAuthenticate(tls: GrpcTls): void {
  const [leaf, ...intermediates] = pemCertificates(tls.certChain);
  const authorities = pemCertificates(tls.clientCa ?? '');
  const problems: string[] = [];
  const usages = leaf.keyUsage as string[] | undefined;
  if (usages && !usages.includes(CLIENT_AUTH_OID))
    problems.push(
      'GRPC_TLS_CERT_FILE: the HTTP gateway presents this certificate to its own gRPC server under mutual TLS, but its extended key usage lacks clientAuth',
    );
  let current = leaf;
  const seen = new Set<X509Certificate>();
  while (!authorities.some((ca) => current.checkIssued(ca) && current.verify(ca.publicKey))) {
    seen.add(current);
    const parent = intermediates.find((c) => !seen.has(c) && current.checkIssued(c) && current.verify(c.publicKey));
    if (!parent) {
      problems.push(
        'GRPC_TLS_CERT_FILE: the HTTP gateway presents this certificate to its own gRPC server under mutual TLS, so it must be issued by a CA in GRPC_TLS_CLIENT_CA_FILE',
      );
      break;
    }
    current = parent;
  }
  if (problems.length) throw new ConfigError(problems);
}
