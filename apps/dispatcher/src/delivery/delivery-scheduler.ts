import { Inject, Injectable } from '@nestjs/common';
import type { KafkaMessage } from 'kafkajs';
import { decodeDeliveryTask, PoisonRecordError, type DeliveryTask, type EndpointView } from '@webhooks/contracts';
import { BatchingProducer, TopicNames } from '@webhooks/kafka';
import { Logger } from '@webhooks/observability';
import { DISPATCHER_CONFIG, type DispatcherConfig } from '../dispatcher.config';
import { DeliverTaskUseCase, type OutputRecord } from './deliver-task.usecase';
import { DeliveryMetrics } from './delivery.metrics';
import { EndpointLane, type LaneRun } from './endpoint-lane';
import { OffsetWindow } from './offset-window';

/** The dispatcher's state for one assigned partition of `webhooks.deliveries`. */
export class PartitionState {
  readonly window = new OffsetWindow();
  /** Records admitted and not finished: each of them will call progress() once. */
  running = 0;
  /** The offset last committed for this partition. */
  committed?: bigint;
  /**
   * The highest offset kafkajs has moved past, transaction markers included (resolving a
   * batch's last record also resolves the marker after it). Once nothing is pending, the
   * partition is committed up to here, so markers never show up as lag.
   */
  fetchedThrough?: bigint;
  /** Full lanes of fast endpoints that stopped admission: fetching waits until each is relieved. */
  readonly pressing = new Set<Pick<EndpointLane, 'relieved'>>();
  /** The window was full when admission stopped: fetching waits until a record finishes. */
  waitingForProgress = false;

  /** Where the partition can be committed now, if anywhere new. */
  commitPoint(): bigint | undefined {
    let next = this.window.advance() ?? this.window.commitOffset;
    if (this.window.size === 0 && this.fetchedThrough !== undefined) {
      const end = this.fetchedThrough + 1n;
      if (next === undefined || end > next) next = end;
    }
    return next === this.committed ? undefined : next;
  }
  /** Set while the partition is paused; calling it resumes fetching. */
  resume?: () => void;
  closed = false;

  /** Called whenever one of its records finishes: lets the consumer fetch (and commit) again. */
  progress(): void {
    this.running -= 1;
    this.waitingForProgress = false;
    this.resumeIfRelieved();
  }

  /** No lane that stopped admission is still full (forgets those that are not). */
  relieved(): boolean {
    for (const lane of this.pressing) if (lane.relieved) this.pressing.delete(lane);
    return this.pressing.size === 0;
  }

  /** Resumes fetching if the partition is paused and what paused it is over. */
  resumeIfRelieved(): void {
    if (!this.resume || this.waitingForProgress || !this.relieved()) return;
    const resume = this.resume;
    this.resume = undefined;
    resume();
  }
}

/** Why admission of a batch stopped before its end. */
export type AdmissionStop = 'window' | 'pressure';

/**
 * Runs delivery tasks outside the consumer loop so that no record waits for another endpoint:
 * each task goes to its endpoint's lane, the consumer returns at once, and the partition's
 * offset window tracks what is finished. Owns the lanes, the rebalance gate and the output
 * producer (a task is finished only once its records are acknowledged by Kafka).
 */
@Injectable()
export class DeliveryScheduler {
  private readonly partitions = new Map<number, PartitionState>();
  private readonly lanes = new Map<string, { lane: EndpointLane; partition: number }>();
  private gateOpen = true;
  /** The partitions of the last assignment (undefined until the first one). */
  private assigned?: Set<number>;
  private running = 0;
  private output?: BatchingProducer;
  private idleWaiters: (() => void)[] = [];

  constructor(
    private readonly deliverTask: DeliverTaskUseCase,
    private readonly topics: TopicNames,
    private readonly metrics: DeliveryMetrics,
    private readonly logger: Logger,
    @Inject(DISPATCHER_CONFIG) private readonly config: DispatcherConfig,
  ) {}

  useProducer(output: BatchingProducer): void {
    this.output = output;
  }

  partition(partition: number): PartitionState {
    let state = this.partitions.get(partition);
    if (!state) {
      state = new PartitionState();
      this.partitions.set(partition, state);
    }
    return state;
  }

  /**
   * Whether records of `partition` may be admitted now: no rebalance running and the partition
   * in the last assignment. kafkajs may still hand over a batch fetched before a revocation;
   * admitting it would recreate the state of a partition another member now owns.
   */
  owns(partition: number): boolean {
    return this.gateOpen && (this.assigned === undefined || this.assigned.has(partition));
  }

