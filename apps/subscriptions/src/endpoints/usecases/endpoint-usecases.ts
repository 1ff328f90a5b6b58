import { randomBytes } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { CreateEndpointResponse, EndpointMessage, ListEndpointsResponse } from '@webhooks/contracts';
import { Logger } from '@webhooks/observability';
import { generateSecret } from '@webhooks/signing';
import { OutboxRelay } from '../../outbox/outbox-relay';
import type { CreateEndpointCommand, UpdateEndpointCommand } from '../endpoint.commands';
import type { EndpointEntity } from '../endpoint.entity';
import { EndpointException } from '../endpoint.exception';
import { toEndpointMessage } from '../endpoint.mapper';
import { EndpointRepository } from '../endpoint.repository';

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

/** Time-ordered endpoint id: list pages can use the id as their cursor. */
function newEndpointId(): string {
  return 'ep_' + Date.now().toString(36).padStart(9, '0') + randomBytes(9).toString('base64url');
}

@Injectable()
export class CreateEndpointUseCase {
  constructor(
    private readonly endpoints: EndpointRepository,
    private readonly relay: OutboxRelay,
    private readonly logger: Logger,
  ) {}

  async execute(command: CreateEndpointCommand): Promise<CreateEndpointResponse> {
    const secret = command.secret ?? generateSecret();
    const endpoint = await this.endpoints.create({
      id: newEndpointId(),
      tenantId: command.tenantId,
      url: command.url,
      eventTypes: command.eventTypes,
      description: command.description,
      secret,
      retryPolicy: command.retryPolicy,
      rateLimitPerSecond: command.rateLimit?.perSecond ?? null,
      rateLimitBurst: command.rateLimit?.burst ?? null,
      ordered: command.ordered,
    });
    this.relay.kick();
    this.logger.info('endpoint created', { endpoint_id: endpoint.id, tenant_id: endpoint.tenantId });
    return { endpoint: toEndpointMessage(endpoint), secret };
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

@Injectable()
export class UpdateEndpointUseCase {
  constructor(
    private readonly endpoints: EndpointRepository,
    private readonly relay: OutboxRelay,
    private readonly logger: Logger,
  ) {}

  async execute(command: UpdateEndpointCommand): Promise<EndpointMessage> {
    const updated = await this.endpoints.update(command.tenantId, command.id, (endpoint) =>
      applyChanges(endpoint, command.changes),
    );
    if (!updated) throw EndpointException.notFound(command.id);
    this.relay.kick();
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
