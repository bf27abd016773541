/**
 * The spec's `labels` as AWS tags, shared by the CloudFormation targets. On what the ECS target writes: the task definition (`tags` in
 * task-definition.json, `Tags` in the template), the service (with `PropagateTags: SERVICE`, so its
 * tasks carry them too), and every taggable resource the service template creates (target groups,
 * log group, roles, CodeDeploy application and deployment group, task sets, step scaling alarms,
 * the Cloud Map service). Always, not opt-in:
 * the spec documents labels as "labels/tags on every generated resource", and Kubernetes gets them
 * on every object. `targets.ecs.service.tags` adds tags to the service alone. The App Mesh target
 * tags its mesh resources the same way.
 *
 * Tag rules (AWS::ECS::Service / TaskDefinition Tag, ELBv2 and IAM Tag schemas; "Tagging your
 * Amazon ECS resources"): a key of 1–128 and a value of 0–256 characters, letters, digits, spaces
 * and `_ . : / = + - @`; the `aws:` prefix is reserved; at most 50 tags per resource. A label that
 * breaks them is left off the ECS resources with a warning (it still labels the Kubernetes
 * objects); a service tag that breaks them, or more than 50, is an error.
 */
import type { Json, JsonObject } from '../../core/serialize.js';
import type { ServiceModel } from '../../model/types.js';
import type { DiagnosticInput } from '../../core/diagnostics.js';
import { asciiFirst } from '../../verify/ascii-pattern.js';

type Report = (d: DiagnosticInput) => void;

export const TAG_LIMITS = { key: 128, value: 256, perResource: 50 } as const;
/**
 * The characters a tag takes (letters, digits, separators and `_ . : / = + - @`): for ASCII text
 * its ASCII copy, the pattern with Unicode classes made only for other text (it costs a process
 * a fifth of a millisecond to make and as much again to compile: verify/ascii-pattern.ts).
 */
const TAG_CHARS = asciiFirst('^[\\p{L}\\p{Z}\\p{N}_.:/=+\\-@]*$')!;

/** Resource types codegen's templates create that take `Tags: [{Key, Value}]` (their registry schemas). */
export const TAGGABLE_TYPES: ReadonlySet<string> = new Set([
  'AWS::AppMesh::Mesh',
  'AWS::AppMesh::VirtualNode',
  'AWS::AppMesh::VirtualService',
  'AWS::AppMesh::VirtualRouter',
  'AWS::AppMesh::Route',
  'AWS::AppMesh::VirtualGateway',
  'AWS::AppMesh::GatewayRoute',
  'AWS::ECS::Service',
  'AWS::ECS::TaskDefinition',
  'AWS::ECS::TaskSet',
  'AWS::ElasticLoadBalancingV2::TargetGroup',
  'AWS::Logs::LogGroup',
  'AWS::IAM::Role',
  'AWS::CodeDeploy::Application',
  'AWS::CodeDeploy::DeploymentGroup',
  'AWS::CloudWatch::Alarm',
  'AWS::ServiceDiscovery::Service',
]);

/** Types whose tag values are 1–256 characters, not 0–256 (AWS::CloudWatch::Alarm Tag): an empty label value is left off them. */
export const NON_EMPTY_TAG_VALUE_TYPES: ReadonlySet<string> = new Set(['AWS::CloudWatch::Alarm']);

/** Why a key/value pair cannot be an AWS tag, or undefined when it can. */
export function tagProblem(key: string, value: string): string | undefined {
  if (key.length < 1 || key.length > TAG_LIMITS.key) return `a tag key is 1 to ${TAG_LIMITS.key} characters (this one has ${key.length})`;
  if (value.length > TAG_LIMITS.value) return `a tag value is at most ${TAG_LIMITS.value} characters (this one has ${value.length})`;
  if (/^aws:/i.test(key)) return 'the aws: prefix is reserved for AWS';
  if (!TAG_CHARS.test(key) || !TAG_CHARS.test(value)) return 'tags take letters, digits, spaces and _ . : / = + - @ only';
  return undefined;
}

export type Tags = [key: string, value: string][];

