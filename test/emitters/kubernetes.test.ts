/**
 * The Kubernetes emitters, asserted on objects: the article's Deployment and Ingress are reproduced
 * field for field, replicas/HPA ownership, PDB and ServiceAccount rules, probe timings never
 * invented, strategy translations, reference errors, and the kustomization listing exactly the
 * files written.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { compile, type CompileResult } from '../../src/compile/compile.js';
import { ROOT } from '../helpers/fixtures.js';
import { referenceObject } from '../helpers/reference.js';

type Obj = Record<string, unknown>;

const BASE = {
  apiVersion: 'codegen/v1',
  name: 'web',
  image: 'registry.example.com/web:1.2.3',
  ports: [{ port: 8080, servicePort: 80 }],
  resources: { requests: { cpu: '250m', memory: '256Mi' }, limits: { cpu: '500m', memory: '512Mi' } },
};

function k8s(spec: Obj): CompileResult {
  const full = { ...BASE, ...spec, targets: { kubernetes: {}, ...((spec.targets as Obj | undefined) ?? {}) } };
  // The emitter's own name checks are under test, so the valid-names rule (which runs first) is off.
  return compile(full, { targets: ['kubernetes'], ruleConfig: { 'valid-names': 'off' } });
}

function doc(r: CompileResult, file: string): Obj {
  const f = r.files.find((x) => x.path.endsWith(`/kubernetes/${file}`));
  if (!f) throw new Error(`no ${file}; files: ${r.files.map((x) => x.path).join(', ')}; diagnostics: ${r.diagnostics.map((d) => d.code).join(', ')}`);
  return parse(f.content, { version: '1.1' }) as Obj;
}

const has = (r: CompileResult, file: string) => r.files.some((x) => x.path.endsWith(`/kubernetes/${file}`));
const codes = (r: CompileResult, severity?: string) => r.diagnostics.filter((d) => !severity || d.severity === severity).map((d) => d.code);
const get = (o: unknown, ...path: (string | number)[]): unknown => path.reduce<unknown>((x, k) => (x as Record<string | number, unknown> | undefined)?.[k], o);
const mainContainer = (r: CompileResult) => get(doc(r, 'deployment.yaml'), 'spec', 'template', 'spec', 'containers', 0) as Obj;

/** Every field and value of `expected` is in `actual` (lists element by element, same length). */
function expectSubset(actual: unknown, expected: unknown, where = '$'): void {
  if (Array.isArray(expected)) {
    expect(Array.isArray(actual), `${where} is a list`).toBe(true);
    expect((actual as unknown[]).length, `${where} length`).toBe(expected.length);
    expected.forEach((e, i) => expectSubset((actual as unknown[])[i], e, `${where}[${i}]`));
  } else if (expected !== null && typeof expected === 'object') {
    expect(actual !== null && typeof actual === 'object', `${where} is a map`).toBe(true);
    for (const [k, v] of Object.entries(expected)) expectSubset((actual as Obj)[k], v, `${where}.${k}`);
  } else {
    expect(actual, where).toEqual(expected);
  }
}

describe('seed: the article reproduced', () => {
  const seed = compile(readFileSync(join(ROOT, 'fixtures/seed/service.yaml'), 'utf8'), { targets: ['kubernetes'] });
  // The article's snippets, recorded as facts in test/reference/ (see that folder's README).
  const reference = (name: string) => referenceObject(name);

  it('has every field and value of the article Deployment', () => {
    expect(codes(seed, 'error')).toEqual([]);
    expectSubset(doc(seed, 'deployment.yaml'), reference('article-k8s-deployment'));
  });

  it('has every field and value of the article Ingress (legacy class annotation, HTTPS listener for the redirect)', () => {
    const ing = doc(seed, 'ingress.yaml');
    expectSubset(ing, reference('article-k8s-ingress'));
    expect(get(ing, 'spec', 'ingressClassName')).toBeUndefined();
    expect(get(ing, 'metadata', 'annotations', 'alb.ingress.kubernetes.io/listen-ports')).toBe('[{"HTTP": 80}, {"HTTPS": 443}]');
    expect(get(ing, 'metadata', 'annotations', 'alb.ingress.kubernetes.io/certificate-arn')).toBeUndefined();
    for (const v of Object.values(get(ing, 'metadata', 'annotations') as Obj)) expect(typeof v).toBe('string');
  });

  it('points the Service at the container port by name', () => {
    expect(get(doc(seed, 'service.yaml'), 'spec', 'ports')).toEqual([{ name: 'http', port: 80, targetPort: 'http' }]);
    expect(get(doc(seed, 'service.yaml'), 'spec', 'selector')).toEqual({ app: 'my-app' });
  });

  it('writes no ServiceAccount when create is false, but still names it', () => {
    expect(has(seed, 'serviceaccount.yaml')).toBe(false);
  });
});

