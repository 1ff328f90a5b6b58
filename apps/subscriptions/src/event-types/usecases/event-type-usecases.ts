import { Injectable } from '@nestjs/common';
import type {
  CreateEventTypeRequest__Output,
  EventType,
  ListEventTypesResponse,
  UpdateEventTypeRequest__Output,
} from '@webhooks/contracts';
import { compileSchema, PayloadRuleError } from '@webhooks/payload-rules';
import { OutboxRelay } from '../../outbox/outbox-relay';
import { TenantException } from '../../tenants/tenant.exception';
import type { EventTypeEntity } from '../event-type.entity';
import { EventTypeRepository } from '../event-type.repository';

const EVENT_TYPE = /^[A-Za-z0-9_-]+(\.[A-Za-z0-9_-]+)*$/;
const MAX_DESCRIPTION = 1024;

function validName(name: string | undefined): string {
  if (!name) throw TenantException.invalid('name', 'is required');
  if (name.length > 128 || !EVENT_TYPE.test(name)) {
    throw TenantException.invalid('name', 'must be dot-separated words of [A-Za-z0-9_-], at most 128 characters');
  }
  return name;
}

function validDescription(description: string | undefined): string {
  if ((description ?? '').length > MAX_DESCRIPTION)
    throw TenantException.invalid('description', `is longer than ${MAX_DESCRIPTION} characters`);
  return description ?? '';
}

/** A JSON Schema that compiles (strict), or null for none; the error names what is wrong. */
function validSchema(text: string | undefined): string | null {
  if (!text) return null;
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    throw TenantException.invalid('schema', `is not valid JSON (${(error as Error).message})`);
  }
  try {
    compileSchema(parsed);
  } catch (error) {
    if (error instanceof PayloadRuleError) throw TenantException.invalid('schema', error.message);
    throw error;
  }
  return text;
}

function toMessage(t: EventTypeEntity): EventType {
  return {
    tenantId: t.tenantId,
    name: t.name,
    description: t.description,
    schema: t.schema ?? '',
    createdAt: t.createdAt.toISOString(),
    updatedAt: t.updatedAt.toISOString(),
  };
}

/** The registry's rules: names, schema validity, tenant scoping. */
@Injectable()
export class EventTypeUseCases {
  constructor(
    private readonly eventTypes: EventTypeRepository,
    private readonly relay: OutboxRelay,
  ) {}

  async create(tenantId: string, request: CreateEventTypeRequest__Output): Promise<EventType> {
    const name = validName(request.name);
    const entity = {
      tenantId,
      name,
      description: validDescription(request.description),
      schema: validSchema(request.schema),
    };
    if (!(await this.eventTypes.create(entity))) throw TenantException.exists(`event type ${name}`);
    this.relay.kick();
    return this.get(tenantId, name);
  }

  async get(tenantId: string, name: string): Promise<EventType> {
    const found = await this.eventTypes.find(tenantId, validName(name));
    if (!found) throw TenantException.notFound(`event type ${name}`);
    return toMessage(found);
  }

  async list(tenantId: string, limit: number, cursor: string): Promise<ListEventTypesResponse> {
    const size = Math.min(Math.max(limit || 50, 1), 100);
    const page = await this.eventTypes.list(tenantId, size + 1, cursor || undefined);
    const items = page.slice(0, size);
    return { eventTypes: items.map(toMessage), nextCursor: page.length > size ? items[size - 1].name : '' };
  }

  async update(tenantId: string, request: UpdateEventTypeRequest__Output): Promise<EventType> {
    const name = validName(request.name);
    const change: Partial<Pick<EventTypeEntity, 'description' | 'schema'>> = {};
    if (request.description !== undefined) change.description = validDescription(request.description);
    if (request.schema !== undefined) change.schema = validSchema(request.schema);
    const saved = await this.eventTypes.update(tenantId, name, change);
    if (!saved) throw TenantException.notFound(`event type ${name}`);
    this.relay.kick();
    return toMessage(saved);
  }

  async delete(tenantId: string, name: string): Promise<void> {
    if (!(await this.eventTypes.delete(tenantId, validName(name))))
      throw TenantException.notFound(`event type ${name}`);
    this.relay.kick();
  }
}
