#!/usr/bin/env node
/**
 * The cdk8s peer for the Kubernetes artifacts: each service spec (YAML) read with the `yaml`
 * library and turned, with cdk8s and cdk8s-plus, into a Deployment, a Service, an Ingress and a
 * PodDisruptionBudget, synthesized into one folder per service (cdk8s's `app.synth()`). A
 * baseline for bench/run.mjs, not product code; installed with bench/peers/package.json.
 *
 *   node bench/peers/cdk8s.mjs --out DIR SPEC...
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ApiObject, App, Chart, Size } from 'cdk8s';
import * as kplus from 'cdk8s-plus-33';
import { parse } from 'yaml';

const args = process.argv.slice(2);
const at = args.indexOf('--out');
const out = at === -1 ? 'out' : args[at + 1];
const specs = args.filter((_, i) => i !== at && i !== at + 1);

const cpu = (s) => (String(s).endsWith('m') ? kplus.Cpu.millis(Number.parseInt(s, 10)) : kplus.Cpu.units(Number(s)));
const mem = (s) => Size.mebibytes(String(s).endsWith('Gi') ? Number.parseInt(s, 10) * 1024 : Number.parseInt(s, 10));

for (const file of specs) {
  const spec = parse(readFileSync(file, 'utf8'));
  const k8s = { ...spec, ...(spec.targets?.kubernetes ?? {}) };
  const app = new App({ outdir: join(out, spec.name), outputFileExtension: '.yaml' });
  const chart = new Chart(app, spec.name, { namespace: k8s.namespace ?? 'default', labels: { app: spec.name, 'app.kubernetes.io/managed-by': 'cdk8s' } });
  const port = spec.ports?.[0]?.port ?? 8080;
  const deployment = new kplus.Deployment(chart, 'deployment', {
    metadata: { name: spec.name },
    replicas: k8s.replicas ?? 1,
    serviceAccount: kplus.ServiceAccount.fromServiceAccountName(chart, 'sa', k8s.serviceAccount?.name ?? spec.name),
  });
  deployment.addContainer({
    name: spec.containerName ?? 'app',
    image: k8s.image,
    portNumber: port,
    resources: {
      cpu: { request: cpu(spec.resources.requests.cpu), limit: cpu(spec.resources.limits.cpu) },
      memory: { request: mem(spec.resources.requests.memory), limit: mem(spec.resources.limits.memory) },
    },
    liveness: kplus.Probe.fromHttpGet(spec.health?.liveness?.http?.path ?? '/', { port }),
    readiness: kplus.Probe.fromHttpGet(spec.health?.readiness?.http?.path ?? '/', { port }),
    envVariables: Object.fromEntries(Object.entries(spec.env ?? {}).map(([k, v]) => [k, kplus.EnvValue.fromValue(String(v))])),
  });
  const service = deployment.exposeViaService({ name: k8s.service?.name ?? spec.name, ports: [{ port: spec.ports?.[0]?.servicePort ?? port, targetPort: port }] });
  const ingress = new kplus.Ingress(chart, 'ingress', { metadata: { name: k8s.ingress?.name ?? spec.name, annotations: { 'alb.ingress.kubernetes.io/scheme': 'internet-facing' } } });
  for (const host of spec.expose?.hosts ?? []) ingress.addHostRule(host, spec.expose?.path ?? '/', kplus.IngressBackend.fromService(service));
  new ApiObject(chart, 'pdb', { apiVersion: 'policy/v1', kind: 'PodDisruptionBudget', metadata: { name: spec.name }, spec: { maxUnavailable: 1, selector: { matchLabels: { app: spec.name } } } });
  app.synth();
}
