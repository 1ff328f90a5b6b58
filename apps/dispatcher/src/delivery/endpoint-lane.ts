import type { DeliveryTask, EndpointView } from '@webhooks/contracts';
import { TokenBucket } from '../throttle/token-bucket';

/** What a lane asks of its owner: run one attempt, or move a task to a delay tier. */
export interface LaneCallbacks {
  /** Delivers the task (incl. inline retries for ordered endpoints); may ask the lane to pause. */
  run(task: DeliveryTask, view: EndpointView): Promise<{ pauseUntil?: number }>;
  /** Moves a task to a delay tier without counting an attempt. */
  shed(task: DeliveryTask, waitMs: number, reason: 'rate_limited' | 'backlog' | 'paused'): Promise<void>;
}

export interface LaneLimits {
  /** Concurrent requests to one (unordered) endpoint. */
  maxInFlight: number;
  /** Tasks an unlimited endpoint may have waiting in memory before the surplus is shed. */
  maxBacklog: number;
  /** How far ahead (ms) a rate-limited endpoint may queue in memory; beyond that, tasks are shed. */
  horizonMs: number;
}

interface Queued {
  task: DeliveryTask;
  view: EndpointView;
  done: () => void;
}

/**
 * One endpoint's delivery lane inside the dispatcher that owns it. Tasks wait here in arrival
 * order and start when the endpoint has capacity: a free in-flight slot (1 when ordered), a
 * rate-limit token, no Retry-After pause. What cannot start soon — more than `horizonMs` of
 * rate-limited work, a backlog past `maxBacklog`, a long pause — is shed to a delay tier, so a
 * slow, throttled or failing endpoint never holds memory or its partition for long.
 */
export class EndpointLane {
  private readonly queue: Queued[] = [];
  private inFlight = 0;
  private bucket?: TokenBucket;
  private bucketKey = '';
  private pausedUntil = 0;
  /** Moving average of how long one task took here (ms); undefined until one finished. */
  private latencyMs?: number;
  /** Start times of the tasks running now. */
  private readonly started = new Set<number>();
  /** When the last shed task is due back: shed tasks are spread out at the endpoint's rate. */
  private shedCursor = 0;
  private timer?: NodeJS.Timeout;
  private closed = false;

  constructor(
    private readonly callbacks: LaneCallbacks,
    private readonly limits: LaneLimits,
    /** False while the consumer group rebalances: no new request may start then. */
    private readonly canStart: () => boolean = () => true,
  ) {}

  /** Nothing queued, nothing running, no pause to remember: the lane can be forgotten. */
  get idle(): boolean {
    return this.queue.length === 0 && this.inFlight === 0 && Date.now() >= this.pausedUntil;
  }

  get load(): number {
    return this.queue.length + this.inFlight;
  }

  /**
   * Takes a task; `done` is called once its outcome is durable (delivered, scheduled or shed).
   * Returns false, without calling `done`, when the lane is closed: the task stays uncommitted.
   */
  push(task: DeliveryTask, view: EndpointView, done: () => void): boolean {
    if (this.closed) return false;
    this.configure(view);
    const now = Date.now();
    const backlog = view.delivery.ordered ? Infinity : this.backlogLimit(view);
    // The endpoint got slower (or was paused): what it cannot drain in time leaves the queue.
    for (const queued of this.queue.splice(backlog)) {
      this.shedOne(
        queued,
        this.estimatedWaitMs(queued.view, now),
        queued.view.delivery.rateLimit ? 'rate_limited' : 'backlog',
      );
    }
    if (this.queue.length >= backlog) {
      this.shedOne(
        { task, view, done },
        this.estimatedWaitMs(view, now),
        view.delivery.rateLimit ? 'rate_limited' : 'backlog',
      );
      return true;
    }
    this.queue.push({ task, view, done });
    this.pump();
    return true;
  }

  /**
   * Stops starting work (partition revoked or shutting down). Queued tasks are dropped without
   * being finished, so they stay uncommitted and their next owner delivers them. Returns how many.
   */
  close(): number {
    this.closed = true;
    clearTimeout(this.timer);
    return this.queue.splice(0).length;
  }

