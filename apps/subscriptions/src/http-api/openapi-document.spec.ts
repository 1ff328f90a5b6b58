import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { deriveRoutes } from './http-route';
import { loadManagementRoot, managementServices } from './management-proto';
import { buildOpenApiDocument } from './openapi-document';

describe('OpenAPI document', () => {
  const root = loadManagementRoot();
  const routes = deriveRoutes(root);
  const document = buildOpenApiDocument(routes, managementServices(root));

  it('has an operation for every annotated RPC', () => {
    for (const route of routes) {
      const operation = document.paths[route.template]?.[route.verb.toLowerCase()] as { operationId: string };
      expect(operation?.operationId).toBe(route.method);
    }
    const operations = Object.values(document.paths).flatMap((path) => Object.keys(path));
    expect(operations).toHaveLength(routes.length);
  });

  it('references only existing components', () => {
    const refs = JSON.stringify(document).match(/"\$ref":"[^"]+"/g) ?? [];
    expect(refs.length).toBeGreaterThan(0);
    for (const ref of refs) {
      const name = /#\/components\/schemas\/(.+)"$/.exec(ref)?.[1];
      expect(name && document.components.schemas[name]).toBeTruthy();
    }
  });

  it('describes bodies without path fields, query parameters, comments and bearer auth', () => {
    const body = document.components.schemas.CreateEndpointRequest as { properties: Record<string, unknown> };
    expect(body.properties).not.toHaveProperty('tenant_id');
    expect(body.properties.url).toEqual({ type: 'string' });
    const list = document.paths['/v1/tenants/{tenant_id}/attempts'].get as {
      parameters: { name: string; in: string }[];
    };
    expect(list.parameters.map((p) => `${p.in}:${p.name}`)).toEqual(
      expect.arrayContaining(['path:tenant_id', 'query:outcome', 'query:limit', 'query:cursor']),
    );
    const endpoint = document.components.schemas.Endpoint as { properties: Record<string, { description?: string }> };
    expect(endpoint.properties.url.description).toBe('Where deliveries are POSTed.');
    expect(endpoint.properties.version).toMatchObject({ type: 'string', format: 'int64' });
    expect(document.components.securitySchemes.bearerAuth).toMatchObject({ type: 'http', scheme: 'bearer' });
    expect(document.security).toEqual([{ bearerAuth: [] }]);
  });

  it('is what docs/openapi.json holds (npm run openapi:generate)', () => {
    const committed: unknown = JSON.parse(readFileSync(join(__dirname, '../../../../docs/openapi.json'), 'utf8'));
    expect(committed).toEqual(JSON.parse(JSON.stringify(document)));
  });
});