  assignedStates(): [number, PartitionState][] {
    return [...this.partitions];
  }

  /** A rebalance started: no new request may start until the new assignment is known. */
  closeGate(): void {
    this.gateOpen = false;
  }

  /**
   * The new assignment is known: partitions we lost are closed (their queued tasks are dropped
   * uncommitted — the new owner delivers them), the rest carry on.
   */
  openGate(assigned: number[]): void {
    this.assigned = new Set(assigned);
    for (const [partition, state] of this.partitions) {
      if (assigned.includes(partition)) continue;
      state.closed = true;
      this.partitions.delete(partition);
      for (const [endpointId, entry] of this.lanes) {
        if (entry.partition !== partition) continue;
        this.forget(entry.lane.close());
        this.lanes.delete(endpointId);
      }
    }
    this.gateOpen = true;
    for (const { lane } of this.lanes.values()) lane.pump();
  }

  /**
   * Takes the new records of one fetched batch, in order, and returns at once. Stops early when
   * the partition's window is full, or at a record whose endpoint is fast and its lane full
   * (back-pressure: that record and all after it stay in Kafka until the lane is relieved).
   */
  admitBatch(
    state: PartitionState,
    partition: number,
    messages: KafkaMessage[],
  ): { lastAdmitted?: string; stopped?: AdmissionStop } {
    let lastAdmitted: string | undefined;
    for (const message of messages) {
      if (state.window.seen(BigInt(message.offset))) continue;
      if (state.window.size >= this.config.MAX_WINDOW_PER_PARTITION) return { lastAdmitted, stopped: 'window' };
      // Tasks are keyed by endpoint id: the lane is known before the record is decoded.
      const lane = message.key ? this.laneFor(message.key.toString(), partition, state) : undefined;
      if (lane?.full) {
        state.pressing.add(lane);
        return { lastAdmitted, stopped: 'pressure' };
      }
      this.admit(state, partition, message, lane);
      lastAdmitted = message.offset;
    }
    return { lastAdmitted };
  }

  /** Takes one record of `partition`, counted in `lane` until routed; returns immediately. */
  private admit(state: PartitionState, partition: number, message: KafkaMessage, lane?: EndpointLane): void {
    const offset = BigInt(message.offset);
    state.window.start(offset);
    state.running += 1;
    this.running += 1;
    this.metrics.inFlight.inc();
    lane?.expect();
    let routed = lane === undefined;
    const arrived = () => {
      if (routed) return;
      routed = true;
      lane!.arrived();
    };
    const finish = () => {
      state.window.finish(offset);
      state.progress();
      this.forget(1);
    };
    const route = (): void => {
      this.route(state, partition, message, finish, arrived).catch((error: unknown) => {
        // A bug, not a delivery failure: keep the record (uncommitted) and try it again.
        this.logger.error('routing a delivery task failed; retrying', { partition, offset: message.offset, error });
        setTimeout(route, 1_000);
      });
    };
    route();
  }

  /** `count` admitted tasks are no longer running (finished, or dropped uncommitted). */
  private forget(count: number): void {
    if (count === 0) return;
    this.running -= count;
    this.metrics.inFlight.dec(count);
    if (this.running === 0) for (const wake of this.idleWaiters.splice(0)) wake();
  }

  private async route(
    state: PartitionState,
    partition: number,
    message: KafkaMessage,
    finish: () => void,
    arrived: () => void,
  ): Promise<void> {
    try {
      await this.routeTask(state, partition, message, finish);
    } finally {
      arrived();
    }
  }

  private async routeTask(
    state: PartitionState,
    partition: number,
    message: KafkaMessage,
    finish: () => void,
  ): Promise<void> {
    let task: DeliveryTask;
    try {
      task = decodeDeliveryTask(message);
    } catch (error) {
      if (!(error instanceof PoisonRecordError)) throw error;
      // An undecodable task cannot be delivered; park it whole in the DLQ and keep moving.
      this.logger.error('poison delivery task dead-lettered', {
        partition,
        offset: message.offset,
        reason: error.message,
      });
      await this.emit(state, [{ topic: this.topics.dlq, message: poison(message, error.message) }]);
      return finish();
    }
    const view = await this.deliverTask.resolveView(task);
    if (!view) {
      this.logger.warn('endpoint view behind the task; re-queued', {
        message_id: task.messageId,
        endpoint_id: task.endpointId,
      });
      await this.emit(state, [this.deliverTask.requeue(task, 1, 'view_behind')]);
      return finish();
    }
    if (view.disabled) {
      await this.emit(state, this.deliverTask.skip(task, view));
      return finish();
    }
    // Revoked or shutting down meanwhile: leave it uncommitted for the next owner.
    if (state.closed || !this.laneFor(task.endpointId, partition, state).push(task, view, finish)) this.forget(1);
  }

