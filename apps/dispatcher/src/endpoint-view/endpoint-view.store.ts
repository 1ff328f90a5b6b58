import { randomUUID } from 'node:crypto';
import { Inject, Injectable, type BeforeApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import type { Admin, Consumer, Kafka } from 'kafkajs';
import { decodeEndpointView, type EndpointView } from '@webhooks/contracts';
import { KAFKA, TopicNames, runSupervised } from '@webhooks/kafka';
import { Logger, Readiness } from '@webhooks/observability';

/**
 * The dispatcher's in-memory copy of every endpoint, read from the compacted
 * `webhooks.endpoints` topic from the beginning (a throwaway group that never commits, so
 * every process reads it all). Start-up waits until the topic's end offsets are reached, so
 * deliveries never start against a partial view. Newer versions replace older ones; older
 * ones arriving late are ignored.
 */
@Injectable()
export class EndpointViewStore implements OnModuleInit, BeforeApplicationShutdown {
  private readonly views = new Map<string, EndpointView>();
  private readonly waiters = new Map<string, Set<() => void>>();
  private readonly consumer: Consumer;
  private readonly admin: Admin;

  constructor(
    @Inject(KAFKA) kafka: Kafka,
    private readonly topics: TopicNames,
    private readonly readiness: Readiness,
    private readonly logger: Logger,
  ) {
    this.consumer = kafka.consumer({ groupId: `endpoint-view-${randomUUID()}`, maxWaitTimeInMs: 500 });
    this.admin = kafka.admin();
  }

  async onModuleInit(): Promise<void> {
    await this.admin.connect();
    const ends = await this.admin.fetchTopicOffsets(this.topics.endpoints);
    await this.admin.disconnect();
    const pending = new Map(ends.filter((p) => p.high !== p.low).map((p) => [p.partition, BigInt(p.high)]));
    let markCaughtUp!: () => void;
    const caughtUp = new Promise<void>((resolve) => (markCaughtUp = resolve));
    if (pending.size === 0) markCaughtUp();

    await this.consumer.connect();
    await this.consumer.subscribe({ topic: this.topics.endpoints, fromBeginning: true });
    await runSupervised(this.consumer, this.logger, 'endpoint-view', {
      autoCommit: false,
      eachMessage: async ({ partition, message }) => {
        if (message.key) this.apply(message.key.toString(), decodeEndpointView(message.value));
        const end = pending.get(partition);
        if (end !== undefined && BigInt(message.offset) + 1n >= end) {
          pending.delete(partition);
          if (pending.size === 0) markCaughtUp();
        }
      },
    });
    await caughtUp;
    this.readiness.register({ name: 'endpoint-view', check: () => true });
    this.logger.info('endpoint view loaded', { endpoints: this.views.size });
  }

  private apply(id: string, view: EndpointView | null): void {
    const current = this.views.get(id);
    if (view === null) {
      this.views.delete(id);
    } else if (!current || view.version >= current.version) {
      this.views.set(id, view);
    }
    const waiting = this.waiters.get(id);
    if (waiting) for (const wake of waiting) wake();
  }

  /**
   * The endpoint's view once it is at least `version` (the version the fan-out resolved), or
   * undefined if it does not get there within `timeoutMs`.
   */
  async viewAtLeast(id: string, version: number, timeoutMs: number): Promise<EndpointView | undefined> {
    const ready = () => {
      const view = this.views.get(id);
      return view && view.version >= version ? view : undefined;
    };
    const now = ready();
    if (now || timeoutMs <= 0) return now;
    return new Promise((resolve) => {
      const set = this.waiters.get(id) ?? new Set();
      this.waiters.set(id, set);
      const done = () => {
        const view = ready();
        if (!view && !timedOut) return;
        clearTimeout(timer);
        set.delete(done);
        if (set.size === 0) this.waiters.delete(id);
        resolve(view);
      };
      let timedOut = false;
      const timer = setTimeout(() => {
        timedOut = true;
        done();
      }, timeoutMs);
      set.add(done);
    });
  }

  async beforeApplicationShutdown(): Promise<void> {
    await this.consumer.disconnect();
  }
}