describe('Ingress', () => {
  const exposed = { expose: { public: false, hosts: ['a.example.com'] } };

  it('uses spec.ingressClassName by default and no class annotation', () => {
    const ing = doc(k8s(exposed), 'ingress.yaml');
    expect(get(ing, 'spec', 'ingressClassName')).toBe('alb');
    expect(get(ing, 'metadata', 'annotations', 'kubernetes.io/ingress.class')).toBeUndefined();
    expect(get(ing, 'metadata', 'annotations', 'alb.ingress.kubernetes.io/scheme')).toBe('internal');
    expect(get(ing, 'metadata', 'annotations', 'alb.ingress.kubernetes.io/listen-ports')).toBeUndefined();
  });

  it('needs a certificate source for HTTPS', () => {
    expect(codes(k8s({ expose: { tls: {} } }), 'error')).toContain('K8S_ALB_NO_CERTIFICATE');
  });

  it('rejects target-type instance with a ClusterIP Service', () => {
    expect(codes(k8s({ ...exposed, targets: { kubernetes: { ingress: { targetType: 'instance' } } } }), 'error')).toContain('K8S_ALB_INSTANCE_NEEDS_NODEPORT');
  });

  it('keeps typed annotations over extra ones, with a warning', () => {
    const r = k8s({ ...exposed, targets: { kubernetes: { ingress: { annotations: { 'alb.ingress.kubernetes.io/scheme': 'internet-facing', 'x/y': 'z' } } } } });
    expect(get(doc(r, 'ingress.yaml'), 'metadata', 'annotations', 'alb.ingress.kubernetes.io/scheme')).toBe('internal');
    expect(get(doc(r, 'ingress.yaml'), 'metadata', 'annotations', 'x/y')).toBe('z');
    expect(codes(r, 'warning')).toContain('K8S_ANNOTATION_OVERRIDDEN');
  });

  it('is not written for an internal-only service', () => {
    const r = k8s({});
    expect(has(r, 'ingress.yaml')).toBe(false);
    expect(has(r, 'httproute.yaml')).toBe(false);
  });
});

describe('HTTPRoute', () => {
  it('replaces the Ingress when route is gateway', () => {
    const r = k8s({ expose: { hosts: ['a.example.com'], path: '/api' }, targets: { kubernetes: { route: 'gateway', pathType: 'Exact', gateway: { name: 'gw' } } } });
    expect(has(r, 'ingress.yaml')).toBe(false);
    const route = doc(r, 'httproute.yaml');
    expect(get(route, 'spec', 'parentRefs')).toEqual([{ name: 'gw' }]);
    expect(get(route, 'spec', 'rules', 0)).toEqual({ matches: [{ path: { type: 'Exact', value: '/api' } }], backendRefs: [{ name: 'web', port: 80 }] });
  });

  it('needs a Gateway', () => {
    expect(codes(k8s({ expose: {}, targets: { kubernetes: { route: 'gateway' } } }), 'error')).toContain('K8S_GATEWAY_MISSING');
  });
});

