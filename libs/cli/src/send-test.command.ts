import { stringOption } from './cli-args';
import type { Command, CommandContext } from './command';
import { UsageError } from './exit-codes';

const DEFAULT_EVENT_TYPE = 'webhooks.test';

/**
 * The event type a test for this endpoint uses: --event-type, else the endpoint's first
 * subscribed type (a pattern's `*` made concrete), else `webhooks.test` (an endpoint without
 * types receives every type).
 */
export function testEventType(subscribed: readonly string[], explicit?: string): string {
  if (explicit) return explicit;
  const first = subscribed[0];
  return first ? first.replace(/\*/g, 'test') : DEFAULT_EVENT_TYPE;
}

/** The payload as JSON bytes; --payload is checked to be JSON before anything is sent. */
function payloadOption(text: string | undefined, eventType: string): Buffer {
  if (text === undefined)
    return Buffer.from(JSON.stringify({ type: eventType, test: true, sent_at: new Date().toISOString() }));
  try {
    JSON.parse(text);
    return Buffer.from(text);
  } catch (error) {
    throw new UsageError(`--payload: not JSON: ${(error as Error).message}`);
  }
}

async function resolveTarget(context: CommandContext, target: string): Promise<{ tenantId: string; types: string[] }> {
  // Endpoint ids are `ep_…`; anything else names a tenant.
  if (!target.startsWith('ep_')) return { tenantId: target, types: [] };
  const endpoint = await context.management().getEndpoint(context.tenant(), target);
  return { tenantId: context.tenant(), types: endpoint.eventTypes ?? [] };
}

const sendTest: Command = {
  path: ['send-test'],
  args: ['<endpoint-or-tenant>'],
  summary: 'Publish a test event through ingestion, to a tenant or of a type an endpoint receives.',
  options: { 'event-type': { type: 'string' }, payload: { type: 'string' } },
  help: {
    'event-type': `event type (default: the endpoint's first type, or ${DEFAULT_EVENT_TYPE})`,
    payload: 'JSON payload (default: a small test object)',
  },
  async run(context, { args: [target], options }) {
    const { tenantId, types } = await resolveTarget(context, target);
    const eventType = testEventType(types, stringOption(options, 'event-type'));
    const payload = payloadOption(stringOption(options, 'payload'), eventType);
    const { eventId } = await context.publisher().publish({ tenantId, eventType, payload });
    context.out.result({ eventId, tenantId, eventType }, () => `published ${eventType} to ${tenantId}: ${eventId}`);
    if (target.startsWith('ep_'))
      context.out.note(`every endpoint of ${tenantId} that receives ${eventType} gets it, not only ${target}`);
  },
};

export const SEND_TEST_COMMANDS: Command[] = [sendTest];
