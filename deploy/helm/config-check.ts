// Checks the environment the chart gives each container against the services' own config
// schemas: every schema variable is set (nothing silently left to a code default), no unknown
// variable is set, sensitive variables come from a Secret, and every literal value passes the
// schema's validation, exactly as loadConfig would at boot. Input: the JSON file written by
// check-manifests.py. Run with tsx from the repository root (deploy/helm/check.sh does).
import { readFileSync } from 'node:fs';
import { commonVariables, ConfigError, loadConfig, type ConfigSchema } from '@webhooks/config';
import { topicVariables } from '@webhooks/kafka';
import { dispatcherConfigSchema } from '../../apps/dispatcher/src/dispatcher.config';
import { ingestionConfigSchema } from '../../apps/ingestion/src/ingestion.config';
import { subscriptionsConfigSchema } from '../../apps/subscriptions/src/subscriptions.config';

/** One container as check-manifests.py saw it: its entry point and its environment. */
interface RenderedContainer {
  where: string;
  entry: string;
  /** A literal value, or a valueFrom reference (with the Secret's value when the chart renders it). */
  env: Record<string, string | { secret?: string; field?: string; value?: string }>;
}

const SCHEMAS: Record<string, ConfigSchema> = {
  'dist/apps/ingestion/src/main.js': ingestionConfigSchema,
  'dist/apps/subscriptions/src/main.js': subscriptionsConfigSchema,
  'dist/apps/dispatcher/src/main.js': dispatcherConfigSchema,
  'dist/libs/kafka/src/create-topics.cli.js': { ...commonVariables, ...topicVariables },
  // What apps/subscriptions/src/migrate.ts reads.
  'dist/apps/subscriptions/src/migrate.js': {
    DATABASE_URL: subscriptionsConfigSchema.DATABASE_URL,
    LOG_LEVEL: subscriptionsConfigSchema.LOG_LEVEL,
  },
};

/** Stand-ins for values Kubernetes fills in at run time; only their presence can be checked here. */
const SAMPLES_FROM_SECRET: Record<string, string> = {
  DATABASE_URL: 'postgres://user:secret@postgres.example:5432/webhooks',
  ADMIN_API_KEY: 'whk_0123456789abcdef_sample-admin-key-of-sufficient-length-000000',
  SECRETS_ENCRYPTION_KEY: Buffer.alloc(32, 7).toString('base64'),
};
const SAMPLE_POD_NAME = 'release-subscriptions-0';

function check(container: RenderedContainer): string[] {
  const schema = SCHEMAS[container.entry];
  if (!schema) return [`${container.where}: unknown entry point ${container.entry}`];
  const problems: string[] = [];
  const env: Record<string, string> = {};
  for (const [name, value] of Object.entries(container.env)) {
    if (name === 'POD_NAME') continue; // downward-API helper for $(POD_NAME) expansion
    const variable = schema[name];
    if (!variable) {
      problems.push(`${name} is set but no schema variable has that name`);
      continue;
    }
    if (typeof value === 'string') {
      if (variable.sensitive) problems.push(`${name} is sensitive but set as a literal; it must come from a Secret`);
      env[name] = value.replace('$(POD_NAME)', SAMPLE_POD_NAME);
    } else if (value.secret) {
      env[name] = value.value ?? SAMPLES_FROM_SECRET[name] ?? 'sample-secret-value';
    } else {
      if (variable.sensitive) problems.push(`${name} is sensitive but not taken from a Secret`);
      env[name] = SAMPLE_POD_NAME;
    }
  }
  for (const name of Object.keys(schema)) {
    if (!(name in container.env)) problems.push(`${name} is in the schema but the chart does not set it`);
  }
  try {
    loadConfig(schema, env);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    problems.push(...error.problems);
  }
  return problems.map((problem) => `${container.where}: ${problem}`);
}

const [file] = process.argv.slice(2);
if (!file) throw new Error('usage: tsx deploy/helm/config-check.ts <containers.json>');
const containers = JSON.parse(readFileSync(file, 'utf8')) as RenderedContainer[];
const problems = containers.flatMap(check);
for (const problem of problems) process.stderr.write(`config-check: ${problem}\n`);
process.stdout.write(`config-check: ${containers.length} containers, ${problems.length} problems\n`);
process.exitCode = problems.length ? 1 : 0;
