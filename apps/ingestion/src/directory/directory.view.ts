import { Inject, Injectable, type BeforeApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import type { Kafka } from 'kafkajs';
import type { ApiKeyStore, StoredApiKey } from '@webhooks/auth';
import { decodeDirectoryEntry, type RateLimit } from '@webhooks/contracts';
import { KAFKA, readCompactedTopic, TopicNames, type CompactedTopicReader } from '@webhooks/kafka';
import { Logger, Readiness } from '@webhooks/observability';
import { compileSchema, type PayloadSchema } from '@webhooks/payload-rules';

interface EventTypeSchema {
  text: string;
  /** Compiled on first use: most registered types may never be published to this replica. */
  compiled?: PayloadSchema;
}

/**
 * Ingestion's in-memory copy of `webhooks.directory`: API keys (hashes only), tenant quotas and
 * event-type schemas. Ingestion answers from it alone, so publishing keeps working while
 * subscriptions or Postgres are down; changes arrive within the outbox relay's latency
 * (milliseconds normally, OUTBOX_POLL_INTERVAL at worst). Readiness waits for the full topic.
 */
@Injectable()
export class DirectoryView implements ApiKeyStore, OnModuleInit, BeforeApplicationShutdown {
  private readonly keys = new Map<string, StoredApiKey>();
  private readonly quotas = new Map<string, RateLimit>();
  private readonly schemas = new Map<string, EventTypeSchema>();
  private reader?: CompactedTopicReader;

  constructor(
    @Inject(KAFKA) private readonly kafka: Kafka,
    private readonly topics: TopicNames,
    private readonly readiness: Readiness,
    private readonly logger: Logger,
  ) {}

  private loaded = false;
  private stopped = false;

  /**
   * Starts loading in the background: ingestion starts (and answers UNAVAILABLE) while Kafka is
   * unreachable, like the rest of its Kafka use; readiness stays false until the view is whole.
   */
  onModuleInit(): void {
    this.readiness.register({ name: 'directory-view', check: () => this.loaded });
    void this.load();
  }

  private async load(): Promise<void> {
    for (let delay = 500; !this.stopped; delay = Math.min(delay * 2, 10_000)) {
      try {
        this.reader = await readCompactedTopic({
          kafka: this.kafka,
          topic: this.topics.directory,
          name: 'directory-view',
          logger: this.logger,
          apply: (key, value) => this.apply(key, value),
        });
        await this.reader.caughtUp;
        this.loaded = true;
        this.logger.info('directory loaded', { api_keys: this.keys.size, event_types: this.schemas.size });
        return;
      } catch (error) {
        this.logger.warn('directory not loaded yet; retrying', { error: (error as Error).message, retry_ms: delay });
        await new Promise((resolve) => setTimeout(resolve, delay));
      }
    }
  }

  /** False until the whole directory has been read: unknown keys may just not be loaded yet. */
  ready(): boolean {
    return this.loaded;
  }

  private apply(key: string, value: Buffer | null): void {
    const entry = decodeDirectoryEntry(value);
    const [kind, ...rest] = key.split('/');
    const id = rest.join('/');
    if (entry === null) {
      if (kind === 'api_key') this.keys.delete(id);
      if (kind === 'tenant') this.quotas.delete(id);
      if (kind === 'event_type') this.schemas.delete(id);
      return;
    }
    switch (entry.kind) {
      case 'api_key':
        this.keys.set(entry.id, {
          tenantId: entry.tenantId,
          admin: entry.admin,
          hash: entry.hash,
          revoked: entry.revoked,
        });
        break;
      case 'tenant':
        if (entry.ingestQuota) this.quotas.set(entry.id, entry.ingestQuota);
        else this.quotas.delete(entry.id);
        break;
      case 'event_type':
        if (entry.schema) this.schemas.set(`${entry.tenantId}/${entry.name}`, { text: entry.schema });
        else this.schemas.delete(`${entry.tenantId}/${entry.name}`);
        break;
    }
  }

  find(id: string): StoredApiKey | undefined {
    return this.keys.get(id);
  }

  quotaOf(tenantId: string): RateLimit | undefined {
    return this.quotas.get(tenantId);
  }

  /** The compiled schema of a registered event type, if it has one. */
  schemaOf(tenantId: string, eventType: string): PayloadSchema | undefined {
    const entry = this.schemas.get(`${tenantId}/${eventType}`);
    if (!entry) return undefined;
    // Registration already compiled it, so this cannot fail on a schema subscriptions accepted.
    entry.compiled ??= compileSchema(JSON.parse(entry.text));
    return entry.compiled;
  }

  async beforeApplicationShutdown(): Promise<void> {
    this.stopped = true;
    await this.reader?.stop();
  }
}
