/** `targets.kubernetes`: what the Kubernetes manifests need beyond the core. */
import { arr, bool, enumOf, int, map, obj, oneOf, str, type JsonSchema } from '../dsl.js';

const dnsName = (d: string) => str(d, { pattern: '^[a-z0-9]([-a-z0-9]*[a-z0-9])?$', maxLength: 63 });

export const kubernetesTargetProperties: Record<string, JsonSchema> = {
  workload: enumOf('Workload kind: a Deployment (default; blue-green, canary and linear become a rolling update with a warning) or an Argo Rollouts Rollout (argoproj.io/v1alpha1), which runs them natively.', ['Deployment', 'Rollout'], { default: 'Deployment' }),
  namespace: dnsName('Namespace of every object (omitted when unset).'),
  createNamespace: bool('Also write the Namespace object.'),
  serviceAccount: obj('ServiceAccount of the pods.', {
    name: dnsName('ServiceAccount name (default `<name>`).'),
    create: bool('Write the ServiceAccount object (default true).'),
    roleArn: str('IAM role for service accounts (IRSA): `eks.amazonaws.com/role-arn` annotation.', { pattern: '^arn:aws[a-z-]*:iam::' }),
  }),
  service: obj('The Service in front of the pods.', {
    name: dnsName('Service name (default `<name>`).'),
    type: enumOf('Service type.', ['ClusterIP', 'NodePort', 'LoadBalancer'], { default: 'ClusterIP' }),
  }),
  services: arr('Services in front of the pods, written instead of the one default Service (e.g. an internal ClusterIP plus an external LoadBalancer). An Ingress or HTTPRoute routes to the first listed Service with a port that targets the exposed container port. Not together with `service`.', obj('One Service.', {
    name: dnsName('Service name.'),
    type: enumOf('Service type.', ['ClusterIP', 'NodePort', 'LoadBalancer'], { default: 'ClusterIP' }),
    annotations: map('Annotations of the Service (e.g. `service.beta.kubernetes.io/aws-load-balancer-scheme`).', { type: 'string', description: 'Value.' }),
    ports: arr('Service ports.', obj('One Service port.', {
      name: str('Service port name (IANA service name: at most 15 lowercase letters, digits and hyphens, at least one letter; required when the Service has several ports).', { pattern: '^[a-z0-9]([-a-z0-9]{0,13}[a-z0-9])?$' }),
      port: int('Port the Service listens on.', { minimum: 1, maximum: 65535 }),
      targetPort: oneOf('Container port the traffic goes to: a number, or the name of a container port (default: `port`).', [
        { type: 'integer', minimum: 1, maximum: 65535, description: 'Container port number.' },
        { type: 'string', pattern: '^[a-z0-9]([-a-z0-9]{0,13}[a-z0-9])?$', description: 'Container port name.' },
      ]),
      protocol: enumOf('Transport protocol (default tcp).', ['tcp', 'udp']),
      nodePort: int('Node port (NodePort and LoadBalancer Services; default: allocated by the cluster).', { minimum: 1, maximum: 65535 }),
    }, ['port']), { minItems: 1 }),
  }, ['name', 'ports'])),
  derivedPortNames: bool('Name the container ports and Service ports that the spec leaves unnamed with their derived names (`http`, `grpc`, `udp`, `http-8080`; default true). With false such container ports are written without a name, as many manifests do, and Services target them by number.'),
  ingress: obj('ALB Ingress for the AWS Load Balancer Controller (written when `expose` is set and route is `ingress`).', {
    name: dnsName('Ingress name (default `<name>`).'),
    className: str('IngressClass (default `alb`).'),
    legacyClassAnnotation: bool('Use the deprecated `kubernetes.io/ingress.class` annotation instead of `spec.ingressClassName`.'),
    targetType: enumOf('ALB target type (`ip` for Fargate/awsvpc pods).', ['ip', 'instance'], { default: 'ip' }),
    groupName: str('IngressGroup name.', { pattern: '^[a-z0-9]([-a-z0-9.]{0,61}[a-z0-9])?$' }),
    groupOrder: int('IngressGroup order.', { minimum: -1000, maximum: 1000 }),
    annotations: map('Extra annotations (string values).', { type: 'string', description: 'Value.' }),
  }),
  pathType: enumOf('How `expose.path` matches: `Prefix` (default; HTTPRoute `PathPrefix`) or `Exact`.', ['Prefix', 'Exact'], { default: 'Prefix' }),
  route: enumOf('How traffic is routed in: an ALB Ingress or a Gateway API HTTPRoute.', ['ingress', 'gateway'], { default: 'ingress' }),
  gateway: obj('Gateway API parent for the HTTPRoute.', {
    name: dnsName('Gateway name.'),
    namespace: dnsName('Gateway namespace.'),
    sectionName: str('Listener name on the Gateway.'),
  }),
  podDisruptionBudget: obj('PodDisruptionBudget (written when more than one replica is guaranteed).', {
    enabled: bool('Write it (default true when replicas or autoscaling min ≥ 2).'),
    maxUnavailable: int('Pods that may be unavailable (default 1).', { minimum: 0 }),
  }),
  kustomization: bool('Write a kustomization.yaml listing the files (default true).'),
  podAnnotations: map('Annotations on the pod template.', { type: 'string', description: 'Value.' }),
  imagePullPolicy: enumOf('Image pull policy.', ['Always', 'IfNotPresent', 'Never']),
  variableReferences: enumOf(
    'What the containers get from `$(NAME)` and `$$` in env values, `command` and `entrypoint` (Kubernetes `args` and `command`): `expand` (default) leaves them to Kubernetes, which replaces `$(NAME)` with the variable\'s value and `$$` with `$`; `literal` writes `$$` where Kubernetes would read a `$`, so the containers get the text as written, as on ECS and Copilot. See the rule consistent-variable-references.',
    ['expand', 'literal'],
    { default: 'expand' },
  ),
};
