/**
 * Schema validation with the ajv standalone validator generated at build time (no schema compile
 * at start-up). ajv errors become diagnostics: `instancePath` → spec path, unknown keys point at
 * the key with a did-you-mean, `oneOf`/`anyOf` noise is collapsed to the most useful message.
 */
import { didYouMean, type Diagnostic, type SpecPath } from '../core/diagnostics.js';
// @ts-ignore -- generated JavaScript without declarations
import validateGenerated from './validate.generated.js';

interface AjvError {
  keyword: string;
  instancePath: string;
  schemaPath: string;
  params: Record<string, unknown>;
  message?: string;
  parentSchema?: { description?: string; properties?: Record<string, unknown> };
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

/** Known property names at a schema path, for did-you-mean on unknown keys. */
function knownKeys(err: AjvError): string[] {
  const props = err.parentSchema?.properties;
  return props ? Object.keys(props) : [];
}

/** Validate a parsed spec against spec v1. Returns diagnostics without positions. */
export function validateSpec(value: unknown): Diagnostic[] {
  if (validateFn(value)) return [];
  const errors = validateFn.errors ?? [];
  const out: Diagnostic[] = [];
  const seen = new Set<string>();
  // Errors inside a failed oneOf/anyOf: keep the branch errors that got deepest, drop the summary.
  const combinatorPaths = new Set(errors.filter((e) => e.keyword === 'oneOf' || e.keyword === 'anyOf').map((e) => e.instancePath));
  for (const e of errors) {
    let path: (string | number)[] = toPath(e.instancePath);
    let code = `SCHEMA_${e.keyword.replace(/([a-z])([A-Z])/g, '$1_$2').toUpperCase()}`;
    let message = e.message ?? 'is invalid';
    let hint: string | undefined;
    const actual = valueAt(value, path);
    switch (e.keyword) {
      case 'additionalProperties': {
        const key = String(e.params.additionalProperty);
        path = [...path, key];
        code = 'SCHEMA_UNKNOWN_KEY';
        message = `Unknown key "${key}".`;
        const s = didYouMean(key, knownKeys(e));
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
        if (typeof actual === 'string') {
          const s = didYouMean(actual, (e.params.allowedValues as unknown[]).map(String));
          if (s) hint = `did you mean "${s}"?`;
        }
        break;
      case 'const':
        message = `Expected ${JSON.stringify(e.params.allowedValue)}, got ${describe(actual)}.`;
        break;
      case 'pattern':
        message = `${describe(actual)} does not match the expected format${e.parentSchema?.description ? `: ${e.parentSchema.description}` : '.'}`;
        break;
      case 'propertyNames':
        continue; // reported by the nested 'pattern' error with the key path below
      case 'oneOf':
      case 'anyOf': {
        // Report the summary only if no branch error explains it better.
        const branch = errors.some((o) => o !== e && o.keyword !== 'oneOf' && o.keyword !== 'anyOf' && o.instancePath.startsWith(e.instancePath) && o.instancePath !== e.instancePath);
        if (branch) continue;
        if (e.keyword === 'oneOf' && Array.isArray(e.params.passingSchemas)) message = 'Give exactly one of the alternatives, not several.';
        else message = `${describe(actual)} is not a valid value${e.parentSchema?.description ? `: ${e.parentSchema.description}` : '.'}`;
        code = 'SCHEMA_ONE_OF';
        break;
      }
      default:
        message = `${capitalize(message)}.`;
    }
    // Branch errors of a failed oneOf at the same path are alternatives, not separate problems.
    if (combinatorPaths.has(e.instancePath) && (e.keyword === 'type' || e.keyword === 'pattern' || e.keyword === 'required')) {
      const alt = errors.find((o) => (o.keyword === 'oneOf' || o.keyword === 'anyOf') && o.instancePath === e.instancePath);
      if (alt) {
        code = 'SCHEMA_ONE_OF';
        message = `${describe(actual)} is not a valid value${alt.parentSchema?.description ? `: ${alt.parentSchema.description}` : '.'}`;
        hint = undefined;
      }
    }
    if (e.keyword === 'pattern' && e.schemaPath.includes('propertyNames')) {
      path = [...path, String(e.params.propertyName ?? '')];
    }
    const key = `${code}|${path.join('\u0000')}|${message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const d: Diagnostic = { code, severity: 'error', message, source: 'schema', path };
    if (hint) d.hint = hint;
    out.push(d);
  }
  return out;
}

function capitalize(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

export function describe(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'a list';
  if (typeof v === 'object') return 'a map';
  if (typeof v === 'string') return JSON.stringify(v.length > 60 ? `${v.slice(0, 57)}...` : v);
  if (typeof v === 'number' && !Number.isFinite(v)) return String(v);
  if (v === undefined) return 'nothing';
  return JSON.stringify(v);
}
