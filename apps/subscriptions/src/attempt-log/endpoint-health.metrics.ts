import { Injectable } from '@nestjs/common';
import { Counter, Registry } from 'prom-client';

/** Why an endpoint was disabled automatically, as a bounded metric label. */
export type AutoDisableReason = 'gone' | 'failing';

/** Endpoint-health metrics. */
@Injectable()
export class EndpointHealthMetrics {
  private readonly disabled: Counter<'reason'>;

  constructor(registry: Registry) {
    this.disabled = new Counter({
      name: 'webhook_endpoints_disabled_total',
      help: 'Endpoints disabled automatically, by reason: gone (answered 410) or failing (failed for ENDPOINT_DISABLE_AFTER).',
      labelNames: ['reason'],
      registers: [registry],
    });
    for (const reason of ['gone', 'failing'] satisfies AutoDisableReason[]) this.disabled.inc({ reason }, 0);
  }

  endpointDisabled(reason: AutoDisableReason): void {
    this.disabled.inc({ reason });
  }
}
