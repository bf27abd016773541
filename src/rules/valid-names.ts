/**
 * Names must be valid on every selected target, which disagree: Kubernetes Services need DNS-1035
 * labels and containers DNS-1123 labels, label keys and values have their own 63-character syntax,
 * ALB target group names stop at 32 characters, ECS service names allow letters, digits, `_` and
 * `-` up to 255 (container names too, which the schema checks), CodeDeploy names stop at 100,
 * Copilot refuses consecutive hyphens, App Mesh names stop at 255. Every message states the rule.
 */
import type { SpecPath } from '../core/diagnostics.js';
import { withDefaults } from '../model/normalize/parameters.js';
import { createRule } from './create-rule.js';

export type MessageIds = 'tooLong' | 'badFormat';
export interface Options {
  /** Suffix the ECS target adds to the service name for its target groups (default `-green`, the longest). */
  targetGroupSuffix?: string;
}

/** One naming rule of one platform: a length limit and/or a syntax, and the rule in words. */
interface NameRule {
  platform: string;
  max?: number;
  re?: RegExp;
  rule: string;
}

const DNS1035: NameRule = { platform: 'a Kubernetes Service', max: 63, re: /^[a-z]([-a-z0-9]*[a-z0-9])?$/, rule: 'a DNS-1035 label: lowercase letters, digits and hyphens, starting with a letter, not ending with a hyphen, at most 63 characters' };
const K8S_CONTAINER: NameRule = { platform: 'a Kubernetes container', max: 63, re: /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/, rule: 'a DNS-1123 label: lowercase letters, digits and hyphens, starting and ending with a letter or digit, at most 63 characters' };
const LABEL: NameRule = { platform: 'Kubernetes labels', max: 63, re: /^([A-Za-z0-9]([-A-Za-z0-9_.]*[A-Za-z0-9])?)?$/, rule: 'at most 63 letters, digits, `-`, `_` and `.`, starting and ending with a letter or digit' };
const LABEL_KEY: NameRule = { ...LABEL, re: /^[A-Za-z0-9]([-A-Za-z0-9_.]*[A-Za-z0-9])?$/, rule: `a name of ${LABEL.rule} (after an optional DNS-subdomain prefix and \`/\`)` };
const LABEL_PREFIX: NameRule = { platform: 'Kubernetes labels', max: 253, re: /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/, rule: 'a DNS-1123 subdomain: dot-separated lowercase labels of letters, digits and hyphens, at most 253 characters' };
const ECS_SERVICE: NameRule = { platform: 'ECS', max: 255, re: /^[A-Za-z0-9_-]+$/, rule: 'letters, digits, underscores and hyphens, at most 255 characters' };
const TARGET_GROUP: NameRule = { platform: 'an ALB target group', max: 32, re: /^[A-Za-z0-9]([-A-Za-z0-9]*[A-Za-z0-9])?$/, rule: 'letters, digits and hyphens, not starting or ending with a hyphen, at most 32 characters' };
const CODEDEPLOY: NameRule = { platform: 'CodeDeploy', max: 100, rule: 'at most 100 characters' };
const COPILOT: NameRule = { platform: 'Copilot', re: /^(?!.*--)[a-z][a-z0-9-]*[a-z0-9]$/, rule: 'lowercase letters, digits and hyphens, starting with a letter, at least 2 characters, no consecutive hyphens' };
const APPMESH: NameRule = { platform: 'App Mesh', max: 255, rule: 'at most 255 characters' };