  /** Starts whatever can start now (called again when the rebalance gate reopens). */
  pump(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    while (!this.closed && this.canStart() && this.queue.length > 0) {
      const head = this.queue[0];
      const now = Date.now();
      const concurrency = head.view.delivery.ordered ? 1 : this.limits.maxInFlight;
      if (this.inFlight >= concurrency) return;
      if (now < this.pausedUntil) {
        const wait = this.pausedUntil - now;
        if (wait > this.limits.horizonMs && !head.view.delivery.ordered) {
          for (const queued of this.queue.splice(0)) this.shedOne(queued, wait, 'paused');
          return;
        }
        this.timer = setTimeout(() => this.pump(), wait);
        return;
      }
      if (this.bucket) {
        const token = this.bucket.tryTake(now);
        if (!token.ok) {
          this.timer = setTimeout(() => this.pump(), token.waitMs);
          return;
        }
      }
      this.queue.shift();
      this.start(head);
    }
  }

  private start({ task, view, done }: Queued): void {
    this.inFlight += 1;
    const startedAt = Date.now();
    this.started.add(startedAt);
    void this.callbacks
      .run(task, view)
      .then(({ pauseUntil }) => {
        if (pauseUntil !== undefined) this.pause(pauseUntil);
      })
      .finally(() => {
        const took = Date.now() - startedAt;
        this.latencyMs = this.latencyMs === undefined ? took : 0.8 * this.latencyMs + 0.2 * took;
        this.started.delete(startedAt);
        this.inFlight -= 1;
        done();
        this.pump();
      });
  }

  /**
   * How long this endpoint takes per task: the moving average of finished ones, or the age of
   * the oldest one still running if that is longer (a hanging endpoint shows up at once).
   */
  private currentLatencyMs(now: number): number {
    let oldest = now;
    for (const at of this.started) oldest = Math.min(oldest, at);
    return Math.max(this.latencyMs ?? 1, now - oldest, 1);
  }

  /** The endpoint said "slow down" (429/503 with Retry-After): nothing starts before `until`. */
  private pause(until: number): void {
    this.pausedUntil = Math.max(this.pausedUntil, until);
    this.bucket?.pauseUntil(until);
  }

  private shedOne(queued: Queued, waitMs: number, reason: 'rate_limited' | 'backlog' | 'paused'): void {
    void this.callbacks.shed(queued.task, waitMs, reason).finally(queued.done);
  }

  /**
   * How many tasks may wait here: what the endpoint gets through within the horizon — at its
   * rate limit, or at its observed speed — so a fast endpoint keeps a deep queue (no detour
   * through the delay tiers) and a slow or hanging one holds almost nothing.
   */
  private backlogLimit(view: EndpointView): number {
    const limit = view.delivery.rateLimit;
    if (limit) return Math.max(limit.burst, Math.ceil((limit.perSecond * this.limits.horizonMs) / 1_000));
    const concurrency = view.delivery.ordered ? 1 : this.limits.maxInFlight;
    const drainable = Math.ceil((concurrency * this.limits.horizonMs) / this.currentLatencyMs(Date.now()));
    return Math.min(this.limits.maxBacklog, Math.max(2 * concurrency, drainable));
  }

  /** When a shed task is likely to find room: after the queue ahead of it has drained at the endpoint's rate. */
  private estimatedWaitMs(view: EndpointView, now: number): number {
    const limit = view.delivery.rateLimit;
    const paused = Math.max(0, this.pausedUntil - now);
    if (!limit) return Math.max(paused, 1);
    const interval = 1_000 / limit.perSecond;
    const drained = now + paused + (this.queue.length + this.inFlight) * interval;
    this.shedCursor = Math.max(this.shedCursor, drained) + interval;
    return Math.ceil(this.shedCursor - now);
  }

  /** (Re)creates the token bucket when the endpoint's limit changes. A new bucket starts empty. */
  private configure(view: EndpointView): void {
    const limit = view.delivery.rateLimit;
    const key = limit ? `${limit.perSecond}/${limit.burst}` : '';
    if (key === this.bucketKey) return;
    this.bucketKey = key;
    this.bucket = limit ? new TokenBucket(limit.perSecond, limit.burst, Date.now()) : undefined;
  }
}
