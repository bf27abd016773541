/**
 * Names must be valid on every selected target, which disagree: Kubernetes Services need DNS-1035
 * labels, label keys and values have their own 63-character syntax, ALB target group names stop at
 * 32 characters, ECS service names allow letters, digits, `_` and `-` up to 255, CodeDeploy names
 * stop at 100, Copilot refuses consecutive hyphens, App Mesh names stop at 255.
 */
import type { SpecPath } from '../core/diagnostics.js';
import { createRule } from './create-rule.js';

export type MessageIds = 'tooLong' | 'badFormat';
export interface Options {
  /** Suffix the ECS target adds to the service name for its target groups (default `-green`, the longest). */
  targetGroupSuffix?: string;
}

const DNS1035 = /^[a-z]([-a-z0-9]*[a-z0-9])?$/;
const LABEL_NAME = /^([A-Za-z0-9]([-A-Za-z0-9_.]*[A-Za-z0-9])?)?$/;
const DNS1123_SUBDOMAIN = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;
const ECS_SERVICE = /^[A-Za-z0-9_-]+$/;
const TARGET_GROUP = /^[A-Za-z0-9]([-A-Za-z0-9]*[A-Za-z0-9])?$/;

export default createRule<MessageIds, Options>({
  id: 'valid-names',
  meta: {
    type: 'problem',
    docs: { description: 'Require names that every selected target accepts (DNS-1035/1123, label syntax, ALB 32-character target groups, ECS, CodeDeploy, Copilot, App Mesh limits).', recommended: true },
    defaultSeverity: 'error',
    messages: {
      tooLong: '{{what}} "{{value}}" is {{length}} characters; {{platform}} allows at most {{max}}.',
      badFormat: '{{what}} "{{value}}" is not valid for {{platform}}: {{rule}}.',
    },
    schema: { type: 'object', additionalProperties: false, properties: { targetGroupSuffix: { type: 'string', description: 'Target group name suffix.' } } },
    defaultOptions: { targetGroupSuffix: '-green' },
  },
  check(ctx) {
    for (const target of ctx.targets) {
      const spec = ctx.view(target);
      const long = (what: string, value: string, max: number, platform: string, path: SpecPath) => {
        if (value.length > max) ctx.report({ messageId: 'tooLong', path, target, data: { what, value, length: value.length, max, platform } });
        return value.length > max;
      };
      const format = (what: string, value: string, re: RegExp, rule: string, platform: string, path: SpecPath) => {
        if (!re.test(value)) ctx.report({ messageId: 'badFormat', path, target, data: { what, value, platform, rule } });
      };
      if (target === 'ecs') {
        const svc = spec.targets?.ecs?.service?.name;
        if (svc !== undefined && !long('ECS service name', svc, 255, 'ECS', ['targets', 'ecs', 'service', 'name'])) {
          format('ECS service name', svc, ECS_SERVICE, 'letters, digits, underscores and hyphens only', 'ECS', ['targets', 'ecs', 'service', 'name']);
        }
        const cd = spec.targets?.ecs?.codeDeploy;
        if (cd?.applicationName !== undefined) long('CodeDeploy application name', cd.applicationName, 100, 'CodeDeploy', ['targets', 'ecs', 'codeDeploy', 'applicationName']);
        if (cd?.deploymentGroupName !== undefined) long('CodeDeploy deployment group name', cd.deploymentGroupName, 100, 'CodeDeploy', ['targets', 'ecs', 'codeDeploy', 'deploymentGroupName']);
        if (spec.expose) {
          const tg = `${spec.name}${ctx.options.targetGroupSuffix ?? ''}`;
          if (!long('Target group name', tg, 32, 'an ALB target group', ['name'])) format('Target group name', tg, TARGET_GROUP, 'letters, digits and hyphens, not starting or ending with a hyphen', 'an ALB target group', ['name']);
        }
      }
      if (target === 'kubernetes') {
        const svc = spec.targets?.kubernetes?.service?.name ?? spec.name;
        const at: SpecPath = spec.targets?.kubernetes?.service?.name !== undefined ? ['targets', 'kubernetes', 'service', 'name'] : ['name'];
        format('Service name', svc, DNS1035, 'a DNS-1035 label starts with a lowercase letter', 'a Kubernetes Service', at);
        for (const [key, value] of Object.entries(spec.labels ?? {})) {
          const slash = key.lastIndexOf('/');
          const prefix = slash >= 0 ? key.slice(0, slash) : undefined;
          const name = key.slice(slash + 1);
          if (prefix !== undefined && (prefix.length > 253 || !DNS1123_SUBDOMAIN.test(prefix))) format('Label key prefix', prefix, /^$/, 'a DNS-1123 subdomain of at most 253 characters', 'Kubernetes labels', ['labels', key]);
          if (!long('Label key', name, 63, 'Kubernetes', ['labels', key]) && (name === '' || !LABEL_NAME.test(name))) {
            format('Label key', name, /^$/, 'alphanumerics, `-`, `_` and `.`, starting and ending alphanumeric', 'Kubernetes labels', ['labels', key]);
          }
          if (!long('Label value', value, 63, 'Kubernetes', ['labels', key])) format('Label value', value, LABEL_NAME, 'alphanumerics, `-`, `_` and `.`, starting and ending alphanumeric', 'Kubernetes labels', ['labels', key]);
        }
      }
      if (target === 'copilot') format('Service name', spec.name, /^(?!.*--)[a-z][a-z0-9-]*[a-z0-9]$/, 'start with a letter, at least 2 characters, no consecutive hyphens', 'Copilot', ['name']);
      if (target === 'appmesh') {
        const am = spec.targets?.appmesh ?? {};
        for (const k of ['meshName', 'virtualNodeName', 'virtualRouterName', 'routeName'] as const) {
          const v = am[k];
          if (v !== undefined) long(`App Mesh ${k}`, v, 255, 'App Mesh', ['targets', 'appmesh', k]);
        }
      }
    }
  },
});
