import { status, type ServiceError } from '@grpc/grpc-js';
import { GatewayError, httpStatusOf, statusName, type ApiErrorBody } from './grpc-http-status';
import type { GrpcLoopback } from './grpc-loopback';
import { matchRoute, type HttpRoute } from './http-route';
import { bindParameters, JsonMappingError, jsonToProto, protoToJson } from './proto-json.mapper';

export interface GatewayRequest {
  method: string;
  /** Path and query as received, e.g. `/v1/tenants/t1/endpoints?limit=10`. */
  url: string;
  contentType?: string;
  /** Empty when the request had no body. */
  body: Buffer;
}

export interface GatewayResponse {
  status: number;
  body: unknown;
  headers: Record<string, string>;
}

export interface TranscodedRequest {
  route: HttpRoute;
  /** The request message as a plain object with proto field names. */
  fields: Record<string, unknown>;
}

/**
 * HTTP request → RPC and request message, following `google.api.http`: path variables bind
 * their fields; with `body: "*"` the JSON body is the rest of the message; without a body,
 * query parameters are. Path variables win over the same field in the body, as the URL names
 * the resource. Throws GatewayError (no route, wrong verb) or JsonMappingError (bad input).
 */
export function transcode(routes: readonly HttpRoute[], request: GatewayRequest): TranscodedRequest {
  const url = new URL(request.url, 'http://gateway');
  const lookup = matchRoute(routes, request.method, url.pathname);
  switch (lookup.kind) {
    case 'none':
      throw new GatewayError(404, status.NOT_FOUND, `no route for ${request.method} ${url.pathname}`);
    case 'wrong-verb':
      throw new GatewayError(405, status.UNIMPLEMENTED, `${request.method} is not allowed on ${url.pathname}`, {
        allow: lookup.allow.join(', '),
      });
    case 'match':
      break;
  }
  const { route, params } = lookup.match;
  let fields: Record<string, unknown> = {};
  if (route.body) {
    const json = parseJsonBody(request);
    if (route.body === '*') fields = jsonToProto(route.requestType, json);
    else fields = jsonToProto(route.requestType, { [route.body]: json });
  }
  const queryKeys = new Set(url.searchParams.keys());
  if (queryKeys.size && route.body === '*')
    throw new JsonMappingError(
      `query parameters are not accepted by ${route.verb} ${route.template}: send them in the body`,
    );
  for (const key of queryKeys) bindParameters(route.requestType, fields, key, url.searchParams.getAll(key), 'query');
  for (const [field, value] of params) bindParameters(route.requestType, fields, field, [value], 'path');
  return { route, fields };
}

function parseJsonBody(request: GatewayRequest): unknown {
  if (request.body.length === 0) return {};
  const type = (request.contentType ?? 'application/json').split(';')[0].trim().toLowerCase();
  if (type !== 'application/json' && !type.endsWith('+json'))
    throw new GatewayError(415, status.INVALID_ARGUMENT, `content-type must be application/json, not ${type}`);
  try {
    return JSON.parse(request.body.toString('utf8')) as unknown;
  } catch (error) {
    throw new JsonMappingError(`malformed JSON body: ${(error as Error).message}`);
  }
}

/** Any failure → its HTTP status and the `{ code, message }` body. */
export function errorResponse(error: unknown): GatewayResponse {
  const answer = (httpStatus: number, body: ApiErrorBody, headers: Record<string, string> = {}): GatewayResponse => ({
    status: httpStatus,
    body,
    headers,
  });
  if (error instanceof GatewayError) return answer(error.httpStatus, error.body, error.headers);
  if (error instanceof JsonMappingError) return answer(400, { code: 'INVALID_ARGUMENT', message: error.message });
  const grpcError = error as Partial<ServiceError>;
  if (typeof grpcError.code === 'number') {
    const code = grpcError.code;
    const headers: Record<string, string> = code === status.UNAUTHENTICATED ? { 'www-authenticate': 'Bearer' } : {};
    return answer(httpStatusOf(code), { code: statusName(code), message: grpcError.details ?? '' }, headers);
  }
  // A bug in the gateway itself (e.g. a response that does not decode): no details leak out.
  return answer(500, { code: 'INTERNAL', message: 'internal error in the HTTP gateway' });
}

/**
 * The HTTP/JSON face of the management API: transcodes, calls the service's own gRPC server
 * and maps the answer back. Holds no business rule; success is always 200 with the response
 * message as JSON.
 */
export class HttpGateway {
  constructor(
    private readonly routes: readonly HttpRoute[],
    private readonly loopback: GrpcLoopback,
  ) {}

  async handle(
    request: GatewayRequest,
    authorization: string | undefined,
    signal: AbortSignal,
  ): Promise<GatewayResponse> {
    try {
      const { route, fields } = transcode(this.routes, request);
      const response = await this.loopback.call(route, fields, authorization, signal);
      return { status: 200, body: protoToJson(route.responseType, response), headers: {} };
    } catch (error) {
      return errorResponse(error);
    }
  }
}
