/** One publish request of a traffic run: when it was sent, when and how it was answered. */
export interface PublishOutcome {
  seq: number;
  sentAt: number;
  answeredAt: number;
  /** gRPC status code of the answer: 0 is OK (the event is durable), anything else a refusal. */
  code: number;
  /** The event id of an OK answer. */
  eventId?: string;
}

export interface TrafficOptions {
  /** Requests in flight at once (default 2). */
  concurrency?: number;
  /** Pause after each answer, per lane (default 20 ms): keeps CPU for the services under test. */
  pauseMs?: number;
  /** Stops by itself after this many requests (default unbounded until stop()). */
  maxRequests?: number;
}

/**
 * A publisher that keeps sending while faults are injected, and records every request's send and
 * answer times and status. `send` publishes event number `seq` once (no client retries, so an
 * answer is exactly what ingestion said) and resolves with its event id. The record is what a
 * fault test accounts for: every OK must be delivered, and no OK may come from a down window.
 */
export class Traffic {
  readonly outcomes: PublishOutcome[] = [];
  private running = false;
  private lanes: Promise<void>[] = [];
  private nextSeq = 0;

  constructor(
    private readonly send: (seq: number) => Promise<string>,
    private readonly options: TrafficOptions = {},
  ) {}

  start(): this {
    this.running = true;
    this.lanes = Array.from({ length: this.options.concurrency ?? 2 }, () => this.lane());
    return this;
  }

  /** Stops sending and waits for the requests in flight to be answered. */
  async stop(): Promise<void> {
    this.running = false;
    await Promise.all(this.lanes);
  }

  /** Event ids that got an OK. */
  get accepted(): string[] {
    return this.outcomes.filter((o) => o.code === 0).map((o) => o.eventId!);
  }

  /** Requests sent at or after `from` and answered at or before `to`, i.e. entirely inside the window. */
  within(from: number, to: number): PublishOutcome[] {
    return this.outcomes.filter((o) => o.sentAt >= from && o.answeredAt <= to);
  }

  /** Count of answers per gRPC status code. */
  codes(outcomes: PublishOutcome[] = this.outcomes): Record<number, number> {
    const counts: Record<number, number> = {};
    for (const o of outcomes) counts[o.code] = (counts[o.code] ?? 0) + 1;
    return counts;
  }

  private async lane(): Promise<void> {
    const max = this.options.maxRequests ?? Infinity;
    while (this.running && this.nextSeq < max) {
      const seq = this.nextSeq++;
      const sentAt = Date.now();
      try {
        const eventId = await this.send(seq);
        this.outcomes.push({ seq, sentAt, answeredAt: Date.now(), code: 0, eventId });
      } catch (error) {
        const code = (error as { code?: unknown }).code;
        this.outcomes.push({ seq, sentAt, answeredAt: Date.now(), code: typeof code === 'number' ? code : -1 });
      }
      await new Promise((resolve) => setTimeout(resolve, this.options.pauseMs ?? 20));
    }
  }
}
