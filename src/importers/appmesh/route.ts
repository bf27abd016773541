/**
 * An App Mesh route's match, retry policy and timeout → `targets.appmesh.route` (and the path
 * prefix → `expose.path`), from CloudFormation (`HttpRoute`, `GrpcRoute`, ... with capitalized
 * keys) or the controller's VirtualRouter routes (camelCase): the same App Mesh API shape, so one
 * reader takes the key spelling as a parameter. A field it cannot read (a reference, a query
 * parameter, a scheme, a port) stays unmarked and is reported as not carried.
 */
import { GRPC_RETRY_EVENTS, HTTP_RETRY_EVENTS, TCP_RETRY_EVENTS } from '../../schema/values.js';
import type { Field } from '../fields.js';
import { duration } from '../write.js';

type Json = Record<string, unknown>;

/** How a source spells an App Mesh API key (`maxRetries` → `MaxRetries` in CloudFormation). */
export type KeyCase = (key: string) => string;
export const cfnKeys: KeyCase = (k) => k.charAt(0).toUpperCase() + k.slice(1);
export const apiKeys: KeyCase = (k) => k;

/** What a route says besides its targets, in the spec's terms. */
export interface RouteSettings {
  /** HTTP/HTTP2 path prefix (the spec's `expose.path`). */
  prefix?: string;
  match?: Json;
  retryPolicy?: Json;
  timeout?: Json;
}

/** An App Mesh Duration → a spec duration (`2s`, `5m`; milliseconds stay `2000ms`, as codegen writes them back). */
function meshDuration(f: Field, K: KeyCase): string | number | undefined {
  const unit = f.get(K('unit')).value;
  const value = f.get(K('value')).value;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 0 || (unit !== 's' && unit !== 'ms')) return undefined;
  if (unit === 'ms' && value > 86_400_000) return undefined;
  if (unit === 's' && value > 86_400) return undefined;
  f.use();
  return unit === 'ms' ? `${value}ms` : duration(value);
}

/** A header or metadata condition (`{name, match: {exact: v}, invert}`) → the spec's flat form, unmarked. */
function valueMatch(f: Field, K: KeyCase): Json | undefined {
  const name = f.get(K('name')).value;
  if (typeof name !== 'string') return undefined;
  const out: Json = { name };
  const m = f.get(K('match'));
  for (const k of ['exact', 'prefix', 'suffix', 'regex']) {
    const v = m.get(K(k)).value;
    if (typeof v === 'string') out[k] = v;
  }
  const start = m.get(K('range'), K('start')).value;
  const end = m.get(K('range'), K('end')).value;
  if (Number.isInteger(start) && Number.isInteger(end)) out.range = { start, end };
  const invert = f.get(K('invert')).value;
  if (typeof invert === 'boolean') out.invert = invert;
  return out;
}

/** Mark what a condition carried; anything else in it is reported. */
function markMatch(f: Field, out: Json, K: KeyCase): void {
  f.get(K('name')).use();
  const m = f.get(K('match'));
  for (const k of ['exact', 'prefix', 'suffix', 'regex', 'range']) if (out[k] !== undefined) m.get(K(k)).use();
  if (isEmpty(m.value)) m.use();
  if (out.invert !== undefined) f.get(K('invert')).use();
}

const isEmpty = (v: unknown) => v !== null && typeof v === 'object' && !Array.isArray(v) && Object.keys(v).length === 0;

/** A list of conditions, when every item is one the spec can hold (else none is taken, and each is reported). */
function conditions(f: Field, K: KeyCase): Json[] | undefined {
  const items = f.items();
  if (!items.length) return undefined;
  const out = items.map((x) => valueMatch(x, K));
  if (!out.every(Boolean)) return undefined;
  items.forEach((x, i) => markMatch(x, out[i]!, K));
  return out as Json[];
}

/** Retry events the schema knows, or none (the whole list is then reported). */
function events(f: Field, known: readonly string[]): string[] | undefined {
  const v = f.value;
  if (!Array.isArray(v) || !v.length || !v.every((e) => typeof e === 'string' && known.includes(e))) return undefined;
  f.use();
  return [...new Set(v as string[])];
}

/** The match, retry policy and timeout of one route (`route` is the HttpRoute/GrpcRoute/... field). */
export function readRouteSettings(route: Field, protocol: string | undefined, K: KeyCase): RouteSettings {
  const out: RouteSettings = {};
  const match = route.get(K('match'));
  const m: Json = {};
  const path = match.get(K('path'));
  const exact = path.get(K('exact')).str();
  const regex = exact === undefined ? path.get(K('regex')).str() : undefined;
  if (exact !== undefined) m.path = { exact };
  else if (regex !== undefined) m.path = { regex };
  // A path replaces the prefix in codegen's route; a prefix beside it is reported.
  if (m.path === undefined) {
    const prefix = match.get(K('prefix')).str();
    if (prefix !== undefined) out.prefix = prefix;
  }
  const method = match.get(K('method')).str();
  if (method !== undefined) m.method = method;
  const headers = conditions(match.get(K('headers')), K);
  if (headers) m.headers = headers;
  const serviceName = match.get(K('serviceName')).str();
  if (serviceName !== undefined) m.serviceName = serviceName;
  const methodName = match.get(K('methodName')).str();
  if (methodName !== undefined) m.methodName = methodName;
  const metadata = conditions(match.get(K('metadata')), K);
  if (metadata) m.metadata = metadata;
  if (protocol === 'grpc' && isEmpty(match.value)) match.use();
  if (Object.keys(m).length) out.match = m;

  const retry = route.get(K('retryPolicy'));
  if (retry.exists) {
    const maxRetries = retry.get(K('maxRetries')).value;
    const perRetryTimeout = Number.isInteger(maxRetries) && (maxRetries as number) >= 0 ? meshDuration(retry.get(K('perRetryTimeout')), K) : undefined;
    if (perRetryTimeout !== undefined) {
      retry.get(K('maxRetries')).use();
      const r: Json = { maxRetries, perRetryTimeout };
      const http = events(retry.get(K('httpRetryEvents')), HTTP_RETRY_EVENTS);
      const grpc = events(retry.get(K('grpcRetryEvents')), GRPC_RETRY_EVENTS);
      const tcp = events(retry.get(K('tcpRetryEvents')), TCP_RETRY_EVENTS);
      if (http) r.httpRetryEvents = http;
      if (grpc) r.grpcRetryEvents = grpc;
      if (tcp) r.tcpRetryEvents = tcp;
      out.retryPolicy = r;
    }
  }
  const timeout = route.get(K('timeout'));
  const t: Json = {};
  const perRequest = meshDuration(timeout.get(K('perRequest')), K);
  if (perRequest !== undefined) t.perRequest = perRequest;
  const idle = meshDuration(timeout.get(K('idle')), K);
  if (idle !== undefined) t.idle = idle;
  if (Object.keys(t).length) out.timeout = t;
  return out;
}
