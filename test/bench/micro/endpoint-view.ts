import { DEFAULT_DELIVERY_OPTIONS, type EndpointView } from '@webhooks/contracts';

/** An enabled endpoint's view as the dispatcher receives it: standard signing, default delivery options. */
export function benchEndpointView(id: string, url: string): EndpointView {
  return {
    id,
    tenantId: 'tenant_bench_1',
    url,
    signatureScheme: 'standard',
    secrets: [{ value: 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw' }],
    headers: {},
    disabled: false,
    deleted: false,
    version: 1,
    delivery: DEFAULT_DELIVERY_OPTIONS,
  };
}
