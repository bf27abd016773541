/**
 * Deploy-time values: `--set` (checked keys and values), and the CI recipe of docs/parameters.md
 * end to end — committed output stays `--check`-clean while the deployed image tag changes per
 * commit (through `--set`, through the kustomization's `images:` entry, through the template's
 * ImageTag parameter).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { compile } from '../src/compile/compile.js';
import { runCli } from './helpers/cli.js';

const REPO = '123456789012.dkr.ecr.us-east-1.amazonaws.com/ledger';
const SPEC = `apiVersion: codegen/v1
name: ledger
region: us-east-1
image: ${REPO}:1.4.2
ports:
  - port: 8080
resources:
  limits: { cpu: 500m, memory: 1Gi }
replicas: 2
env:
  LOG_LEVEL: info
sidecars:
  agent:
    image: public.ecr.aws/example/agent:2.0.0
targets:
  ecs:
    executionRoleArn: arn:aws:iam::123456789012:role/ecsTaskExecutionRole
  kubernetes:
    namespace: ledger
environments:
  production:
    replicas: 4
    targets:
      kubernetes:
        image: ${REPO}:1.4.2-k8s
`;

function workspace(spec = SPEC): string {
  const dir = mkdtempSync(join(tmpdir(), 'codegen-deploy-'));
  writeFileSync(join(dir, 'service.yaml'), spec);
  return dir;
}

function snapshot(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const f of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (f.isFile()) out[join(f.parentPath, f.name).slice(dir.length + 1)] = readFileSync(join(f.parentPath, f.name), 'utf8');
  }
  return out;
}

const hasKubectl = spawnSync('kubectl', ['version', '--client'], { stdio: 'ignore' }).status === 0;

describe('--set: deploy-time values', () => {
  const image = (files: { path: string; content: string }[], path: string) => files.find((f) => f.path === path)!.content;

  it('sets the image everywhere the spec gives one (base, targets, environments) without editing the spec', () => {
    const r = compile(SPEC, { env: 'production', set: { image: `${REPO}:abc123` } });
    expect(r.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(JSON.parse(image(r.files, 'ledger/ecs/task-definition.json')).containerDefinitions[0].image).toBe(`${REPO}:abc123`);
    const deployment = parse(image(r.files, 'ledger/kubernetes/deployment.yaml'));
    expect(deployment.spec.template.spec.containers[0].image).toBe(`${REPO}:abc123`);
    expect(deployment.spec.replicas).toBe(4);
    expect(parse(image(r.files, 'ledger/kubernetes/kustomization.yaml')).images).toContainEqual({ name: REPO, newTag: 'abc123' });
  });

  it('sets replicas, an env value, a sidecar image and a parameter default, each checked', () => {
    const spec = SPEC.replace(`image: ${REPO}:1.4.2\n`, `image: ${REPO}:\${ImageTag}\nparameters:\n  ImageTag: { default: "1.4.2", allowedPattern: "[a-z0-9.]+" }\n`);
    const r = compile(spec, { targets: ['kubernetes'], set: { replicas: '3', 'env.LOG_LEVEL': 'debug', 'env.NEW_FLAG': 'on', 'sidecars.agent.image': 'public.ecr.aws/example/agent:2.1.0', 'parameters.ImageTag.default': '1.5.0' } });
    expect(r.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    const c = parse(image(r.files, 'ledger/kubernetes/deployment.yaml'));
    expect(c.spec.replicas).toBe(3);
    const [main, agent] = c.spec.template.spec.containers;
    expect(main.image).toBe(`${REPO}:1.5.0`);
    expect(main.env).toEqual([{ name: 'LOG_LEVEL', value: 'debug' }, { name: 'NEW_FLAG', value: 'on' }]);
    expect(agent.image).toBe('public.ecr.aws/example/agent:2.1.0');
  });

  it('reports values of the wrong type, unknown sidecars and parameters, and unknown keys', () => {
    const codes = (set: Record<string, string>) => compile(SPEC, { set }).diagnostics.map((d) => `${d.code} ${d.message}`);
    expect(codes({ replicas: 'three' })).toEqual(['SET_INVALID_VALUE --set replicas: "three" is not a whole number from 0 to 100000.']);
    expect(codes({ image: 'Not An Image' })[0]).toMatch(/^SET_INVALID_VALUE --set image: "Not An Image" is not an image reference/);
    expect(codes({ 'sidecars.proxy.image': 'envoy:1' })).toEqual(['SET_INVALID_VALUE --set sidecars.proxy.image: the spec has no sidecar "proxy".']);
    expect(codes({ 'parameters.Tag.default': 'x' })).toEqual(['SET_INVALID_VALUE --set parameters.Tag.default: the spec declares no parameter "Tag".']);
    expect(codes({ 'targets.ecs.cpu': '1024' })[0]).toMatch(/^SET_UNKNOWN_KEY --set cannot set "targets.ecs.cpu"; the keys are image, sidecars.<name>.image, replicas, env.<NAME>, parameters.<Name>.default\.$/);
    const constrained = SPEC.replace('replicas: 2\n', 'replicas: { param: Count }\nparameters:\n  Count: { type: Number, default: 2, maxValue: 10 }\n');
    expect(compile(constrained, { set: { 'parameters.Count.default': '40' } }).diagnostics.map((d) => d.message)).toEqual(['--set parameters.Count.default: 40 is greater than 10.']);
  });

  it('on the command line: a malformed or unknown key is a usage error (exit 2), a bad value exit 1, nothing written', async () => {
    const dir = workspace();
    const bad = await runCli(['generate', 'service.yaml', '--set', 'imagetag=abc', '--out', 'out'], dir);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--set cannot set "imagetag"; the keys are image, sidecars.<name>.image, replicas, env.<NAME>, parameters.<Name>.default.');
    expect((await runCli(['generate', 'service.yaml', '--set', 'image', '--out', 'out'], dir)).code).toBe(2);
    const value = await runCli(['generate', 'service.yaml', '--set', 'replicas=-1', '--out', 'out'], dir);
    expect(value.code).toBe(1);
    expect(value.stderr).toContain('SET_INVALID_VALUE');
    expect(readdirSync(dir)).toEqual(['service.yaml']);
    expect((await runCli(['generate', 'service.yaml', '--set', 'replicas=1', '--cache'], dir)).code).toBe(2);
  });
});

describe('CI recipe: committed output stays --check-clean while the deployed tag changes per commit', () => {
  it('generate, --check, then the deploy-time step writes the new tag elsewhere and the committed output stays clean', async () => {
    const dir = workspace();
    expect((await runCli(['generate', 'service.yaml', '--out', 'out'], dir)).code).toBe(0);
    const committed = snapshot(join(dir, 'out'));
    expect((await runCli(['generate', 'service.yaml', '--out', 'out', '--check'], dir)).code).toBe(0);

    // The deploy job: the image of this commit, into a folder that is not committed.
    const sha = 'c0ffee123456';
    const deploy = await runCli(['generate', 'service.yaml', '--set', `image=${REPO}:${sha}`, '--out', 'deploy'], dir);
    expect(deploy.code, deploy.stderr).toBe(0);
    const td = JSON.parse(readFileSync(join(dir, 'deploy/ledger/ecs/task-definition.json'), 'utf8'));
    expect(td.containerDefinitions[0].image).toBe(`${REPO}:${sha}`);
    expect(readFileSync(join(dir, 'deploy/ledger/ecs/service.cfn.yaml'), 'utf8')).toContain(`Image: ${REPO}:${sha}`);
    expect(readFileSync(join(dir, 'deploy/ledger/kubernetes/deployment.yaml'), 'utf8')).toContain(`image: ${REPO}:${sha}`);

    // The spec and the committed output did not change, and --check is still clean.
    expect(readFileSync(join(dir, 'service.yaml'), 'utf8')).toBe(SPEC);
    expect(snapshot(join(dir, 'out'))).toEqual(committed);
    expect((await runCli(['generate', 'service.yaml', '--out', 'out', '--check'], dir)).code).toBe(0);
  });

  it('the kustomization images: entry takes the new tag (kustomize edit set image writes the same entry)', (ctx) => {
    if (!hasKubectl) {
      console.log('skipped: kubectl is not on PATH (the kustomize overlay is checked where it is)');
      ctx.skip();
    }
    const dir = workspace();
    const r = compile(SPEC, { targets: ['kubernetes'] });
    for (const f of r.files) {
      mkdirSync(join(dir, 'out', f.path, '..'), { recursive: true });
      writeFileSync(join(dir, 'out', f.path), f.content);
    }
    // What `kustomize edit set image REPO=REPO:TAG` leaves in a deploy-time overlay.
    mkdirSync(join(dir, 'deploy'));
    writeFileSync(join(dir, 'deploy', 'kustomization.yaml'), `resources:\n  - ../out/ledger/kubernetes\nimages:\n  - name: ${REPO}\n    newTag: c0ffee123456\n`);
    const built = execFileSync('kubectl', ['kustomize', join(dir, 'deploy')], { encoding: 'utf8' });
    expect(built).toContain(`image: ${REPO}:c0ffee123456`);
    expect(built).toContain('image: public.ecr.aws/example/agent:2.0.0');
    // The generated kustomization alone builds the manifests unchanged.
    const base = execFileSync('kubectl', ['kustomize', join(dir, 'out/ledger/kubernetes')], { encoding: 'utf8' });
    expect(base).toContain(`image: ${REPO}:1.4.2`);
  });

  it('the CloudFormation template takes the tag as a parameter, so the committed template serves every commit', () => {
    const spec = SPEC.replace(`image: ${REPO}:1.4.2\n`, `image: ${REPO}:\${ImageTag}\nparameters:\n  ImageTag: { default: "1.4.2" }\n`);
    const r = compile(spec, { targets: ['ecs'] });
    const template = parse(r.files.find((f) => f.path === 'ledger/ecs/service.cfn.yaml')!.content);
    expect(template.Parameters.ImageTag).toEqual({ Type: 'String', Default: '1.4.2' });
    expect(template.Resources.TaskDefinition.Properties.ContainerDefinitions[0].Image).toEqual({ 'Fn::Sub': `${REPO}:\${ImageTag}` });
  });
});
