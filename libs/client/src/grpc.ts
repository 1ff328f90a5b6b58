import * as grpc from '@grpc/grpc-js';
import * as protoLoader from '@grpc/proto-loader';
import { PROTO_LOADER_OPTIONS, protoRoot } from '@webhooks/contracts';

/** Loads one of the platform's proto files into a typed grpc-js package object. */
export function loadProto<T>(file: string): T {
  const definition = protoLoader.loadSync(file, { ...PROTO_LOADER_OPTIONS, includeDirs: [protoRoot()] });
  return grpc.loadPackageDefinition(definition) as unknown as T;
}

export interface ClientOptions {
  /** `host:port` of the service. */
  address: string;
  /** TLS or insecure (default insecure, for in-cluster plaintext); `tlsCredentials` builds TLS from PEM files. */
  credentials?: grpc.ChannelCredentials;
  /** Per-call deadline in ms (default 10 s). */
  deadlineMs?: number;
  /** API key sent as `authorization: Bearer <key>` on every call. */
  apiKey?: string;
  /** Extra metadata on every call. */
  metadata?: Record<string, string>;
}

export function callMetadata(options: ClientOptions): grpc.Metadata {
  const metadata = new grpc.Metadata();
  if (options.apiKey) metadata.set('authorization', `Bearer ${options.apiKey}`);
  for (const [key, value] of Object.entries(options.metadata ?? {})) metadata.set(key, value);
  return metadata;
}

/** Promisifies one unary call with a fresh deadline. */
export function unary<Req, Res>(
  fn: (
    req: Req,
    md: grpc.Metadata,
    opts: grpc.CallOptions,
    cb: (err: grpc.ServiceError | null, res?: Res) => void,
  ) => unknown,
  request: Req,
  options: ClientOptions,
): Promise<Res> {
  return new Promise((resolve, reject) => {
    fn(request, callMetadata(options), { deadline: Date.now() + (options.deadlineMs ?? 10_000) }, (error, response) => {
      if (error) reject(error);
      else resolve(response as Res);
    });
  });
}
