import { Injectable, type CallHandler, type ExecutionContext, type NestInterceptor } from '@nestjs/common';
import { catchError, type Observable, throwError } from 'rxjs';
import { IngestionException } from '../ingestion.exception';
import { IngestionMetrics } from './ingestion.metrics';

/**
 * Counts the events of every call refused with an IngestionException, by its reason, so the
 * controller stays a mapping and validation stays in the command. A refused batch counts all
 * its events (at least one: an empty batch is one refused call).
 */
@Injectable()
export class RejectionMetricsInterceptor implements NestInterceptor {
  constructor(private readonly metrics: IngestionMetrics) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    return next.handle().pipe(
      catchError((error: unknown) => {
        if (error instanceof IngestionException) {
          const request = context.switchToRpc().getData<{ events?: unknown[] } | undefined>();
          this.metrics.rejected(error.reason, Math.max(1, request?.events?.length ?? 1));
        }
        return throwError(() => error);
      }),
    );
  }
}