describe('replicas, HPA and PDB', () => {
  it('omits replicas when an HPA owns them', () => {
    const r = k8s({ replicas: 5, autoscaling: { min: 2, max: 6, cpu: 70 } });
    expect(get(doc(r, 'deployment.yaml'), 'spec', 'replicas')).toBeUndefined();
    const hpa = doc(r, 'hpa.yaml');
    expect(get(hpa, 'apiVersion')).toBe('autoscaling/v2');
    expect(get(hpa, 'spec', 'minReplicas')).toBe(2);
    expect(get(hpa, 'spec', 'metrics')).toEqual([{ type: 'Resource', resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: 70 } } }]);
    expect(get(hpa, 'spec', 'behavior')).toBeUndefined();
    expect(has(r, 'pdb.yaml')).toBe(true);
  });

  it('turns autoscaling.min 0 into minReplicas 1 with a warning', () => {
    const r = k8s({ autoscaling: { min: 0, max: 3, cpu: 50 } });
    expect(get(doc(r, 'hpa.yaml'), 'spec', 'minReplicas')).toBe(1);
    expect(codes(r, 'warning')).toContain('K8S_HPA_MIN_ZERO');
  });

  it('writes a PDB only when more than one replica is guaranteed', () => {
    expect(has(k8s({ replicas: 1 }), 'pdb.yaml')).toBe(false);
    expect(has(k8s({}), 'pdb.yaml')).toBe(false);
    expect(has(k8s({ autoscaling: { min: 1, max: 4, cpu: 50 } }), 'pdb.yaml')).toBe(false);
    expect(get(doc(k8s({ replicas: 2 }), 'pdb.yaml'), 'spec')).toEqual({ maxUnavailable: 1, selector: { matchLabels: { app: 'web' } } });
    expect(has(k8s({ replicas: 3, targets: { kubernetes: { podDisruptionBudget: { enabled: false } } } }), 'pdb.yaml')).toBe(false);
  });
});

describe('ServiceAccount and Namespace', () => {
  it('annotates the ServiceAccount for IRSA', () => {
    const r = k8s({ targets: { kubernetes: { serviceAccount: { name: 'web-sa', roleArn: 'arn:aws:iam::123456789012:role/web' } } } });
    expect(get(doc(r, 'serviceaccount.yaml'), 'metadata', 'annotations')).toEqual({ 'eks.amazonaws.com/role-arn': 'arn:aws:iam::123456789012:role/web' });
    expect(get(doc(r, 'deployment.yaml'), 'spec', 'template', 'spec', 'serviceAccountName')).toBe('web-sa');
  });

  it('warns that a role on an existing ServiceAccount is not written', () => {
    const r = k8s({ targets: { kubernetes: { serviceAccount: { create: false, roleArn: 'arn:aws:iam::123456789012:role/web' } } } });
    expect(has(r, 'serviceaccount.yaml')).toBe(false);
    expect(codes(r, 'warning')).toContain('K8S_ROLE_NOT_CARRIED');
  });

  it('writes the Namespace only when asked, and needs its name', () => {
    expect(get(doc(k8s({ targets: { kubernetes: { namespace: 'ns', createNamespace: true } } }), 'namespace.yaml'), 'metadata', 'name')).toBe('ns');
    expect(has(k8s({ targets: { kubernetes: { namespace: 'ns' } } }), 'namespace.yaml')).toBe(false);
    expect(codes(k8s({ targets: { kubernetes: { createNamespace: true } } }), 'error')).toContain('K8S_NAMESPACE_MISSING');
  });
});

