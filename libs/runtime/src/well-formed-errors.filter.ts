import { Catch, type ArgumentsHost, type RpcExceptionFilter } from '@nestjs/common';
import { BaseRpcExceptionFilter, RpcException } from '@nestjs/microservices';
import { throwError, type Observable } from 'rxjs';

/**
 * grpc-js percent-encodes a status message with `encodeURIComponent`, which throws on a lone
 * UTF-16 surrogate — and that throw escapes as an unhandled error that kills the process. Error
 * messages may quote caller input (an id, a name, a cut-off value), so every RPC error's message
 * is made well-formed (lone surrogates become U+FFFD) before it leaves. Found by the gRPC fuzz.
 */
/**
 * Turns an error a handler did not anticipate into a gRPC status when the service knows what it
 * means (e.g. "database unreachable" → UNAVAILABLE); undefined leaves it to Nest (UNKNOWN).
 */
export type UnexpectedErrorClassifier = (error: unknown) => RpcException | undefined;

@Catch()
export class WellFormedRpcErrorsFilter implements RpcExceptionFilter<unknown> {
  private readonly fallback = new BaseRpcExceptionFilter();

  constructor(private readonly classify: UnexpectedErrorClassifier = () => undefined) {}

  catch(thrown: unknown, host: ArgumentsHost): Observable<unknown> {
    const exception = thrown instanceof RpcException ? thrown : this.classify(thrown);
    if (!exception) return this.fallback.catch(thrown, host);
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
