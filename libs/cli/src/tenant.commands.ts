import type { ApiKeyMessage, TenantMessage } from '@webhooks/contracts';
import { intOption, stringOption } from './cli-args';
import { formatRecord, formatTable, type Column } from './cli-output';
import type { Command } from './command';

const TENANT_COLUMNS: Column<TenantMessage>[] = [
  { header: 'ID', value: (t) => t.id },
  { header: 'NAME', value: (t) => t.name },
  { header: 'CREATED', value: (t) => t.createdAt },
];

const KEY_COLUMNS: Column<ApiKeyMessage>[] = [
  { header: 'ID', value: (k) => k.id },
  { header: 'TENANT', value: (k) => (k.admin ? '(admin)' : k.tenantId) },
  { header: 'NAME', value: (k) => k.name },
  { header: 'CREATED', value: (k) => k.createdAt },
  { header: 'REVOKED', value: (k) => k.revokedAt },
];

const createTenant: Command = {
  path: ['tenants', 'create'],
  args: ['<id>'],
  summary: 'Create a tenant (admin key).',
  options: { name: { type: 'string' } },
  help: { name: 'display name' },
  async run(context, { args: [tenantId], options }) {
    const tenant = await context.management().createTenant({ tenantId, name: stringOption(options, 'name') });
    context.out.result(tenant, () => formatRecord(tenant));
  },
};

const listTenants: Command = {
  path: ['tenants', 'list'],
  args: [],
  summary: 'List tenants (admin key; one page).',
  options: { limit: { type: 'string' }, cursor: { type: 'string' } },
  help: { limit: 'page size (1..100)', cursor: 'next_cursor of the previous page' },
  async run(context, { options }) {
    const page = await context
      .management()
      .listTenants(intOption(options, 'limit', 1) ?? 0, stringOption(options, 'cursor') ?? '');
    context.out.result(page, () => {
      const table = formatTable(page.tenants, TENANT_COLUMNS);
      return page.nextCursor ? `${table}\nmore: --cursor ${page.nextCursor}` : table;
    });
  },
};

const getTenant: Command = {
  path: ['tenants', 'get'],
  args: ['[id]'],
  summary: 'Show a tenant (default: --tenant).',
  options: {},
  async run(context, { args: [id] }) {
    const tenant = await context.management().getTenant(id ?? context.tenant());
    context.out.result(tenant, () => formatRecord(tenant));
  },
};

const createApiKey: Command = {
  path: ['api-keys', 'create'],
  args: [],
  summary: 'Create an API key for --tenant, or with --admin an admin key; the key is shown once.',
  options: { name: { type: 'string' }, admin: { type: 'boolean' } },
  help: { name: 'what the key is for', admin: 'an admin key (acts on every tenant; admin keys only)' },
  async run(context, { options }) {
    const admin = options.admin === true;
    const created = await context.management().createApiKey({
      tenantId: admin ? '' : context.tenant(),
      name: stringOption(options, 'name'),
      admin,
    });
    context.out.result(created, () => `${formatRecord(created.apiKey ?? {})}\nkey: ${created.key}`);
    context.out.note('store the key now: it is not shown again');
  },
};

const listApiKeys: Command = {
  path: ['api-keys', 'list'],
  args: [],
  summary: "List --tenant's API keys (without --tenant and with an admin key: the admin keys).",
  options: {},
  async run(context) {
    const keys = await context.management().listApiKeys(context.global.tenant ?? '');
    context.out.result(keys, () => formatTable(keys.apiKeys, KEY_COLUMNS));
  },
};

const revokeApiKey: Command = {
  path: ['api-keys', 'revoke'],
  args: ['<id>'],
  summary: 'Revoke an API key (key_…); effective at once.',
  options: {},
  async run(context, { args: [id] }) {
    const key = await context.management().revokeApiKey(id);
    context.out.result(key, () => formatRecord(key));
  },
};

export const TENANT_COMMANDS: Command[] = [
  createTenant,
  listTenants,
  getTenant,
  createApiKey,
  listApiKeys,
  revokeApiKey,
];
