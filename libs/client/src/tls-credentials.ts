import { readFileSync } from 'node:fs';
import * as grpc from '@grpc/grpc-js';

/** PEM files for a TLS channel to a platform whose gRPC servers set GRPC_TLS_*. */
export interface TlsFiles {
  /** CA that issued the server's certificate; omitted = the system's trusted roots. */
  caFile?: string;
  /** Client certificate (chain) and its key, for servers with GRPC_TLS_CLIENT_CA_FILE (mutual TLS). */
  certFile?: string;
  keyFile?: string;
}

/**
 * Channel credentials for `ClientOptions.credentials`: the server is verified against `caFile`
 * and must present a certificate for the host name dialled; a client certificate is presented
 * when the server asks (mutual TLS). Files are read once, here; a missing one, or a certificate
 * without its key, throws an Error naming it.
 */
export function tlsCredentials(
  files: TlsFiles,
  read: (path: string) => Buffer = readFileSync,
): grpc.ChannelCredentials {
  if (!files.certFile !== !files.keyFile)
    throw new Error('TLS: a client certificate needs its key, and a key its certificate');
  const load = (what: string, path: string | undefined) => {
    if (!path) return null;
    try {
      return read(path);
    } catch (error) {
      throw new Error(
        `TLS: cannot read the ${what} "${path}" (${(error as NodeJS.ErrnoException).code ?? String(error)})`,
      );
    }
  };
  return grpc.credentials.createSsl(
    load('CA certificate', files.caFile),
    load('client key', files.keyFile),
    load('client certificate', files.certFile),
  );
}
