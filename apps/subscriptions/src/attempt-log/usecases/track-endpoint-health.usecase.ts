import { Inject, Injectable } from '@nestjs/common';
import type { AttemptRecord } from '@webhooks/contracts';
import { Logger } from '@webhooks/observability';
import { EndpointRepository } from '../../endpoints/endpoint.repository';
import { OutboxRelay } from '../../outbox/outbox-relay';
import { SUBSCRIPTIONS_CONFIG, type SubscriptionsConfig } from '../../subscriptions.config';
import { EndpointHealthMetrics, type AutoDisableReason } from '../endpoint-health.metrics';
import { assessEndpointHealth, failingReason, failingTooLong, GONE_REASON } from '../endpoint-health';

/**
 * Endpoint health from one batch of attempt records: a 410 disables the endpoint at once; any
 * other failure starts (or continues) its run of failures, any success ends it, and a run that
 * lasts ENDPOINT_DISABLE_AFTER disables it. A batch costs one UPDATE and, when something failed,
 * one SELECT; disabling (rare) goes through the repository like any endpoint change, so the
 * dispatchers learn of it from the outbox and log the endpoint's pending tasks as skipped.
 */
@Injectable()
export class TrackEndpointHealthUseCase {
  constructor(
    private readonly endpoints: EndpointRepository,
    private readonly relay: OutboxRelay,
    private readonly logger: Logger,
    private readonly metrics: EndpointHealthMetrics,
    @Inject(SUBSCRIPTIONS_CONFIG) private readonly config: SubscriptionsConfig,
  ) {}

  async execute(records: readonly AttemptRecord[], now = Date.now()): Promise<void> {
    const { gone, observations } = assessEndpointHealth(records);
    await this.endpoints.trackFailures(observations);
    const goneIds = new Set(gone.map((g) => g.endpointId));
    const failing = observations.filter((o) => o.failingFrom !== null && !goneIds.has(o.endpointId));
    const stale = await this.endpoints.failingSince(
      failing.map((o) => o.endpointId),
      new Date(now - this.config.ENDPOINT_DISABLE_AFTER),
    );

    let disabled = 0;
    for (const { endpointId, tenantId } of gone) {
      if (await this.disable(tenantId, endpointId, GONE_REASON, 'gone')) disabled++;
    }
    for (const endpoint of stale) {
      const since = endpoint.failingSince!;
      if (!failingTooLong(since, now, this.config.ENDPOINT_DISABLE_AFTER)) continue;
      if (await this.disable(endpoint.tenantId, endpoint.id, failingReason(since), 'failing')) disabled++;
    }
    if (disabled) this.relay.kick();
  }

  /** Disables a live, enabled endpoint; false when it is gone or already disabled. */
  private async disable(
    tenantId: string,
    endpointId: string,
    reason: string,
    metricReason: AutoDisableReason,
  ): Promise<boolean> {
    const result = { changed: false };
    await this.endpoints.update(tenantId, endpointId, (endpoint) => {
      if (endpoint.disabled) return false;
      endpoint.disabled = true;
      endpoint.disabledReason = reason;
      result.changed = true;
    });
    if (result.changed) {
      this.metrics.endpointDisabled(metricReason);
      this.logger.warn('endpoint disabled automatically', { endpoint_id: endpointId, tenant_id: tenantId, reason });
    }
    return result.changed;
  }
}
