import * as protobuf from 'protobufjs';
import type { HttpRoute, HttpVerb } from './http-route';
import { HTTP_STATUS_OF, statusName } from './grpc-http-status';

/** The subset of JSON Schema / OpenAPI 3.1 objects this generator writes. */
export type Schema = Record<string, unknown>;

export interface OpenApiDocument {
  openapi: '3.1.0';
  info: { title: string; version: string; description: string };
  tags: { name: string; description?: string }[];
  security: Record<string, string[]>[];
  paths: Record<string, Record<string, unknown>>;
  components: { schemas: Record<string, Schema>; securitySchemes: Record<string, Schema> };
}

const VERB_ORDER: readonly HttpVerb[] = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'];
const ERROR_REF = { $ref: '#/components/schemas/Error' };

/**
 * The OpenAPI 3.1 document of the HTTP API, generated from the same descriptors (and the same
 * routes) the gateway serves, so the two cannot disagree. Proto comments become descriptions.
 * Output is deterministic (paths and schemas sorted): docs/openapi.json is checked for drift.
 */
export function buildOpenApiDocument(
  routes: readonly HttpRoute[],
  services: readonly protobuf.Service[],
): OpenApiDocument {
  const schemas = new SchemaRegistry();
  const paths: Record<string, Record<string, unknown>> = {};
  const sorted = [...routes].sort(
    (a, b) => a.template.localeCompare(b.template) || VERB_ORDER.indexOf(a.verb) - VERB_ORDER.indexOf(b.verb),
  );
  const operationIds = new Set<string>();
  for (const route of sorted) {
    if (operationIds.has(route.method)) throw new Error(`operationId ${route.method} is not unique`);
    operationIds.add(route.method);
    paths[route.template] ??= {};
    paths[route.template][route.verb.toLowerCase()] = operation(route, schemas);
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'Webhooks management API',
      version: 'v1',
      description:
        'HTTP/JSON transcoding of the gRPC management API (proto/webhooks/v1/management.proto). ' +
        'Field names are snake_case (lowerCamelCase is accepted in requests), int64 values are strings, ' +
        'bytes are base64. Errors are `{ "code": "<gRPC status>", "message": "..." }`. See docs/management-api.md.',
    },
    tags: services
      .filter((service) => routes.some((route) => route.service === service.name))
      .map((service) => ({ name: service.name, ...(service.comment ? { description: service.comment } : {}) })),
    security: [{ bearerAuth: [] }],
    paths,
    components: {
      schemas: { ...schemas.sorted(), Error: errorSchema() },
      securitySchemes: {
        bearerAuth: {
          type: 'http',
          scheme: 'bearer',
          description: 'An API key: `Authorization: Bearer whk_<id>_<secret>`.',
        },
      },
    },
  };
}

function operation(route: HttpRoute, schemas: SchemaRegistry): Record<string, unknown> {
  const parameters: Schema[] = route.pathFields.map((path) => ({
    name: path,
    in: 'path',
    required: true,
    schema: scalarOrEnumSchema(leafField(route.requestType, path)),
  }));
  if (!route.body) parameters.push(...queryParameters(route.requestType, new Set(route.pathFields), ''));
  let requestBody: Schema | undefined;
  if (route.body === '*') {
    requestBody = {
      required: false,
      content: { 'application/json': { schema: schemas.body(route.requestType, new Set(route.pathFields)) } },
    };
  } else if (route.body) {
    requestBody = {
      required: true,
      content: { 'application/json': { schema: fieldSchema(leafField(route.requestType, route.body), schemas) } },
    };
  }
  return {
    operationId: route.method,
    tags: [route.service],
    summary: `${route.service}.${route.method}`,
    ...(route.comment ? { description: route.comment } : {}),
    ...(parameters.length ? { parameters } : {}),
    ...(requestBody ? { requestBody } : {}),
    responses: {
      '200': { description: 'OK', content: { 'application/json': { schema: schemas.ref(route.responseType) } } },
      default: {
        description: 'An error: the gRPC status name and message (see docs/management-api.md for the status mapping).',
        content: { 'application/json': { schema: ERROR_REF } },
      },
    },
  };
}

/** Scalar (and repeated scalar) fields as query parameters; singular messages flattened with dots. */
function queryParameters(type: protobuf.Type, bound: Set<string>, prefix: string, depth = 0): Schema[] {
  const parameters: Schema[] = [];
  for (const field of type.fieldsArray) {
    field.resolve();
    const name = prefix + field.name;
    if (bound.has(name) || field.map) continue;
    if (field.resolvedType instanceof protobuf.Type) {
      if (!field.repeated && depth < 3)
        parameters.push(...queryParameters(field.resolvedType, bound, `${name}.`, depth + 1));
      continue;
    }
    const single = scalarOrEnumSchema(field);
    parameters.push({
      name,
      in: 'query',
      required: false,
      ...(field.comment ? { description: field.comment } : {}),
      schema: field.repeated ? { type: 'array', items: single } : single,
      ...(field.repeated ? { style: 'form', explode: true } : {}),
    });
  }
  return parameters;
}

