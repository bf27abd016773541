/**
 * The App Mesh route of a service beyond its weighted targets: the match (path prefix or path,
 * method and headers for HTTP and HTTP/2; service, method and metadata for gRPC), the retry policy
 * and the timeouts, from `targets.appmesh.route`. Checked once against the listener protocol (what
 * a TCP route or an HTTP route cannot say is an error naming the field) and rendered in App Mesh
 * API field names (camelCase, as the controller's VirtualRouter routes use them); the CloudFormation
 * emitter capitalizes the keys (`pascalKeys`).
 * @see https://docs.aws.amazon.com/app-mesh/latest/APIReference/API_RouteSpec.html
 */
import type { DiagnosticInput, SpecPath } from '../../core/diagnostics.js';
import type { Json, JsonObject } from '../../core/serialize.js';
import { parseDurationSeconds } from '../../core/units.js';
import type { ServiceModel } from '../../model/types.js';
import type { AppmeshTarget } from '../../schema/spec.generated.js';
import { VALUE_MATCHES } from '../../schema/values.js';

type Report = (d: DiagnosticInput) => void;
type RouteSpec = NonNullable<AppmeshTarget['route']>;
type ValueMatch = NonNullable<NonNullable<RouteSpec['match']>['headers']>[number];
type Protocol = 'http' | 'http2' | 'grpc' | 'tcp';

const R: SpecPath = ['targets', 'appmesh', 'route'];

/** The route's match, retry policy and timeout in App Mesh API field names (empty parts left out). */
export interface RouteParts {
  match: JsonObject;
  retryPolicy?: JsonObject;
  timeout?: JsonObject;
}

/** An App Mesh Duration: in `ms` when the spec writes milliseconds (`2000ms`) or needs them, else in `s`. */
function meshDuration(v: string | number): JsonObject {
  const ms = Math.round(parseDurationSeconds(v)! * 1000);
  return ms % 1000 === 0 && !(typeof v === 'string' && /^[0-9]+ms$/.test(v)) ? { unit: 's', value: ms / 1000 } : { unit: 'ms', value: ms };
}

function valueMatch(h: ValueMatch, at: SpecPath, report: Report): JsonObject {
  const given = VALUE_MATCHES.filter((k) => h[k] !== undefined);
  if (given.length > 1) {
    report({ code: 'APPMESH_ROUTE_VALUE_MATCH', severity: 'error', message: `A condition on ${h.name} matches one way; ${given.join(' and ')} are given.`, hint: 'keep one of exact, prefix, suffix, regex, range', path: at });
  }
  if (h.range && h.range.start >= h.range.end) {
    report({ code: 'APPMESH_ROUTE_VALUE_MATCH', severity: 'error', message: `The range of ${h.name} is empty: its start ${h.range.start} is not below its end ${h.range.end} (the end is exclusive).`, path: [...at, 'range'] });
  }
  const out: JsonObject = { name: h.name };
  const k = given[0];
  if (k !== undefined) out.match = { [k]: (k === 'range' ? { start: h.range!.start, end: h.range!.end } : h[k]) as Json };
  if (h.invert !== undefined) out.invert = h.invert;
  return out;
}

/** What the route says that a listener of this protocol cannot carry: `[field, why]`. */
function refused(r: RouteSpec, protocol: Protocol): [string, string][] {
  const m = r.match ?? {};
  const out: [string, string][] = [];
  const httpOnly = ['path', 'method', 'headers'] as const;
  const grpcOnly = ['serviceName', 'methodName', 'metadata'] as const;
  if (protocol === 'tcp') {
    for (const k of [...httpOnly, ...grpcOnly]) if (m[k] !== undefined) out.push([`match.${k}`, 'a TCP route matches no request fields']);
    if (r.retryPolicy) out.push(['retryPolicy', 'a TCP route has no retry policy']);
    if (r.timeout?.perRequest !== undefined) out.push(['timeout.perRequest', 'a TCP route has only an idle timeout']);
  } else if (protocol === 'grpc') {
    for (const k of httpOnly) if (m[k] !== undefined) out.push([`match.${k}`, 'a gRPC route matches service, method and metadata']);
  } else {
    for (const k of grpcOnly) if (m[k] !== undefined) out.push([`match.${k}`, `an ${protocol === 'http2' ? 'HTTP/2' : 'HTTP'} route matches path, method and headers`]);
    if (r.retryPolicy?.grpcRetryEvents) out.push(['retryPolicy.grpcRetryEvents', 'gRPC retry events need a gRPC route']);
  }
  return out;
}