export default createRule<MessageIds, Options>({
  id: 'valid-names',
  meta: {
    type: 'problem',
    docs: { description: 'Require names that every selected target accepts (DNS-1035/1123, label syntax, ALB 32-character target groups, ECS, CodeDeploy, Copilot, App Mesh limits).', recommended: true },
    defaultSeverity: 'error',
    messages: {
      tooLong: '{{what}} "{{value}}" is {{length}} characters; {{platform}} allows at most {{max}}: {{rule}}.',
      badFormat: '{{what}} "{{value}}" is not valid for {{platform}}: {{rule}}.',
    },
    schema: { type: 'object', additionalProperties: false, properties: { targetGroupSuffix: { type: 'string', description: 'Target group name suffix.' } } },
    defaultOptions: { targetGroupSuffix: '-green' },
  },
  check(ctx) {
    for (const target of ctx.targets) {
      const spec = ctx.view(target);
      const check = (what: string, value: string, r: NameRule, path: SpecPath, hint?: string) => {
        const extra = hint ? { hint } : {};
        if (r.max !== undefined && value.length > r.max) {
          ctx.report({ messageId: 'tooLong', path, target, data: { what, value, length: value.length, max: r.max, platform: r.platform, rule: r.rule }, ...extra });
        } else if (r.re && !r.re.test(value)) {
          ctx.report({ messageId: 'badFormat', path, target, data: { what, value, platform: r.platform, rule: r.rule }, ...extra });
        }
      };
      if (target === 'ecs') {
        const svc = spec.targets?.ecs?.service?.name;
        // A name built from parameters is judged as it deploys by default; without a default, at deploy time.
        const svcName = svc === undefined ? undefined : withDefaults(spec, svc);
        if (svcName !== undefined && !svcName.includes('${')) check('ECS service name', svcName, ECS_SERVICE, ['targets', 'ecs', 'service', 'name']);
        const cd = spec.targets?.ecs?.codeDeploy;
        if (cd?.applicationName !== undefined) check('CodeDeploy application name', cd.applicationName, CODEDEPLOY, ['targets', 'ecs', 'codeDeploy', 'applicationName']);
        if (cd?.deploymentGroupName !== undefined) check('CodeDeploy deployment group name', cd.deploymentGroupName, CODEDEPLOY, ['targets', 'ecs', 'codeDeploy', 'deploymentGroupName']);
        if (spec.expose) check('Target group name', `${spec.name}${ctx.options.targetGroupSuffix ?? ''}`, TARGET_GROUP, ['name']);
      }
      if (target === 'kubernetes') {
        const svc = spec.targets?.kubernetes?.service?.name ?? spec.name;
        const at: SpecPath = spec.targets?.kubernetes?.service?.name !== undefined ? ['targets', 'kubernetes', 'service', 'name'] : ['name'];
        check('Service name', svc, DNS1035, at);
        // ECS container names (letters, digits, `_`, `-`, up to 255) are wider than Kubernetes's.
        // A name from a parameter deploys as its default there (none: the emitter reports it).
        const container = withDefaults(spec, spec.containerName ?? 'app');
        if (!container.includes('${')) check('Container name', container, K8S_CONTAINER, ['containerName'], 'give the kubernetes target its own name with targets.kubernetes.containerName');
        for (const name of Object.keys(spec.sidecars ?? {})) {
          check('Container name', name, K8S_CONTAINER, ['sidecars', name], `under targets.kubernetes.sidecars, set ${name}: null and define the sidecar again under a valid name`);
        }
        const labelMaps: [SpecPath, Record<string, string> | undefined][] = [[['labels'], spec.labels], [['targets', 'kubernetes', 'selector'], spec.targets?.kubernetes?.selector]];
        for (const [at, labels] of labelMaps) {
          for (const [key, value] of Object.entries(labels ?? {})) {
            const slash = key.lastIndexOf('/');
            if (slash >= 0) check('Label key prefix', key.slice(0, slash), LABEL_PREFIX, [...at, key]);
            check('Label key', key.slice(slash + 1), LABEL_KEY, [...at, key]);
            check('Label value', value, LABEL, [...at, key]);
          }
        }
      }
      if (target === 'copilot') check('Service name', spec.name, COPILOT, ['name']);
      if (target === 'appmesh') {
        const am = spec.targets?.appmesh ?? {};
        for (const k of ['meshName', 'virtualNodeName', 'virtualRouterName', 'routeName'] as const) {
          const v = am[k];
          if (v !== undefined) check(`App Mesh ${k}`, v, APPMESH, ['targets', 'appmesh', k]);
        }
      }
    }
  },
});
