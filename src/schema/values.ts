/**
 * The values of the spec schema that code outside the schema needs at run time: names, patterns
 * and lists of allowed words. They live apart from the modules that build the schema (core-schema.ts
 * and the rest, which the schema generator and the tests use), so the CLI and the library never
 * build the schema's object tree, descriptions and all, just to read one of them.
 */
export const NAME_PATTERN = '^[a-z]([-a-z0-9]{0,61}[a-z0-9])?$';
export const ENV_NAME_PATTERN = '^[A-Za-z_][A-Za-z0-9_]*$';

/** Linux capabilities without the `CAP_` prefix, and `ALL`. */
export const CAPABILITIES = [
  'ALL', 'AUDIT_CONTROL', 'AUDIT_WRITE', 'BLOCK_SUSPEND', 'CHOWN', 'DAC_OVERRIDE', 'DAC_READ_SEARCH', 'FOWNER', 'FSETID',
  'IPC_LOCK', 'IPC_OWNER', 'KILL', 'LEASE', 'LINUX_IMMUTABLE', 'MAC_ADMIN', 'MAC_OVERRIDE', 'MKNOD', 'NET_ADMIN',
  'NET_BIND_SERVICE', 'NET_BROADCAST', 'NET_RAW', 'SETFCAP', 'SETGID', 'SETPCAP', 'SETUID', 'SYS_ADMIN', 'SYS_BOOT',
  'SYS_CHROOT', 'SYS_MODULE', 'SYS_NICE', 'SYS_PACCT', 'SYS_PTRACE', 'SYS_RAWIO', 'SYS_RESOURCE', 'SYS_TIME',
  'SYS_TTY_CONFIG', 'SYSLOG', 'WAKE_ALARM',
] as const;

/** ECS Ulimit names (ECS API reference, Ulimit). */
export const ULIMIT_NAMES = ['core', 'cpu', 'data', 'fsize', 'locks', 'memlock', 'msgqueue', 'nice', 'nofile', 'nproc', 'rss', 'rtprio', 'rttime', 'sigpending', 'stack'] as const;

/** App Mesh HttpRouteMatch `method` values. */
export const HTTP_METHODS = ['GET', 'HEAD', 'POST', 'PUT', 'DELETE', 'CONNECT', 'OPTIONS', 'TRACE', 'PATCH'] as const;
/** HttpRetryPolicy `httpRetryEvents`: 5xx, 502/503/504, 409, a refused stream. */
export const HTTP_RETRY_EVENTS = ['server-error', 'gateway-error', 'client-error', 'stream-error'] as const;
/** GrpcRetryPolicy `grpcRetryEvents`: gRPC status codes. */
export const GRPC_RETRY_EVENTS = ['cancelled', 'deadline-exceeded', 'internal', 'resource-exhausted', 'unavailable'] as const;
/** `tcpRetryEvents`: the connection failed before the request was processed. */
export const TCP_RETRY_EVENTS = ['connection-error'] as const;
/** The ways a header or gRPC metadata value can match (App Mesh HeaderMatchMethod, one of them). */
export const VALUE_MATCHES = ['exact', 'prefix', 'suffix', 'regex', 'range'] as const;
