import { status, type Metadata } from '@grpc/grpc-js';
import { type CallHandler, type ExecutionContext, type NestInterceptor } from '@nestjs/common';
import { RpcException } from '@nestjs/microservices';
import type { Observable } from 'rxjs';

/** Request metadata a gRPC call may carry: auth, tracing and deadlines need far less. */
export const MAX_METADATA_BYTES = 16 * 1024;

/**
 * Refuses gRPC calls whose metadata exceeds `limit` bytes with RESOURCE_EXHAUSTED, before any
 * handler runs. grpc-js has no server-side metadata limit of its own.
 */
export class MetadataLimitInterceptor implements NestInterceptor {
  constructor(private readonly limit: number) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (context.getType() === 'rpc') {
      const metadata = context.switchToRpc().getContext<Metadata | undefined>();
      let size = 0;
      for (const [key, values] of Object.entries(metadata?.getMap() ?? {})) {
        size += key.length + (Buffer.isBuffer(values) ? values.length : String(values).length);
      }
      if (size > this.limit) {
        throw new RpcException({
          code: status.RESOURCE_EXHAUSTED,
          message: `metadata: ${size} bytes; the limit is ${this.limit}`,
        });
      }
    }
    return next.handle();
  }
}
