import { Inject, Injectable } from '@nestjs/common';
import { resolveEndpointUrl, UrlRejectedError, type UrlPolicy } from '@webhooks/ssrf';
import { SUBSCRIPTIONS_CONFIG, type SubscriptionsConfig } from '../subscriptions.config';
import { EndpointException } from './endpoint.exception';

/**
 * The SSRF check at creation and URL change: the host must resolve, and to public (or
 * allowlisted) addresses only. The dispatcher checks again on every connection, since DNS
 * answers change; this check gives the tenant a clear INVALID_ARGUMENT up front.
 */
@Injectable()
export class EndpointUrlResolver {
  readonly policy: UrlPolicy;

  constructor(@Inject(SUBSCRIPTIONS_CONFIG) config: SubscriptionsConfig) {
    this.policy = { allowHttp: config.ALLOW_HTTP_ENDPOINTS, allowCidrs: config.SSRF_ALLOW_CIDRS };
  }

  async resolve(url: string): Promise<string> {
    try {
      return await resolveEndpointUrl(url, this.policy);
    } catch (error) {
      if (error instanceof UrlRejectedError) throw EndpointException.invalid('url', error.reason);
      throw error;
    }
  }
}
