/**
 * AWS Load Balancer Controller Ingress annotations, as versioned data (keys change between
 * controller releases; keep them here, not in code). Source: kubernetes-sigs/aws-load-balancer-controller
 * `docs/guide/ingress/annotations.md` and `docs/guide/ingress/ingress_class.md` (v2.x, as of 2026-08),
 * summarized in ANCHORS §4.8. Every annotation value is a string.
 */
export const ALB_ANNOTATIONS_SOURCE = 'aws-load-balancer-controller v2 docs/guide/ingress/annotations.md';

const P = 'alb.ingress.kubernetes.io/';

export const ALB = {
  /** Deprecated class annotation (use `spec.ingressClassName`). */
  legacyClass: 'kubernetes.io/ingress.class',
  /** `internal` (controller default) | `internet-facing`. */
  scheme: `${P}scheme`,
  /** `instance` (controller default) | `ip` (required for Fargate/awsvpc pods). */
  targetType: `${P}target-type`,
  /** JSON list, controller default `[{"HTTP": 80}]` (plus HTTPS 443 when a certificate is set). */
  listenPorts: `${P}listen-ports`,
  certificateArn: `${P}certificate-arn`,
  /** The HTTPS port HTTP listeners redirect to, e.g. `"443"`; needs an HTTPS listener. */
  sslRedirect: `${P}ssl-redirect`,
  sslPolicy: `${P}ssl-policy`,
  /** `HTTP1` (default) | `HTTP2` | `GRPC`. */
  backendProtocolVersion: `${P}backend-protocol-version`,
  healthcheckPath: `${P}healthcheck-path`,
  /** Controller default `traffic-port`. */
  healthcheckPort: `${P}healthcheck-port`,
  /** `HTTP` (default) | `HTTPS`. */
  healthcheckProtocol: `${P}healthcheck-protocol`,
  healthcheckIntervalSeconds: `${P}healthcheck-interval-seconds`,
  healthcheckTimeoutSeconds: `${P}healthcheck-timeout-seconds`,
  healthyThresholdCount: `${P}healthy-threshold-count`,
  unhealthyThresholdCount: `${P}unhealthy-threshold-count`,
  successCodes: `${P}success-codes`,
  /** `HTTP` (default) | `HTTPS`: the protocol from the ALB to the pods. */
  backendProtocol: `${P}backend-protocol`,
  /** `key=value,...` target group attributes (deregistration delay, stickiness, slow start, algorithm). */
  targetGroupAttributes: `${P}target-group-attributes`,
  /** Prefix of `conditions.<service name>`: a JSON list of extra rule conditions (http-header, source-ip, ...) for the paths backed by that Service. */
  conditionsPrefix: `${P}conditions.`,
  /** IngressGroup name (≤ 63 chars, lowercase alphanumerics, `-` and `.`). */
  groupName: `${P}group.name`,
  /** Order within the group, -1000..1000. */
  groupOrder: `${P}group.order`,
} as const;

/** The IngressClass name the controller installs by default. */
export const ALB_INGRESS_CLASS = 'alb';

/** The listeners written when HTTPS is on (HTTP stays so `ssl-redirect` has something to redirect). */
export const ALB_LISTEN_PORTS_TLS = '[{"HTTP": 80}, {"HTTPS": 443}]';
export const ALB_HTTPS_PORT = 443;