  private laneFor(endpointId: string, partition: number, state: PartitionState): EndpointLane {
    const existing = this.lanes.get(endpointId);
    if (existing && existing.partition === partition) return existing.lane;
    const lane = new EndpointLane(
      {
        run: (task, view) => this.run(state, task, view),
        shed: async (task, waitMs, reason) => this.emit(state, [this.deliverTask.requeue(task, waitMs, reason)]),
      },
      {
        maxInFlight: this.config.MAX_IN_FLIGHT_PER_ENDPOINT,
        maxBacklog: this.config.MAX_BACKLOG_PER_ENDPOINT,
        horizonMs: this.config.RATE_LIMIT_HORIZON,
      },
      () => this.gateOpen && !state.closed,
    );
    this.lanes.set(endpointId, { lane, partition });
    return lane;
  }

  /**
   * One task through its attempts (for ordered endpoints, in-place retries too). Resolves when
   * the endpoint is done with the task — its slot in the lane is free then — with the write of the
   * last outcome still under way (`durable`).
   */
  private async run(state: PartitionState, task: DeliveryTask, view: EndpointView): Promise<LaneRun> {
    let current = task;
    let currentView = view;
    for (;;) {
      const result = await this.deliverTask.attempt(current, currentView);
      if (!result.inlineRetry) return { pauseUntil: result.pauseUntil, durable: this.emit(state, result.outputs) };
      await this.emit(state, result.outputs);
      await sleep(result.inlineRetry.delayMs);
      if (state.closed) return { durable: Promise.resolve() };
      current = result.inlineRetry.next;
      currentView = (await this.deliverTask.resolveView(current)) ?? currentView;
      if (currentView.disabled) return { durable: this.emit(state, this.deliverTask.skip(current, currentView)) };
    }
  }

  /**
   * Produces a task's records (acks=all), retrying until Kafka takes them: a task is finished only
   * when its outcome is durable. Gives up only when the partition was revoked (the new owner
   * repeats the task; duplicates keep their webhook-id).
   */
  private async emit(state: PartitionState, records: OutputRecord[]): Promise<void> {
    if (records.length === 0) return;
    for (let attempt = 0; ; attempt++) {
      try {
        await this.output!.sendMany(groupByTopic(records));
        return;
      } catch (error) {
        if (state.closed) return;
        this.logger.warn('producing delivery outcome failed; retrying', { error: (error as Error).message, attempt });
        await sleep(Math.min(5_000, 200 * 2 ** attempt));
      }
    }
  }

  /** Stops all lanes and resolves when no task is running (or the timeout passes). */
  async drain(timeoutMs: number): Promise<void> {
    this.gateOpen = false;
    // The consumer is paused for good: finishing records must not resume fetching.
    for (const state of this.partitions.values()) state.resume = undefined;
    for (const { lane } of this.lanes.values()) this.forget(lane.close());
    if (this.running === 0) return;
    await Promise.race([new Promise<void>((resolve) => this.idleWaiters.push(resolve)), sleep(timeoutMs)]);
  }

  /**
   * Periodic: lanes whose endpoint turned slow shed what it cannot drain in time (a full lane
   * gets no pushes while its partition is paused), and paused partitions whose lanes are
   * relieved fetch again.
   */
  relieve(): void {
    for (const { lane } of this.lanes.values()) lane.trim();
    for (const state of this.partitions.values()) state.resumeIfRelieved();
  }

  /** Forgets lanes that have nothing to do (their buckets restart empty: never a burst). */
  sweepIdleLanes(): void {
    for (const [endpointId, { lane }] of this.lanes) if (lane.idle) this.lanes.delete(endpointId);
  }
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

function poison(message: KafkaMessage, reason: string): OutputRecord['message'] {
  return {
    key: message.key,
    value: message.value,
    headers: { ...message.headers, 'poison-reason': reason, 'dead-lettered-at': String(Date.now()) },
  };
}

export function groupByTopic(records: OutputRecord[]): { topic: string; messages: OutputRecord['message'][] }[] {
  const byTopic = new Map<string, OutputRecord['message'][]>();
  for (const { topic, message } of records) {
    const list = byTopic.get(topic) ?? [];
    list.push(message);
    byTopic.set(topic, list);
  }
  return [...byTopic].map(([topic, messages]) => ({ topic, messages }));
}
