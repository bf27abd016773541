/**
 * The spec's `labels` as AWS tags: `Tags` on every resource of the ECS service and App Mesh
 * templates whose type takes them (checked against the bundled CloudFormation registry schemas),
 * `tags` on the RegisterTaskDefinition JSON, a diagnostic on Copilot (its service manifests have
 * no tags field), and the ECS importer reading them back as labels.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { compile } from '../../src/compile/compile.js';
import { TAGGABLE_TYPES } from '../../src/emitters/shared/cfn-tags.js';
import { importSpec } from '../../src/importers/index.js';

type Obj = Record<string, any>;

const SCHEMAS = join(__dirname, '..', '..', 'vendor', 'schemas', 'cloudformation', 'resources');
/** Taggable types that only the platform template (or no template) of codegen writes. */
const NOT_IN_SERVICE_TEMPLATES = ['AWS::EC2::SecurityGroup', 'AWS::ECS::Cluster', 'AWS::EKS::Cluster', 'AWS::ElasticLoadBalancingV2::LoadBalancer', 'AWS::Lambda::Function', 'AWS::SecretsManager::Secret', 'AWS::ServiceDiscovery::HttpNamespace', 'AWS::ServiceDiscovery::PrivateDnsNamespace'];

function keyValueTags(file: string): boolean {
  const s = JSON.parse(readFileSync(join(SCHEMAS, file), 'utf8')) as Obj;
  const tags = s.properties?.Tags;
  if (!tags || tags.type !== 'array') return false;
  const items = tags.items?.$ref ? s.definitions[String(tags.items.$ref).split('/').pop()!] : tags.items;
  return Boolean(items?.properties?.Key && items?.properties?.Value);
}

const LABELS = { team: 'payments', 'app.kubernetes.io/part-of': 'shop' };
const spec = (extra: Obj = {}, targets: Obj = { ecs: {} }): Obj => ({
  apiVersion: 'codegen/v1',
  name: 'ledger',
  region: 'eu-west-1',
  image: 'registry.example.com/ledger:1.0.0',
  ports: [{ port: 8080 }],
  labels: LABELS,
  ...extra,
  targets,
});

const file = (r: ReturnType<typeof compile>, end: string) => r.files.find((f) => f.path.endsWith(end))!.content;
const tagsOf = (r: Obj) => Object.fromEntries(((r.Properties?.Tags ?? []) as Obj[]).map((t) => [t.Key, t.Value]));

describe('labels as AWS tags', () => {
  it('lists exactly the Key/Value-tagged types of the bundled registry schemas that service templates write', () => {
    const tagged = readdirSync(SCHEMAS).filter(keyValueTags).map((f) => f.replace(/\.json$/, '').replace(/_/g, '::'));
    expect([...TAGGABLE_TYPES].sort()).toEqual(tagged.filter((t) => !NOT_IN_SERVICE_TEMPLATES.includes(t)).sort());
  });

  it('tags every taggable resource of the ECS template, after the tags codegen and the spec set there', () => {
    const r = compile(spec({ expose: { path: '/' }, autoscaling: { min: 2, max: 4, steps: [{ metric: 'cpu', comparison: '>', threshold: 80, steps: [{ from: 80, change: 1 }] }] } }, { ecs: { service: { tags: { team: 'ledger-owners' } } } }));
    expect(r.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    const t = parse(file(r, 'ecs/service.cfn.yaml')) as Obj;
    const byType = (type: string) => Object.values(t.Resources as Obj).filter((x: Obj) => x.Type === type) as Obj[];
    for (const type of ['AWS::Logs::LogGroup', 'AWS::IAM::Role', 'AWS::ECS::TaskDefinition', 'AWS::CloudWatch::Alarm']) {
      expect(byType(type).length, type).toBeGreaterThan(0);
      for (const x of byType(type)) expect(tagsOf(x), type).toEqual(LABELS);
    }
    // The target group's own tags come first; the service keeps the value its spec tag gives.
    const tg = byType('AWS::ElasticLoadBalancingV2::TargetGroup')[0]!;
    expect((tg.Properties.Tags as Obj[]).map((x) => x.Key)).toEqual(['codegen:service', 'codegen:role', 'app.kubernetes.io/part-of', 'team']);
    expect(tagsOf(byType('AWS::ECS::Service')[0]!)).toEqual({ team: 'ledger-owners', 'app.kubernetes.io/part-of': 'shop' });
    for (const type of ['AWS::ElasticLoadBalancingV2::ListenerRule', 'AWS::ApplicationAutoScaling::ScalableTarget', 'AWS::ApplicationAutoScaling::ScalingPolicy']) {
      for (const x of byType(type)) expect(x.Properties.Tags, type).toBeUndefined();
    }
    const td = JSON.parse(file(r, 'ecs/task-definition.json')) as Obj;
    expect(td.tags).toEqual([{ key: 'app.kubernetes.io/part-of', value: 'shop' }, { key: 'team', value: 'payments' }]);
  });

  it('leaves an empty label off an alarm, whose tag values must not be empty', () => {
    const r = compile(spec({ labels: { tier: '' }, autoscaling: { min: 1, max: 2, steps: [{ metric: 'cpu', comparison: '>', threshold: 80, steps: [{ from: 80, change: 1 }] }] } }));
    const t = parse(file(r, 'ecs/service.cfn.yaml')) as Obj;
    const alarm = Object.values(t.Resources as Obj).find((x: Obj) => x.Type === 'AWS::CloudWatch::Alarm') as Obj;
    expect(alarm.Properties.Tags).toBeUndefined();
    expect(tagsOf(t.Resources.TaskDefinition)).toEqual({ tier: '' });
  });

  it('tags the App Mesh template', () => {
    const r = compile(spec({}, { appmesh: { acknowledgeDeprecation: true, serviceDiscovery: { dns: { hostname: 'ledger.internal' } } } }));
    const t = parse(file(r, 'appmesh/mesh.cfn.yaml')) as Obj;
    const resources = Object.values(t.Resources as Obj) as Obj[];
    expect(resources.length).toBeGreaterThan(2);
    for (const x of resources) expect(tagsOf(x), x.Type).toEqual(LABELS);
  });

  it('says Copilot has no tags field instead of dropping the labels silently', () => {
    const r = compile(spec({}, { copilot: { acknowledgeDeprecation: true } }));
    const d = r.diagnostics.find((x) => x.code === 'COPILOT_LABELS_NOT_CARRIED');
    expect(d?.severity).toBe('warning');
    expect(d?.path).toEqual(['labels']);
  });

  it('the ECS importer reads them back as labels, from the template and from the task definition JSON', () => {
    const r = compile(spec({ expose: { path: '/' } }, { ecs: { service: { tags: { owner: 'ledger-team' } } } }));
    for (const f of ['ecs/service.cfn.yaml', 'ecs/task-definition.json']) {
      const imported = importSpec('ecs', [{ file: f, content: file(r, f) }]);
      const s = parse(imported.specs[0]!.text) as Obj;
      expect(s.labels, f).toEqual(LABELS);
      expect(imported.diagnostics.filter((d) => d.code === 'IMPORT_NOT_CARRIED').map((d) => d.message), f).toEqual([]);
      if (f.endsWith('.yaml')) expect(s.targets.ecs.service.tags).toEqual({ owner: 'ledger-team' });
    }
  });
});
