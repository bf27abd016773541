/**
 * `targets.kubernetes.selector`: pods selected by labels other than `app: <name>`, as the
 * Kubernetes guestbook selects its frontend (`app: guestbook`, `tier: frontend`). A Deployment's
 * selector must match its pod template labels (apps/v1 DeploymentSpec); every Service, the PDB and
 * an Argo Rollout select the same pods; the App Mesh controller's VirtualNode selects the pods of
 * this spec by it, and those of another version by that spec's default selector.
 */
import { describe, expect, it } from 'vitest';
import { parse, parseAllDocuments } from 'yaml';
import { compile, type CompileResult } from '../../src/compile/compile.js';

type Obj = Record<string, any>;

const SELECTOR = { app: 'guestbook', tier: 'frontend' };
const spec = (kubernetes: Obj, extra: Obj = {}): Obj => ({
  apiVersion: 'codegen/v1',
  name: 'frontend',
  image: 'gcr.io/google-samples/gb-frontend:v5',
  ports: [{ port: 80 }],
  replicas: 3,
  ...extra,
  targets: { kubernetes: { selector: SELECTOR, ...kubernetes } },
});

function docs(r: CompileResult, file: string): Obj[] {
  const f = r.files.find((x) => x.path.endsWith(file));
  if (!f) throw new Error(`no ${file}: ${r.diagnostics.map((d) => `${d.code} ${d.message}`).join('; ')}`);
  return parseAllDocuments(f.content).map((d) => d.toJS() as Obj);
}

describe('targets.kubernetes.selector', () => {
  it('selects the pods everywhere and replaces app: <name> on every object', () => {
    const r = compile(spec({ services: [{ name: 'frontend', ports: [{ port: 80 }] }, { name: 'frontend-lb', type: 'LoadBalancer', ports: [{ port: 80 }] }] }, { labels: { team: 'web' } }));
    expect(r.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    const [deployment] = docs(r, 'kubernetes/deployment.yaml');
    expect(deployment!.spec.selector).toEqual({ matchLabels: SELECTOR });
    expect(deployment!.spec.template.metadata.labels).toMatchObject(SELECTOR);
    expect(deployment!.spec.template.metadata.labels.team).toBe('web');
    expect(deployment!.metadata.labels).toMatchObject(SELECTOR);
    const services = docs(r, 'kubernetes/service.yaml');
    expect(services.map((s) => s.spec.selector)).toEqual([SELECTOR, SELECTOR]);
    for (const s of services) expect(s.metadata.labels.app).toBe('guestbook');
    const [pdb] = docs(r, 'kubernetes/pdb.yaml');
    expect(pdb!.spec.selector).toEqual({ matchLabels: SELECTOR });
  });

  it('an Argo Rollout selects by it too', () => {
    const r = compile(spec({ workload: 'Rollout' }, { deployment: { strategy: 'canary', canary: { percent: 10, interval: '5m' } } }));
    expect(r.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    const rollout = docs(r, 'kubernetes/rollout.yaml').find((d) => d.kind === 'Rollout')!;
    expect(rollout.spec.selector).toEqual({ matchLabels: SELECTOR });
    expect(rollout.spec.template.metadata.labels).toMatchObject(SELECTOR);
  });

  it('a spec label that gives a selector key another value is an error', () => {
    const r = compile(spec({}, { labels: { tier: 'backend' } }));
    expect(r.diagnostics.filter((d) => d.severity === 'error').map((d) => `${d.code} ${d.path.join('.')}`)).toEqual(['K8S_LABEL_CONFLICT labels.tier']);
  });

  it('keys and values follow the label syntax (schema, valid-names)', () => {
    const badValue = compile(spec({ selector: { app: '-guestbook' } }));
    expect(badValue.diagnostics.filter((d) => d.severity === 'error').map((d) => `${d.code} ${d.path.join('.')}`)).toEqual(['SCHEMA_PATTERN targets.kubernetes.selector.app']);
    const badPrefix = compile(spec({ selector: { 'Example.com/tier': 'web' } }));
    expect(badPrefix.diagnostics.filter((d) => d.severity === 'error').map((d) => `${d.code} ${d.path.join('.')}`)).toEqual(['valid-names targets.kubernetes.selector.Example.com/tier']);
    const empty = compile(spec({ selector: {} }));
    expect(empty.diagnostics.filter((d) => d.severity === 'error').map((d) => d.code)).toEqual(['SCHEMA_MIN_PROPERTIES']);
  });

  it("App Mesh's controller output: this spec's node selects by it, another version's node by app: <version>", () => {
    const meshed = {
      ...spec({ namespace: 'shop' }, { region: 'eu-west-1', health: { traffic: { path: '/' } } }),
      targets: {
        kubernetes: { selector: SELECTOR, namespace: 'shop' },
        appmesh: { acknowledgeDeprecation: true, kubernetesController: true, serviceDiscovery: { dns: { hostname: 'frontend.internal' } }, versions: [{ name: 'frontend-node', weight: 80 }, { name: 'frontend-canary', weight: 20 }] },
      },
    };
    const r = compile(meshed);
    expect(r.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    const nodes = docs(r, 'appmesh/kubernetes/mesh.yaml').filter((d) => d.kind === 'VirtualNode');
    expect(Object.fromEntries(nodes.map((n) => [n.metadata.name, n.spec.podSelector]))).toEqual({
      'frontend-node': { matchLabels: SELECTOR },
      'frontend-canary': { matchLabels: { app: 'frontend-canary' } },
    });
  });

  it('without it, the selector stays app: <name>', () => {
    const r = compile(spec({ selector: undefined }));
    const [deployment] = docs(r, 'kubernetes/deployment.yaml');
    expect(deployment!.spec.selector).toEqual({ matchLabels: { app: 'frontend' } });
    expect(parse(r.files.find((f) => f.path.endsWith('kubernetes/service.yaml'))!.content).spec.selector).toEqual({ app: 'frontend' });
  });
});
