/**
 * Spec v1, assembled. `npm run gen:schema` writes it to `schema/service.schema.json` (shipped in
 * the package, usable from a `# yaml-language-server: $schema=...` modeline), generates the
 * TypeScript types from it and the standalone validator; `test/schema.test.ts` fails when any of
 * the three is stale, so types and schema cannot drift.
 */
import { coreDefs, coreProperties, ENV_NAME_PATTERN, NAME_PATTERN } from './core-schema.js';
import { PARAMETER_NAME_PATTERN, parameterSchema } from './parameters-schema.js';
import { arr, map, obj, overlay, ref, str, type JsonSchema } from './dsl.js';
import { patchesSchema } from './patch-schema.js';
import { withEditorHints } from './editor-hints.js';
import { appmeshTargetProperties } from './targets/appmesh.js';
import { copilotTargetProperties } from './targets/copilot.js';
import { ecsTargetProperties } from './targets/ecs.js';
import { kubernetesTargetProperties } from './targets/kubernetes.js';

export const SCHEMA_ID = 'https://codegen.dev/schema/service/v1.json';
export const API_VERSION = 'codegen/v1';

/** Target sections: the target's own fields plus an overlay of every core field. */
const overlaidCore = overlay(obj('', coreProperties)).properties as Record<string, JsonSchema>;
/** Each core field's overlay form is one definition, referenced from every target and environment. */
const overrideDefs: Record<string, JsonSchema> = Object.fromEntries(Object.entries(overlaidCore).map(([k, v]) => [`override_${k}`, v]));
const overrideRefs = (): Record<string, JsonSchema> =>
  Object.fromEntries(Object.entries(overlaidCore).map(([k, v]) => [k, ref(`override_${k}`, String(v.description ?? k))]));

function targetSection(description: string, own: Record<string, JsonSchema>): JsonSchema {
  const props: Record<string, JsonSchema> = overrideRefs();
  for (const [k, v] of Object.entries(own)) {
    // A target field must not shadow a core field: `targets.<t>.<core field>` always means an override.
    if (k in props) throw new Error(`target field "${k}" collides with the core field of the same name`);
    props[k] = v;
  }
  return obj(`${description} Any core field (image, health, replicas, ...) may be repeated here to override it for this target only.`, props);
}

const targetDefs: Record<string, JsonSchema> = {
  ecsTarget: targetSection('Amazon ECS: task definition JSON and the ECS service CloudFormation template.', ecsTargetProperties),
  kubernetesTarget: targetSection('Kubernetes manifests (EKS): Deployment, Service, Ingress or HTTPRoute, HPA, PDB, ServiceAccount.', kubernetesTargetProperties),
  appmeshTarget: targetSection('AWS App Mesh CloudFormation (legacy, discontinued 2026-09-30; successor: ECS Service Connect).', appmeshTargetProperties),
  copilotTarget: targetSection('AWS Copilot manifest (legacy, end of support 2026-06-12; successor: the ECS CloudFormation target).', copilotTargetProperties),
};

const targets = obj('Per-target settings. A target is generated when its section is present (and selected with `--target`). With no `targets`, the ECS and Kubernetes targets are generated.', {
  ecs: ref('ecsTarget', 'Amazon ECS: task definition JSON and the ECS service CloudFormation template.'),
  kubernetes: ref('kubernetesTarget', 'Kubernetes manifests (EKS).'),
  appmesh: ref('appmeshTarget', 'AWS App Mesh CloudFormation (legacy).'),
  copilot: ref('copilotTarget', 'AWS Copilot manifest (legacy).'),
});

const parametersDescription =
  'CloudFormation parameters (name → type, default, constraints) the spec uses as `${Name}` in the string fields that take them (image, region, logging, the ECS ARNs) or as `{ param: Name }` (replicas, autoscaling bounds, env values). The CloudFormation templates declare the ones they use; the other targets take the default. Names are alphanumeric; pseudo parameters (`AWS::Region`, `AWS::AccountId`, `AWS::StackName`, `AWS::Partition`, `AWS::URLSuffix`) need no declaration.';
const parameters = map(parametersDescription, ref('parameter', 'A parameter.'), PARAMETER_NAME_PATTERN);

const environmentOverlay = {
  ...overrideRefs(),
  targets: overlay(targets),
  parameters: overlay(parameters),
};

export function buildServiceSchema(): JsonSchema {
  const defs: Record<string, JsonSchema> = {};
  for (const [name, def] of Object.entries({ ...coreDefs, parameter: parameterSchema, ...targetDefs })) {
    defs[name] = def;
    defs[`${name}Overlay`] = overlay(def);
  }
  Object.assign(defs, overrideDefs);
  return withEditorHints(structuredClone({
    $schema: 'http://json-schema.org/draft-07/schema#',
    $id: SCHEMA_ID,
    title: 'codegen service spec v1',
    description: 'One service, compiled by codegen into ECS, CloudFormation, Kubernetes, App Mesh and Copilot artifacts.',
    type: 'object',
    additionalProperties: false,
    required: ['apiVersion', 'name', 'image'],
    properties: {
      $schema: str('JSON Schema reference for editors; ignored by codegen.'),
      apiVersion: { type: 'string', const: API_VERSION, description: `Spec version; must be \`${API_VERSION}\`.` },
      kind: { type: 'string', const: 'Service', description: 'Spec kind; `Service` (the default).' },
      ...coreProperties,
      targets,
      parameters,
      suppress: arr(
        'Rules switched off for this spec, each with a written reason (`codegen validate` reports entries that suppress nothing). Core errors cannot be suppressed.',
        obj('One suppression.', {
          rule: str('Rule id, e.g. `no-mutable-image-tag`.', { pattern: '^[a-z0-9]+(-[a-z0-9]+)*(/[a-z0-9]+(-[a-z0-9]+)*)?$' }),
          path: str('Only diagnostics at or under this spec path (dotted, as printed in diagnostics, e.g. `health.liveness`). Default: the whole spec.', { minLength: 1 }),
          reason: str('Why the rule does not apply here (kept in SARIF output as the justification).', { minLength: 1, pattern: '\\S' }),
        }, ['rule', 'reason']),
      ),
      environments: map(
        'Named overlays merged over the base spec with `--env NAME`: maps merge, lists replace, `null` removes a value (RFC 7386).',
        obj('Overrides for one environment.', environmentOverlay),
        NAME_PATTERN,
      ),
      patches: patchesSchema,
    },
    $defs: defs,
  }));
}

export { ENV_NAME_PATTERN, NAME_PATTERN };
