import { randomBytes } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import type {
  CreateEndpointResponse,
  EndpointMessage,
  EndpointSecret,
  ListEndpointsResponse,
} from '@webhooks/contracts';
import { Logger } from '@webhooks/observability';
import {
  EndpointSecretCodec,
  generateSigningSecret,
  isSignatureScheme,
  publicKeyOf,
  type SignatureScheme,
} from '@webhooks/signing';
import { OutboxRelay } from '../../outbox/outbox-relay';
import { SUBSCRIPTIONS_CONFIG, type SubscriptionsConfig } from '../../subscriptions.config';
import type { CreateEndpointCommand, RotateEndpointSecretCommand, UpdateEndpointCommand } from '../endpoint.commands';
import type { EndpointEntity } from '../endpoint.entity';
import { EndpointException } from '../endpoint.exception';
import { EndpointUrlResolver } from '../endpoint-url.resolver';
import { toEndpointMessage } from '../endpoint.mapper';
import { EndpointRepository } from '../endpoint.repository';
import { EndpointVerifier } from '../verification/endpoint-verifier';

/**
 * Copies the fields an update sets onto the entity (the rate limit is stored as two columns).
 * Setting `disabled` through the API clears the platform's reason; enabling also restarts the
 * health clock, so an endpoint that was auto-disabled gets a full period before the next one.
 */
function applyChanges(endpoint: EndpointEntity, changes: UpdateEndpointCommand['changes']): void {
  const { rateLimit, ...plain } = changes;
  Object.assign(endpoint, plain);
  if (rateLimit !== undefined) {
    endpoint.rateLimitPerSecond = rateLimit?.perSecond ?? null;
    endpoint.rateLimitBurst = rateLimit?.burst ?? null;
  }
  if (changes.disabled !== undefined) endpoint.disabledReason = null;
  if (changes.disabled === false) endpoint.failingSince = null;
}

/**
 * What the receiver is given to verify signatures: the shared secret for HMAC schemes, the
 * `whpk_` public key for ed25519 (the `whsk_` private key never leaves the platform).
 */
function verificationKey(scheme: SignatureScheme, plain: string): { secret: string; publicKey: string } {
  return scheme === 'standard-ed25519'
    ? { secret: '', publicKey: publicKeyOf(plain) }
    : { secret: plain, publicKey: '' };
}

function schemeOf(endpoint: EndpointEntity): SignatureScheme {
  // Only validated schemes are ever written; a stray value falls back to the default.
  return isSignatureScheme(endpoint.signatureScheme) ? endpoint.signatureScheme : 'standard';
}

/** The API shape of an endpoint's signing material; `previous_valid_until` only while the old secret still signs. */
function toEndpointSecret(endpoint: EndpointEntity, plain: string, now = Date.now()): EndpointSecret {
  const scheme = schemeOf(endpoint);
  const expires = endpoint.previousSecret ? endpoint.previousSecretExpiresAt : null;
  return {
    signatureScheme: scheme,
    ...verificationKey(scheme, plain),
    previousValidUntil: expires && expires.getTime() > now ? expires.toISOString() : '',
  };
}

/** Time-ordered endpoint id: list pages can use the id as their cursor. */
function newEndpointId(): string {
  return 'ep_' + Date.now().toString(36).padStart(9, '0') + randomBytes(9).toString('base64url');
}

/**
 * Creates an endpoint. Its secret is sealed before it reaches the repository. When the tenant (or
 * the platform default) requires verification it starts `pending_verification` and the challenge
 * is sent after the commit; the caller gets the pending endpoint at once.
 */
@Injectable()
export class CreateEndpointUseCase {
  constructor(
    private readonly endpoints: EndpointRepository,
    private readonly relay: OutboxRelay,
    private readonly codec: EndpointSecretCodec,
    private readonly verifier: EndpointVerifier,
    private readonly urls: EndpointUrlResolver,
    private readonly logger: Logger,
    @Inject(SUBSCRIPTIONS_CONFIG) private readonly config: SubscriptionsConfig,
  ) {}

