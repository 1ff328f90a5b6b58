// Writes docs/openapi.json from proto/webhooks/v1/management.proto (what GET /openapi.json serves).
// `--check` fails when the committed document differs, so it can never drift from the proto.
import { readFileSync, writeFileSync, existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { format, resolveConfig } from 'prettier';
import { deriveRoutes } from './http-route';
import { loadManagementRoot, managementServices } from './management-proto';
import { buildOpenApiDocument } from './openapi-document';

async function run(): Promise<void> {
  const target = join(resolve(__dirname, '../../../..'), 'docs/openapi.json');
  const root = loadManagementRoot();
  const document = buildOpenApiDocument(deriveRoutes(root), managementServices(root));
  const text = await format(JSON.stringify(document), { ...(await resolveConfig(target)), parser: 'json' });
  if (process.argv.includes('--check')) {
    if (!existsSync(target) || readFileSync(target, 'utf8') !== text) {
      console.error('openapi:check failed: docs/openapi.json is stale. Run npm run openapi:generate.');
      process.exit(1);
    }
    console.log(`openapi:check ok (${Object.keys(document.paths).length} paths)`);
    return;
  }
  writeFileSync(target, text);
  console.log(`wrote docs/openapi.json (${Object.keys(document.paths).length} paths)`);
}

run().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
