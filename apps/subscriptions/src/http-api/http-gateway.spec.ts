import { status } from '@grpc/grpc-js';
import { errorResponse, transcode, type GatewayRequest } from './http-gateway';
import { GatewayError, httpStatusOf, statusName } from './grpc-http-status';
import { deriveRoutes } from './http-route';
import { loadManagementRoot } from './management-proto';
import { JsonMappingError } from './proto-json.mapper';

describe('transcoding HTTP requests', () => {
  const routes = deriveRoutes(loadManagementRoot());
  const request = (method: string, url: string, body?: unknown, contentType?: string): GatewayRequest => ({
    method,
    url,
    contentType,
    body: Buffer.from(body === undefined ? '' : typeof body === 'string' ? body : JSON.stringify(body)),
  });

  it('fills the message from path and body, accepting both name cases; the path wins', () => {
    const { route, fields } = transcode(
      routes,
      request('POST', '/v1/tenants/acme/endpoints', {
        tenantId: 'other',
        url: 'https://example.com/hook',
        event_types: ['order.*'],
        retryPolicy: { max_attempts: 3, intervalMs: '1000' },
        headers: { 'x-env': 'prod' },
      }),
    );
    expect(route.method).toBe('CreateEndpoint');
    expect(fields).toEqual({
      tenant_id: 'acme',
      url: 'https://example.com/hook',
      event_types: ['order.*'],
      retry_policy: { max_attempts: 3, interval_ms: 1000 },
      headers: { 'x-env': 'prod' },
    });
  });

  it('fills the rest from the query on GET, repeated and dotted parameters included', () => {
    expect(
      transcode(routes, request('GET', '/v1/tenants/acme/attempts?outcome=failed&limit=20&endpointId=ep_1')).fields,
    ).toEqual({
      tenant_id: 'acme',
      outcome: 'failed',
      limit: 20,
      endpoint_id: 'ep_1',
    });
  });

  it('names the field that is wrong', () => {
    const fail = (req: GatewayRequest) => () => transcode(routes, req);
    expect(fail(request('GET', '/v1/tenants/acme/endpoints?limit=ten'))).toThrow('limit: must be an integer');
    expect(fail(request('GET', '/v1/tenants/acme/endpoints?limit=1&limit=2'))).toThrow('limit takes one value');
    expect(fail(request('GET', '/v1/tenants/acme/endpoints?colour=red'))).toThrow(/colour: unknown field/);
    expect(fail(request('POST', '/v1/tenants/acme/endpoints', { url: 5 }))).toThrow('url: must be a string');
    expect(fail(request('POST', '/v1/tenants/acme/endpoints', { retry_policy: { max_attempts: -1 } }))).toThrow(
      'retry_policy.max_attempts: must be between 0 and 4294967295',
    );
    expect(fail(request('POST', '/v1/tenants/acme/endpoints', { urll: 'x' }))).toThrow(/urll: unknown field/);
    expect(fail(request('POST', '/v1/tenants/acme/endpoints', '{"url":'))).toThrow(/malformed JSON body/);
    expect(fail(request('POST', '/v1/tenants/acme/endpoints', '[1]'))).toThrow('body: must be a JSON object');
    expect(fail(request('POST', '/v1/tenants/acme/endpoints?x=1', {}))).toThrow(/query parameters are not accepted/);
  });

  it('treats an empty body as an empty message and refuses non-JSON bodies', () => {
    expect(transcode(routes, request('POST', '/v1/tenants/t/endpoints/e/verify')).fields).toEqual({
      tenant_id: 't',
      id: 'e',
    });
    expect(() => transcode(routes, request('POST', '/v1/tenants/t/endpoints', 'url=x', 'text/plain'))).toThrow(
      GatewayError,
    );
  });

  it('answers unknown routes 404 and wrong verbs 405 with Allow', () => {
    expect(errorResponse(catchError(() => transcode(routes, request('GET', '/v1/nope'))))).toMatchObject({
      status: 404,
      body: { code: 'NOT_FOUND' },
    });
    expect(errorResponse(catchError(() => transcode(routes, request('PUT', '/v1/tenants/t'))))).toMatchObject({
      status: 405,
      headers: { allow: 'GET, PATCH' },
    });
  });

  it('maps gRPC errors to HTTP status and the { code, message } body', () => {
    const grpcError = (code: status, details: string) => Object.assign(new Error(details), { code, details });
    expect(errorResponse(grpcError(status.INVALID_ARGUMENT, 'url: must be https'))).toEqual({
      status: 400,
      body: { code: 'INVALID_ARGUMENT', message: 'url: must be https' },
      headers: {},
    });
    expect(errorResponse(grpcError(status.UNAUTHENTICATED, 'no key'))).toMatchObject({
      status: 401,
      headers: { 'www-authenticate': 'Bearer' },
    });
    expect(errorResponse(new JsonMappingError('limit: must be an integer'))).toMatchObject({ status: 400 });
    expect(errorResponse(new TypeError('boom'))).toEqual({
      status: 500,
      body: { code: 'INTERNAL', message: 'internal error in the HTTP gateway' },
      headers: {},
    });
  });
});

describe('gRPC → HTTP status', () => {
  it.each([
    [status.INVALID_ARGUMENT, 400],
    [status.UNAUTHENTICATED, 401],
    [status.PERMISSION_DENIED, 403],
    [status.NOT_FOUND, 404],
    [status.ALREADY_EXISTS, 409],
    [status.FAILED_PRECONDITION, 400],
    [status.RESOURCE_EXHAUSTED, 429],
    [status.UNIMPLEMENTED, 501],
    [status.UNAVAILABLE, 503],
    [status.DEADLINE_EXCEEDED, 504],
    [status.INTERNAL, 500],
    [status.UNKNOWN, 500],
    [99, 500],
  ])('%s → %s', (code, http) => expect(httpStatusOf(code)).toBe(http));

  it('names codes', () => {
    expect(statusName(status.FAILED_PRECONDITION)).toBe('FAILED_PRECONDITION');
    expect(statusName(99)).toBe('UNKNOWN');
  });
});

function catchError(fn: () => unknown): unknown {
  try {
    fn();
  } catch (error) {
    return error;
  }
  throw new Error('expected a throw');
}
