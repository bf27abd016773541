/**
 * CloudFormation's short-form intrinsics (`!Ref X`, `!Sub ...`, `!GetAtt A.B`, `!Join [...]`, ...)
 * as YAML tags, read into the long form (`{Ref: X}`, `{"Fn::Sub": ...}`) the importers
 * understand, so a template written with them is read as the references it holds, not as literals.
 * @see https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/intrinsic-function-reference.html
 */
import type { CollectionTag, ScalarTag, YAMLMap, YAMLSeq } from 'yaml';

/** Functions written `!Name` for `Fn::Name`. */
const FUNCTIONS = ['Base64', 'Cidr', 'FindInMap', 'GetAtt', 'GetAZs', 'ImportValue', 'Join', 'Select', 'Split', 'Sub', 'Transform', 'And', 'Equals', 'If', 'Not', 'Or', 'Contains', 'EachMemberEquals', 'ValueOf', 'Length', 'ToJsonString'];

function longForm(name: string, value: unknown): Record<string, unknown> {
  if (name === 'Ref' || name === 'Condition') return { [name]: value };
  // `!GetAtt Resource.Attribute` (the attribute may hold dots itself).
  if (name === 'GetAtt' && typeof value === 'string' && value.includes('.')) return { 'Fn::GetAtt': [value.slice(0, value.indexOf('.')), value.slice(value.indexOf('.') + 1)] };
  return { [`Fn::${name}`]: value };
}

function tagsFor(name: string): (ScalarTag | CollectionTag)[] {
  const tag = `!${name}`;
  const scalar: ScalarTag = { tag, resolve: (v: string) => longForm(name, v) as unknown as string };
  const collection = (kind: 'seq' | 'map'): CollectionTag =>
    ({ tag, collection: kind, resolve: (node: YAMLSeq | YAMLMap) => longForm(name, node.toJSON()) }) as unknown as CollectionTag;
  return [scalar, collection('seq'), collection('map')];
}

/** The tags to pass to the YAML parser (`customTags`). */
export const CLOUDFORMATION_TAGS: (ScalarTag | CollectionTag)[] = ['Ref', 'Condition', ...FUNCTIONS].flatMap(tagsFor);
