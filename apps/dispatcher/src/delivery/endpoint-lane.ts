import type { DeliveryTask, EndpointView } from '@webhooks/contracts';
import { TokenBucket } from '../throttle/token-bucket';

/** How one task's run ended, as far as the lane cares. */
export interface LaneRun {
  /** The endpoint asked for a pause (429/503 + Retry-After): nothing starts before this time. */
  pauseUntil?: number;
  /** Settles once the task's outcome is durable (its records acknowledged by Kafka). */
  durable: Promise<void>;
}

/** What a lane asks of its owner: run one attempt, or move a task to a delay tier. */
export interface LaneCallbacks {
  /**
   * Delivers the task (incl. inline retries for ordered endpoints). Resolves once the endpoint
   * is done with it — its last request answered or failed — so the next request may start while
   * the outcome is still being written (`durable`).
   */
  run(task: DeliveryTask, view: EndpointView): Promise<LaneRun>;
  /** Moves a task to a delay tier without counting an attempt. */
  shed(task: DeliveryTask, waitMs: number, reason: 'rate_limited' | 'backlog' | 'paused'): Promise<void>;
}

export interface LaneLimits {
  /** Concurrent requests to one (unordered) endpoint. */
  maxInFlight: number;
  /** Most tasks an unlimited endpoint may have waiting in memory (see `backlogPolicy`). */
  maxBacklog: number;
  /** How far ahead (ms) a rate-limited endpoint may queue in memory; beyond that, tasks are shed. */
  horizonMs: number;
}

/** What a lane does with work beyond its backlog limit. */
export interface BacklogPolicy {
  /** Tasks that may wait in the lane. */
  limit: number;
  /**
   * True: the endpoint is merely busy (fast, unlimited, unordered, not paused): its partition
   * stops admitting while the lane is full and the surplus stays in Kafka. False: the surplus
   * is shed to a delay tier, so the endpoint never holds its partition.
   */
  backPressure: boolean;
}

/**
 * How many tasks may wait for an endpoint, and whether a full lane pauses its partition or sheds.
 *
 * - Rate-limited: what the limit lets through within the horizon; beyond it, shed (the tasks
 *   could not start sooner anyway, and waiting in a delay tier costs no memory).
 * - Ordered: everything (tasks retry in place, one at a time); the partition window bounds it.
 * - Unlimited: what it drains within the horizon at its observed latency, up to `maxBacklog`.
 *   While that is at least two rounds of requests (latency ≤ horizon / 2) and no Retry-After
 *   pause runs, the endpoint is fast and only busy: a full lane applies back-pressure (the
 *   partition stops admitting until the lane is half drained, i.e. within horizon / 2), because
 *   recycling a fast endpoint's surplus through the delay tier multiplies the Kafka work
 *   without getting it delivered any sooner. A slower, hanging or paused endpoint sheds
 *   instead, so it never holds its partition (and its neighbours) back.
 */
