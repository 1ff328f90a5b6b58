import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as grpc from '@grpc/grpc-js';
import { ConfigError } from '@webhooks/config';
import { grpcServerCredentials, grpcTlsMode, loadGrpcTls } from './grpc-tls';

/** A self-signed certificate for 127.0.0.1 (its own CA), made with the openssl CLI. */
function selfSigned(dir: string, name: string): { cert: string; key: string } {
  const cert = join(dir, `${name}.crt`);
  const key = join(dir, `${name}.key`);
  execFileSync('openssl', [
    'req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256', '-nodes', '-days', '1',
    '-subj', `/CN=${name}`, '-addext', 'subjectAltName=IP:127.0.0.1', '-keyout', key, '-out', cert,
  ], { stdio: 'pipe' }); // prettier-ignore
  return { cert, key };
}

const problemsOf = (run: () => unknown): string[] => {
  try {
    run();
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  throw new Error('expected a ConfigError');
};

describe('loadGrpcTls', () => {
  const dir = mkdtempSync(join(tmpdir(), 'grpc-tls-'));
  const server = selfSigned(dir, 'server');
  const other = selfSigned(dir, 'other');
  const garbage = join(dir, 'garbage.pem');
  writeFileSync(garbage, 'not a pem');
  const config = (cert = '', key = '', ca = '') => ({
    GRPC_TLS_CERT_FILE: cert,
    GRPC_TLS_KEY_FILE: key,
    GRPC_TLS_CLIENT_CA_FILE: ca,
  });

  it('is plaintext when nothing is set', () => {
    expect(loadGrpcTls(config())).toBeUndefined();
    expect(grpcTlsMode(undefined)).toBe('plaintext');
  });

  it('reads the pair (TLS) and the client CA (mutual TLS)', () => {
    const tls = loadGrpcTls(config(server.cert, server.key));
    expect(grpcTlsMode(tls)).toBe('tls');
    expect(tls?.certChain.toString()).toBe(readFileSync(server.cert, 'utf8'));
    expect(grpcTlsMode(loadGrpcTls(config(server.cert, server.key, other.cert)))).toBe('mtls');
  });

  it('names the missing half of the pair', () => {
    expect(problemsOf(() => loadGrpcTls(config(server.cert)))).toEqual([
      'GRPC_TLS_KEY_FILE: must be set with GRPC_TLS_CERT_FILE',
    ]);
    expect(problemsOf(() => loadGrpcTls(config('', server.key)))).toEqual([
      'GRPC_TLS_CERT_FILE: must be set with GRPC_TLS_KEY_FILE',
    ]);
    expect(problemsOf(() => loadGrpcTls(config('', '', other.cert)))[0]).toMatch(/^GRPC_TLS_CLIENT_CA_FILE: /);
  });

  it('names every unreadable or malformed file with its path', () => {
    const missing = join(dir, 'absent.crt');
    expect(problemsOf(() => loadGrpcTls(config(missing, garbage, garbage)))).toEqual([
      `GRPC_TLS_CERT_FILE: cannot read "${missing}" (ENOENT)`,
      `GRPC_TLS_KEY_FILE: "${garbage}" is not a PEM private key`,
      `GRPC_TLS_CLIENT_CA_FILE: "${garbage}" is not a PEM CA certificate`,
    ]);
  });

  it('refuses a key that does not belong to the certificate', () => {
    expect(problemsOf(() => loadGrpcTls(config(server.cert, other.key)))).toEqual([
      `GRPC_TLS_KEY_FILE: "${other.key}" is not the private key of the certificate in GRPC_TLS_CERT_FILE`,
    ]);
  });

  describe('grpcServerCredentials under mutual TLS', () => {
    let grpcServer: grpc.Server;
    let port = 0;
    const handshake = (credentials: grpc.ChannelCredentials) =>
      new Promise<void>((resolve, reject) => {
        const client = new grpc.Client(`127.0.0.1:${port}`, credentials);
        client.waitForReady(Date.now() + 3_000, (error) => {
          client.close();
          if (error) reject(error);
          else resolve();
        });
      });
    const read = (path: string) => readFileSync(path);

    beforeAll(async () => {
      grpcServer = new grpc.Server();
      const credentials = grpcServerCredentials(loadGrpcTls(config(server.cert, server.key, server.cert)));
      port = await new Promise<number>((resolve, reject) =>
        grpcServer.bindAsync('127.0.0.1:0', credentials, (error, bound) => (error ? reject(error) : resolve(bound))),
      );
    });

    afterAll(() => grpcServer.forceShutdown());

    it('accepts a client certificate issued by the client CA', async () => {
      await expect(
        handshake(grpc.credentials.createSsl(read(server.cert), read(server.key), read(server.cert))),
      ).resolves.toBeUndefined();
    });

    it('refuses a client without a certificate or with one from another CA', async () => {
      await expect(handshake(grpc.credentials.createSsl(read(server.cert)))).rejects.toThrow();
      await expect(
        handshake(grpc.credentials.createSsl(read(server.cert), read(other.key), read(other.cert))),
      ).rejects.toThrow();
    });
  });
});