  async execute(command: CreateEndpointCommand): Promise<CreateEndpointResponse> {
    await this.urls.resolve(command.url);
    const id = newEndpointId();
    const scheme = command.signatureScheme;
    const secret = command.secret ?? generateSigningSecret(scheme).secret;
    const pending = await this.endpoints.requiresVerification(
      command.tenantId,
      this.config.ENDPOINT_VERIFICATION_DEFAULT,
    );
    const endpoint = await this.endpoints.create({
      id,
      tenantId: command.tenantId,
      url: command.url,
      eventTypes: command.eventTypes,
      description: command.description,
      secret: this.codec.seal(id, secret),
      signatureScheme: scheme,
      filter: command.filter,
      transformation: command.transformation,
      headers: command.headers,
      pendingVerification: pending,
      retryPolicy: command.retryPolicy,
      rateLimitPerSecond: command.rateLimit?.perSecond ?? null,
      rateLimitBurst: command.rateLimit?.burst ?? null,
      ordered: command.ordered,
    });
    this.relay.kick();
    if (pending) this.verifier.verifyLater(endpoint.tenantId, endpoint.id);
    this.logger.info('endpoint created', { endpoint_id: endpoint.id, tenant_id: endpoint.tenantId, pending });
    const key = verificationKey(scheme, secret);
    return { endpoint: toEndpointMessage(endpoint), secret: key.publicKey || key.secret };
  }
}

@Injectable()
export class GetEndpointUseCase {
  constructor(private readonly endpoints: EndpointRepository) {}

  async execute(tenantId: string, id: string): Promise<EndpointMessage> {
    const endpoint = await this.endpoints.findLive(tenantId, id);
    if (!endpoint) throw EndpointException.notFound(id);
    return toEndpointMessage(endpoint);
  }
}

@Injectable()
export class ListEndpointsUseCase {
  constructor(private readonly endpoints: EndpointRepository) {}

  async execute(tenantId: string, limit: number, cursor: string): Promise<ListEndpointsResponse> {
    if (limit < 0 || limit > 100) throw EndpointException.invalid('limit', 'must be between 1 and 100');
    const size = limit || 50;
    let after: string | undefined;
    if (cursor) {
      after = Buffer.from(cursor, 'base64url').toString('utf8');
      if (!after.startsWith('ep_')) throw EndpointException.invalid('cursor', 'is not a cursor from a previous page');
    }
    const page = await this.endpoints.list(tenantId, size + 1, after);
    const endpoints = page.slice(0, size);
    const more = page.length > size;
    return {
      endpoints: endpoints.map(toEndpointMessage),
      nextCursor: more ? Buffer.from(endpoints[endpoints.length - 1].id).toString('base64url') : '',
    };
  }
}

/** Applies a partial update; a new URL must pass the challenge again when the tenant requires verification. */
@Injectable()
export class UpdateEndpointUseCase {
  constructor(
    private readonly endpoints: EndpointRepository,
    private readonly relay: OutboxRelay,
    private readonly verifier: EndpointVerifier,
    private readonly urls: EndpointUrlResolver,
    private readonly logger: Logger,
    @Inject(SUBSCRIPTIONS_CONFIG) private readonly config: SubscriptionsConfig,
  ) {}

  async execute(command: UpdateEndpointCommand): Promise<EndpointMessage> {
    if (command.changes.url !== undefined) await this.urls.resolve(command.changes.url);
    const verify =
      command.changes.url !== undefined &&
      (await this.endpoints.requiresVerification(command.tenantId, this.config.ENDPOINT_VERIFICATION_DEFAULT));
    let urlChanged = false;
    const updated = await this.endpoints.update(command.tenantId, command.id, (endpoint) => {
      urlChanged = command.changes.url !== undefined && command.changes.url !== endpoint.url;
      applyChanges(endpoint, command.changes);
      if (urlChanged && verify) {
        endpoint.pendingVerification = true;
        endpoint.verificationError = null;
      }
    });
    if (!updated) throw EndpointException.notFound(command.id);
    this.relay.kick();
    if (urlChanged && updated.pendingVerification) this.verifier.verifyLater(updated.tenantId, updated.id);
    this.logger.info('endpoint updated', {
      endpoint_id: updated.id,
      version: updated.version,
      fields: Object.keys(command.changes),
    });
    return toEndpointMessage(updated);
  }
}