function leafField(type: protobuf.Type, path: string): protobuf.Field {
  let current = type;
  const steps = path.split('.');
  for (const step of steps.slice(0, -1)) current = current.fields[step].resolvedType as protobuf.Type;
  const field = current.fields[steps[steps.length - 1]];
  field.resolve();
  return field;
}

/** Message types as components, named by their simple name (one package; a clash is an error). */
class SchemaRegistry {
  private readonly schemas = new Map<string, Schema>();
  private readonly owners = new Map<string, string>();

  ref(type: protobuf.Type): Schema {
    this.claim(type.name, type.fullName);
    if (!this.schemas.has(type.name)) {
      this.schemas.set(type.name, {}); // placeholder first: recursive types terminate
      this.schemas.set(type.name, this.messageSchema(type, new Set()));
    }
    return { $ref: `#/components/schemas/${type.name}` };
  }

  /** A request message as an HTTP body: the fields the path binds are not in it. */
  body(type: protobuf.Type, bound: Set<string>): Schema {
    this.claim(type.name, `${type.fullName} (body)`);
    this.schemas.set(type.name, this.messageSchema(type, bound));
    return { $ref: `#/components/schemas/${type.name}` };
  }

  sorted(): Record<string, Schema> {
    return Object.fromEntries([...this.schemas.entries()].sort(([a], [b]) => a.localeCompare(b)));
  }

  private claim(name: string, owner: string): void {
    const existing = this.owners.get(name);
    if (existing && existing !== owner) throw new Error(`schema name ${name} is used by ${existing} and ${owner}`);
    this.owners.set(name, owner);
  }

  private messageSchema(type: protobuf.Type, bound: Set<string>): Schema {
    const properties: Record<string, Schema> = {};
    for (const field of type.fieldsArray) {
      if (bound.has(field.name)) continue;
      field.resolve();
      properties[field.name] = fieldSchema(field, this);
    }
    return {
      type: 'object',
      ...(type.comment ? { description: type.comment } : {}),
      properties,
    };
  }
}

function fieldSchema(field: protobuf.Field, schemas: SchemaRegistry): Schema {
  const single =
    field.resolvedType instanceof protobuf.Type ? schemas.ref(field.resolvedType) : scalarOrEnumSchema(field);
  const shaped =
    field instanceof protobuf.MapField
      ? { type: 'object', additionalProperties: single }
      : field.repeated
        ? { type: 'array', items: single }
        : single;
  return field.comment ? { ...shaped, description: field.comment } : shaped;
}

/** proto3 JSON mapping of one scalar or enum value. */
export function scalarOrEnumSchema(field: protobuf.Field): Schema {
  if (field.resolvedType instanceof protobuf.Enum)
    return { type: 'string', enum: Object.keys(field.resolvedType.values) };
  switch (field.type) {
    case 'string':
      return { type: 'string' };
    case 'bool':
      return { type: 'boolean' };
    case 'int32':
    case 'sint32':
    case 'sfixed32':
      return { type: 'integer', format: 'int32' };
    case 'uint32':
    case 'fixed32':
      return { type: 'integer', minimum: 0, maximum: 4294967295 };
    case 'int64':
    case 'sint64':
    case 'sfixed64':
      return { type: 'string', format: 'int64', pattern: '^-?[0-9]+$' };
    case 'uint64':
    case 'fixed64':
      return { type: 'string', format: 'uint64', pattern: '^[0-9]+$' };
    case 'double':
      return { type: 'number', format: 'double' };
    case 'float':
      return { type: 'number', format: 'float' };
    case 'bytes':
      return { type: 'string', contentEncoding: 'base64' };
    default:
      throw new Error(`field ${field.fullName}: no JSON schema for type ${field.type}`);
  }
}

function errorSchema(): Schema {
  const codes = Object.keys(HTTP_STATUS_OF)
    .map(Number)
    .filter((code) => code !== 0)
    .map(statusName);
  return {
    type: 'object',
    description: 'Every non-2xx answer. `code` is the gRPC status name; `message` says what is wrong.',
    required: ['code', 'message'],
    properties: {
      code: { type: 'string', enum: codes },
      message: { type: 'string', examples: ['url: must be https'] },
    },
  };
}
