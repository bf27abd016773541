/**
 * The spec's CloudFormation references (`env.<NAME>.ref.cloudformation`, an `Fn::Sub` string)
 * checked against the names the generated template declares (`referenceableNames`): a `${Name}`
 * the template does not declare is an error at compile time, with the names it may use and a
 * did-you-mean, so no template CloudFormation would reject is written.
 */
import { didYouMean } from '../../core/diagnostics.js';
import type { JsonObject } from '../../core/serialize.js';
import type { ServiceModel } from '../../model/types.js';
import { resourceAttributes } from '../../verify/cfn-schemas.js';
import { referenceableNames, type TemplateName } from '../common/cfn.js';
import type { Report } from './service-common.js';

/** Parameters the template declares only without a platform: with one, it imports the export instead. */
const PLATFORM_REPLACES: Record<string, string> = {
  ECSCluster: 'ClusterName',
  Subnets: 'PrivateSubnets',
  SecurityGroups: 'ServiceSecurityGroup',
  VpcId: 'VpcId',
  ALBListener: 'ProdListenerArn',
  TestListener: 'TestListenerArn',
};

/** `${Name}` / `${Name.Attribute}` variables of an Fn::Sub string, or the reason it cannot be read. */
export function subVariablesOf(text: string): { names: string[] } | { error: string } {
  const names: string[] = [];
  let i = 0;
  for (;;) {
    const open = text.indexOf('${', i);
    if (open < 0) return { names };
    const close = text.indexOf('}', open + 2);
    if (close < 0) return { error: `"\${" at character ${open + 1} is never closed with "}"` };
    const inner = text.slice(open + 2, close);
    if (!inner.startsWith('!')) {
      if (inner.trim() === '') return { error: `"\${}" at character ${open + 1} names nothing` };
      names.push(inner.trim());
    }
    i = close + 1;
  }
}

function listNames(names: readonly TemplateName[]): string {
  const group = (kind: TemplateName['kind'], label: string) => {
    const of = names.filter((n) => n.kind === kind).map((n) => n.name);
    return of.length ? `${label} ${of.join(', ')}` : undefined;
  };
  return [group('parameter', 'parameters'), group('resource', 'resources'), group('pseudo parameter', 'pseudo parameters')].filter(Boolean).join('; ');
}

/** Attributes `Fn::GetAtt` (and `${Resource.Attribute}`) may read from a type, when its schema is bundled. */
function attributesOf(type: string | undefined): readonly string[] | undefined {
  return type ? resourceAttributes(type)?.readOnly : undefined;
}

export function checkTemplateReferences(template: JsonObject, m: ServiceModel, report: Report): void {
  let names: TemplateName[] | undefined;
  for (const c of m.containers) {
    for (const e of c.env) {
      if (e.value.kind !== 'ref' || e.value.cloudformation === undefined) continue;
      const path = [...e.path, 'ref', 'cloudformation'];
      const parsed = subVariablesOf(e.value.cloudformation);
      if ('error' in parsed) {
        report({ code: 'CFN_REF_SYNTAX', severity: 'error', message: `This Fn::Sub string cannot be read: ${parsed.error}.`, hint: 'write ${Name} or ${Resource.Attribute}; ${!Text} writes ${Text} literally', path });
        continue;
      }
      // AWS::NoValue (Ref only) and AWS::NotificationARNs (a list) are no text for Fn::Sub.
      // The spec's declared parameters count too: the template declares the ones a reference uses
      // when the parameter tokens are resolved, after this check (emitters/common/parameters.ts).
      names ??= [
        ...referenceableNames(template).filter((n) => n.name !== 'AWS::NoValue' && n.name !== 'AWS::NotificationARNs'),
        ...m.parameters.declared.filter((p) => !isDeclared(template, p.name)).map((p): TemplateName => ({ name: p.name, kind: 'parameter' })),
      ];
      const byName = new Map(names.map((n) => [n.name, n]));
      for (const v of parsed.names) {
        const dot = v.indexOf('.');
        const base = dot > 0 ? v.slice(0, dot) : v;
        const known = byName.get(v) ?? byName.get(base);
        if (known && (known.name === v || known.kind === 'resource')) {
          if (known.name !== v) {
            const attribute = v.slice(dot + 1);
            const attributes = attributesOf(known.type);
            if (attributes && !attributes.includes(attribute)) {
              const s = didYouMean(attribute, attributes);
              report({
                code: 'CFN_REF_UNKNOWN_ATTRIBUTE',
                severity: 'error',
                message: `\${${v}} reads the attribute ${attribute} of ${base} (${known.type}), which has ${attributes.length ? `only ${attributes.join(', ')}` : 'no attributes'}.`,
                ...(s ? { hint: `did you mean \${${base}.${s}}?` } : {}),
                path,
              });
            }
          }
          continue;
        }
        const replaced = m.platform && Object.hasOwn(PLATFORM_REPLACES, base) ? PLATFORM_REPLACES[base] : undefined;
        const s = didYouMean(base, names.map((n) => n.name));
        report({
          code: 'CFN_REF_UNKNOWN_NAME',
          severity: 'error',
          message: `\${${v}} names nothing in the CloudFormation template; a reference may use ${listNames(names)}.`,
          ...(replaced
            ? { hint: `with the platform ${m.platform!.name}, the template imports ${m.platform!.name}-${replaced} instead of declaring ${base}, and Fn::Sub cannot name an import` }
            : s
              ? { hint: `did you mean \${${s}}?` }
              : {}),
          path,
        });
      }
    }
  }
}

function isDeclared(template: JsonObject, name: string): boolean {
  const params = template.Parameters;
  return typeof params === 'object' && params !== null && !Array.isArray(params) && Object.hasOwn(params, name);
}
