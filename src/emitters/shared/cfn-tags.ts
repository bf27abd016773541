/**
 * The spec's `labels` as AWS tags: `Tags: [{Key, Value}]` on every resource of a CloudFormation
 * template whose type takes them (the ECS service template and the App Mesh template), and
 * `tags: [{key, value}]` on the ECS task definition (RegisterTaskDefinition). A tag codegen or the
 * spec already sets on a resource (a target group's `codegen:*` tags, `targets.ecs.service.tags`)
 * keeps its value: a label of the same key is not added there.
 * @see https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-properties-resource-tags.html
 */
import type { Json, JsonObject } from '../../core/serialize.js';

/**
 * Resource types codegen writes whose `Tags` is a list of `{Key, Value}` (their CloudFormation
 * registry schemas; test/emitters/cfn-tags.test.ts checks the list against the bundled ones).
 * Listener rules, listeners, scalable targets, scaling policies, managed policies and CodeDeploy
 * deployment configs take no tags.
 */
export const TAGGABLE_TYPES: readonly string[] = [
  'AWS::AppMesh::GatewayRoute',
  'AWS::AppMesh::Mesh',
  'AWS::AppMesh::Route',
  'AWS::AppMesh::VirtualGateway',
  'AWS::AppMesh::VirtualNode',
  'AWS::AppMesh::VirtualRouter',
  'AWS::AppMesh::VirtualService',
  'AWS::CloudWatch::Alarm',
  'AWS::CodeDeploy::Application',
  'AWS::CodeDeploy::DeploymentGroup',
  'AWS::ECS::Service',
  'AWS::ECS::TaskDefinition',
  'AWS::ElasticLoadBalancingV2::TargetGroup',
  'AWS::IAM::Role',
  'AWS::Logs::LogGroup',
  'AWS::ServiceDiscovery::Service',
];

/** Types whose tag values must not be empty (`Value` minLength 1 in the registry schema). */
const VALUE_REQUIRED = new Set(['AWS::CloudWatch::Alarm']);

const sortedEntries = (labels: Readonly<Record<string, string>>): [string, string][] =>
  Object.entries(labels).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));

/** The labels as RegisterTaskDefinition `tags` (lower-case keys), or undefined when there are none. */
export function taskDefinitionTags(labels: Readonly<Record<string, string>>): JsonObject[] | undefined {
  const tags = sortedEntries(labels).map(([key, value]) => ({ key, value }));
  return tags.length ? tags : undefined;
}

/** Adds the labels to the `Tags` of every taggable resource of `template` (in place), after the tags it has. */
export function tagResources(template: JsonObject, labels: Readonly<Record<string, string>>): void {
  const entries = sortedEntries(labels);
  if (!entries.length) return;
  const resources = template.Resources;
  if (!resources || typeof resources !== 'object' || Array.isArray(resources)) return;
  for (const r of Object.values(resources as JsonObject)) {
    if (!r || typeof r !== 'object' || Array.isArray(r)) continue;
    const type = (r as JsonObject).Type;
    if (typeof type !== 'string' || !TAGGABLE_TYPES.includes(type)) continue;
    const props = ((r as JsonObject).Properties ??= {}) as JsonObject;
    const existing: Json[] = Array.isArray(props.Tags) ? props.Tags : [];
    const have = new Set(existing.map((t) => (t && typeof t === 'object' && !Array.isArray(t) ? String((t as JsonObject).Key) : '')));
    const added = entries.filter(([k, v]) => !have.has(k) && !(v === '' && VALUE_REQUIRED.has(type))).map(([Key, Value]) => ({ Key, Value }));
    if (added.length) props.Tags = [...existing, ...added];
  }
}