describe('containers', () => {
  it('writes only the probe timings the spec set', () => {
    const c = mainContainer(k8s({ health: { liveness: { http: { path: '/l' } }, readiness: { grpc: { service: 'web' }, successThreshold: 2 } } }));
    expect(c.livenessProbe).toEqual({ httpGet: { path: '/l', port: 8080 } });
    expect(c.readinessProbe).toEqual({ grpc: { port: 8080, service: 'web' }, successThreshold: 2 });
  });

  it('rounds fractional probe seconds up, with a warning', () => {
    const r = k8s({ health: { liveness: { tcp: {}, timeout: '1500ms' } } });
    expect(mainContainer(r).livenessProbe).toEqual({ tcpSocket: { port: 8080 }, timeoutSeconds: 2 });
    expect(codes(r, 'warning')).toContain('K8S_SECONDS_ROUNDED');
  });

  it('maps entrypoint to command, command to args, and user to the security context', () => {
    const c = mainContainer(k8s({ entrypoint: ['/bin/sh', '-c'], command: ['run'], user: '1000:2000', readOnlyRootFilesystem: true }));
    expect(c.command).toEqual(['/bin/sh', '-c']);
    expect(c.args).toEqual(['run']);
    expect(c.securityContext).toEqual({ runAsUser: 1000, runAsGroup: 2000, readOnlyRootFilesystem: true });
  });

  it('reports env references and secrets that have no Kubernetes form', () => {
    const r = k8s({ env: { A: { ref: { cloudformation: '${X}' } } }, secrets: { S: { aws: { ssm: '/p' } } } });
    expect(codes(r, 'error')).toEqual(expect.arrayContaining(['K8S_ENV_REF_MISSING', 'K8S_SECRET_MISSING']));
    expect(r.files).toEqual([]);
  });

  it('reports invalid label values and port names instead of writing them', () => {
    expect(codes(k8s({ labels: { team: 'not valid!' } }), 'error')).toContain('K8S_INVALID_LABEL');
    expect(codes(k8s({ ports: [{ name: '8080', port: 8080 }] }), 'error')).toContain('K8S_INVALID_PORT_NAME');
  });

  it('gives every object and the pod template the same labels, each its own copy', () => {
    const r = compile({ ...BASE, labels: { team: 'payments' }, autoscaling: { min: 2, max: 4, cpu: 70 }, targets: { kubernetes: {} } }, { targets: ['kubernetes'] });
    const docs = r.artifacts.flatMap((a) => a.documents as Obj[]).filter((d) => d.kind !== 'Kustomization');
    const deployment = docs.find((d) => d.kind === 'Deployment')!;
    const all = [...docs.map((d) => get(d, 'metadata', 'labels') as Obj), get(deployment, 'spec', 'template', 'metadata', 'labels') as Obj];
    expect(all.length).toBeGreaterThanOrEqual(4);
    // The recommended labels (kubernetes.io/docs/concepts/overview/working-with-objects/common-labels/) and the spec's.
    for (const labels of all) expect(labels).toMatchObject({ 'app.kubernetes.io/name': 'web', 'app.kubernetes.io/version': '1.2.3', 'app.kubernetes.io/managed-by': 'codegen', team: 'payments' });
    expect(new Set(all).size).toBe(all.length);
  });

  it('adds sidecars as extra containers and warns that nothing can wait for the main container', () => {
    const r = k8s({ sidecars: { proxy: { image: 'envoy:1', dependsOn: { app: 'START' } } } });
    expect((get(doc(r, 'deployment.yaml'), 'spec', 'template', 'spec', 'containers') as Obj[]).map((c) => c.name)).toEqual(['app', 'proxy']);
    expect(codes(r, 'warning')).toContain('K8S_DEPENDS_ON_MAIN');
  });

  it('keeps the sidecars in spec order, not sorted by name', () => {
    const r = k8s({ sidecars: { zeta: { image: 'z:1' }, alpha: { image: 'a:1' } } });
    expect((get(doc(r, 'deployment.yaml'), 'spec', 'template', 'spec', 'containers') as Obj[]).map((c) => c.name)).toEqual(['app', 'zeta', 'alpha']);
  });

  it('starts a container others wait for first: START as a native sidecar, SUCCESS as an init container, in dependency order', () => {
    const r = k8s({
      dependsOn: { proxy: 'START', migrate: 'SUCCESS' },
      sidecars: { proxy: { image: 'envoy:1', dependsOn: { migrate: 'SUCCESS' } }, migrate: { image: 'migrate:1', essential: false }, log: { image: 'log:1' } },
    });
    const pod = get(doc(r, 'deployment.yaml'), 'spec', 'template', 'spec') as Obj;
    // Kubernetes runs init containers in list order: migrate must finish before proxy starts.
    expect((pod.initContainers as Obj[]).map((c) => [c.name, c.restartPolicy])).toEqual([['migrate', undefined], ['proxy', 'Always']]);
    expect((pod.containers as Obj[]).map((c) => c.name)).toEqual(['app', 'log']);
    expect(codes(r, 'info')).toContain('K8S_NATIVE_SIDECARS');
  });
});

