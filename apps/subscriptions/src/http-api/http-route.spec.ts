import { deriveRoutes, matchRoute, parseTemplate } from './http-route';
import { loadManagementRoot, managementServices } from './management-proto';

describe('routes from google.api.http', () => {
  const root = loadManagementRoot();
  const routes = deriveRoutes(root);

  it('has one route per annotated RPC of every service', () => {
    const rpcs = managementServices(root).flatMap((service) => service.methodsArray.map((m) => m.name));
    expect(routes.map((route) => route.method).sort()).toEqual([...rpcs].sort());
    const create = routes.find((route) => route.method === 'CreateEndpoint')!;
    expect(create).toMatchObject({
      verb: 'POST',
      template: '/v1/tenants/{tenant_id}/endpoints',
      body: '*',
      pathFields: ['tenant_id'],
      grpcPath: '/webhooks.v1.EndpointManagement/CreateEndpoint',
    });
    expect(create.requestType.name).toBe('CreateEndpointRequest');
    expect(create.responseType.name).toBe('CreateEndpointResponse');
  });

  it('binds path variables, percent-decoded', () => {
    const lookup = matchRoute(routes, 'GET', '/v1/tenants/acme%2Fx/endpoints/ep_1');
    expect(lookup.kind).toBe('match');
    if (lookup.kind !== 'match') return;
    expect(lookup.match.route.method).toBe('GetEndpoint');
    expect(Object.fromEntries(lookup.match.params)).toEqual({ tenant_id: 'acme/x', id: 'ep_1' });
  });

  it('prefers the longer literal match and binds several variables', () => {
    const secret = matchRoute(routes, 'GET', '/v1/tenants/t/endpoints/e/secret');
    expect(secret.kind === 'match' && secret.match.route.method).toBe('GetEndpointSecret');
    const resend = matchRoute(routes, 'POST', '/v1/tenants/t/endpoints/e/messages/m/resend');
    expect(resend.kind === 'match' && Object.fromEntries(resend.match.params)).toEqual({
      tenant_id: 't',
      endpoint_id: 'e',
      event_id: 'm',
    });
  });

  it('tells a wrong verb from an unknown path, and ignores a trailing slash', () => {
    expect(matchRoute(routes, 'PUT', '/v1/tenants/t/endpoints/e')).toEqual({
      kind: 'wrong-verb',
      allow: expect.arrayContaining(['GET', 'PATCH', 'DELETE']),
    });
    expect(matchRoute(routes, 'GET', '/v1/nothing/here').kind).toBe('none');
    expect(matchRoute(routes, 'GET', '/v1/tenants/t/endpoints/').kind).toBe('match');
    expect(matchRoute(routes, 'GET', '/v1/tenants//endpoints').kind).toBe('none');
  });

  it('parses templates and refuses what it cannot serve', () => {
    expect(parseTemplate('/v1/a/{b}/{c.d=*}')).toEqual([
      { literal: 'v1' },
      { literal: 'a' },
      { field: 'b' },
      { field: 'c.d' },
    ]);
    expect(() => parseTemplate('/v1/{name=projects/**}')).toThrow(/unsupported path segment/);
    expect(() => parseTemplate('/v1/things:batch')).toThrow(/unsupported path segment/);
    expect(() => parseTemplate('v1/x')).toThrow(/must start with/);
  });
});