export function backlogPolicy(
  endpoint: {
    ordered: boolean;
    rateLimit?: { perSecond: number; burst: number } | null;
    latencyMs: number;
    pausedForMs: number;
  },
  limits: LaneLimits,
): BacklogPolicy {
  if (endpoint.ordered) return { limit: Infinity, backPressure: false };
  const rate = endpoint.rateLimit;
  if (rate) {
    return {
      limit: Math.max(rate.burst, Math.ceil((rate.perSecond * limits.horizonMs) / 1_000)),
      backPressure: false,
    };
  }
  const rounds = 2 * limits.maxInFlight;
  const drainable = Math.ceil((limits.maxInFlight * limits.horizonMs) / Math.max(1, endpoint.latencyMs));
  return {
    limit: Math.min(limits.maxBacklog, Math.max(rounds, drainable)),
    backPressure: drainable >= rounds && endpoint.pausedForMs <= 0,
  };
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
 * rate-limited work, a slow endpoint's backlog, a long pause — is shed to a delay tier, so a
 * slow, throttled or failing endpoint never holds memory or its partition for long. A fast
 * endpoint's lane never sheds: when it is full (`full`), its partition stops admitting until
 * the lane is `relieved` (back-pressure; see `backlogPolicy`).
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
  /** Tasks admitted for this endpoint and not yet pushed (their view is being resolved). */
  private expected = 0;
  /** The endpoint's latest view: decides how the lane treats its backlog. */
  private view?: EndpointView;

  constructor(
    private readonly callbacks: LaneCallbacks,
    private readonly limits: LaneLimits,
    /** False while the consumer group rebalances: no new request may start then. */
    private readonly canStart: () => boolean = () => true,
  ) {}

  /** Nothing queued, nothing running, no pause to remember: the lane can be forgotten. */
  get idle(): boolean {
    return this.queue.length === 0 && this.inFlight === 0 && this.expected === 0 && Date.now() >= this.pausedUntil;
  }

  /** A task for this endpoint was admitted; it will be pushed (or dropped) after `arrived()`. */
  expect(): void {
    this.expected += 1;
  }

  arrived(): void {
    this.expected -= 1;
  }

  /**
   * The lane holds all a fast endpoint should keep in memory: its partition must admit nothing
   * more (for any endpoint: the log is ordered) until the lane is relieved. Never true for an
   * endpoint that sheds its surplus.
   */
  get full(): boolean {
    if (this.closed) return false;
    const policy = this.policy(Date.now());
    return policy.backPressure && this.queue.length + this.expected >= policy.limit;
  }

  /** Half drained, or no longer an endpoint that applies back-pressure (it sheds, or is closed). */
  get relieved(): boolean {
    if (this.closed) return true;
    const policy = this.policy(Date.now());
    return !policy.backPressure || this.queue.length + this.expected <= policy.limit / 2;
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
    this.view = view;
    const now = Date.now();
    const policy = this.policy(now);
    // A busy fast endpoint keeps everything: admission stops when it is full (see `full`).
    if (!policy.backPressure) {
      this.trim(now, policy);
      if (this.queue.length >= policy.limit) {
        this.shedOne(
          { task, view, done },
          this.estimatedWaitMs(view, now),
          view.delivery.rateLimit ? 'rate_limited' : 'backlog',
        );
        return true;
      }
    }
    this.queue.push({ task, view, done });
    this.pump();
    return true;
  }

  /**
   * Sheds what the endpoint cannot drain in time now that it got slower (or was paused). Called
   * on every push and periodically: a lane that filled while the endpoint was fast and then
   * started hanging gets no pushes (its partition is paused) yet must let go of its partition.
   */
  trim(now = Date.now(), policy = this.policy(now)): void {
    if (this.closed || policy.backPressure) return;
    for (const queued of this.queue.splice(policy.limit)) {
      this.shedOne(
        queued,
        this.estimatedWaitMs(queued.view, now),
        queued.view.delivery.rateLimit ? 'rate_limited' : 'backlog',
      );
    }
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

  /**
   * Runs one task. Its in-flight slot is the endpoint's, so it is freed as soon as the endpoint
   * is done with the task; `done` (the partition may commit it) waits until the outcome is
   * durable. Holding the slot through the outcome's produce as well (the dispatcher's linger
   * plus a Kafka round trip) would count time the endpoint spends on nothing against its
   * concurrency limit and its observed latency, which sizes its backlog (`backlogPolicy`).
   */
  private start({ task, view, done }: Queued): void {
    this.inFlight += 1;
    const startedAt = Date.now();
    this.started.add(startedAt);
    this.callbacks.run(task, view).then(
      ({ pauseUntil, durable }) => {
        if (pauseUntil !== undefined) this.pause(pauseUntil);
        this.release(startedAt);
        durable.then(done, done);
      },
      () => {
        this.release(startedAt);
        done();
      },
    );
  }

  /** The request started at `startedAt` is over: its slot is free, its time counts, the next may start. */
  private release(startedAt: number): void {
    const took = Date.now() - startedAt;
    this.latencyMs = this.latencyMs === undefined ? took : 0.8 * this.latencyMs + 0.2 * took;
    this.started.delete(startedAt);
    this.inFlight -= 1;
    this.pump();
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

  /** The backlog policy for the endpoint as it behaves now (unknown view: fast and unlimited). */
  private policy(now: number): BacklogPolicy {
    return backlogPolicy(
      {
        ordered: this.view?.delivery.ordered ?? false,
        rateLimit: this.view?.delivery.rateLimit,
        latencyMs: this.currentLatencyMs(now),
        pausedForMs: this.pausedUntil - now,
      },
      this.limits,
    );
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
