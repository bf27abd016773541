/**
 * Labels as AWS tags. Limits from the CloudFormation registry schemas of AWS::ECS::Service /
 * TaskDefinition / ELBv2 TargetGroup (Tag Key 1–128, Value 0–256, letters, digits, spaces and
 * `_ . : / = + - @`; at most 50 per resource) and "Tagging your Amazon ECS resources" (the aws:
 * prefix is reserved). Copilot's LB/Backend/Worker manifests have no tags field (only the
 * Request-Driven Web Service has one); `copilot svc deploy --resource-tags` tags at deploy time.
 */
import { describe, expect, it } from 'vitest';
import { compile } from '../../src/compile/compile.js';

const base = {
  apiVersion: 'codegen/v1',
  name: 'svc',
  region: 'eu-west-1',
  image: 'public.ecr.aws/nginx/nginx:1.27.3',
  ports: [{ port: 8080 }],
  expose: { public: true },
  labels: { team: 'payments', 'app.kubernetes.io/part-of': 'shop' },
};
type Resource = { Type: string; Properties: Record<string, unknown> };
const TAGS = [{ Key: 'app.kubernetes.io/part-of', Value: 'shop' }, { Key: 'team', Value: 'payments' }];

function build(spec: Record<string, unknown>, targets = ['ecs']) {
  const r = compile({ ...base, ...spec }, { targets });
  const doc = (emitter: string) => r.artifacts.find((a) => a.emitter === emitter)?.documents?.[0] as Record<string, unknown> | undefined;
  const template = doc('ecs:service') as { Resources: Record<string, Resource> } | undefined;
  return { r, template, doc, codes: r.diagnostics.map((d) => d.code) };
}

