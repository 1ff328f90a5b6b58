import * as protobuf from 'protobufjs';
import { managementServices } from './management-proto';

export type HttpVerb = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

const VERBS: readonly HttpVerb[] = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'];

export type TemplateSegment = { literal: string } | { field: string };

/** One RPC reachable over HTTP, derived from its `google.api.http` annotation. */
export interface HttpRoute {
  service: string;
  method: string;
  /** The gRPC method path, `/webhooks.v1.EndpointManagement/CreateEndpoint`. */
  grpcPath: string;
  verb: HttpVerb;
  /** The template as written, `/v1/tenants/{tenant_id}/endpoints`. */
  template: string;
  segments: TemplateSegment[];
  /** Proto field paths bound by the URL path, in template order. */
  pathFields: string[];
  /** `*`: the JSON body is the request message; a field name: the body is that field; '': no body. */
  body: string;
  requestType: protobuf.Type;
  responseType: protobuf.Type;
  /** The RPC's doc comment, if any. */
  comment: string | null;
}

interface HttpRuleOption {
  get?: string;
  post?: string;
  put?: string;
  patch?: string;
  delete?: string;
  body?: string;
}

/**
 * Routes of every annotated RPC of every service in management.proto, most specific first
 * (more literal segments win, so `/endpoints/{id}/secret` is never taken for a longer `{id}`).
 * RPCs without `google.api.http` are gRPC-only. A template this gateway cannot serve stops the
 * process at start-up rather than answering wrongly at run time.
 */
export function deriveRoutes(root: protobuf.Root): HttpRoute[] {
  const routes: HttpRoute[] = [];
  for (const service of managementServices(root)) {
    for (const method of service.methodsArray) {
      const rule = httpRuleOf(method);
      if (!rule) continue;
      method.resolve();
      const verb = VERBS.find((candidate) => typeof rule[candidate.toLowerCase() as keyof HttpRuleOption] === 'string');
      if (!verb) throw new Error(`${service.name}.${method.name}: google.api.http has no supported verb`);
      const template = rule[verb.toLowerCase() as keyof HttpRuleOption] as string;
      const requestType = method.resolvedRequestType!;
      const segments = parseTemplate(template, `${service.name}.${method.name}`);
      const pathFields = segments.flatMap((segment) => ('field' in segment ? [segment.field] : []));
      for (const field of pathFields) fieldAtPath(requestType, field, `${service.name}.${method.name}`);
      const body = rule.body ?? '';
      if (body && body !== '*') fieldAtPath(requestType, body, `${service.name}.${method.name}`);
      routes.push({
        service: service.name,
        method: method.name,
        grpcPath: `/${service.fullName.replace(/^\./, '')}/${method.name}`,
        verb,
        template,
        segments,
        pathFields,
        body,
        requestType,
        responseType: method.resolvedResponseType!,
        comment: method.comment,
      });
    }
  }
  const literals = (route: HttpRoute) => route.segments.filter((segment) => 'literal' in segment).length;
  return routes.sort((a, b) => literals(b) - literals(a));
}

function httpRuleOf(method: protobuf.Method): HttpRuleOption | undefined {
  for (const option of method.parsedOptions ?? []) {
    const rule = (option as Record<string, unknown>)['(google.api.http)'];
    if (rule && typeof rule === 'object') return rule;
  }
  return undefined;
}

/**
 * Parses `/v1/tenants/{tenant_id}/endpoints/{id}`. Variables bind one whole segment (`{f}` or
 * `{f=*}`); multi-segment variables (`**`, `{f=a/*}`) and custom verbs (`:verb`) are not
 * used by this API and are refused.
 */
export function parseTemplate(template: string, where = template): TemplateSegment[] {
  if (!template.startsWith('/')) throw new Error(`${where}: path template must start with /`);
  return template
    .slice(1)
    .split('/')
    .map((part) => {
      const variable = /^\{([A-Za-z_][A-Za-z0-9_.]*)(?:=\*)?\}$/.exec(part);
      if (variable) return { field: variable[1] };
      if (!/^[A-Za-z0-9_.~-]+$/.test(part)) throw new Error(`${where}: unsupported path segment "${part}"`);
      return { literal: part };
    });
}

/** The field at a dotted path (`retry_policy.kind`), each step a singular message field. */
export function fieldAtPath(type: protobuf.Type, path: string, where: string): protobuf.Field {
  let current = type;
  const steps = path.split('.');
  for (const [index, step] of steps.entries()) {
    const field = current.fields[step];
    if (!field) throw new Error(`${where}: ${type.name} has no field ${path}`);
    field.resolve();
    if (index === steps.length - 1) return field;
    if (!(field.resolvedType instanceof protobuf.Type) || field.repeated || field.map)
      throw new Error(`${where}: ${path} does not go through singular messages`);
    current = field.resolvedType;
  }
  throw new Error(`${where}: empty field path`);
}

export interface RouteMatch {
  route: HttpRoute;
  /** Field path → decoded path segment. */
  params: Map<string, string>;
}

/** What a request path and verb resolve to: a route, a path served under other verbs, or nothing. */
export type RouteLookup =
  | { kind: 'match'; match: RouteMatch }
  | { kind: 'wrong-verb'; allow: HttpVerb[] }
  | { kind: 'none' };

/** Finds the route for a request. `pathname` is the raw (still percent-encoded) URL path. */
export function matchRoute(routes: readonly HttpRoute[], verb: string, pathname: string): RouteLookup {
  const parts = pathname.replace(/\/+$/, '').slice(1).split('/');
  const allow = new Set<HttpVerb>();
  for (const route of routes) {
    const params = matchSegments(route.segments, parts);
    if (!params) continue;
    if (route.verb === verb) return { kind: 'match', match: { route, params } };
    allow.add(route.verb);
  }
  return allow.size ? { kind: 'wrong-verb', allow: [...allow] } : { kind: 'none' };
}

function matchSegments(segments: readonly TemplateSegment[], parts: readonly string[]): Map<string, string> | null {
  if (segments.length !== parts.length) return null;
  const params = new Map<string, string>();
  for (const [index, segment] of segments.entries()) {
    const part = parts[index];
    if ('literal' in segment) {
      if (segment.literal !== part) return null;
      continue;
    }
    if (!part) return null;
    let value: string;
    try {
      value = decodeURIComponent(part);
    } catch {
      return null;
    }
    params.set(segment.field, value);
  }
  return params;
}