@Injectable()
export class DeleteEndpointUseCase {
  constructor(
    private readonly endpoints: EndpointRepository,
    private readonly relay: OutboxRelay,
    private readonly logger: Logger,
  ) {}

  /** Soft delete: the row stays (with a newer version) so dispatchers learn of the deletion. */
  async execute(tenantId: string, id: string): Promise<void> {
    const deleted = await this.endpoints.update(tenantId, id, (endpoint) => {
      endpoint.deletedAt = new Date();
      endpoint.disabled = true;
    });
    if (!deleted) throw EndpointException.notFound(id);
    this.relay.kick();
    this.logger.info('endpoint deleted', { endpoint_id: id, tenant_id: tenantId });
  }
}

/** The current signing material: the secret for HMAC schemes, the public key for ed25519. */
@Injectable()
export class GetEndpointSecretUseCase {
  constructor(
    private readonly endpoints: EndpointRepository,
    private readonly codec: EndpointSecretCodec,
  ) {}

  async execute(tenantId: string, id: string): Promise<EndpointSecret> {
    const endpoint = await this.endpoints.findLive(tenantId, id);
    if (!endpoint) throw EndpointException.notFound(id);
    return toEndpointSecret(endpoint, this.codec.open(endpoint.id, endpoint.secret));
  }
}

/**
 * Replaces the signing secret. Within one scheme the old secret keeps signing alongside the new
 * one for the grace period, so receivers can switch without dropping a delivery (how each scheme
 * carries two signatures is in docs/signatures.md). Across schemes there is no grace: a receiver
 * cannot verify one scheme's signature with the other's key, so the switch is immediate.
 */
@Injectable()
export class RotateEndpointSecretUseCase {
  constructor(
    private readonly endpoints: EndpointRepository,
    private readonly relay: OutboxRelay,
    private readonly codec: EndpointSecretCodec,
    private readonly logger: Logger,
  ) {}

  async execute(command: RotateEndpointSecretCommand): Promise<EndpointSecret> {
    let plain = '';
    const now = Date.now();
    const updated = await this.endpoints.update(command.tenantId, command.id, (endpoint) => {
      const current = schemeOf(endpoint);
      const scheme = command.signatureScheme ?? current;
      plain = command.secretFor(scheme) ?? generateSigningSecret(scheme).secret;
      if (scheme === current && command.gracePeriodMs > 0) {
        // Re-sealed, so a row written before encryption was enabled ends up sealed too.
        endpoint.previousSecret = this.codec.seal(endpoint.id, this.codec.open(endpoint.id, endpoint.secret));
        endpoint.previousSecretExpiresAt = new Date(now + command.gracePeriodMs);
      } else {
        endpoint.previousSecret = null;
        endpoint.previousSecretExpiresAt = null;
      }
      endpoint.secret = this.codec.seal(endpoint.id, plain);
      endpoint.signatureScheme = scheme;
    });
    if (!updated) throw EndpointException.notFound(command.id);
    this.relay.kick();
    this.logger.info('endpoint secret rotated', {
      endpoint_id: updated.id,
      tenant_id: updated.tenantId,
      scheme: updated.signatureScheme,
      previous_valid_until: updated.previousSecretExpiresAt?.toISOString() ?? null,
    });
    return toEndpointSecret(updated, plain, now);
  }
}

/** Sends the ownership challenge again to a pending endpoint and returns the endpoint as it then is. */
@Injectable()
export class VerifyEndpointUseCase {
  constructor(private readonly verifier: EndpointVerifier) {}

  async execute(tenantId: string, id: string): Promise<EndpointMessage> {
    const endpoint = await this.verifier.verify(tenantId, id);
    if (!endpoint) throw EndpointException.notFound(id);
    return toEndpointMessage(endpoint);
  }
}
