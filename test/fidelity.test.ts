/**
 * `npm run fidelity` (scripts/fidelity.ts): the comparison on a tiny case whose every count is
 * known, the path and value rules it relies on, and the fixtures/realworld cases themselves —
 * their goldens, their source records, facts that rebuild their documents, and no patches.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import { afterAll, describe, expect, it } from 'vitest';
import { caseNames, CASES_DIR, KINDS, measureCase } from '../scripts/fidelity.js';
import { compareFacts, factsOf, flatten, formatPath, parsePath, rebuild, resolveDocument, sameValue, sourceDocuments, type Fact, type JsonObject } from '../scripts/fidelity.lib.js';
import { compileCase, listFiles, realworldCases, renderDiagnostics, ROOT, UPDATE, writeGoldens } from './helpers/fixtures.js';

const TINY_SPEC = `apiVersion: codegen/v1
name: tiny
image: nginx:1.27.3
ports:
  - name: http
    port: 8080
    servicePort: 80
replicas: 2
env: { A: "1", B: "2" }
targets:
  kubernetes: { kustomization: false }
`;

// Facts as a Kubernetes user writes them (Deployment and Service API, apps/v1 and v1): env in
// another order than codegen writes it, a Service whose targetPort is the number, a node selector
// codegen cannot write, and a replica count that differs on purpose.
const F = (document: string, path: string, value: Fact['value']): Fact => ({ document, path, value });
const TINY_FACTS: Fact[] = [
  F('Deployment/tiny', '/apiVersion', 'apps/v1'),
  F('Deployment/tiny', '/metadata/name', 'tiny'),
  F('Deployment/tiny', '/spec/replicas', 3),
  F('Deployment/tiny', '/spec/selector/matchLabels/app', 'tiny'),
  F('Deployment/tiny', '/spec/template/metadata/labels/app', 'tiny'),
  F('Deployment/tiny', '/spec/template/spec/containers[name=app]/name', 'app'),
  F('Deployment/tiny', '/spec/template/spec/containers[name=app]/image', 'nginx:1.27.3'),
  F('Deployment/tiny', '/spec/template/spec/containers[name=app]/ports[name=http]/name', 'http'),
  F('Deployment/tiny', '/spec/template/spec/containers[name=app]/ports[name=http]/containerPort', 8080),
  F('Deployment/tiny', '/spec/template/spec/containers[name=app]/env[name=B]/name', 'B'),
  F('Deployment/tiny', '/spec/template/spec/containers[name=app]/env[name=B]/value', '2'),
  F('Deployment/tiny', '/spec/template/spec/containers[name=app]/env[name=A]/name', 'A'),
  F('Deployment/tiny', '/spec/template/spec/containers[name=app]/env[name=A]/value', '1'),
  F('Deployment/tiny', '/spec/template/spec/nodeSelector/disktype', 'ssd'),
  F('Service/tiny', '/apiVersion', 'v1'),
  F('Service/tiny', '/metadata/name', 'tiny'),
  F('Service/tiny', '/spec/selector/app', 'tiny'),
  F('Service/tiny', '/spec/ports[name=http]/name', 'http'),
  F('Service/tiny', '/spec/ports[name=http]/port', 80),
  F('Service/tiny', '/spec/ports[name=http]/targetPort', 8080),
  F('Service/tiny-external', '/apiVersion', 'v1'),
  F('Service/tiny-external', '/metadata/name', 'tiny-external'),
];
const SOURCE = { repository: 'example/tiny', commit: '0'.repeat(40), path: 'k8s.yaml', licence: 'MIT', url: 'https://example.com', kind: 'kubernetes', format: 'kubernetes', importer: 'kubernetes' };

const tmp = mkdtempSync(join(tmpdir(), 'codegen-fidelity-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

function tinyCase(deliberate: unknown[]): string {
  const dir = mkdtempSync(join(tmp, 'cases-'));
  mkdirSync(join(dir, 'tiny'));
  writeFileSync(join(dir, 'tiny', 'service.yaml'), TINY_SPEC);
  writeFileSync(join(dir, 'tiny', 'source.json'), JSON.stringify(SOURCE));
  writeFileSync(join(dir, 'tiny', 'facts.json'), JSON.stringify(TINY_FACTS));
  writeFileSync(join(dir, 'tiny', 'deliberate.json'), JSON.stringify(deliberate));
  return dir;
}

const cli = (args: string[]) => spawnSync(process.execPath, ['--import', 'tsx', join(ROOT, 'scripts', 'fidelity.ts'), ...args], { cwd: ROOT, encoding: 'utf8' });

describe('npm run fidelity on a tiny case', () => {
  const deliberate = [{ document: 'Deployment/tiny', path: '/spec/replicas', reason: 'two replicas are enough here' }];

  it('counts matched, deliberate, different and missing facts', () => {
    const r = measureCase(tinyCase(deliberate), 'tiny');
    expect(r.errors).toEqual([]);
    expect(r.tally).toEqual({ facts: 22, matched: 17, deliberate: 1, different: 1, missing: 3 });
    const byPath = new Map(r.results.map((x) => [`${x.fact.document} ${x.fact.path}`, x]));
    expect(byPath.get('Service/tiny /spec/ports[name=http]/targetPort')).toMatchObject({ status: 'different', got: 'http' });
    expect(byPath.get('Deployment/tiny /spec/template/spec/nodeSelector/disktype')).toMatchObject({ status: 'missing' });
    expect(byPath.get('Deployment/tiny /spec/replicas')).toMatchObject({ status: 'deliberate', got: 2, reason: 'two replicas are enough here' });
    expect(byPath.get('Service/tiny-external /apiVersion')).toMatchObject({ status: 'missing', absent: 'Service/tiny-external' });
    expect(r.stale).toEqual([]);
  });

  it('prints the table and every difference, and exits 0', () => {
    const r = cli(['--dir', tinyCase(deliberate)]);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^tiny\s+kubernetes\s+22\s+17\s+1\s+1\s+3\s+77\.3%$/m);
    expect(r.stdout).toContain('  ~ Service/tiny /spec/ports[name=http]/targetPort: expected 8080, got "http"');
    expect(r.stdout).toContain('  - Deployment/tiny /spec/template/spec/nodeSelector/disktype: expected "ssd", missing');
    expect(r.stdout).toContain('  - Service/tiny-external: no such document is generated (2 facts)');
    expect(r.stdout).toContain('  = Deployment/tiny /spec/replicas: expected 3, got 2 (deliberate: two replicas are enough here)');
  });

  it('fails on a deliberate entry that names a matching fact, and below --min', () => {
    const stale = cli(['--dir', tinyCase([...deliberate, { document: 'Deployment/tiny', path: '/apiVersion', reason: 'x' }])]);
    expect(stale.status).toBe(1);
    expect(stale.stdout).toContain('! stale deliberate entry (the fact matches or does not exist): Deployment/tiny /apiVersion');
    const below = cli(['--dir', tinyCase(deliberate), '--min', '95']);
    expect(below.status).toBe(1);
    expect(below.stderr).toContain('77.3% matched over the deployment kinds (Compose left out), below --min 95%');
  });

  it('prints a total over the deployment kinds next to the all-cases one, and --min holds that one', () => {
    // The tiny Kubernetes case (17 of 22) next to a Compose case (4 of its 8 facts are reproduced:
    // compose-wireguard): all cases 21 of 30 = 70.0%, the deployment kinds 17 of 22 = 77.3%.
    const dir = tinyCase(deliberate);
    cpSync(join(CASES_DIR, 'compose-wireguard'), join(dir, 'compose-wireguard'), { recursive: true });
    const r = cli(['--dir', dir, '--min', '75']);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^total \(2 cases\)\s+30\s+21\s+1\s+1\s+7\s+70\.0%$/m);
    expect(r.stdout).toMatch(/^total, deployment kinds \(1 cases\)\s+22\s+17\s+1\s+1\s+3\s+77\.3%$/m);
    expect(r.stdout).toContain('deployment kinds (Compose left out): 77.3% matched');
    const md = cli(['--dir', dir, '--markdown']);
    expect(md.stdout).toContain('| **total** | 2 | 30 | 21 | 1 | 1 | 7 | 70.0% |');
    expect(md.stdout).toContain('| **total, deployment kinds (Compose left out)** | 1 | 22 | 17 | 1 | 1 | 3 | 77.3% |');
    const below = cli(['--dir', dir, '--min', '80']);
    expect(below.status).toBe(1);
    expect(below.stderr).toContain('77.3% matched over the deployment kinds (Compose left out), below --min 80%');
  });

  it('measures the importer on the source rebuilt from the facts', () => {
    const r = measureCase(tinyCase(deliberate), 'tiny', true);
    expect(r.errors).toEqual([]);
    // Imported, the replica count comes back as the source writes it (3, no deliberate list in
    // this measure), and so does the numeric targetPort (the importer keeps hand-shaped Service
    // ports); the node selector and the second Service do not.
    expect(r.tally).toEqual({ facts: 22, matched: 19, deliberate: 0, different: 0, missing: 3 });
    expect(r.results.find((x) => x.fact.path === '/spec/ports[name=http]/targetPort')?.status).toBe('matched');
    expect(r.results.find((x) => x.fact.path === '/spec/template/spec/nodeSelector/disktype')?.status).toBe('missing');
    expect(r.notes.join('\n')).toMatch(/nodeSelector/);
  });
});

describe('fidelity paths and values', () => {
  it('reads a listener rule condition\'s older Values form as its PathPatternConfig / HostHeaderConfig Values', () => {
    const rule: JsonObject = { Properties: { Conditions: [{ Field: 'path-pattern', PathPatternConfig: { Values: ['/', 'hello*'] } }, { Field: 'host-header', HostHeaderConfig: { Values: ['a.example.com'] } }] } };
    const generated = new Map<string, JsonObject>([['AWS::ElasticLoadBalancingV2::ListenerRule/R', rule]]);
    const facts = [
      F('AWS::ElasticLoadBalancingV2::ListenerRule/R', '/Properties/Conditions[Field=path-pattern]/Values', ['/', 'hello*']),
      F('AWS::ElasticLoadBalancingV2::ListenerRule/R', '/Properties/Conditions[Field=host-header]/Values', ['b.example.com']),
      F('AWS::ElasticLoadBalancingV2::ListenerRule/R', '/Properties/Conditions[Field=path-pattern]/Other', 'x'),
    ];
    expect(compareFacts(facts, generated).map((r) => r.status)).toEqual(['matched', 'different', 'missing']);
  });

  it('keys list items by name and escapes / [ ] ~', () => {
    const path = '/metadata/annotations/alb.ingress.kubernetes.io~1scheme/x[name=a~1b~2c~3~0]/y[2]/z';
    expect(formatPath(parsePath(path))).toBe(path);
    expect(parsePath(path)[2]).toEqual({ prop: 'alb.ingress.kubernetes.io/scheme' });
    expect(parsePath(path)[3]).toEqual({ prop: 'x', item: { key: 'name', value: 'a/b[c]~' } });
    expect(parsePath(path)[4]).toEqual({ prop: 'y', item: { index: 2 } });
  });

  it('flattens and rebuilds a document exactly', () => {
    const doc: JsonObject = {
      spec: {
        containers: [
          { name: 'b', ports: [{ containerPort: 80 }, { containerPort: 443 }], command: ['a', 'b'], volumeMounts: [{ mountPath: '/data', name: 'd' }] },
          { name: 'a', env: [], securityContext: {} },
        ],
        rules: [{ host: 'x' }, { host: 'x' }],
        role: { 'Fn::GetAtt': ['Role', 'Arn'] },
      },
    };
    const facts = flatten(doc).map((f) => ({ document: 'X/y', ...f }));
    expect(facts.map((f) => f.path)).toContain('/spec/containers[name=b]/ports[containerPort=443]/containerPort');
    expect(facts.map((f) => f.path)).toContain('/spec/rules[1]/host');
    expect(facts.find((f) => f.path === '/spec/role')?.value).toEqual({ 'Fn::GetAtt': ['Role', 'Arn'] });
    expect(rebuild(facts).get('X/y')).toEqual(doc);
  });

  it('reads CloudFormation short forms as long forms', () => {
    const docs = sourceDocuments('cloudformation', 'Resources:\n  R:\n    Type: AWS::Logs::LogGroup\n    DependsOn: X\n    Properties:\n      LogGroupName: !Sub "/ecs/${AWS::StackName}"\n      KmsKeyId: !GetAtt Key.Arn\n');
    expect(docs).toEqual([['AWS::Logs::LogGroup/R', { Properties: { LogGroupName: { 'Fn::Sub': '/ecs/${AWS::StackName}' }, KmsKeyId: { 'Fn::GetAtt': ['Key', 'Arn'] } } }]]);
  });

  it('compares quantities by amount and CloudFormation scalars as text, nothing else loosely', () => {
    expect(sameValue('0.1', '100m', 'Deployment/x', '/spec/template/spec/containers[name=a]/resources/limits/cpu')).toBe(true);
    expect(sameValue('1Gi', '1024Mi', 'Deployment/x', '/spec/template/spec/containers[name=a]/resources/requests/memory')).toBe(true);
    expect(sameValue('1G', '1Gi', 'Deployment/x', '/spec/template/spec/containers[name=a]/resources/requests/memory')).toBe(false);
    expect(sameValue(256, '256', 'AWS::ECS::TaskDefinition/T', '/Properties/Cpu')).toBe(true);
    expect(sameValue(8080, '8080', 'Service/x', '/spec/ports[name=http]/targetPort')).toBe(false);
  });

  it('pairs documents by id, by the case\'s match, or as the only one of their kind', () => {
    const generated = new Map<string, JsonObject>([['AWS::ECS::Service/ECSService', {}], ['AWS::ElasticLoadBalancingV2::TargetGroup/Blue', {}], ['AWS::ElasticLoadBalancingV2::TargetGroup/Green', {}]]);
    const ids = ['AWS::ECS::Service/Service', 'AWS::ElasticLoadBalancingV2::TargetGroup/TG1', 'AWS::ElasticLoadBalancingV2::TargetGroup/TG2'];
    expect(resolveDocument(ids[0]!, generated, ids)).toBe('AWS::ECS::Service/ECSService');
    expect(resolveDocument(ids[1]!, generated, ids)).toBeUndefined();
    expect(resolveDocument(ids[1]!, generated, ids, { [ids[1]!]: 'Green' })).toBe('AWS::ElasticLoadBalancingV2::TargetGroup/Green');
    // "" (codegen makes none): nothing, unless the output holds one under the same id (kept by import --exact).
    const role = 'AWS::IAM::Role/ServiceRole';
    expect(resolveDocument(role, generated, [role], { [role]: '' })).toBeUndefined();
    expect(resolveDocument(role, new Map([...generated, [role, {}]]), [role], { [role]: '' })).toBe(role);
    const results = compareFacts([{ document: ids[0]!, path: '/Properties/DesiredCount', value: 2 }], new Map([['AWS::ECS::Service/S', { Properties: { DesiredCount: '2' } }]]));
    expect(results[0]!.status).toBe('matched');
  });

  it('a reference to a document the case does not record compares by what match pairs it with', () => {
    const facts = [{ document: 'AWS::ECS::Service/Svc', path: '/Properties/Cluster', value: { Ref: 'DemoCluster' } }];
    const generated = new Map<string, JsonObject>([['AWS::ECS::Service/ECSService', { Properties: { Cluster: { Ref: 'ECSCluster' } } }], ['Parameter/ECSCluster', { Type: 'String' }]]);
    expect(compareFacts(facts, generated)[0]!.status).toBe('different');
    expect(compareFacts(facts, generated, [], { 'AWS::ECS::Cluster/DemoCluster': 'Parameter/ECSCluster' })[0]!.status).toBe('matched');
    expect(compareFacts(facts, generated, [], { 'AWS::ECS::Cluster/DemoCluster': 'Parameter/OtherCluster' })[0]!.status).toBe('different');
  });
});

describe('fixtures/realworld', () => {
  const cases = realworldCases();
  const ALLOWED_LICENCES = ['Apache-2.0', 'MIT', 'MIT-0', 'CC0-1.0', 'BSD-3-Clause'];

  it('holds at least 20 cases of all five kinds', () => {
    expect(cases.length).toBeGreaterThanOrEqual(20);
    expect(caseNames(CASES_DIR)).toEqual(cases.map((c) => c.name));
    const kinds = new Set(cases.map((c) => (JSON.parse(readFileSync(join(c.dir, 'source.json'), 'utf8')) as { kind: string }).kind));
    expect([...kinds].sort()).toEqual([...KINDS].sort());
  });

  for (const c of cases) {
    describe(c.name, () => {
      it('golden: compiles to exactly expected/ with the recorded diagnostics', () => {
        const r = compileCase(c);
        expect(r.diagnostics.filter((d) => d.severity === 'error'), renderDiagnostics(r)).toEqual([]);
        if (UPDATE) writeGoldens(c, r);
        expect(listFiles(join(c.dir, 'expected'))).toEqual(r.files.map((f) => f.path));
        for (const f of r.files) expect(f.content, f.path).toBe(readFileSync(join(c.dir, 'expected', f.path), 'utf8'));
        expect(renderDiagnostics(r)).toBe(readFileSync(join(c.dir, 'diagnostics.txt'), 'utf8'));
      });

      it('names its source, and its facts rebuild their documents', () => {
        const source = JSON.parse(readFileSync(join(c.dir, 'source.json'), 'utf8')) as Record<string, unknown>;
        expect(source.repository).toMatch(/^[\w.-]+\/[\w.-]+$/);
        expect(source.commit).toMatch(/^[0-9a-f]{40}$/);
        expect(ALLOWED_LICENCES).toContain(source.licence);
        const paths = [source.path].flat() as string[];
        const urls = [source.url].flat() as string[];
        expect(urls.length).toBe(paths.length);
        paths.forEach((p, i) => expect(urls[i]).toBe(`https://github.com/${String(source.repository)}/blob/${String(source.commit)}/${p}`));
        expect(KINDS).toContain(source.kind);
        const facts = JSON.parse(readFileSync(join(c.dir, 'facts.json'), 'utf8')) as Fact[];
        expect(facts.length).toBeGreaterThan(5);
        expect(factsOf(rebuild(facts))).toEqual(facts);
      });

      it('uses only spec features (no patches), and every deliberate difference has a reason', () => {
        const spec = parse(readFileSync(join(c.dir, 'service.yaml'), 'utf8')) as Record<string, unknown>;
        expect(spec.patches).toBeUndefined();
        const file = join(c.dir, 'deliberate.json');
        const deliberate = existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as { reason: string }[]) : [];
        for (const d of deliberate) expect(d.reason.length).toBeGreaterThan(10);
        const r = measureCase(CASES_DIR, c.name);
        expect(r.errors).toEqual([]);
        expect(r.stale).toEqual([]);
      });
    });
  }
});