describe('deployment strategies', () => {
  const strategy = (r: CompileResult) => get(doc(r, 'deployment.yaml'), 'spec', 'strategy');

  it('keeps a rolling update as given and rejects 0/0', () => {
    expect(strategy(k8s({ deployment: { rolling: { maxSurge: '50%', maxUnavailable: 0 } } }))).toEqual({ type: 'RollingUpdate', rollingUpdate: { maxSurge: '50%', maxUnavailable: 0 } });
    expect(codes(k8s({ deployment: { rolling: { maxSurge: 0, maxUnavailable: '0%' } } }), 'error')).toContain('K8S_ROLLING_STUCK');
  });

  it('translates blue-green to a full surge with a warning', () => {
    const r = k8s({ deployment: { strategy: 'blue-green' } });
    expect(strategy(r)).toEqual({ type: 'RollingUpdate', rollingUpdate: { maxSurge: '100%', maxUnavailable: 0 } });
    const w = r.diagnostics.find((d) => d.code === 'K8S_STRATEGY_TRANSLATED');
    expect(w?.severity).toBe('warning');
    expect(w?.message).toContain('maxSurge 100% and maxUnavailable 0');
  });

  it('translates canary to batches of the canary percent', () => {
    const r = k8s({ deployment: { strategy: 'canary', canary: { percent: 12.5, interval: '10m' } } });
    expect(strategy(r)).toEqual({ type: 'RollingUpdate', rollingUpdate: { maxSurge: '13%', maxUnavailable: 0 } });
    expect(r.diagnostics.find((d) => d.code === 'K8S_STRATEGY_TRANSLATED')?.message).toContain('600s pause');
  });

  it('translates linear to batches held by minReadySeconds, keeping the progress deadline above it', () => {
    const d = doc(k8s({ deployment: { strategy: 'linear', linear: { percent: 20, interval: '15m' } } }), 'deployment.yaml');
    expect(get(d, 'spec', 'strategy')).toEqual({ type: 'RollingUpdate', rollingUpdate: { maxSurge: '20%', maxUnavailable: 0 } });
    expect(get(d, 'spec', 'minReadySeconds')).toBe(900);
    expect(get(d, 'spec', 'progressDeadlineSeconds')).toBe(1500);
  });
});

describe('kustomization', () => {
  it('lists exactly the object files written', () => {
    for (const r of [k8s({}), k8s({ replicas: 2, expose: { hosts: ['a.example.com'] }, autoscaling: { min: 2, max: 3, cpu: 50 }, targets: { kubernetes: { namespace: 'n', createNamespace: true, serviceAccount: {} } } })]) {
      const listed = (get(doc(r, 'kustomization.yaml'), 'resources') as string[]).slice().sort();
      const written = r.files.map((f) => f.path.split('/').pop()!).filter((n) => n !== 'kustomization.yaml').sort();
      expect(listed).toEqual(written);
    }
  });

  it('can be turned off', () => {
    expect(has(k8s({ targets: { kubernetes: { kustomization: false } } }), 'kustomization.yaml')).toBe(false);
  });
});

describe('Argo Rollouts workload', () => {
  const rollout = (deployment: Obj, extra: Obj = {}) => k8s({ deployment, ...extra, targets: { kubernetes: { workload: 'Rollout' } } });

  it('writes a Rollout instead of the Deployment, with no translation warning', () => {
    const r = rollout({ strategy: 'blue-green', blueGreen: { terminationWait: '5m', readyWait: '10m' } });
    expect(has(r, 'deployment.yaml')).toBe(false);
    expect(get(doc(r, 'rollout.yaml'), 'spec', 'strategy')).toEqual({ blueGreen: { activeService: 'web', autoPromotionEnabled: false, scaleDownDelaySeconds: 300 } });
    expect(codes(r)).not.toContain('K8S_STRATEGY_TRANSLATED');
    expect(codes(r, 'warning')).toContain('K8S_ROLLOUT_READY_WAIT');
  });

  it('turns canary and linear into setWeight/pause steps', () => {
    expect(get(doc(rollout({ strategy: 'canary', canary: { percent: 20, interval: '5m' } }), 'rollout.yaml'), 'spec', 'strategy', 'canary', 'steps')).toEqual([
      { setWeight: 20 },
      { pause: { duration: 300 } },
    ]);
    const linear = get(doc(rollout({ strategy: 'linear', linear: { percent: 25, interval: '1m' } }), 'rollout.yaml'), 'spec', 'strategy', 'canary', 'steps') as Obj[];
    expect(linear.filter((s) => 'setWeight' in s).map((s) => s.setWeight)).toEqual([25, 50, 75]);
  });

  it('points the HPA at the Rollout', () => {
    const r = k8s({ autoscaling: { min: 2, max: 4, cpu: 50 }, targets: { kubernetes: { workload: 'Rollout' } } });
    expect(get(doc(r, 'hpa.yaml'), 'spec', 'scaleTargetRef')).toEqual({ apiVersion: 'argoproj.io/v1alpha1', kind: 'Rollout', name: 'web' });
    expect(get(doc(r, 'kustomization.yaml'), 'resources')).toEqual(['rollout.yaml', 'service.yaml', 'hpa.yaml', 'pdb.yaml']);
  });
});
