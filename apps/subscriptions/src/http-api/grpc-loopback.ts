import * as grpc from '@grpc/grpc-js';
import type * as protobuf from 'protobufjs';
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
 * is dialled on loopback.
 */
export class GrpcLoopback {
  private port?: number;
  private client?: grpc.Client;

  constructor(private readonly bindHost: string) {}

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
    this.client ??= new grpc.Client(this.address, grpc.credentials.createInsecure());
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
