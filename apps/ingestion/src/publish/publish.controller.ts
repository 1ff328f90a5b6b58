import type { Metadata } from '@grpc/grpc-js';
import { Controller, Inject, UseInterceptors } from '@nestjs/common';
import { GrpcMethod } from '@nestjs/microservices';
import { scopedToCaller } from '@webhooks/auth';
import type {
  PublishBatchRequest__Output,
  PublishBatchResponse,
  PublishRequest__Output,
  PublishResponse,
} from '@webhooks/contracts';
import { IngestionErrorCode, IngestionException } from '../ingestion.exception';
import { INGESTION_CONFIG, type IngestionConfig } from '../ingestion.config';
import { DirectoryView } from '../directory/directory.view';
import { IngestQuota } from './ingest-quota';
import { PublishEventCommand } from './publish-event.command';
import { PublishEventsUseCase } from './publish-events.usecase';
import { RejectionMetricsInterceptor } from './rejection-metrics.interceptor';

/**
 * gRPC `webhooks.v1.Ingestion`: maps requests to commands, then admits them — each event's
 * tenant must be the caller's, its payload must satisfy its event type's schema, and the whole
 * request must fit the tenant's quota — before anything is written.
 */
@Controller()
@UseInterceptors(RejectionMetricsInterceptor)
export class PublishController {
  private readonly quota: IngestQuota;

  constructor(
    private readonly publishEvents: PublishEventsUseCase,
    private readonly directory: DirectoryView,
    @Inject(INGESTION_CONFIG) private readonly config: IngestionConfig,
  ) {
    this.quota = new IngestQuota(config.INGESTION_REPLICAS);
  }

  @GrpcMethod('Ingestion', 'Publish')
  async publish(request: PublishRequest__Output, metadata: Metadata): Promise<PublishResponse> {
    const command = PublishEventCommand.from(scopedToCaller(request, metadata), {
      maxPayloadBytes: this.config.MAX_PAYLOAD_BYTES,
    });
    this.admit([command]);
    const [result] = await this.publishEvents.execute([command]);
    return result;
  }

  @GrpcMethod('Ingestion', 'PublishBatch')
  async publishBatch(request: PublishBatchRequest__Output, metadata: Metadata): Promise<PublishBatchResponse> {
    const events = request.events ?? [];
    if (events.length === 0) throw IngestionException.invalid('events', 'must contain at least one event');
    if (events.length > this.config.MAX_BATCH_EVENTS) {
      throw IngestionException.invalid(
        'events',
        `has ${events.length} events; the limit is ${this.config.MAX_BATCH_EVENTS}`,
      );
    }
    const limits = { maxPayloadBytes: this.config.MAX_PAYLOAD_BYTES };
    const commands = events.map((event, i) =>
      PublishEventCommand.from(scopedToCaller(event, metadata), limits, `events[${i}].`),
    );
    this.admit(commands);
    return { results: await this.publishEvents.execute(commands) };
  }

  /** Schema checks, then the quota (all of a request's events or none), before any write. */
  private admit(commands: PublishEventCommand[]): void {
    commands.forEach((command, i) => {
      const failure = this.directory.schemaOf(command.tenantId, command.eventType)?.validate(command.json);
      if (failure) {
        const field = commands.length > 1 || i > 0 ? `events[${i}].payload` : 'payload';
        throw IngestionException.invalid(
          field,
          `does not match the schema of ${command.eventType} at ${failure.path || '/'}: ${failure.message}`,
        );
      }
    });
    const perTenant = new Map<string, number>();
    for (const c of commands) perTenant.set(c.tenantId, (perTenant.get(c.tenantId) ?? 0) + 1);
    for (const [tenantId, count] of perTenant) {
      if (!this.quota.tryTake(tenantId, this.directory.quotaOf(tenantId), count)) {
        throw new IngestionException(
          IngestionErrorCode.QuotaExceeded,
          `tenant ${tenantId} is over its ingest quota; nothing was written, retry later`,
        );
      }
    }
  }
}
