import { Controller, Inject, UseInterceptors } from '@nestjs/common';
import { GrpcMethod } from '@nestjs/microservices';
import type {
  PublishBatchRequest__Output,
  PublishBatchResponse,
  PublishRequest__Output,
  PublishResponse,
} from '@webhooks/contracts';
import { IngestionException } from '../ingestion.exception';
import { INGESTION_CONFIG, type IngestionConfig } from '../ingestion.config';
import { PublishEventCommand } from './publish-event.command';
import { PublishEventsUseCase } from './publish-events.usecase';
import { RejectionMetricsInterceptor } from './rejection-metrics.interceptor';

/** gRPC `webhooks.v1.Ingestion`: maps requests to commands, nothing more. */
@Controller()
@UseInterceptors(RejectionMetricsInterceptor)
export class PublishController {
  constructor(
    private readonly publishEvents: PublishEventsUseCase,
    @Inject(INGESTION_CONFIG) private readonly config: IngestionConfig,
  ) {}

  @GrpcMethod('Ingestion', 'Publish')
  async publish(request: PublishRequest__Output): Promise<PublishResponse> {
    const command = PublishEventCommand.from(request, { maxPayloadBytes: this.config.MAX_PAYLOAD_BYTES });
    const [result] = await this.publishEvents.execute([command]);
    return result;
  }

  @GrpcMethod('Ingestion', 'PublishBatch')
  async publishBatch(request: PublishBatchRequest__Output): Promise<PublishBatchResponse> {
    const events = request.events ?? [];
    if (events.length === 0) throw IngestionException.invalid('events', 'must contain at least one event');
    if (events.length > this.config.MAX_BATCH_EVENTS) {
      throw IngestionException.invalid(
        'events',
        `has ${events.length} events; the limit is ${this.config.MAX_BATCH_EVENTS}`,
      );
    }
    const limits = { maxPayloadBytes: this.config.MAX_PAYLOAD_BYTES };
    const commands = events.map((event, i) => PublishEventCommand.from(event, limits, `events[${i}].`));
    return { results: await this.publishEvents.execute(commands) };
  }
}
