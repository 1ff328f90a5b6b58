import { Catch, type ArgumentsHost, type RpcExceptionFilter } from '@nestjs/common';
import { BaseRpcExceptionFilter, RpcException } from '@nestjs/microservices';
import { throwError, type Observable } from 'rxjs';

/**
 * grpc-js percent-encodes a status message with `encodeURIComponent`, which throws on a lone
 * UTF-16 surrogate — and that throw escapes as an unhandled error that kills the process. Error
 * messages may quote caller input (an id, a name, a cut-off value), so every RPC error's message
 * is made well-formed (lone surrogates become U+FFFD) before it leaves. Found by the gRPC fuzz.
 */
@Catch()
export class WellFormedRpcErrorsFilter implements RpcExceptionFilter<unknown> {
  private readonly fallback = new BaseRpcExceptionFilter();

  catch(exception: unknown, host: ArgumentsHost): Observable<unknown> {
    if (!(exception instanceof RpcException)) return this.fallback.catch(exception, host);
    const error = exception.getError();
    if (typeof error === 'string') return throwError(() => ({ message: wellFormed(error) }));
    const { message } = error as { message?: unknown };
    return throwError(() => (typeof message === 'string' ? { ...error, message: wellFormed(message) } : error));
  }
}

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** The message with every lone surrogate replaced by U+FFFD (String#toWellFormed, Node 20 without ES2024 typings). */
export function wellFormed(message: string): string {
  return message.replace(LONE_SURROGATE, '\uFFFD');
}
