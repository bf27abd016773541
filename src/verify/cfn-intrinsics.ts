/** CloudFormation intrinsic functions in long form: `{Ref: X}`, `{'Fn::GetAtt': [...]}`, ... */
import { isObject } from './report.js';

export const PSEUDO_PARAMETERS: ReadonlySet<string> = new Set([
  'AWS::AccountId',
  'AWS::NotificationARNs',
  'AWS::NoValue',
  'AWS::Partition',
  'AWS::Region',
  'AWS::StackId',
  'AWS::StackName',
  'AWS::URLSuffix',
]);

/** A one-key object whose key is `Ref` or `Fn::*` (its keys counted without making an array of them). */
export function isIntrinsic(v: unknown): v is Record<string, unknown> {
  if (!isObject(v)) return false;
  let key: string | undefined;
  for (const k in v) {
    if (!Object.hasOwn(v, k)) continue;
    if (key !== undefined) return false;
    key = k;
  }
  return key !== undefined && (key === 'Ref' || key.startsWith('Fn::'));
}

/** The `${Name}` / `${Name.Attr}` variables of a Fn::Sub string (`${!Literal}` is skipped). */
export function subVariables(text: string): string[] {
  const out: string[] = [];
  for (const m of text.matchAll(/\$\{([^}]*)\}/g)) {
    const name = m[1]!.trim();
    if (!name.startsWith('!')) out.push(name);
  }
  return out;
}

/** `Fn::If` with an `AWS::NoValue` branch: the property may be absent when deployed. */
export function maybeNoValue(v: unknown): boolean {
  if (!isObject(v) || !Array.isArray(v['Fn::If'])) return false;
  return (v['Fn::If'] as unknown[]).slice(1).some((b) => isObject(b) && b.Ref === 'AWS::NoValue');
}
