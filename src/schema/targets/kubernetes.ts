/** `targets.kubernetes`: what the Kubernetes manifests need beyond the core. */
import { bool, enumOf, int, map, obj, str, type JsonSchema } from '../dsl.js';

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