/** The labels that can be tags, sorted by key; the others are reported (naming the target) and left off. */
export function labelTags(m: ServiceModel, report: Report, target: 'ecs' | 'appmesh' = 'ecs'): Tags {
  const code = target === 'ecs' ? 'ECS' : 'APPMESH';
  const out: Tags = [];
  for (const key of Object.keys(m.labels).sort()) {
    const value = m.labels[key]!;
    const problem = tagProblem(key, value);
    if (problem) {
      report({ code: `${code}_LABEL_NOT_A_TAG`, severity: 'warning', message: `Label ${key} is not carried as a tag: ${problem} (target ${target}).`, path: m.origin(['labels', key]) });
    } else out.push([key, value]);
  }
  const emptyValues = out.filter(([, v]) => v === '').map(([k]) => k);
  if (target === 'ecs' && emptyValues.length && m.autoscaling?.steps.length) {
    report({ code: 'ECS_LABEL_NOT_ON_ALARMS', severity: 'info', message: `A CloudWatch alarm takes no empty tag value: label${emptyValues.length > 1 ? 's' : ''} ${emptyValues.join(', ')} tag${emptyValues.length > 1 ? '' : 's'} the other resources but not the step scaling alarms (target ecs).`, path: m.origin(['labels', emptyValues[0]!]) });
  }
  // ECS target groups carry codegen's own two tags (codegen:service, codegen:role) besides the labels.
  const room = TAG_LIMITS.perResource - (target === 'ecs' && m.expose ? 2 : 0);
  if (out.length > room) {
    report({ code: `${code}_TOO_MANY_TAGS`, severity: 'error', message: `A resource takes at most ${TAG_LIMITS.perResource} tags${room < TAG_LIMITS.perResource ? ' (two of a target group\'s are codegen\'s own)' : ''}; the labels give ${out.length} (target ${target}).`, path: m.origin(['labels']) });
  }
  return out;
}

/** The service's tags: the labels, then `targets.ecs.service.tags` (which wins on the same key). */
export function serviceTags(m: ServiceModel, labels: Tags, report: Report): Tags {
  const own = m.targets.ecs.service?.tags ?? {};
  const merged = new Map(labels);
  for (const key of Object.keys(own).sort()) {
    const problem = tagProblem(key, own[key]!);
    if (problem) report({ code: 'ECS_TAG_INVALID', severity: 'error', message: `Tag ${key} of the service: ${problem}.`, path: m.origin(['targets', 'ecs', 'service', 'tags', key]) });
    merged.set(key, own[key]!);
  }
  if (Object.keys(own).length && merged.size > TAG_LIMITS.perResource) {
    report({ code: 'ECS_TOO_MANY_TAGS', severity: 'error', message: `An ECS service takes at most ${TAG_LIMITS.perResource} tags; labels and targets.ecs.service.tags give ${merged.size}.`, path: m.origin(['targets', 'ecs', 'service', 'tags']) });
  }
  return [...merged].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
}

/** `[{Key, Value}]` (CloudFormation) or `[{key, value}]` (the ECS API). */
export function tagList(tags: Tags, casing: 'cloudformation' | 'api'): Json[] {
  return tags.map(([k, v]): JsonObject => (casing === 'api' ? { key: k, value: v } : { Key: k, Value: v }));
}

/** Adds the labels' tags to every taggable resource of a template, after the tags it has (a key it has already is kept). */
export function tagResources(template: JsonObject, tags: Tags): void {
  if (!tags.length) return;
  const resources = template.Resources as Record<string, JsonObject>;
  for (const r of Object.values(resources)) {
    const props = r.Properties as JsonObject | undefined;
    if (typeof r.Type !== 'string' || !TAGGABLE_TYPES.has(r.Type) || !props) continue;
    const own = Array.isArray(props.Tags) ? (props.Tags as JsonObject[]) : [];
    const has = new Set(own.map((t) => t.Key));
    const added = tags.filter(([k, v]) => !has.has(k) && (v !== '' || !NON_EMPTY_TAG_VALUE_TYPES.has(r.Type as string)));
    if (added.length) props.Tags = [...own, ...tagList(added, 'cloudformation')];
  }
}
