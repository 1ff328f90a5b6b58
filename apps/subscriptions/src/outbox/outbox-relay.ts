import { Inject, Injectable, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import type { Kafka, Message } from 'kafkajs';
import { DataSource, In, type EntityManager } from 'typeorm';
import {
  directoryKeys,
  encodeDirectoryEntry,
  encodeEndpointView,
  type DirectoryEntry,
  type EndpointView,
} from '@webhooks/contracts';
import { BatchingProducer, KAFKA, TopicNames } from '@webhooks/kafka';
import { Logger } from '@webhooks/observability';
import { EndpointSecretCodec, SecretBox } from '@webhooks/signing';
import { EndpointEntity } from '../endpoints/endpoint.entity';
import { EventTypeEntity } from '../event-types/event-type.entity';
import { ApiKeyEntity } from '../tenants/api-key.entity';
import { TenantEntity } from '../tenants/tenant.entity';
import { deliveryOptions } from '../endpoints/endpoint.mapper';
import { SUBSCRIPTIONS_CONFIG, type SubscriptionsConfig } from '../subscriptions.config';

const BATCH = 500;

/**
 * The dispatcher's view of an endpoint row. Secrets stay sealed (a legacy plaintext row is sealed
 * here when a key is configured), so the topic never holds a usable secret; the previous secret is
 * included only while its grace period lasts, with its end, and the dispatcher drops it at that
 * time without needing a republish. A pending endpoint is published as disabled: tasks queued
 * before its URL changed must not reach the unverified URL.
 */
export function endpointView(endpoint: EndpointEntity, codec: EndpointSecretCodec, now = Date.now()): EndpointView {
  const sealed = (stored: string) => (SecretBox.isSealed(stored) ? stored : codec.seal(endpoint.id, stored));
  const previousUntil = endpoint.previousSecretExpiresAt?.getTime() ?? 0;
  const secrets: EndpointView['secrets'] = [{ value: sealed(endpoint.secret) }];
  if (endpoint.previousSecret && previousUntil > now) {
    secrets.push({ value: sealed(endpoint.previousSecret), notAfter: previousUntil });
  }
  return {
    id: endpoint.id,
    tenantId: endpoint.tenantId,
    url: endpoint.url,
    signatureScheme: endpoint.signatureScheme,
    secrets,
    headers: endpoint.headers ?? {},
    disabled: endpoint.disabled || endpoint.deletedAt !== null || endpoint.pendingVerification,
    pendingVerification: endpoint.pendingVerification,
    deleted: endpoint.deletedAt !== null,
    version: endpoint.version,
    delivery: deliveryOptions(endpoint),
  };
}

/**
 * Moves changes from the Postgres outbox to the compacted topics: endpoints to
 * `webhooks.endpoints` (dispatchers), tenants, API keys and event types to `webhooks.directory`
 * (ingestion). It publishes each thing's *current* row (not the change), so re-publishing after a crash
 * between the Kafka ack and the outbox delete is harmless. Rows are claimed with SKIP LOCKED,
 * so several replicas can run it. Kicked after every change, polled as a safety net.
 */
@Injectable()
export class OutboxRelay implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly producer: BatchingProducer;
  private timer?: NodeJS.Timeout;
  private running?: Promise<void>;
  private again = false;

  constructor(
    @Inject(KAFKA) kafka: Kafka,
    private readonly topics: TopicNames,
    private readonly dataSource: DataSource,
    private readonly logger: Logger,
    private readonly codec: EndpointSecretCodec,
    @Inject(SUBSCRIPTIONS_CONFIG) private readonly config: SubscriptionsConfig,
  ) {
    this.producer = new BatchingProducer(kafka, { acks: -1 });
  }

  async onApplicationBootstrap(): Promise<void> {
    await this.producer.connect();
    this.timer = setInterval(() => this.kick(), this.config.OUTBOX_POLL_INTERVAL);
    this.kick();
  }

  /** Publish pending changes soon; coalesces concurrent kicks into one more pass. */
  kick(): void {
    if (this.running) {
      this.again = true;
      return;
    }
    this.running = this.drain()
      .catch((error: unknown) => this.logger.warn('outbox relay pass failed; will retry', { error }))
      .finally(() => {
        this.running = undefined;
        if (this.again) {
          this.again = false;
          this.kick();
        }
      });
  }

  private async drain(): Promise<void> {
    while ((await this.relayOnce()) === BATCH);
  }

  /** Publishes one batch of pending changes; returns how many outbox rows it consumed. */
  async relayOnce(): Promise<number> {
    return this.dataSource.transaction(async (tx) => {
      const rows: { id: string; kind: string; ref: string }[] = await tx.query(
        'SELECT id, kind, ref FROM outbox ORDER BY id LIMIT $1 FOR UPDATE SKIP LOCKED',
        [BATCH],
      );
      if (rows.length === 0) return 0;
      const refs = (kind: string) => [...new Set(rows.filter((row) => row.kind === kind).map((row) => row.ref))];
      const endpointIds = refs('endpoint');
      const endpoints = endpointIds.length
        ? await tx.getRepository(EndpointEntity).findBy({ id: In(endpointIds) })
        : [];
      const directory = await this.directoryMessages(tx, refs('tenant'), refs('api_key'), refs('event_type'));
      const topicMessages = [];
      if (endpoints.length) {
        topicMessages.push({
          topic: this.topics.endpoints,
          messages: endpoints.map((endpoint) => encodeEndpointView(endpoint.id, endpointView(endpoint, this.codec))),
        });
      }
      if (directory.length) topicMessages.push({ topic: this.topics.directory, messages: directory });
      if (topicMessages.length) await this.producer.sendMany(topicMessages);
      await tx.query('DELETE FROM outbox WHERE id = ANY($1)', [rows.map((row) => row.id)]);
      this.logger.debug('published outbox changes', { endpoints: endpoints.length, directory: directory.length });
      return rows.length;
    });
  }

  /** Current directory entries for changed tenants, keys and event types (deleted ones as tombstones). */
  private async directoryMessages(
    tx: EntityManager,
    tenantIds: string[],
    keyIds: string[],
    eventTypeRefs: string[],
  ): Promise<Message[]> {
    const messages: Message[] = [];
    if (tenantIds.length) {
      for (const t of await tx.getRepository(TenantEntity).findBy({ id: In(tenantIds) })) {
        const entry: DirectoryEntry = {
          kind: 'tenant',
          id: t.id,
          ingestQuota: t.ingestQuotaPerSecond
            ? { perSecond: t.ingestQuotaPerSecond, burst: t.ingestQuotaBurst ?? t.ingestQuotaPerSecond }
            : null,
        };
        messages.push(encodeDirectoryEntry(directoryKeys.tenant(t.id), entry));
      }
    }
    if (keyIds.length) {
      for (const k of await tx.getRepository(ApiKeyEntity).findBy({ id: In(keyIds) })) {
        const entry: DirectoryEntry = {
          kind: 'api_key',
          id: k.id,
          tenantId: k.tenantId,
          admin: k.admin,
          hash: k.hash,
          revoked: k.revokedAt !== null,
        };
        messages.push(encodeDirectoryEntry(directoryKeys.apiKey(k.id), entry));
      }
    }
    for (const ref of eventTypeRefs) {
      const [tenantId, name] = [ref.slice(0, ref.indexOf('/')), ref.slice(ref.indexOf('/') + 1)];
      const found = await tx.getRepository(EventTypeEntity).findOneBy({ tenantId, name });
      const entry: DirectoryEntry | null = found ? { kind: 'event_type', tenantId, name, schema: found.schema } : null;
      messages.push(encodeDirectoryEntry(directoryKeys.eventType(tenantId, name), entry));
    }
    return messages;
  }

  async onApplicationShutdown(): Promise<void> {
    clearInterval(this.timer);
    await this.running;
    await this.producer.disconnect();
  }
}
