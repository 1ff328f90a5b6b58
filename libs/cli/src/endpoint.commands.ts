import type { EndpointMessage } from '@webhooks/contracts';
import { headersOption, intOption, listOption, stringOption } from './cli-args';
import { formatRecord, formatTable, type Column } from './cli-output';
import type { Command, OptionSpecs } from './command';
import { UsageError } from './exit-codes';

const ENDPOINT_COLUMNS: Column<EndpointMessage>[] = [
  { header: 'ID', value: (e) => e.id },
  { header: 'STATUS', value: (e) => e.status || (e.disabled ? 'disabled' : 'active') },
  { header: 'URL', value: (e) => e.url },
  { header: 'EVENT TYPES', value: (e) => (e.eventTypes?.length ? e.eventTypes.join(',') : '*') },
  { header: 'DESCRIPTION', value: (e) => e.description },
];

/** Flags shared by create and update: what an endpoint is configured with. */
const SETTINGS: OptionSpecs = {
  'event-type': { type: 'string', multiple: true },
  description: { type: 'string' },
  header: { type: 'string', multiple: true },
  filter: { type: 'string' },
  transformation: { type: 'string' },
  'rate-limit': { type: 'string' },
  'max-attempts': { type: 'string' },
};

const SETTINGS_HELP: Record<string, string> = {
  'event-type': 'event type (pattern) to receive, e.g. order.*; none = every type',
  description: 'free text',
  header: 'extra request header name=value',
  filter: 'payload filter (JSON)',
  transformation: 'JSONata expression producing the delivered body',
  'rate-limit': 'requests per second to the endpoint (0 = unlimited)',
  'max-attempts': 'attempts in all before dead-lettering (1..50)',
  url: 'new URL',
  secret: 'signing secret (whsec_…); generated when absent',
  'signature-scheme': 'standard (default), standard-ed25519, x-signature or github',
  ordered: 'deliver in publish order',
  disable: 'stop deliveries',
  enable: 'resume deliveries',
  limit: 'page size (1..100)',
  cursor: 'next_cursor of the previous page',
};

const createEndpoint: Command = {
  path: ['endpoints', 'create'],
  args: ['<url>'],
  summary: 'Create an endpoint; prints it and its signing secret.',
  options: {
    ...SETTINGS,
    secret: { type: 'string' },
    'signature-scheme': { type: 'string' },
    ordered: { type: 'boolean' },
  },
  help: SETTINGS_HELP,
  async run(context, { args: [url], options }) {
    const rateLimit = intOption(options, 'rate-limit');
    const maxAttempts = intOption(options, 'max-attempts', 1);
    const created = await context.management().createEndpoint({
      tenantId: context.tenant(),
      url,
      eventTypes: listOption(options, 'event-type'),
      description: stringOption(options, 'description'),
      secret: stringOption(options, 'secret'),
      signatureScheme: stringOption(options, 'signature-scheme'),
      ordered: options.ordered === true,
      filter: stringOption(options, 'filter'),
      transformation: stringOption(options, 'transformation'),
      headers: headersOption(options, 'header'),
      rateLimit: rateLimit === undefined ? undefined : { perSecond: rateLimit },
      retryPolicy: maxAttempts === undefined ? undefined : { maxAttempts },
    });
    context.out.result(created, () => `${formatRecord(created.endpoint ?? {})}\nsecret: ${created.secret ?? ''}`);
  },
};

const listEndpoints: Command = {
  path: ['endpoints', 'list'],
  args: [],
  summary: "List the tenant's endpoints (one page).",
  options: { limit: { type: 'string' }, cursor: { type: 'string' } },
  help: SETTINGS_HELP,
  async run(context, { options }) {
    const page = await context
      .management()
      .listEndpoints(context.tenant(), intOption(options, 'limit', 1) ?? 0, stringOption(options, 'cursor') ?? '');
    context.out.result(page, () => {
      const table = formatTable(page.endpoints ?? [], ENDPOINT_COLUMNS);
      return page.nextCursor ? `${table}\nmore: --cursor ${page.nextCursor}` : table;
    });
  },
};

const getEndpoint: Command = {
  path: ['endpoints', 'get'],
  args: ['<id>'],
  summary: 'Show one endpoint.',
  options: {},
  async run(context, { args: [id] }) {
    const endpoint = await context.management().getEndpoint(context.tenant(), id);
    context.out.result(endpoint, () => formatRecord(endpoint));
  },
};

const updateEndpoint: Command = {
  path: ['endpoints', 'update'],
  args: ['<id>'],
  summary: 'Change an endpoint; only the flags given change.',
  options: {
    ...SETTINGS,
    url: { type: 'string' },
    ordered: { type: 'boolean' },
    disable: { type: 'boolean' },
    enable: { type: 'boolean' },
  },
  help: SETTINGS_HELP,
  async run(context, { args: [id], options }) {
    if (options.disable && options.enable)
      throw new UsageError('endpoints update: --disable and --enable exclude each other');
    const eventTypes = listOption(options, 'event-type');
    const headers = headersOption(options, 'header');
    const rateLimit = intOption(options, 'rate-limit');
    const maxAttempts = intOption(options, 'max-attempts', 1);
    const endpoint = await context.management().updateEndpoint({
      tenantId: context.tenant(),
      id,
      url: stringOption(options, 'url'),
      eventTypes: eventTypes.length ? { values: eventTypes } : undefined,
      description: stringOption(options, 'description'),
      disabled: options.disable ? true : options.enable ? false : undefined,
      ordered: options.ordered === true ? true : undefined,
      filter: stringOption(options, 'filter'),
      transformation: stringOption(options, 'transformation'),
      headers: headers ? { values: headers } : undefined,
      rateLimit: rateLimit === undefined ? undefined : { perSecond: rateLimit },
      retryPolicy: maxAttempts === undefined ? undefined : { maxAttempts },
    });
    context.out.result(endpoint, () => formatRecord(endpoint));
  },
};

const deleteEndpoint: Command = {
  path: ['endpoints', 'delete'],
  args: ['<id>'],
  summary: 'Delete an endpoint; its pending deliveries are skipped.',
  options: {},
  async run(context, { args: [id] }) {
    await context.management().deleteEndpoint(context.tenant(), id);
    context.out.result({ deleted: id }, () => `deleted ${id}`);
  },
};

export const ENDPOINT_COMMANDS: Command[] = [
  createEndpoint,
  listEndpoints,
  getEndpoint,
  updateEndpoint,
  deleteEndpoint,
];