/**
 * The route's parts for a listener of `protocol` with path prefix `prefix`, or undefined (reported)
 * when the route says what that protocol cannot carry.
 */
export function routeParts(m: ServiceModel, protocol: Protocol, prefix: string, report: Report): RouteParts | undefined {
  const r = m.targets.appmesh.route ?? {};
  const bad = refused(r, protocol);
  for (const [field, why] of bad) {
    report({ code: 'APPMESH_ROUTE_PROTOCOL', severity: 'error', message: `The listener speaks ${protocol}, and ${why}: targets.appmesh.route.${field} cannot be written.`, path: [...R, ...field.split('.')] });
  }
  const mt = r.match ?? {};
  if (mt.methodName !== undefined && mt.serviceName === undefined) {
    report({ code: 'APPMESH_ROUTE_GRPC_METHOD', severity: 'error', message: `A gRPC route matches method ${mt.methodName} only together with its service name.`, hint: 'set targets.appmesh.route.match.serviceName', path: [...R, 'match', 'methodName'] });
    return undefined;
  }
  const rp = r.retryPolicy;
  if (rp && !rp.httpRetryEvents && !rp.grpcRetryEvents && !rp.tcpRetryEvents) {
    report({ code: 'APPMESH_ROUTE_RETRY_EVENTS', severity: 'error', message: 'A retry policy retries on events; none is given.', hint: 'set httpRetryEvents, grpcRetryEvents or tcpRetryEvents', path: [...R, 'retryPolicy'] });
    return undefined;
  }
  if (mt.path && (mt.path.exact === undefined) === (mt.path.regex === undefined)) {
    report({ code: 'APPMESH_ROUTE_PATH', severity: 'error', message: 'A path condition is either exact or regex.', path: [...R, 'match', 'path'] });
    return undefined;
  }
  if (bad.length) return undefined;

  // Keys in alphabetical order, as the health check and the CloudFormation reference list them.
  const match: JsonObject = {};
  if (protocol === 'http' || protocol === 'http2') {
    if (mt.headers) match.headers = mt.headers.map((h, i) => valueMatch(h, [...R, 'match', 'headers', i], report));
    if (mt.method !== undefined) match.method = mt.method;
    if (mt.path) {
      match.path = mt.path.exact !== undefined ? { exact: mt.path.exact } : { regex: mt.path.regex! };
      if (prefix !== '/') report({ code: 'APPMESH_ROUTE_PATH', severity: 'warning', message: `The mesh route matches the path ${JSON.stringify(mt.path.exact ?? mt.path.regex)}, not the prefix ${prefix} (expose.path), which the load balancer and the gateway route still use.`, path: [...R, 'match', 'path'] });
    } else match.prefix = prefix;
  } else if (protocol === 'grpc') {
    if (mt.metadata) match.metadata = mt.metadata.map((h, i) => valueMatch(h, [...R, 'match', 'metadata', i], report));
    if (mt.methodName !== undefined) match.methodName = mt.methodName;
    if (mt.serviceName !== undefined) match.serviceName = mt.serviceName;
  }
  const parts: RouteParts = { match };
  if (rp) {
    const retry: JsonObject = {};
    if (rp.grpcRetryEvents) retry.grpcRetryEvents = [...rp.grpcRetryEvents];
    if (rp.httpRetryEvents) retry.httpRetryEvents = [...rp.httpRetryEvents];
    retry.maxRetries = rp.maxRetries;
    retry.perRetryTimeout = meshDuration(rp.perRetryTimeout);
    if (rp.tcpRetryEvents) retry.tcpRetryEvents = [...rp.tcpRetryEvents];
    parts.retryPolicy = retry;
  }
  if (r.timeout && (r.timeout.idle !== undefined || r.timeout.perRequest !== undefined)) {
    const timeout: JsonObject = {};
    if (r.timeout.idle !== undefined) timeout.idle = meshDuration(r.timeout.idle);
    if (r.timeout.perRequest !== undefined) timeout.perRequest = meshDuration(r.timeout.perRequest);
    parts.timeout = timeout;
  }
  return parts;
}

/** App Mesh API names → CloudFormation property names (`maxRetries` → `MaxRetries`), keys only. */
export function pascalKeys(v: Json): Json {
  if (Array.isArray(v)) return v.map(pascalKeys);
  if (v === null || typeof v !== 'object') return v;
  return Object.fromEntries(Object.entries(v).map(([k, x]) => [k.charAt(0).toUpperCase() + k.slice(1), pascalKeys(x)]));
}
