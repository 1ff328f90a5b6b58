import { status } from '@grpc/grpc-js';
import type { PackageDefinition } from '@grpc/proto-loader';
import { type CallHandler, type ExecutionContext, type NestInterceptor } from '@nestjs/common';
import { RpcException } from '@nestjs/microservices';
import type { Observable } from 'rxjs';

const MALFORMED = Symbol('malformed-request');

/** What a tolerant deserializer returns for a request it could not accept. */
interface MalformedRequest {
  [MALFORMED]: string;
}

/** The path of the first string (depth-first) that contains a NUL character, or undefined. */
function nulField(value: unknown, path: string): string | undefined {
  if (typeof value === 'string') return value.includes('\u0000') ? path || 'request' : undefined;
  if (Buffer.isBuffer(value) || value === null || typeof value !== 'object') return undefined;
  for (const [key, item] of Object.entries(value as Record<string, unknown>)) {
    const found = nulField(item, Array.isArray(value) ? `${path}[${key}]` : path ? `${path}.${key}` : key);
    if (found) return found;
  }
  return undefined;
}

/**
 * grpc-js answers INTERNAL ("Error deserializing request") when a request's bytes do not decode,
 * which blames the server for a client's malformed message. This wraps every method's
 * `requestDeserialize` in the package definition (before the server registers it) so a decode
 * failure yields a marker instead; MalformedRequestInterceptor answers it with INVALID_ARGUMENT
 * before any handler runs. Text fields containing NUL are refused the same way: PostgreSQL text
 * cannot store 0x00 (the insert would fail as an unknown server error), and no id, URL or event
 * type legitimately contains one. `bytes` fields (payloads) are not touched.
 */
export function tolerantDeserializers(definition: PackageDefinition): void {
  for (const entry of Object.values(definition)) {
    if ('format' in entry) continue; // a message or enum type, not a service
    for (const method of Object.values(entry)) {
      const decode = method.requestDeserialize;
      method.requestDeserialize = (buffer: Buffer): object => {
        let request: object;
        try {
          request = decode(buffer);
        } catch (error) {
          return { [MALFORMED]: `malformed request: ${(error as Error).message}` } satisfies MalformedRequest;
        }
        const field = nulField(request, '');
        return field
          ? ({ [MALFORMED]: `${field}: must not contain NUL characters` } satisfies MalformedRequest)
          : request;
      };
    }
  }
}

/** Answers requests marked by tolerantDeserializers with INVALID_ARGUMENT. */
export class MalformedRequestInterceptor implements NestInterceptor {
  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (context.getType() === 'rpc') {
      const data = context.switchToRpc().getData<Partial<MalformedRequest> | undefined>();
      const problem = data?.[MALFORMED];
      if (problem) throw new RpcException({ code: status.INVALID_ARGUMENT, message: problem });
    }
    return next.handle();
  }
}
