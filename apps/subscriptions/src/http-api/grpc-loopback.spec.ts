import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as grpc from '@grpc/grpc-js';
import { ConfigError } from '@webhooks/config';
import { grpcServerCredentials, type GrpcTls } from '@webhooks/runtime';
import { assertGatewayCanAuthenticate, loopbackCredentials } from './grpc-loopback';

/** A self-signed certificate named for a cluster Service only (not 127.0.0.1), with the openssl CLI. */
function selfSigned(dir: string, name: string, extendedKeyUsage = 'serverAuth,clientAuth'): GrpcTls {
  const cert = join(dir, `${name}.crt`);
  const key = join(dir, `${name}.key`);
  execFileSync('openssl', [
    'req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256', '-nodes', '-days', '1',
    '-subj', `/CN=${name}`, '-addext', `subjectAltName=DNS:${name}.webhooks.svc`,
    '-addext', `extendedKeyUsage=${extendedKeyUsage}`, '-keyout', key, '-out', cert,
  ], { stdio: 'pipe' }); // prettier-ignore
  return { certChain: readFileSync(cert), privateKey: readFileSync(key) };
}

describe('the gateway loopback under TLS', () => {
  const dir = mkdtempSync(join(tmpdir(), 'loopback-tls-'));
  const own = selfSigned(dir, 'subscriptions');
  const impostor = selfSigned(dir, 'impostor');
  const serverOnly = selfSigned(dir, 'server-only', 'serverAuth');

  const serve = async (tls: GrpcTls) => {
    const server = new grpc.Server();
    const port = await new Promise<number>((resolve, reject) =>
      server.bindAsync('127.0.0.1:0', grpcServerCredentials(tls), (error, bound) =>
        error ? reject(error) : resolve(bound),
      ),
    );
    return { server, address: `127.0.0.1:${port}` };
  };
  const handshake = (address: string, credentials: grpc.ChannelCredentials) =>
    new Promise<void>((resolve, reject) => {
      const client = new grpc.Client(address, credentials);
      client.waitForReady(Date.now() + 3_000, (error) => {
        client.close();
        if (error) reject(error);
        else resolve();
      });
    });

  it('reaches its own mTLS server on 127.0.0.1 with a certificate that names only the Service', async () => {
    const mtls = { ...own, clientCa: own.certChain };
    const { server, address } = await serve(mtls);
    try {
      await expect(handshake(address, loopbackCredentials(mtls))).resolves.toBeUndefined();
    } finally {
      server.forceShutdown();
    }
  });

  it('trusts only the pinned certificate, not whatever answers on the port', async () => {
    const { server, address } = await serve(impostor);
    try {
      await expect(handshake(address, loopbackCredentials(own))).rejects.toThrow();
    } finally {
      server.forceShutdown();
    }
  });

  it('refuses to start when the server certificate could not authenticate as a client', () => {
    expect(() => assertGatewayCanAuthenticate({ ...own, clientCa: own.certChain })).not.toThrow();
    expect(() => assertGatewayCanAuthenticate({ ...own, clientCa: impostor.certChain })).toThrow(
      /GRPC_TLS_CERT_FILE: .* must be issued by a CA in GRPC_TLS_CLIENT_CA_FILE/,
    );
    expect(() => assertGatewayCanAuthenticate({ ...serverOnly, clientCa: serverOnly.certChain })).toThrow(ConfigError);
  });
});
