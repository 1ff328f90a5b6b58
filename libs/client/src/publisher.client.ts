import { randomUUID } from 'node:crypto';
import * as grpc from '@grpc/grpc-js';
import {
  PROTO_FILES,
  type IngestionClient,
  type IngestionProto,
  type PublishBatchResponse__Output,
  type PublishRequest,
  type PublishResponse__Output,
} from '@webhooks/contracts';
import { loadProto, unary, type ClientOptions } from './grpc';

export interface PublishEvent {
  tenantId: string;
  eventType: string;
  /** JSON: bytes are sent as they are; a string is UTF-8 encoded; anything else is JSON.stringify'd. */
  payload: Buffer | string | object;
  /** Defaults to a fresh UUID, so this client's own retries can never create a second event. */
  idempotencyKey?: string;
}

export interface PublisherOptions extends ClientOptions {
  /** Retries after UNAVAILABLE / DEADLINE_EXCEEDED (default 4), with exponential backoff from 100 ms. */
  maxRetries?: number;
}

const RETRYABLE = new Set([grpc.status.UNAVAILABLE, grpc.status.DEADLINE_EXCEEDED]);

/**
 * What an internal service uses to publish events. One channel is reused for every call. Every
 * event carries an idempotency key, so retrying after a lost answer (UNAVAILABLE, deadline)
 * resolves to the same event id instead of a duplicate. INVALID_ARGUMENT is never retried.
 */
export class PublisherClient {
  private readonly client: IngestionClient;

  constructor(private readonly options: PublisherOptions) {
    const proto = loadProto<IngestionProto>(PROTO_FILES.ingestion);
    this.client = new proto.webhooks.v1.Ingestion(
      options.address,
      options.credentials ?? grpc.credentials.createInsecure(),
    );
  }

  async publish(event: PublishEvent): Promise<{ eventId: string }> {
    const request = toRequest(event);
    const response = await this.withRetries(() =>
      unary<PublishRequest, PublishResponse__Output>(this.client.publish.bind(this.client), request, this.options),
    );
    return { eventId: response?.eventId ?? '' };
  }

  async publishBatch(events: PublishEvent[]): Promise<{ eventId: string }[]> {
    const request = { events: events.map(toRequest) };
    const response = await this.withRetries(() =>
      unary<{ events: PublishRequest[] }, PublishBatchResponse__Output>(
        this.client.publishBatch.bind(this.client),
        request,
        this.options,
      ),
    );
    return (response?.results ?? []).map((r) => ({ eventId: r.eventId ?? '' }));
  }

  close(): void {
    this.client.close();
  }

  private async withRetries<T>(call: () => Promise<T>): Promise<T> {
    const maxRetries = this.options.maxRetries ?? 4;
    for (let attempt = 0; ; attempt++) {
      try {
        return await call();
      } catch (error) {
        const code = (error as grpc.ServiceError).code;
        if (attempt >= maxRetries || !RETRYABLE.has(code)) throw error;
        await new Promise((resolve) => setTimeout(resolve, 100 * 2 ** attempt));
      }
    }
  }
}

function toRequest(event: PublishEvent): PublishRequest {
  const payload = Buffer.isBuffer(event.payload)
    ? event.payload
    : Buffer.from(typeof event.payload === 'string' ? event.payload : JSON.stringify(event.payload));
  return {
    tenantId: event.tenantId,
    eventType: event.eventType,
    payload,
    idempotencyKey: event.idempotencyKey ?? randomUUID(),
  };
}
