import { Inject, Injectable, type OnApplicationShutdown } from '@nestjs/common';
import { Logger } from '@webhooks/observability';
import {
  createGuardedAgent,
  describeRequestError,
  isSsrfBlocked,
  ResponseTimeoutError,
  sendCapped,
} from '@webhooks/ssrf';
import type { Agent } from 'undici';
import { DISPATCHER_CONFIG, type DispatcherConfig } from '../dispatcher.config';
import { parseRetryAfter } from './retry-schedule';

export interface HttpResult {
  /** null when no response arrived (timeout, refused, reset, DNS). */
  status: number | null;
  durationMs: number;
  error: string | null;
  /** First bytes of the response body (capped), for the delivery log. */
  body: string;
  /** The response's `Retry-After`, in ms from now, when present and valid. */
  retryAfterMs?: number;
  /** Every header of the request as sent, for the delivery log; absent when nothing was sent. */
  requestHeaders?: Record<string, string>;
}

/** The response headers the delivery policy reads. */
const RESPONSE_HEADERS = ['retry-after'] as const;

/**
 * POSTs webhook bodies with undici: keep-alive pool per origin, redirects never followed, and
 * one deadline for the whole attempt (connect, headers and body). Response bodies are read up
 * to a cap and the rest discarded, so a huge or endless body cannot hold memory or the slot.
 *
 * Every connection goes through the SSRF guard: the host is resolved once per connection, and
 * if any address is not public (nor in SSRF_ALLOW_CIDRS) nothing is opened; otherwise the
 * connection goes to the checked address, so DNS rebinding cannot slip in between.
 */
@Injectable()
export class HttpSender implements OnApplicationShutdown {
  private readonly agent: Agent;

  constructor(
    @Inject(DISPATCHER_CONFIG) private readonly config: DispatcherConfig,
    private readonly logger: Logger,
  ) {
    this.agent = createGuardedAgent(
      {
        connections: config.MAX_CONNECTIONS_PER_ORIGIN,
        keepAliveTimeout: 30_000,
        connect: { timeout: Math.min(config.REQUEST_TIMEOUT, 10_000) },
        headersTimeout: config.REQUEST_TIMEOUT,
        bodyTimeout: config.REQUEST_TIMEOUT,
      },
      { allowHttp: config.ALLOW_HTTP_ENDPOINTS, allowCidrs: config.SSRF_ALLOW_CIDRS },
    );
  }

  async post(url: string, body: Buffer, headers: Record<string, string>): Promise<HttpResult> {
    const started = performance.now();
    const requestHeaders = { 'content-type': 'application/json', 'user-agent': 'webhook-platform/0.1', ...headers };
    try {
      const response = await sendCapped(this.agent, url, {
        method: 'POST',
        body,
        headers: requestHeaders,
        maxBodyBytes: this.config.MAX_RESPONSE_BODY_BYTES,
        timeoutMs: this.config.REQUEST_TIMEOUT,
        responseHeaders: RESPONSE_HEADERS,
      });
      return {
        status: response.status,
        durationMs: performance.now() - started,
        error: null,
        body: response.body,
        retryAfterMs: parseRetryAfter(response.headers['retry-after']),
        requestHeaders,
      };
    } catch (error) {
      // A blocked send is an ordinary failed attempt (status null), so it is retried on the
      // endpoint's schedule and dead-lettered when that runs out, rather than dead-lettered at
      // once: DNS answers change (a host mid-migration may briefly resolve to a private address),
      // a retry costs one DNS lookup and no connection, and the endpoint's own retry policy and
      // the disable-after-failures rule already bound how long a hopeless endpoint is tried.
      if (isSsrfBlocked(error)) {
        this.logger.warn('delivery blocked by the SSRF guard', { host: hostOf(url), error: error.message });
        return { status: null, durationMs: performance.now() - started, error: error.message, body: '' };
      }
      const message =
        error instanceof ResponseTimeoutError
          ? `timeout after ${this.config.REQUEST_TIMEOUT} ms`
          : describeRequestError(error);
      return { status: null, durationMs: performance.now() - started, error: message, body: '', requestHeaders };
    }
  }

  async onApplicationShutdown(): Promise<void> {
    await this.agent.close();
  }
}

function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return '(invalid URL)';
  }
}
