#!/usr/bin/env node
/**
 * The template peer: what a team writes without codegen — each service spec (YAML) read with the
 * `yaml` library, per-target overrides merged shallowly, and five Handlebars templates rendered
 * into one folder per service (ECS task definition, ECS service CloudFormation, App Mesh
 * CloudFormation, Kubernetes manifests, Copilot manifest): the same artifact kinds codegen writes
 * for the benchmark's services, with no schema validation, no rules and no checks of the output.
 * A baseline for bench/run.mjs, not product code.
 *
 *   node bench/peers/template.mjs --out DIR SPEC...
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Handlebars from 'handlebars';
import { parse } from 'yaml';

const here = dirname(fileURLToPath(import.meta.url));
const args = process.argv.slice(2);
const at = args.indexOf('--out');
const out = at === -1 ? 'out' : args[at + 1];
const specs = args.filter((_, i) => i !== at && i !== at + 1);

const templates = ['task-definition.json', 'service.cfn.yaml', 'mesh.cfn.yaml', 'kubernetes.yaml', 'manifest.yml'].map((name) => [
  name,
  Handlebars.compile(readFileSync(join(here, 'template', `${name}.hbs`), 'utf8'), { noEscape: true, strict: false }),
]);

for (const file of specs) {
  const spec = parse(readFileSync(file, 'utf8'));
  const k8s = { ...spec, ...(spec.targets?.kubernetes ?? {}) };
  const ecs = { ...spec, ...(spec.targets?.ecs ?? {}) };
  const port = spec.ports?.[0]?.port ?? 8080;
  const view = {
    ...k8s,
    ecsImage: ecs.image,
    port,
    servicePort: spec.ports?.[0]?.servicePort ?? port,
    ports: (spec.ports ?? []).map((p) => ({ name: p.name ?? 'http', port: p.port, servicePort: p.servicePort ?? p.port })),
    namespace: k8s.namespace ?? 'default',
    serviceName: k8s.service?.name ?? spec.name,
    ingressName: k8s.ingress?.name ?? spec.name,
    serviceAccount: k8s.serviceAccount?.name ?? spec.name,
    logGroup: spec.logging?.group ?? `/ecs/${spec.name}`,
  };
  const dir = join(out, spec.name);
  mkdirSync(dir, { recursive: true });
  for (const [name, render] of templates) writeFileSync(join(dir, name), render(view));
}
