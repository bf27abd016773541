/**
 * `targets.appmesh.route`: what the service's App Mesh route matches (beyond the path prefix, which
 * is `expose.path`), how Envoy retries a failed request, and the route's timeouts. Field names and
 * limits follow the App Mesh API (HttpRouteMatch, GrpcRouteMatch, HttpRetryPolicy, GrpcRetryPolicy,
 * HttpTimeout, GrpcTimeout, TcpTimeout).
 * @see https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-properties-appmesh-route-routespec.html
 */
import { arr, bool, duration, enumOf, int, obj, str, type JsonSchema } from '../dsl.js';
import { GRPC_RETRY_EVENTS, HTTP_METHODS, HTTP_RETRY_EVENTS, TCP_RETRY_EVENTS, VALUE_MATCHES } from '../values.js';

export { GRPC_RETRY_EVENTS, HTTP_METHODS, HTTP_RETRY_EVENTS, TCP_RETRY_EVENTS, VALUE_MATCHES };

const value = (d: string) => str(d, { minLength: 1, maxLength: 255 });

const valueMatch = (what: string, nameDescription: string): JsonSchema =>
  obj(`A ${what} condition: its name and at most one of \`exact\`, \`prefix\`, \`suffix\`, \`regex\`, \`range\` (none: the ${what} is present).`, {
    name: str(nameDescription, { minLength: 1, maxLength: 50 }),
    exact: value('The value equals this.'),
    prefix: value('The value starts with this.'),
    suffix: value('The value ends with this.'),
    regex: value('The value matches this regular expression.'),
    range: obj('The value is a number in this range (start inclusive, end exclusive).', {
      start: int('Start of the range.'),
      end: int('End of the range.'),
    }, ['start', 'end']),
    invert: bool(`Match every request whose ${what} does not meet the condition (default false).`),
  }, ['name']);

export const appmeshRouteSchema: JsonSchema = obj(
  "The App Mesh route of this service: what it matches besides the path prefix (`expose.path`), how Envoy retries a failed request and the route's timeouts. Written to the Route (CloudFormation) and to the route of the VirtualRouter (App Mesh controller); the gateway route keeps matching the prefix only.",
  {
    match: obj('Request conditions, all of which must hold. HTTP and HTTP/2 routes: `path`, `method`, `headers`; gRPC routes: `serviceName`, `methodName`, `metadata`. A condition the listener protocol has no form for is an error.', {
      path: obj('HTTP/HTTP2: match the whole path instead of the prefix `expose.path` (one of `exact`, `regex`).', {
        exact: str('The path equals this.', { pattern: '^/' }),
        regex: str('The path matches this regular expression.', { minLength: 1, maxLength: 255 }),
      }),
      method: enumOf('HTTP/HTTP2: the request method.', HTTP_METHODS),
      headers: arr('HTTP/HTTP2: header conditions (1–10).', valueMatch('header', 'Header name.'), { minItems: 1, maxItems: 10 }),
      serviceName: str('gRPC: the fully qualified gRPC service, e.g. `color.ColorService`.', { minLength: 1 }),
      methodName: str('gRPC: the method of `serviceName`, e.g. `GetColor` (needs `serviceName`).', { minLength: 1, maxLength: 50 }),
      metadata: arr('gRPC: metadata conditions (1–10).', valueMatch('metadata', 'Metadata key.'), { minItems: 1, maxItems: 10 }),
    }),
    retryPolicy: obj('Retry a failed request (HTTP, HTTP/2 and gRPC routes; TCP routes have no retries). Needs at least one retry event.', {
      maxRetries: int('Retries after the first attempt.', { minimum: 0 }),
      perRetryTimeout: duration('Timeout of each attempt.'),
      httpRetryEvents: arr('HTTP events that trigger a retry: `server-error` (500, 501, 502, 503, 504, 505, 506, 507, 508, 510, 511), `gateway-error` (502, 503, 504), `client-error` (409), `stream-error` (a refused stream).', enumOf('An HTTP retry event.', HTTP_RETRY_EVENTS), { minItems: 1, uniqueItems: true }),
      grpcRetryEvents: arr('gRPC status codes that trigger a retry (gRPC routes only).', enumOf('A gRPC retry event.', GRPC_RETRY_EVENTS), { minItems: 1, uniqueItems: true }),
      tcpRetryEvents: arr('`connection-error`: the connection failed before the request was processed.', enumOf('A TCP retry event.', TCP_RETRY_EVENTS), { minItems: 1, uniqueItems: true }),
    }, ['maxRetries', 'perRetryTimeout']),
    timeout: obj('Route timeouts (App Mesh defaults: 15s per request, no idle limit). A TCP route has only `idle`.', {
      perRequest: duration('Time a request may take (HTTP, HTTP/2, gRPC). A longer one than 15s must be set on every App Mesh resource the request passes through.'),
      idle: duration('Time a connection may stay idle.'),
    }),
  },
);
