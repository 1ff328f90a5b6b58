import { createPrivateKey, X509Certificate, type KeyObject } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { ServerCredentials } from '@grpc/grpc-js';
import { z } from 'zod';
import { ConfigError, variable, type ConfigOf } from '@webhooks/config';

/**
 * TLS of a gRPC server, shared by every service that serves gRPC. Empty (the default) is
 * plaintext, for a cluster where a mesh or the network already protects the traffic.
 */
export const grpcTlsVariables = {
  GRPC_TLS_CERT_FILE: variable(
    'PEM certificate (chain, leaf first) the gRPC server presents; with GRPC_TLS_KEY_FILE it turns TLS on. Empty = plaintext gRPC. Read once at start: a renewed certificate takes effect after a restart.',
    z.string().default(''),
  ),
  GRPC_TLS_KEY_FILE: variable('PEM private key of GRPC_TLS_CERT_FILE; set both or neither.', z.string().default('')),
  GRPC_TLS_CLIENT_CA_FILE: variable(
    'PEM CA certificate(s); set = mutual TLS: every gRPC client must present a certificate issued by one of them. Needs GRPC_TLS_CERT_FILE and GRPC_TLS_KEY_FILE.',
    z.string().default(''),
  ),
};

export type GrpcTlsConfig = ConfigOf<typeof grpcTlsVariables>;

/** The certificate material of a TLS gRPC server, read and checked at start. */
export interface GrpcTls {
  /** PEM certificate chain, leaf first. */
  certChain: Buffer;
  privateKey: Buffer;
  /** Set = mutual TLS: clients must present a certificate issued by one of these CAs. */
  clientCa?: Buffer;
}

type ReadFile = (path: string) => Buffer;

/**
 * Reads the files GRPC_TLS_* name, once, and checks them the way the config schema checks a
 * value: a missing half of the pair, an unreadable file, a file that is not PEM or a key that
 * does not belong to the certificate stops the process with a ConfigError naming the variable,
 * instead of a TLS handshake failing later for every client. Undefined = plaintext.
 */
export function loadGrpcTls(config: GrpcTlsConfig, read: ReadFile = readFileSync): GrpcTls | undefined {
  const { GRPC_TLS_CERT_FILE: certFile, GRPC_TLS_KEY_FILE: keyFile, GRPC_TLS_CLIENT_CA_FILE: caFile } = config;
  if (!certFile && !keyFile) {
    if (caFile)
      throw new ConfigError([
        'GRPC_TLS_CLIENT_CA_FILE: mutual TLS needs GRPC_TLS_CERT_FILE and GRPC_TLS_KEY_FILE as well',
      ]);
    return undefined;
  }
  if (!certFile || !keyFile) {
    const missing = certFile ? 'GRPC_TLS_KEY_FILE' : 'GRPC_TLS_CERT_FILE';
    throw new ConfigError([`${missing}: must be set with ${certFile ? 'GRPC_TLS_CERT_FILE' : 'GRPC_TLS_KEY_FILE'}`]);
  }
  const problems: string[] = [];
  const readPem = <T>(name: string, path: string, parse: (pem: Buffer) => T, what: string) => {
    let pem: Buffer;
    try {
      pem = read(path);
    } catch (error) {
      problems.push(`${name}: cannot read "${path}" (${(error as NodeJS.ErrnoException).code ?? String(error)})`);
      return undefined;
    }
    try {
      return { pem, parsed: parse(pem) };
    } catch {
      problems.push(`${name}: "${path}" is not ${what}`);
      return undefined;
    }
  };
  const cert = readPem('GRPC_TLS_CERT_FILE', certFile, (pem) => leafCertificate(pem), 'a PEM certificate');
  const key = readPem('GRPC_TLS_KEY_FILE', keyFile, (pem): KeyObject => createPrivateKey(pem), 'a PEM private key');
  const ca = caFile
    ? readPem('GRPC_TLS_CLIENT_CA_FILE', caFile, (pem) => leafCertificate(pem), 'a PEM CA certificate')
    : undefined;
  if (cert && key && !cert.parsed.checkPrivateKey(key.parsed))
    problems.push(`GRPC_TLS_KEY_FILE: "${keyFile}" is not the private key of the certificate in GRPC_TLS_CERT_FILE`);
  if (problems.length || !cert || !key) throw new ConfigError(problems);
  return { certChain: cert.pem, privateKey: key.pem, ...(ca ? { clientCa: ca.pem } : {}) };
}

/** Server credentials for grpc-js: plaintext, TLS, or TLS that requires a client certificate. */
export function grpcServerCredentials(tls: GrpcTls | undefined): ServerCredentials {
  if (!tls) return ServerCredentials.createInsecure();
  return ServerCredentials.createSsl(
    tls.clientCa ?? null,
    [{ cert_chain: tls.certChain, private_key: tls.privateKey }],
    tls.clientCa !== undefined,
  );
}

/** How the server is reached, for the start-up log: `plaintext`, `tls` or `mtls`. */
export function grpcTlsMode(tls: GrpcTls | undefined): 'plaintext' | 'tls' | 'mtls' {
  if (!tls) return 'plaintext';
  return tls.clientCa ? 'mtls' : 'tls';
}

/** Every certificate of a PEM bundle, in file order. */
export function pemCertificates(pem: Buffer | string): X509Certificate[] {
  const blocks = pem.toString().match(/-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/g) ?? [];
  return blocks.map((block) => new X509Certificate(block));
}

/** The first certificate of a PEM bundle (the leaf of a chain); throws when there is none. */
export function leafCertificate(pem: Buffer | string): X509Certificate {
  const [first] = pemCertificates(pem);
  if (!first) throw new Error('no PEM certificate');
  return first;
}
