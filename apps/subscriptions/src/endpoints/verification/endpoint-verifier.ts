import { randomBytes } from 'node:crypto';
import { Inject, Injectable, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import type { Agent } from 'undici';
import { Logger } from '@webhooks/observability';
import { EndpointSecretCodec, isSignatureScheme, signDelivery } from '@webhooks/signing';
import {
  createGuardedAgent,
  describeRequestError,
  isSsrfBlocked,
  ResponseTimeoutError,
  sendCapped,
} from '@webhooks/ssrf';
import { SUBSCRIPTIONS_CONFIG, type SubscriptionsConfig } from '../../subscriptions.config';
import { OutboxRelay } from '../../outbox/outbox-relay';
import type { EndpointEntity } from '../endpoint.entity';
import { EndpointRepository } from '../endpoint.repository';
import {
  CHALLENGE_MAX_ANSWER_BYTES,
  CHALLENGE_TIMEOUT_MS,
  judgeChallengeAnswer,
  newUrlChallenge,
  type ChallengeOutcome,
} from './url-challenge';

/** At most this many pending endpoints are re-challenged at start-up (the rest via VerifyEndpoint). */
const RESUME_LIMIT = 1_000;

/**
 * Proves that a pending endpoint's URL wants our events before it gets any: POSTs a
 * `url_verification` challenge, signed like a delivery with the endpoint's scheme and secret (so the
 * receiver can tell it is us), and marks the endpoint verified when a 2xx answer echoes it. A failed
 * challenge leaves the endpoint pending with `verification_error` set; VerifyEndpoint tries again.
 *
 * Runs after the create/update transaction committed, outside any request: the API answers
 * `pending_verification` at once. A result is applied only if the endpoint still waits for the
 * same URL, so a slow challenge cannot verify a URL that has since been replaced.
 */
@Injectable()
export class EndpointVerifier implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly inFlight = new Set<Promise<void>>();
  private readonly agent: Agent;

  constructor(
    private readonly endpoints: EndpointRepository,
    private readonly codec: EndpointSecretCodec,
    private readonly relay: OutboxRelay,
    private readonly logger: Logger,
    @Inject(SUBSCRIPTIONS_CONFIG) config: SubscriptionsConfig,
  ) {
    // Through the same SSRF guard as deliveries: a tenant must not be able to make this process
    // probe internal addresses. Redirects are never followed (undici's request does not follow
    // them without an interceptor).
    this.agent = createGuardedAgent(
      {
        connect: { timeout: CHALLENGE_TIMEOUT_MS },
        headersTimeout: CHALLENGE_TIMEOUT_MS,
        bodyTimeout: CHALLENGE_TIMEOUT_MS,
        keepAliveTimeout: 1_000,
      },
      { allowHttp: config.ALLOW_HTTP_ENDPOINTS, allowCidrs: config.SSRF_ALLOW_CIDRS },
    );
  }

  /**
   * Challenges sent in the background die with the process. At start-up, endpoints still
   * pending without any recorded outcome (created or re-pointed just before a restart) are
   * challenged again, so none waits for someone to call VerifyEndpoint. With several replicas an
   * endpoint may get the challenge twice; echoing it twice is harmless.
   */
  onApplicationBootstrap(): void {
    void this.endpoints
      .unchallenged(RESUME_LIMIT)
      .then((pending) => {
        for (const endpoint of pending) this.verifyLater(endpoint.tenantId, endpoint.id);
        if (pending.length) this.logger.info('resuming endpoint verifications', { endpoints: pending.length });
      })
      .catch((error: unknown) => this.logger.warn('could not resume endpoint verifications', { error }));
  }

  /** Challenges the endpoint in the background; failures are recorded on the endpoint, never thrown. */
  verifyLater(tenantId: string, id: string): void {
    const run: Promise<void> = this.verify(tenantId, id)
      .then(() => undefined)
      .catch((error: unknown) => this.logger.warn('endpoint verification failed', { endpoint_id: id, error }))
      .finally(() => this.inFlight.delete(run));
    this.inFlight.add(run);
  }

  /** Challenges a pending endpoint now and returns it as it then is (unchanged when not pending); null if gone. */
  async verify(tenantId: string, id: string): Promise<EndpointEntity | null> {
    const endpoint = await this.endpoints.findLive(tenantId, id);
    if (!endpoint || !endpoint.pendingVerification) return endpoint;
    const outcome = await this.challenge(endpoint);
    const updated = await this.endpoints.update(tenantId, id, (current) => {
      if (!current.pendingVerification || current.url !== endpoint.url) return false;
      if (outcome.verified) {
        current.pendingVerification = false;
        current.verificationError = null;
        return true;
      }
      if (current.verificationError === outcome.error) return false;
      current.verificationError = outcome.error;
      return true;
    });
    if (updated && updated.version !== endpoint.version) this.relay.kick();
    this.logger.info(outcome.verified ? 'endpoint verified' : 'endpoint verification failed', {
      endpoint_id: id,
      tenant_id: tenantId,
      ...(outcome.verified ? {} : { reason: outcome.error }),
    });
    return updated;
  }

  private async challenge(endpoint: EndpointEntity): Promise<ChallengeOutcome> {
    const { challenge, ...rest } = newUrlChallenge();
    const body = Buffer.from(JSON.stringify({ ...rest, challenge }));
    if (!isSignatureScheme(endpoint.signatureScheme)) {
      return { verified: false, error: `unknown signature scheme ${endpoint.signatureScheme}` };
    }
    const signature = signDelivery({
      scheme: endpoint.signatureScheme,
      webhookId: 'msg_verify_' + randomBytes(12).toString('base64url'),
      body,
      secrets: [this.codec.open(endpoint.id, endpoint.secret)],
    });
    try {
      const response = await sendCapped(this.agent, endpoint.url, {
        method: 'POST',
        body,
        headers: { 'content-type': 'application/json', 'user-agent': 'webhook-platform/0.1', ...signature },
        maxBodyBytes: CHALLENGE_MAX_ANSWER_BYTES,
        timeoutMs: CHALLENGE_TIMEOUT_MS,
      });
      return judgeChallengeAnswer(response.status, response.body, challenge);
    } catch (error) {
      if (error instanceof ResponseTimeoutError)
        return { verified: false, error: `no answer within ${CHALLENGE_TIMEOUT_MS / 1000} s` };
      if (isSsrfBlocked(error)) return { verified: false, error: `blocked: ${error.message}` };
      return { verified: false, error: `request failed: ${describeRequestError(error, 'unknown error')}` };
    }
  }

  async onApplicationShutdown(): Promise<void> {
    await Promise.allSettled([...this.inFlight]);
    await this.agent.close();
  }
}
