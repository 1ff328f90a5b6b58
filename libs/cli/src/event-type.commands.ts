import { readFileSync } from 'node:fs';
import type { EventTypeMessage } from '@webhooks/contracts';
import { intOption, stringOption } from './cli-args';
import { formatRecord, formatTable, type Column } from './cli-output';
import type { Command } from './command';
import { UsageError } from './exit-codes';

const EVENT_TYPE_COLUMNS: Column<EventTypeMessage>[] = [
  { header: 'NAME', value: (t) => t.name },
  { header: 'SCHEMA', value: (t) => (t.schema ? 'yes' : '') },
  { header: 'DESCRIPTION', value: (t) => t.description },
];

/** `--schema '{"type":"object"}'` or `--schema @schema.json`; checked to be JSON before sending. */
function schemaOption(text: string | undefined): string | undefined {
  if (text === undefined) return undefined;
  let schema = text;
  if (text.startsWith('@')) {
    try {
      schema = readFileSync(text.slice(1), 'utf8');
    } catch (error) {
      throw new UsageError(`--schema: cannot read ${text.slice(1)}: ${(error as Error).message}`);
    }
  }
  try {
    JSON.parse(schema);
  } catch (error) {
    throw new UsageError(`--schema: not JSON: ${(error as Error).message}`);
  }
  return schema;
}

const createEventType: Command = {
  path: ['event-types', 'create'],
  args: ['<name>'],
  summary: 'Register an event type, optionally with a JSON Schema ingestion enforces.',
  options: { description: { type: 'string' }, schema: { type: 'string' } },
  help: { description: 'free text', schema: 'JSON Schema (draft 2020-12) as JSON, or @file' },
  async run(context, { args: [name], options }) {
    const eventType = await context.management().createEventType({
      tenantId: context.tenant(),
      name,
      description: stringOption(options, 'description'),
      schema: schemaOption(stringOption(options, 'schema')),
    });
    context.out.result(eventType, () => formatRecord(eventType));
  },
};

const listEventTypes: Command = {
  path: ['event-types', 'list'],
  args: [],
  summary: "List the tenant's event types (one page).",
  options: { limit: { type: 'string' }, cursor: { type: 'string' } },
  help: { limit: 'page size (1..100)', cursor: 'next_cursor of the previous page' },
  async run(context, { options }) {
    const page = await context
      .management()
      .listEventTypes(context.tenant(), intOption(options, 'limit', 1) ?? 0, stringOption(options, 'cursor') ?? '');
    context.out.result(page, () => {
      const table = formatTable(page.eventTypes, EVENT_TYPE_COLUMNS);
      return page.nextCursor ? `${table}\nmore: --cursor ${page.nextCursor}` : table;
    });
  },
};

const getEventType: Command = {
  path: ['event-types', 'get'],
  args: ['<name>'],
  summary: 'Show an event type and its schema.',
  options: {},
  async run(context, { args: [name] }) {
    const eventType = await context.management().getEventType(context.tenant(), name);
    context.out.result(eventType, () => formatRecord(eventType));
  },
};

const deleteEventType: Command = {
  path: ['event-types', 'delete'],
  args: ['<name>'],
  summary: 'Delete an event type (its events are then accepted unchecked).',
  options: {},
  async run(context, { args: [name] }) {
    await context.management().deleteEventType(context.tenant(), name);
    context.out.result({ deleted: name }, () => `deleted ${name}`);
  },
};

export const EVENT_TYPE_COMMANDS: Command[] = [createEventType, listEventTypes, getEventType, deleteEventType];
