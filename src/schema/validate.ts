/**
 * Schema validation with the ajv standalone validator generated at build time (no schema compile
 * at start-up). ajv errors become diagnostics: `instancePath` → spec path, unknown keys point at
 * the key with a did-you-mean, `oneOf`/`anyOf` noise is collapsed to the most useful message.
 */
import { didYouMean, type Diagnostic, type SpecPath } from '../core/diagnostics.js';
import { findSecretFormat, isSecretPath } from '../core/secrets.js';
import { patternRule } from './pattern-rules.js';
// @ts-ignore -- generated JavaScript without declarations
import { serviceSchemaText } from './schema-text.generated.js';
// @ts-ignore -- generated JavaScript without declarations
import validateGenerated from './validate.generated.js';

type SchemaNode = { description?: string; properties?: Record<string, unknown>; [k: string]: unknown };
/**
 * The schema itself is needed only to word errors (descriptions, known keys), so it ships as a
 * string and is parsed on the first invalid spec: a valid spec never pays for it.
 */
let serviceSchema: SchemaNode | undefined;
const SCHEMA = (): SchemaNode => (serviceSchema ??= JSON.parse(serviceSchemaText() as string) as SchemaNode);

function deref(root: SchemaNode, node: SchemaNode | undefined): SchemaNode | undefined {
  let cur = node;
  for (let i = 0; cur && typeof cur.$ref === 'string' && i < 8; i++) {
    let next: unknown = root;
    for (const seg of (cur.$ref as string).replace(/^#\//, '').split('/')) next = (next as Record<string, unknown> | undefined)?.[seg];
    cur = next as SchemaNode | undefined;
  }
  return cur;
}

/** Walk the schema along an instance path. Returns the (dereferenced) schema and its most specific description. */
function schemaFor(root: SchemaNode, path: SpecPath): { node?: SchemaNode; description?: string } {
  let node: SchemaNode | undefined = root;
  let description = node.description;
  for (const seg of path) {
    const here: SchemaNode | undefined = deref(root, node);
    if (!here) return {};
    const candidates: SchemaNode[] = [here, ...(((here.anyOf ?? here.oneOf) as SchemaNode[] | undefined) ?? []).map((b) => deref(root, b)!).filter(Boolean)];
    let next: SchemaNode | undefined;
    for (const c of candidates) {
      const props = c.properties as Record<string, SchemaNode> | undefined;
      if (typeof seg === 'string' && props && Object.hasOwn(props, seg)) next = props[seg];
      else if (typeof seg === 'string' && c.additionalProperties && typeof c.additionalProperties === 'object') next = c.additionalProperties as SchemaNode;
      else if (typeof seg === 'number' && c.items) next = c.items as SchemaNode;
      if (next) break;
    }
    if (!next) return {};
    node = next;
    description = next.description ?? deref(root, next)?.description;
  }
  return { node: deref(root, node), ...(description ? { description } : {}) };
}

interface AjvError {
  keyword: string;
  instancePath: string;
  schemaPath: string;
  params: Record<string, unknown>;
  message?: string;
}

type ValidateFn = ((data: unknown) => boolean) & { errors?: AjvError[] | null };
const validateFn = validateGenerated as unknown as ValidateFn;

function toPath(pointer: string): (string | number)[] {
  if (!pointer) return [];
  return pointer
    .slice(1)
    .split('/')
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'))
    .map((s) => (/^(0|[1-9][0-9]*)$/.test(s) ? Number(s) : s));
}

function valueAt(root: unknown, path: SpecPath): unknown {
  let cur: unknown = root;
  for (const seg of path) {
    if (cur === null || typeof cur !== 'object') return undefined;
    cur = (cur as Record<string | number, unknown>)[seg];
  }
  return cur;
}

/** Known property names of the object at an instance path, for did-you-mean on unknown keys. */
function knownKeys(root: SchemaNode, path: SpecPath): string[] {
  const node = schemaFor(root, path).node;
  const branches = [node, ...((((node?.anyOf ?? node?.oneOf) as SchemaNode[] | undefined) ?? []).map((b) => deref(root, b)))];
  return branches.flatMap((b) => Object.keys((b?.properties as object | undefined) ?? {}));
}

/** For a "one of these keys" object (probe handlers, secret stores), the keys; else undefined. */
function exclusiveKeys(root: SchemaNode, path: SpecPath): string[] | undefined {
  const branches = schemaFor(root, path).node?.oneOf as SchemaNode[] | undefined;
  if (!branches?.every((b) => Array.isArray(b.required) && (b.required as string[]).length === 1 && !b.type)) return undefined;
  return branches.map((b) => (b.required as string[])[0]!);
}

/** Whether a JSON Schema `type` admits a scalar (NaN and infinities are no integer). */
function admitsType(t: unknown, actual: unknown): boolean {
  if (t === 'integer') return Number.isInteger(actual);
  if (t === 'number') return typeof actual === 'number' && Number.isFinite(actual);
  return t === typeof actual;
}

/** The alternatives' types (`integer or a map`) when none admits a scalar value's type; else undefined. */
function branchTypes(root: SchemaNode, keyword: string, path: SpecPath, actual: unknown): string[] | undefined {
  if (actual === null || typeof actual === 'object') return undefined;
  const branches = schemaFor(root, path).node?.[keyword] as SchemaNode[] | undefined;
  if (!Array.isArray(branches)) return undefined;
  const nodes = branches.map((b) => deref(root, b));
  const types = nodes.map((n) => n?.type);
  if (!types.every((t) => typeof t === 'string') || types.some((t) => admitsType(t, actual))) return undefined;
  // An object alternative with one required key reads as that key: `{ param: ... }`.
  const name = (n: SchemaNode | undefined) => {
    const req = n?.required as string[] | undefined;
    if (n?.type === 'object') return req?.length === 1 ? `{ ${req[0]}: ... }` : 'a map';
    return n?.type === 'array' ? 'a list' : String(n?.type);
  };
  return [...new Set(nodes.map(name))];
}

/** The index of the only alternative of a oneOf/anyOf whose `type` admits a scalar value, if exactly one does. */
function soleTypedBranch(root: SchemaNode, keyword: string, path: SpecPath, actual: unknown): number | undefined {
  if (actual === null || typeof actual === 'object') return undefined;
  const branches = schemaFor(root, path).node?.[keyword] as SchemaNode[] | undefined;
  if (!Array.isArray(branches)) return undefined;
  const fitting = branches.map((b, i) => [deref(root, b)?.type, i] as const).filter(([t]) => admitsType(t, actual));
  return fitting.length === 1 ? fitting[0]![1] : undefined;
}

function describedAs(root: SchemaNode, path: SpecPath): string {
  const d = schemaFor(root, path).description;
  return d ? `: ${d}` : '.';
}

/** Validate a parsed spec against spec v1. Returns diagnostics without positions. */
export function validateSpec(value: unknown): Diagnostic[] {
  return validateAgainst(SCHEMA, validateFn, value);
}

/** The service schema as an object (parsed once, on demand). */
export function serviceSchemaObject(): SchemaNode {
  return SCHEMA();
}

/**
 * A validator for another spec kind (the platform spec): its schema JSON (made when an error needs
 * wording) and its generated ajv standalone function, with the same error mapping as `validateSpec`.
 */
export function createSchemaValidator(schema: () => object, generated: unknown): (value: unknown) => Diagnostic[] {
  return (value) => validateAgainst(schema as () => SchemaNode, generated as ValidateFn, value);
}

function validateAgainst(schema: () => SchemaNode, validateFn: ValidateFn, value: unknown): Diagnostic[] {
  if (validateFn(value)) return [];
  const root = schema();
  const errors = validateFn.errors ?? [];
  const out: Diagnostic[] = [];
  const seen = new Set<string>();
  // Errors inside a failed oneOf/anyOf: keep the branch errors that got deepest, drop the summary.
  const combinators = errors.filter((e) => e.keyword === 'oneOf' || e.keyword === 'anyOf');
  // A scalar that only one alternative's type admits (a number where "integer or { param }" is
  // wanted) is explained by that alternative's own errors ("Must be >= 0").
  const typedBranch = new Map<(typeof errors)[number], string>();
  for (const c of combinators) {
    const i = soleTypedBranch(root, c.keyword, toPath(c.instancePath), valueAt(value, toPath(c.instancePath)));
    const prefix = `${c.schemaPath}/${i}/`;
    if (i !== undefined && errors.some((o) => o.instancePath === c.instancePath && o.schemaPath.startsWith(prefix) && o.keyword !== 'type')) typedBranch.set(c, prefix);
  }
  for (const e of errors) {
    let path: (string | number)[] = toPath(e.instancePath);
    let code = `SCHEMA_${e.keyword.replace(/([a-z])([A-Z])/g, '$1_$2').toUpperCase()}`;
    let message = e.message ?? 'is invalid';
    let hint: string | undefined;
    const actual = valueAt(value, path);
    // A value where a secret reference belongs, or one that looks like a credential, is described
    // by its type only, and gets no did-you-mean or character hint (which would quote it).
    const hidden = isSecretPath(path) || (typeof actual === 'string' && findSecretFormat(actual) !== undefined);
    const describe = (v: unknown) => (hidden && v !== null && typeof v !== 'object' ? `a ${typeof v} (value not shown)` : describeValue(v));
    switch (e.keyword) {
      case 'additionalProperties': {
        const key = String(e.params.additionalProperty);
        path = [...path, key];
        code = 'SCHEMA_UNKNOWN_KEY';
        message = `Unknown key "${key}".`;
        const s = didYouMean(key, knownKeys(root, path.slice(0, -1)));
        if (s) hint = `did you mean "${s}"?`;
        break;
      }
      case 'required':
        message = `Missing required key "${String(e.params.missingProperty)}".`;
        break;
      case 'type':
        message = `Expected ${String(e.params.type).replace(',', ' or ')}, got ${describe(actual)}.`;
        break;
      case 'enum':
        message = `Expected one of ${(e.params.allowedValues as unknown[]).map((v) => JSON.stringify(v)).join(', ')}, got ${describe(actual)}.`;
        if (typeof actual === 'string' && !hidden) {
          const s = didYouMean(actual, (e.params.allowedValues as unknown[]).map(String));
          if (s) hint = `did you mean "${s}"?`;
        }
        break;
      case 'const':
        message = `Expected ${JSON.stringify(e.params.allowedValue)}, got ${describe(actual)}.`;
        break;
      case 'pattern':
        // The rule broken, in words with an example: never the field's description.
        message = `${capitalize(describe(actual))} ${patternRule(String(e.params.pattern))}.`;
        if (typeof actual === 'string' && !hidden) hint = nonAsciiHint(actual);
        break;
      case 'propertyNames': {
        const key = String(e.params.propertyName);
        path = [...path, key];
        code = 'SCHEMA_KEY_NAME';
        const pattern = (schemaFor(root, path.slice(0, -1)).node?.propertyNames as { pattern?: string } | undefined)?.pattern;
        message = `The name ${JSON.stringify(key)} is not allowed here${pattern ? `: a name here ${patternRule(pattern)}` : ''}.`;
        hint = nonAsciiHint(key);
        break;
      }
      case 'oneOf':
      case 'anyOf': {
        // Report the summary only if no deeper branch error explains it better.
        const deeper = errors.some((o) => o.instancePath.startsWith(`${e.instancePath}/`) && o.schemaPath.startsWith(e.schemaPath));
        if (deeper || typedBranch.has(e)) continue;
        code = 'SCHEMA_ONE_OF';
        const several = e.keyword === 'oneOf' && Array.isArray(e.params.passingSchemas);
        const keys = exclusiveKeys(root, path);
        // A value that is not a map matches every "one of these keys" branch vacuously: its type error says it.
        if (keys && (actual === null || typeof actual !== 'object' || Array.isArray(actual))) continue;
        if (keys) {
          message = `Give exactly one of ${keys.map((k) => `"${k}"`).join(', ')}${several ? ', not several' : ''}.`;
          if (several && (path[0] === 'targets' || path[0] === 'environments')) hint = "an override merges with the base spec: set the base's key to null to replace it";
          break;
        }
        const pattern = several ? undefined : brokenPattern(root, schemaFor(root, path).node, actual);
        if (pattern !== undefined) {
          code = 'SCHEMA_PATTERN';
          message = `${capitalize(describe(actual))} ${patternRule(pattern)}.`;
          break;
        }
        message = several ? `Give exactly one of the alternatives, not several${describedAs(root, path)}` : `${describe(actual)} is not a valid value${describedAs(root, path)}`;
        const types = several ? undefined : branchTypes(root, e.keyword, path, actual);
        if (types) {
          code = 'SCHEMA_TYPE';
          message = `Expected ${types.join(' or ')}, got ${describe(actual)}.`;
        }
        break;
      }
      default:
        message = `${capitalize(message)}.`;
    }
    // Errors inside a failed oneOf/anyOf at the same value are its alternatives, not separate problems.
    if (e.keyword !== 'oneOf' && e.keyword !== 'anyOf' && combinators.some((c) => c.instancePath === e.instancePath && e.schemaPath.startsWith(`${c.schemaPath}/`) && !e.schemaPath.startsWith(typedBranch.get(c) ?? '\u0000'))) continue;
    if (e.keyword === 'pattern' && e.schemaPath.includes('propertyNames')) continue; // reported by its propertyNames error
    const key = code === 'SCHEMA_ONE_OF' ? `${code}|${path.join('\u0000')}` : `${code}|${path.join('\u0000')}|${message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const d: Diagnostic = { code, severity: 'error', message, source: 'schema', path };
    if (hint) d.hint = hint;
    out.push(d);
  }
  return out;
}

/**
 * For a value no alternative accepts: the pattern of the one alternative of the value's own type
 * (a duration given as a string, a CPU amount as text), which is then the rule it broke.
 */
function brokenPattern(root: SchemaNode, node: SchemaNode | undefined, actual: unknown): string | undefined {
  if (typeof actual !== 'string') return undefined;
  const leaves: SchemaNode[] = [];
  const walk = (n: SchemaNode | undefined, depth: number): void => {
    const d = deref(root, n);
    if (!d || depth > 6) return;
    const branches = (d.anyOf ?? d.oneOf) as SchemaNode[] | undefined;
    if (branches) branches.forEach((b) => walk(b, depth + 1));
    else if (d.type === 'string') leaves.push(d);
  };
  walk(node, 0);
  return leaves.length === 1 && typeof leaves[0]!.pattern === 'string' ? leaves[0]!.pattern : undefined;
}

/** Point at the first character outside printable ASCII (a Cyrillic "а" that looks like "a", a NUL, a newline). */
function nonAsciiHint(s: string): string | undefined {
  const m = /[^\x20-\x7e]/u.exec(s);
  if (!m) return undefined;
  const cp = m[0].codePointAt(0)!;
  const code = `U+${cp.toString(16).toUpperCase().padStart(4, '0')}`;
  const ascii = m[0].normalize('NFKD').replace(/[^\x20-\x7e]/g, '');
  const looksLike = CONFUSABLES[m[0]] ?? (ascii || undefined);
  return `character ${m.index + 1} is ${code}${looksLike ? `, which looks like "${looksLike}"` : ''}: only ASCII is allowed here`;
}

/** A few common look-alikes (Cyrillic and Greek letters in Latin names). */
const CONFUSABLES: Record<string, string> = {
  'а': 'a', 'е': 'e', 'о': 'o', 'р': 'p', 'с': 'c', 'у': 'y', 'х': 'x', 'і': 'i', 'ј': 'j', 'ѕ': 's', 'ԁ': 'd', 'ո': 'n',
  'α': 'a', 'ο': 'o', 'ν': 'v', 'ι': 'i', 'κ': 'k', 'ρ': 'p', 'τ': 't', 'υ': 'u',
};

function capitalize(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

export function describeValue(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'a list';
  if (typeof v === 'object') return 'a map';
  if (typeof v === 'string') return JSON.stringify(v.length > 60 ? `${v.slice(0, 57)}...` : v);
  if (typeof v === 'number' && !Number.isFinite(v)) return String(v);
  if (v === undefined) return 'nothing';
  return JSON.stringify(v);
}