describe('labels on the ECS target', () => {
  it('tag the step scaling alarms (AWS::CloudWatch::Alarm Tag: Value 1–256, so an empty label value is left off them, with an info) and the Cloud Map service', () => {
    const steps = [{ name: 'busy', metric: 'cpu', comparison: '>=', threshold: 80, steps: [{ change: 1 }] }];
    const { template, r } = build({
      labels: { team: 'payments', 'app.kubernetes.io/part-of': 'shop', scratch: '' },
      autoscaling: { min: 1, max: 4, steps },
      targets: { ecs: { service: { serviceDiscovery: { namespaceId: 'ns-abcdef0123456789' } } } },
    });
    expect(r.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    const res = template!.Resources;
    expect(res.StepBusyAlarm?.Properties.Tags).toEqual(TAGS);
    expect(res.ServiceDiscoveryService?.Properties.Tags).toEqual([TAGS[0], { Key: 'scratch', Value: '' }, TAGS[1]]);
    expect(res.ECSService?.Properties.Tags).toContainEqual({ Key: 'scratch', Value: '' });
    expect(r.diagnostics.filter((d) => d.code === 'ECS_LABEL_NOT_ON_ALARMS').map((d) => d.path.join('.'))).toEqual(['labels.scratch']);
  });

  it('tag the service (propagated to its tasks), the task definition and every taggable resource the template creates', () => {
    const { template, doc, r } = build({ tracing: { xray: true } });
    expect(r.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    const res = template!.Resources;
    expect(res.ECSService?.Properties.PropagateTags).toBe('SERVICE');
    expect(res.ECSService?.Properties.Tags).toEqual(TAGS);
    for (const id of ['TaskDefinition', 'LogGroup', 'ExecutionRole', 'TaskRole']) expect(res[id]?.Properties.Tags, id).toEqual(TAGS);
    expect(res.TargetGroup?.Properties.Tags).toEqual([{ Key: 'codegen:service', Value: 'svc' }, { Key: 'codegen:role', Value: 'primary' }, ...TAGS]);
    expect(res.ListenerRule?.Properties.Tags).toBeUndefined();
    expect(doc('ecs:task-definition')?.tags).toEqual([{ key: 'app.kubernetes.io/part-of', value: 'shop' }, { key: 'team', value: 'payments' }]);
  });

  it('adds targets.ecs.service.tags to the service alone, winning on the same key', () => {
    const { template } = build({ targets: { ecs: { service: { tags: { team: 'core', CostCenter: '42' } } } } });
    expect(template!.Resources.ECSService?.Properties.Tags).toEqual([{ Key: 'CostCenter', Value: '42' }, TAGS[0], { Key: 'team', Value: 'core' }]);
    expect(template!.Resources.TaskDefinition?.Properties.Tags).toEqual(TAGS);
  });

  it('leaves off a label that cannot be a tag, with a warning naming the target', () => {
    const { r, template } = build({ labels: { team: 'payments', notes: 'a,b' } });
    const d = r.diagnostics.find((x) => x.code === 'ECS_LABEL_NOT_A_TAG');
    expect(d?.severity).toBe('warning');
    expect(d?.message).toContain('(target ecs)');
    expect(d?.path).toEqual(['labels', 'notes']);
    expect(template!.Resources.TaskDefinition?.Properties.Tags).toEqual([{ Key: 'team', Value: 'payments' }]);
    expect(build({ labels: { team: 'x'.repeat(257) } }).codes).toContain('ECS_LABEL_NOT_A_TAG');
  });

  it('refuses a service tag CloudFormation would reject, and more tags than a resource holds', () => {
    expect(build({ targets: { ecs: { service: { tags: { 'aws:owner': 'me' } } } } }).r.diagnostics.find((d) => d.code === 'ECS_TAG_INVALID')?.severity).toBe('error');
    const many = Object.fromEntries(Array.from({ length: 49 }, (_, i) => [`k${i}`, 'v']));
    expect(build({ labels: many }).codes).toContain('ECS_TOO_MANY_TAGS');
    expect(build({ labels: many, expose: undefined, ports: [] }).codes).not.toContain('ECS_TOO_MANY_TAGS');
  });
});

describe('labels on the legacy targets', () => {
  it('tag the App Mesh resources', () => {
    const r = compile({ ...base, targets: { appmesh: { acknowledgeDeprecation: true, serviceDiscovery: { dns: { hostname: 'svc.shop.local' } } } } }, { targets: ['appmesh'] });
    const t = r.artifacts.find((a) => a.emitter === 'appmesh:cfn')?.documents?.[0] as { Resources: Record<string, Resource> } | undefined;
    const nodes = Object.values(t?.Resources ?? {}).filter((x) => x.Type === 'AWS::AppMesh::VirtualNode');
    expect(nodes.length).toBeGreaterThan(0);
    for (const n of nodes) expect(n.Properties.Tags).toEqual(TAGS);
  });

  it('are a warning on Copilot, with the deploy-time flag that carries them', () => {
    const r = compile({ ...base, targets: { copilot: { acknowledgeDeprecation: true } } }, { targets: ['copilot'] });
    const d = r.diagnostics.find((x) => x.code === 'COPILOT_LABELS');
    expect(d?.severity).toBe('warning');
    expect(d?.hint).toBe('deploy with copilot svc deploy --resource-tags app.kubernetes.io/part-of=shop,team=payments');
  });
});

describe('the tag character check', () => {
  // tagProblem() tests ASCII text with an ASCII copy of the pattern (verify/ascii-pattern.ts) and
  // makes the Unicode one for other text only: both must answer as the Unicode pattern does.
  it('accepts exactly what the Unicode pattern accepts, for every ASCII character and for letters, digits and separators beyond it', async () => {
    const { tagProblem } = await import('../../src/emitters/common/tags.js');
    const pattern = /^[\p{L}\p{Z}\p{N}_.:/=+\-@]*$/u;
    const texts = [
      ...Array.from({ length: 128 }, (_, c) => `k${String.fromCharCode(c)}v`),
      'é', 'Ünïcödé', '日本語', 'a\u00a0b', 'a\u2028b', 'a\u3000b', '٣', 'Ⅻ', '😀', 'a\u200bb', 'a\u00adb', 'tab\there', 'ok: a/b=c+d-e@f_g.h',
    ];
    let accepted = 0;
    for (const t of texts) {
      const ok = tagProblem(t, t) === undefined;
      expect(ok, JSON.stringify(t)).toBe(pattern.test(t));
      if (ok) accepted++;
    }
    // Both answers occur, for ASCII and other text.
    expect(accepted).toBeGreaterThan(60);
    expect(accepted).toBeLessThan(texts.length - 40);
    expect(tagProblem('日本語', 'x')).toBeUndefined();
    expect(tagProblem('a😀', 'x')).toBeDefined();
  });
});
